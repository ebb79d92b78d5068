import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../engine/definitions/index.js';
import { diffDefinitions, fieldFacts, isEmptyDiff, textDiff, type DefinitionDiff } from '../../designer/src/form-designer/definition-diff.js';
import { definitionText, fromDefinition, toDefinition, type DesignForm } from '../../designer/src/form-designer/field-model.js';
import { layoutModel } from './form-layout-arbitrary.js';

const salesOrder = JSON.parse(readFileSync(join(import.meta.dirname, '../../definitions/mto/forms/sales-order.json'), 'utf8')) as FormDefinition;

/** Rules, permissions and computed fields on some of the model's fields: aspects the designer carries in `rest`. */
const withRest = layoutModel.chain((model) =>
  fc.record({ ruled: fc.subarray(model.fields.map((field) => field.name)), formula: fc.constantFrom('1', '2'), roles: fc.subarray(['inspector', 'buyer']) }).map(({ ruled, formula, roles }): DesignForm => {
    const rest: Record<string, unknown> = {};
    if (ruled.length > 0) {
      rest.rules = ruled.map((field) => ({ field, visible: `${formula} = 1` }));
      rest.permissions = Object.fromEntries(ruled.map((field) => [field, { write: roles }]));
    }
    return { ...model, rest };
  }),
);

/** One edit a designer makes, applied to a model. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('label' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('required' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('width' as const), at: fc.nat(), width: fc.constantFrom('full' as const, 'half' as const, undefined) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('title' as const), text: fc.string({ minLength: 1, maxLength: 6 }) }),
);

type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(model: DesignForm, change: Edit): DesignForm {
  const fields = structuredClone(model.fields);
  if (fields.length === 0 && change.kind !== 'title') return model;
  const at = 'at' in change ? change.at % fields.length : 0;
  const field = fields[at]!;
  switch (change.kind) {
    case 'label':
      field.label = { ...field.label, en: `${field.label.en}${change.text}` };
      break;
    case 'required':
      field.required = !field.required;
      break;
    case 'width':
      if (change.width === undefined) delete field.width;
      else field.width = change.width;
      break;
    case 'remove':
      fields.splice(at, 1);
      break;
    case 'swap': {
      const next = (at + 1) % fields.length;
      [fields[at], fields[next]] = [fields[next]!, field];
      break;
    }
    case 'title':
      return { ...model, title: { ...model.title, 'zh-CN': `${model.title['zh-CN']}${change.text}` } };
  }
  return { ...model, fields };
}

/** What the diff says the draft's facts are, starting from the published version's. */
function replay(published: FormDefinition, diff: DefinitionDiff): Record<string, unknown> {
  const facts: Record<string, Record<string, unknown>> = Object.fromEntries([...fieldFacts(published)].map(([path, entry]) => [path, { ...entry.facts }]));
  for (const change of diff.fields) {
    if (change.kind === 'added') facts[change.path] = { ...change.facts };
    else if (change.kind === 'removed') delete facts[change.path];
    else {
      for (const aspect of change.aspects) {
        expect(JSON.stringify(facts[change.path]?.[aspect.aspect])).toBe(JSON.stringify(aspect.before));
        facts[change.path]![aspect.aspect] = aspect.after;
      }
    }
  }
  return JSON.parse(JSON.stringify(facts)) as Record<string, unknown>;
}

function factsOf(definition: FormDefinition): Record<string, unknown> {
  return JSON.parse(JSON.stringify(Object.fromEntries([...fieldFacts(definition)].map(([path, entry]) => [path, entry.facts])))) as Record<string, unknown>;
}

describe('the diff of a draft against the published version', () => {
  it('is empty for a definition and itself, and for its copy through JSON', () => {
    fc.assert(
      fc.property(withRest, (model) => {
        const definition = toDefinition(model);
        expect(isEmptyDiff(diffDefinitions(definition, definition))).toBe(true);
        expect(diffDefinitions(definition, JSON.parse(JSON.stringify(definition)) as FormDefinition)).toEqual({ fields: [], form: [] });
        expect(textDiff(definitionText(model), definitionText(model))).toEqual([]);
      }),
      { numRuns: 150 },
    );
    expect(isEmptyDiff(diffDefinitions(salesOrder, salesOrder))).toBe(true);
  });

  it('explains every changed field: replaying the reported changes on the published facts gives the draft facts', () => {
    fc.assert(
      fc.property(withRest, withRest, (before, after) => {
        const published = toDefinition(before);
        const draft = toDefinition(after);
        const diff = diffDefinitions(published, draft);
        expect(replay(published, diff)).toEqual(factsOf(draft));
        for (const change of diff.fields) if (change.kind === 'changed') expect(change.aspects.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('says nothing changed exactly when the designer would write the same text', () => {
    fc.assert(
      fc.property(withRest, fc.array(edit, { maxLength: 2 }), (model, edits) => {
        const draft = edits.reduce(applyEdit, model);
        const diff = diffDefinitions(toDefinition(model), toDefinition(draft));
        expect(isEmptyDiff(diff)).toBe(definitionText(model) === definitionText(draft));
        expect(textDiff(definitionText(model), definitionText(draft)).length === 0).toBe(definitionText(model) === definitionText(draft));
      }),
      { numRuns: 300 },
    );
  });

  it('reports a relabelled, newly required, added and removed field of the sales order in the properties panel\'s terms', () => {
    const model = fromDefinition(salesOrder);
    const fields = model.fields
      .filter((field) => field.name !== 'rushReason')
      .map((field) => (field.name === 'customer' ? { ...field, label: { 'zh-CN': '客户（买方）', en: 'Customer (buyer)' } } : field.name === 'remarks' ? { ...field, required: !field.required } : field));
    fields.push({ name: 'inspectionLevel', type: 'text', label: { 'zh-CN': '检验水平', en: 'Inspection level' }, required: false, maxLength: 10 });
    const draft = toDefinition({ ...model, fields });
    const diff = diffDefinitions(salesOrder, draft);
    const summary = diff.fields.map((change) => `${change.kind} ${change.path}${change.kind === 'changed' ? ` ${change.aspects.map((aspect) => aspect.aspect).join(',')}` : ''}`);
    expect(summary).toContain('changed customer label');
    expect(summary).toContain('added inspectionLevel');
    expect(summary).toContain('removed rushReason');
    // The rule on rushReason goes with it: it is the removed field's fact, not a change of its own.
    expect(diff.fields.find((change) => change.path === 'rushReason')).toMatchObject({ kind: 'removed', facts: { rules: [{ field: 'rushReason' }] } });
    const remarks = diff.fields.find((change) => change.path === 'remarks');
    if (model.fields.some((field) => field.name === 'remarks')) expect(remarks).toMatchObject({ kind: 'changed', aspects: [{ aspect: 'required' }] });
    // The fields both versions have keep their order, and nothing form-wide changed.
    expect(diff.form).toEqual([]);
  });

  it('shows the text changes as line hunks with context', () => {
    const before = '{\n  "a": 1,\n  "b": 2\n}\n';
    const after = '{\n  "a": 1,\n  "b": 3\n}\n';
    const [hunk, ...others] = textDiff(before, after);
    expect(others).toEqual([]);
    expect(hunk?.lines).toEqual([' {', '   "a": 1,', '-  "b": 2', '+  "b": 3', ' }']);
  });
});
