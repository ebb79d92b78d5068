import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../engine/definitions/index.js';
import { validateAgainstMetaSchema } from '../../engine/definitions/index.js';
import { compileForm } from '../../engine/forms/index.js';
import { COLUMN_TYPES, FIELD_TYPES, definitionText, fromDefinition, toDefinition, type DesignField, type DesignForm, type FieldType } from '../../designer/src/form-designer/field-model.js';

const name = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,11}$/);
const words = fc.string({ minLength: 1, maxLength: 12 });
const label = fc.record({ 'zh-CN': words, en: words });
const options = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 4 }).chain((values) =>
  fc.tuple(...values.map(() => label)).map((labels) => values.map((value, index) => ({ value, label: labels[index]! }))),
);

function field(types: readonly FieldType[], columns?: fc.Arbitrary<DesignField[]>): fc.Arbitrary<DesignField> {
  return fc.record({ name, type: fc.constantFrom(...types), label, help: fc.option(label, { nil: undefined }), required: fc.boolean(), options, columns: columns ?? fc.constant<DesignField[]>([]) }).map(
    ({ name: fieldName, type, label: fieldLabel, help, required, options: choices, columns: fieldColumns }) => {
      const result: DesignField = { name: fieldName, type, label: fieldLabel, required };
      if (help !== undefined) result.help = help;
      if (type === 'text' || type === 'textarea') result.maxLength = 80;
      if (type === 'lookup' || type === 'serial') result.maxLength = type === 'lookup' ? 64 : 40;
      if (type === 'number' || type === 'money') {
        result.min = 0;
        result.max = 1000;
      }
      if (type === 'choice' || type === 'multiChoice') result.options = choices;
      if (type === 'attachments') result.extra = { maxItems: 9 };
      if (type === 'lookup') result.lookup = { form: 'customer', displayField: 'name' };
      if (type === 'serial') result.serial = { prefix: 'II-{YYYY}-', digits: 4 };
      if (type === 'table') result.columns = [...fieldColumns];
      return result;
    },
  );
}

const uniqueByName = (fields: DesignField[]) => fields.filter((candidate, index) => fields.findIndex((other) => other.name === candidate.name) === index);
const columnList = fc.array(field(COLUMN_TYPES), { minLength: 1, maxLength: 4 }).map(uniqueByName);
const model: fc.Arbitrary<DesignForm> = fc
  .record({ title: label, fields: fc.array(field(FIELD_TYPES, columnList), { minLength: 1, maxLength: 8 }) })
  .map(({ title, fields }) => ({ id: 'incoming-inspection', version: 1, title, fields: uniqueByName(fields), rest: {}, ui: {} }));

describe('the form designer model and form definitions', () => {
  it('round-trips: model -> definition -> model is the same model and the same text', () => {
    fc.assert(
      fc.property(model, (designed) => {
        const definition = toDefinition(designed);
        const read = fromDefinition(JSON.parse(JSON.stringify(definition)) as FormDefinition);
        expect(read).toEqual(designed);
        expect(definitionText(read)).toBe(definitionText(designed));
      }),
      { numRuns: 200 },
    );
  });

  it('writes definitions the meta-schema and the form compiler accept', () => {
    fc.assert(
      fc.property(model, (designed) => {
        const definition = toDefinition(designed);
        expect(validateAgainstMetaSchema('form', definition)).toEqual([]);
        expect(() => compileForm(definition)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('keeps every field, order, formula and rule of each shipped form through the designer', () => {
    const dir = join(import.meta.dirname, '../../definitions/mto/forms');
    for (const file of readdirSync(dir)) {
      const shipped = JSON.parse(readFileSync(join(dir, file), 'utf8')) as FormDefinition;
      const written = toDefinition(fromDefinition(shipped));
      expect(validateAgainstMetaSchema('form', written), file).toEqual([]);
      const compiled = compileForm(written);
      expect(compiled.fields.map((entry) => entry.path).sort(), file).toEqual(compileForm(shipped).fields.map((entry) => entry.path).sort());
      expect(written.computed, file).toEqual(shipped.computed);
      expect(written.rules, file).toEqual(shipped.rules);
      expect(written.permissions, file).toEqual(shipped.permissions);
      expect(written.labels, file).toEqual(shipped.labels);
      expect(written.lookups, file).toEqual(shipped.lookups);
      expect(written.layout, file).toEqual(shipped.layout);
      const order = shipped.uiSchema?.['ui:order'];
      if (Array.isArray(order)) expect(written.uiSchema?.['ui:order'], file).toEqual(order);
      // Twice through is a fixed point: the text the JSON view shows settles.
      expect(definitionText(fromDefinition(written))).toBe(definitionText(fromDefinition(shipped)));
    }
  });

  it('maps a money field to a number in cents and back', () => {
    const designed: DesignForm = {
      id: 'quote',
      version: 3,
      title: { 'zh-CN': '报价', en: 'Quote' },
      fields: [{ name: 'amount', type: 'money', label: { 'zh-CN': '金额', en: 'Amount' }, required: true, min: 0 }],
      rest: { titleField: 'amount' },
      ui: {},
    };
    const definition = toDefinition(designed);
    expect(definition.schema).toEqual({ type: 'object', additionalProperties: false, required: ['amount'], properties: { amount: { type: 'number', minimum: 0, multipleOf: 0.01 } } });
    expect(Object.keys(definition)).toEqual(['kind', 'id', 'version', 'title', 'schema', 'uiSchema', 'labels', 'titleField']);
    expect(fromDefinition(definition)).toEqual(designed);
  });
});
