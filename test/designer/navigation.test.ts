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

  it('places every readable form exactly once', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 });
    fc.assert(
      fc.property(ids, fc.array(ids, { maxLength: 3 }), (readable, groups) => {
        const withGroups = { ...app, navigation: groups.map((forms) => ({ title: text('g', 'g'), forms })) };
        const placed = buildNavigation(withGroups, readable.map(form)).flatMap((section) => section.forms.map((entry) => entry.id));
        expect([...placed].sort()).toEqual([...readable].sort());
      }),
    );
  });
});
