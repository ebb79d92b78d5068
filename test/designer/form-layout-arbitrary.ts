import fc from 'fast-check';
import type { FormSection } from '../../engine/definitions/index.js';
import type { DesignField, DesignForm, FieldType } from '../../designer/src/form-designer/field-model.js';

/** Designer models with sections, widths and lookups that fill their siblings, over a small pool of names so two models share fields. */
const names = ['lot', 'supplier', 'supplierName', 'qty', 'inspectedOn', 'result', 'notes', 'price'] as const;
const words = fc.string({ minLength: 1, maxLength: 8 });
const label = fc.record({ 'zh-CN': words, en: words });
const simpleTypes: readonly FieldType[] = ['text', 'textarea', 'number', 'money', 'date', 'yesNo', 'lookup'];

const field = (name: string): fc.Arbitrary<DesignField> =>
  fc
    .record({
      type: fc.constantFrom(...simpleTypes),
      label,
      required: fc.boolean(),
      width: fc.option(fc.constantFrom('full' as const, 'half' as const, 'third' as const), { nil: undefined }),
      max: fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }),
      help: fc.option(label, { nil: undefined }),
    })
    .map(({ type, label: fieldLabel, required, width, max, help }) => {
      const result: DesignField = { name, type, label: fieldLabel, required };
      if (type === 'text' || type === 'textarea') result.maxLength = max ?? 100;
      if (type === 'number' || type === 'money') {
        result.min = 0;
        if (max !== undefined) result.max = max;
      }
      if (type === 'lookup') {
        result.maxLength = 64;
        result.lookup = { form: 'supplier', displayField: 'name' };
      }
      if (help !== undefined) result.help = help;
      if (width !== undefined) result.width = width;
      return result;
    });

export const layoutModel: fc.Arbitrary<DesignForm> = fc
  .uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: names.length })
  .chain((chosen) =>
    fc.record({
      title: label,
      fields: fc.tuple(...chosen.map(field)),
      sections: fc.array(fc.record({ title: fc.option(label, { nil: undefined }), before: fc.option(fc.constantFrom(...chosen), { nil: undefined }) }), { maxLength: 3 }),
      fill: fc.subarray(chosen),
    }),
  )
  .map(({ title, fields, sections, fill }) => {
    const list = [...fields];
    const lookup = list.find((candidate) => candidate.type === 'lookup');
    if (lookup?.lookup !== undefined) {
      const targets = fill.filter((name) => name !== lookup.name);
      if (targets.length > 0) lookup.lookup = { ...lookup.lookup, fill: Object.fromEntries(targets.map((name) => [name, 'name'])) };
    }
    const model: DesignForm = { id: 'incoming-inspection', version: 1, title, fields: list, rest: {}, ui: {} };
    if (sections.length > 0) {
      model.sections = sections.map(({ title: sectionTitle, before }, index): FormSection => ({
        id: `section${index + 1}`,
        ...(sectionTitle === undefined ? {} : { title: sectionTitle }),
        ...(before === undefined ? {} : { before }),
      }));
    }
    return model;
  });
