import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDefinition, ReportDefinition } from '../../engine/definitions/index.js';
import { validateAgainstMetaSchema } from '../../engine/definitions/index.js';
import { planReport } from '../../engine/reports/index.js';
import {
  addFilter,
  addGroup,
  addMeasure,
  chartOf,
  groupsOf,
  measuresOf,
  filtersOf,
  isFormulaFilter,
  moveGroup,
  moveMeasure,
  newReport,
  pickFilterValue,
  readReport,
  removeFilter,
  sourceOf,
  removeGroup,
  removeMeasure,
  reportText,
  setChart,
  setDateRange,
  setLimit,
  setSort,
  setSource,
  updateGroup,
  updateMeasure,
  type DesignReport,
  type JsonObject,
} from '../../designer/src/report-designer/report-model.js';
import { starterFormula } from '../../designer/src/report-designer/formula-filter-fields.js';
import { isDateLike, sourceFields, type SourceField } from '../../designer/src/report-designer/source-fields.js';

const root = join(import.meta.dirname, '../../definitions/mto');
const shipped = readdirSync(join(root, 'reports')).map((file) => readFileSync(join(root, 'reports', file), 'utf8'));
const forms = new Map(
  readdirSync(join(root, 'forms'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(root, 'forms', file), 'utf8')) as FormDefinition)
    .map((form) => [form.id, form]),
);

function read(text: string): DesignReport {
  const result = readReport(text);
  if (!result.ok) throw new Error(result.error);
  return result.model;
}

/** The members no designer edit but a source change may touch. */
const carried = (definition: JsonObject) => ({ joins: definition.joins, drill: definition.drill, roles: definition.roles, description: definition.description });
const conditions = (definition: JsonObject) => measuresOf(definition).flatMap((measure) => (measure.where === undefined ? [] : [JSON.stringify(measure.where)]));

const label = fc.record({ 'zh-CN': fc.string({ minLength: 1, maxLength: 8 }), en: fc.string({ minLength: 1, maxLength: 8 }) });

type Edit = (definition: JsonObject, fields: readonly SourceField[]) => JsonObject;

/** Edits as the designer's controls make them: only with fields the source offers and values they accept. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom('day', 'week', 'month' as const), label).map(
    ([pick, bucket, text]): Edit =>
      (definition, fields) => {
        const field = fields[pick % fields.length];
        return field === undefined ? definition : addGroup(definition, field.path, text, isDateLike(field.type) ? bucket : undefined);
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom('count', 'sum', 'avg', 'min', 'max', 'countDistinct' as const), label).map(
    ([pick, agg, text]): Edit =>
      (definition, fields) => {
        if (agg === 'count') return addMeasure(definition, agg, undefined, text);
        const numeric = fields.filter((field) => field.type === 'number');
        const field = agg === 'countDistinct' ? fields[pick % fields.length] : numeric[pick % Math.max(1, numeric.length)];
        return field === undefined ? definition : addMeasure(definition, agg, field.path, text);
      },
  ),
  fc.tuple(fc.nat(), fc.string({ maxLength: 12 })).map(
    ([pick, value]): Edit =>
      (definition, fields) => {
        const field = fields.filter((candidate) => candidate.type === 'string')[pick % fields.length];
        return field === undefined ? definition : addFilter(definition, { field: field.path, op: 'ne', value });
      },
  ),
  // + 公式: the formula a new formula filter starts with.
  fc.constant((definition: JsonObject, fields: readonly SourceField[]) => addFilter(definition, { formula: starterFormula(fields, 'form' in sourceOf(definition)) })),
  fc.nat().map((pick): Edit => (definition) => removeFilter(definition, pick % 4)),
  fc.nat().map(
    (pick): Edit =>
      (definition, fields) => {
        const index = pick % Math.max(1, filtersOf(definition).length);
        const filter = filtersOf(definition)[index];
        const field = filter === undefined || isFormulaFilter(filter) ? undefined : fields.find((candidate) => candidate.path === filter.field);
        return field === undefined || isDateLike(field.type) ? definition : pickFilterValue(definition, index, field);
      },
  ),
  fc.nat().map((pick): Edit => (definition) => removeGroup(definition, pick % 3)),
  fc.nat().map((pick): Edit => (definition) => removeMeasure(definition, pick % 3)),
  fc.tuple(fc.nat(), fc.nat()).map(([from, to]): Edit => (definition) => moveGroup(definition, from % 3, to % 3)),
  fc.tuple(fc.nat(), fc.nat()).map(([from, to]): Edit => (definition) => moveMeasure(definition, from % 3, to % 3)),
  fc.tuple(fc.nat(), label).map(([pick, text]): Edit => (definition) => updateGroup(definition, pick % 3, { label: text })),
  fc.tuple(fc.nat(), fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/)).map(
    ([pick, id]): Edit =>
      (definition) =>
        [...groupsOf(definition).map((group) => group.as), ...measuresOf(definition).map((measure) => measure.id)].includes(id) ? definition : updateMeasure(definition, pick % 3, { id }),
  ),
  fc.constantFrom('bar', 'line', 'pie', 'table', 'pivot', 'kpi' as const).map((type): Edit => (definition) => setChart(definition, { type })),
  fc.tuple(fc.nat(), fc.boolean()).map(
    ([pick, desc]): Edit =>
      (definition) => {
        const keys = [...groupsOf(definition).map((group) => group.as), ...measuresOf(definition).map((measure) => measure.id)];
        const by = keys[pick % keys.length];
        return by === undefined ? definition : setSort(definition, [{ by, dir: desc ? 'desc' : 'asc' }]);
      },
  ),
  fc.option(fc.integer({ min: 1, max: 10000 }), { nil: undefined }).map((limit): Edit => (definition) => setLimit(definition, limit)),
  fc.nat().map(
    (pick): Edit =>
      (definition, fields) => {
        const dates = fields.filter((field) => field.type === 'date');
        return setDateRange(definition, dates.length === 0 || pick % 3 === 0 ? undefined : dates[pick % dates.length]!.path);
      },
  ),
);

const fieldsOf = (definition: JsonObject) => sourceFields((definition.source ?? {}) as ReportDefinition['source'], forms, (definition.joins ?? []) as ReportDefinition['joins']);

describe('report designer model', () => {
  it('gives every shipped report back byte for byte', () => {
    expect(shipped.length).toBeGreaterThan(10);
    for (const text of shipped) expect(reportText(read(text))).toBe(text);
  });

  it('gives any JSON object written as the designer writes it back byte for byte, with or without a final newline', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.boolean(), (value, newline) => {
        const text = `${JSON.stringify(value, null, 2)}${newline ? '\n' : ''}`;
        expect(reportText(read(text))).toBe(text);
      }),
    );
  });

  it('keeps shipped reports valid, and what it does not edit untouched, through any sequence of edits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shipped), fc.array(edit, { maxLength: 12 }), (text, edits) => {
        const start = read(text);
        const fields = fieldsOf(start.definition);
        const definition = edits.reduce((current, step) => step(current, fields), start.definition);
        const model = { ...start, definition };
        expect(read(reportText(model))).toEqual(model);
        expect(carried(definition)).toEqual(carried(start.definition));
        // A measure's conditions are not edited: a measure keeps them, or is removed with them.
        expect(conditions(start.definition)).toEqual(expect.arrayContaining(conditions(definition)));
        expect(validateAgainstMetaSchema('report', definition)).toEqual([]);
        expect(() => planReport(definition as unknown as ReportDefinition, forms)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('builds a valid report from scratch on any form, sub-table or workflow source', () => {
    const sources = [
      ...[...forms.values()].map((form) => ({ form: form.id })),
      { form: 'sales-order', lines: 'lines' },
      { workflow: 'tasks' as const },
      { workflow: 'instances' as const },
      { planRun: 'exceptions' as const },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(edit, { minLength: 1, maxLength: 10 }), (source, edits) => {
        const start = setSource(newReport('draft-report', { 'zh-CN': '报表', en: 'Report' }).definition, source);
        const fields = fieldsOf(start);
        expect(fields.length).toBeGreaterThan(0);
        const definition = edits.reduce((current, step) => step(current, fields), start);
        expect(validateAgainstMetaSchema('report', definition)).toEqual([]);
        expect(() => planReport(definition as unknown as ReportDefinition, forms)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('makes a picker parameter for a filter, shares it between conditions on one field, and drops it with the last one', () => {
    const start = setSource(newReport('draft-report', { 'zh-CN': '报表', en: 'Report' }).definition, { form: 'ncr' });
    const fields = fieldsOf(start);
    const cause = fields.find((field) => field.path === 'data.causeCategory')!;
    const supplier = fields.find((field) => field.path === 'data.supplier')!;
    let definition = addFilter(addFilter(start, { field: cause.path, op: 'eq', value: 'man' }), { field: supplier.path, op: 'eq', value: 'x' });
    definition = pickFilterValue(pickFilterValue(definition, 0, cause), 1, supplier);
    expect(definition.filters).toEqual([
      { field: 'data.causeCategory', op: 'eq', param: 'causeCategory' },
      { field: 'data.supplier', op: 'eq', param: 'supplier' },
    ]);
    expect(definition.parameters).toEqual({
      type: 'object',
      properties: {
        causeCategory: { type: 'string', title: `${cause.label['zh-CN']} / ${cause.label.en}`, enum: cause.options!.map((option) => option.value) },
        supplier: { type: 'string', title: `${supplier.label['zh-CN']} / ${supplier.label.en}`, 'x-lookup': { form: 'supplier', displayField: 'name' } },
      },
    });
    expect(() => planReport(definition as unknown as ReportDefinition, forms)).not.toThrow();
    const twice = pickFilterValue(addFilter(definition, { field: cause.path, op: 'ne', value: 'man' }), 2, cause);
    expect(filtersOf(twice)[2]).toEqual({ field: 'data.causeCategory', op: 'ne', param: 'causeCategory' });
    expect(Object.keys((twice.parameters as { properties: object }).properties)).toEqual(['causeCategory', 'supplier']);
    const dropped = removeFilter(removeFilter(definition, 1), 0);
    expect(dropped.parameters).toBeUndefined();
  });

  it('follows a renamed measure through the chart and the sort, and adds a member where the schema has it', () => {
    const start = read(shipped.find((text) => text.includes('"id": "ncr-by-cause"'))!).definition;
    const renamed = updateMeasure(setSort(start, [{ by: 'ncrs', dir: 'desc' }]), 0, { id: 'count' });
    expect(chartOf(renamed).y).toEqual(['count']);
    expect(renamed.sort).toEqual([{ by: 'count', dir: 'desc' }]);
    const limited = setLimit(start, 10);
    expect(Object.keys(limited).indexOf('limit')).toBe(Object.keys(limited).indexOf('sort') + 1);
    expect(removeMeasure(setSource(start, { form: 'ncr' }), 0).measures).toHaveLength(1);
  });
});
