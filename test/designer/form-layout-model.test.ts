import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../engine/definitions/index.js';
import { validateAgainstMetaSchema } from '../../engine/definitions/index.js';
import { compileForm } from '../../engine/forms/index.js';
import { renderOrder, renderedSections } from '../../engine/forms/model/index.js';
import { definitionText, fromDefinition, toDefinition, type DesignForm } from '../../designer/src/form-designer/field-model.js';
import { canvasItems, itemId, withItems, type CanvasItem } from '../../designer/src/form-designer/layout-items.js';
import { layoutModel } from './form-layout-arbitrary.js';

function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  const [moved] = result.splice(from, 1);
  if (moved !== undefined) result.splice(to, 0, moved);
  return result;
}

function anchors(model: DesignForm): Record<string, string | null> {
  return Object.fromEntries((model.sections ?? []).map((section) => [section.id, section.before ?? null]));
}

describe('sections, widths and lookup fill in the designer model', () => {
  it('round-trip through the definition, and the text is a fixed point', () => {
    fc.assert(
      fc.property(layoutModel, (designed) => {
        const definition = toDefinition(designed);
        const read = fromDefinition(JSON.parse(JSON.stringify(definition)) as FormDefinition);
        expect(read).toEqual(designed);
        expect(definitionText(read)).toBe(definitionText(designed));
      }),
      { numRuns: 200 },
    );
  });

  it('write definitions the meta-schema and the form compiler accept', () => {
    fc.assert(
      fc.property(layoutModel, (designed) => {
        const definition = toDefinition(designed);
        expect(validateAgainstMetaSchema('form', definition)).toEqual([]);
        expect(() => compileForm(definition)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('keep every field and section, anchored to the field that follows it, whatever the canvas moves', () => {
    fc.assert(
      fc.property(layoutModel, fc.nat(), fc.nat(), (designed, a, b) => {
        const items = canvasItems(designed);
        const moved = moveItem(items, a % items.length, b % items.length);
        const next = withItems(designed, moved);
        expect(next.fields.map((field) => field.name).sort()).toEqual(designed.fields.map((field) => field.name).sort());
        expect(Object.keys(anchors(next)).sort()).toEqual(Object.keys(anchors(designed)).sort());
        moved.forEach((item, index) => {
          if (item.kind !== 'section') return;
          const following = moved.slice(index + 1).find((candidate): candidate is Extract<CanvasItem, { kind: 'field' }> => candidate.kind === 'field');
          expect(anchors(next)[item.section.id]).toBe(following?.field.name ?? null);
        });
        // What the canvas shows is what it was given.
        expect(canvasItems(next).map(itemId)).toEqual(moved.map(itemId).filter((id, index, all) => all.indexOf(id) === index));
      }),
      { numRuns: 200 },
    );
  });

  it('render each section before the first field the reader may see at or after its anchor', () => {
    const definition = toDefinition({
      id: 'inspection',
      version: 1,
      title: { 'zh-CN': '检验', en: 'Inspection' },
      fields: ['lot', 'cost', 'result'].map((name) => ({ name, type: 'text' as const, label: { 'zh-CN': name, en: name }, required: false, maxLength: 20 })),
      sections: [
        { id: 'money', title: { 'zh-CN': '费用', en: 'Cost' }, before: 'cost' },
        { id: 'end' },
      ],
      rest: {},
      ui: {},
    });
    const order = renderOrder(Object.keys(definition.schema.properties), definition.uiSchema?.['ui:order']);
    expect(renderedSections(definition, order, new Set(['lot', 'result']), 'en')).toEqual([{ id: 'money', title: 'Cost', before: 'result' }, { id: 'end' }]);
    expect(renderedSections(definition, order, new Set(['lot']), 'zh-CN')).toEqual([{ id: 'money', title: '费用' }, { id: 'end' }]);
  });

  it('refuse sections and widths on sub-table columns and repeated section ids', () => {
    const definition = {
      kind: 'form',
      id: 'inspection',
      version: 1,
      title: { 'zh-CN': '检验', en: 'Inspection' },
      schema: { type: 'object', properties: { lot: { type: 'string' }, lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'number' } } } } } },
      layout: { sections: [{ id: 'a', before: 'lines.qty' }, { id: 'a' }], widths: { 'lines.qty': 'half', nope: 'full' } },
    } as unknown as FormDefinition;
    expect(() => compileForm(definition)).toThrow(/layout\/sections\/0\/before.*column.*layout\/sections\/1\/id.*twice.*layout\/widths\/lines.qty.*column.*layout\/widths\/nope.*no field/s);
  });
});
