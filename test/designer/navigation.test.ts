import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppDefinition, FormDefinition } from '../../engine/definitions/generated/definition-types.js';
import { buildNavigation } from '../../designer/src/shell/navigation.js';
import { ORDER, text } from './order-definition.js';

describe('navigation', () => {
  const form = (id: string): FormDefinition => ({ ...ORDER, id, title: text(id, id) });
  const app: AppDefinition = {
    kind: 'app',
    id: 'mto',
    version: 1,
    title: text('MTO', '按单生产'),
    roles: [{ id: 'sales', title: text('Sales', '销售') }],
    navigation: [
      { title: text('Sales', '销售'), forms: ['customer', 'sales-order', 'quote'] },
      { title: text('Engineering', '工程'), forms: ['bom'] },
    ],
  };

  it('keeps the app groups in order with only the readable forms, then the forms no group names', () => {
    const sections = buildNavigation(app, [form('sales-order'), form('customer'), form('item')]);
    expect(sections.map((section) => [section.title?.en, section.forms.map((entry) => entry.id)])).toEqual([
      ['Sales', ['customer', 'sales-order']],
      [undefined, ['item']],
    ]);
  });

  it('puts a form in the group it chose in the form designer, after the forms the group lists, and nowhere else', () => {
    const grouped: AppDefinition = { ...app, navigation: [{ id: 'sales', ...app.navigation[0]! }, { id: 'engineering', ...app.navigation[1]! }] };
    const sections = buildNavigation(grouped, [form('inspection'), { ...form('customer'), navGroup: 'engineering' }, form('sales-order'), { ...form('quote'), navGroup: 'sales' }, { ...form('gone'), navGroup: 'removed' }]);
    expect(sections.map((section) => [section.title?.en, section.forms.map((entry) => entry.id)])).toEqual([
      ['Sales', ['sales-order', 'quote']],
      ['Engineering', ['customer']],
      [undefined, ['inspection', 'gone']],
    ]);
  });

  it('places every readable form exactly once, in the group it chose when the app has that group', () => {
    const names = ['a', 'b', 'c', 'd', 'e'] as const;
    const ids = fc.uniqueArray(fc.constantFrom(...names), { maxLength: 5 });
    const groupId = fc.option(fc.constantFrom('g1', 'g2', 'g3'), { nil: undefined });
    fc.assert(
      fc.property(ids, fc.array(fc.record({ id: groupId, forms: ids }), { maxLength: 3 }), fc.array(groupId, { minLength: 5, maxLength: 5 }), (readable, groups, choices) => {
        const withGroups: AppDefinition = { ...app, navigation: groups.map((group) => ({ ...(group.id === undefined ? {} : { id: group.id }), title: text(group.id ?? 'g', 'g'), forms: group.forms })) };
        const defined = readable.map((id) => {
          const navGroup = choices[names.indexOf(id)];
          return navGroup === undefined ? form(id) : { ...form(id), navGroup };
        });
        const sections = buildNavigation(withGroups, defined);
        const placed = sections.flatMap((section) => section.forms.map((entry) => entry.id));
        expect([...placed].sort()).toEqual([...readable].sort());
        for (const entry of defined) {
          const target = withGroups.navigation.find((group) => group.id !== undefined && group.id === entry.navGroup);
          if (target === undefined) continue;
          const section = sections.find((candidate) => candidate.forms.some((placedForm) => placedForm.id === entry.id));
          expect(section?.title).toBe(target.title);
        }
      }),
    );
  });
});
