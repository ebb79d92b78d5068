import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormDefinition, ReportDefinition } from '../../../engine/definitions/index.js';
import { isOrdoError } from '../../../engine/errors/index.js';
import { formulaFields, planFormula, planReport, REPORT_PROBLEM_CODES } from '../../../engine/reports/index.js';

const LOT: FormDefinition = {
  kind: 'form',
  id: 'lot',
  version: 1,
  title: { 'zh-CN': '批次', en: 'Lot' },
  schema: {
    type: 'object',
    properties: {
      qty: { type: 'number' },
      grade: { type: 'string', enum: ['a', 'b'] },
      item: { type: 'string' },
      owner: { type: 'string', 'x-ordo-field': 'member' },
      team: { type: 'string', 'x-ordo-field': 'department' },
      madeOn: { type: 'string', format: 'date' },
      checkedAt: { type: 'string', format: 'date-time' },
      hold: { type: 'boolean' },
      lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'number' }, note: { type: 'string' } } } },
    },
  },
  options: { grade: { a: { 'zh-CN': '甲', en: 'A' }, b: { 'zh-CN': '乙', en: 'B' } } },
  lookups: { item: { form: 'item', displayField: 'name' } },
} as unknown as FormDefinition;
const ITEM = { kind: 'form', id: 'item', version: 1, title: { 'zh-CN': '物料', en: 'Item' }, schema: { type: 'object', properties: { name: { type: 'string' } } } } as unknown as FormDefinition;
const FORMS = new Map([
  ['lot', LOT],
  ['item', ITEM],
]);
const label = { 'zh-CN': '量', en: 'Measure' };
const report = (overrides: Partial<ReportDefinition>): ReportDefinition => ({
  kind: 'report',
  id: 'r',
  version: 1,
  title: { 'zh-CN': '报表', en: 'Report' },
  source: { form: 'lot' },
  measures: [{ id: 'n', agg: 'count', label }],
  chart: { type: 'table' },
  ...overrides,
});
const fields = formulaFields({ source: { form: 'lot' }, forms: FORMS, joins: [] });

function codes(definition: ReportDefinition): [string, string][] {
  try {
    planReport(definition, FORMS);
    return [];
  } catch (error) {
    if (!isOrdoError(error)) throw error;
    return error.fields.map((field) => [field.pointer, field.code]);
  }
}

describe('filter formulas', () => {
  it('name the fields by plain name (a lines source sees its columns first)', () => {
    expect([...fields.keys()]).toEqual(['qty', 'grade', 'item', 'owner', 'team', 'madeOn', 'checkedAt', 'hold']);
    const lines = formulaFields({ source: { form: 'lot', lines: 'lines' }, forms: FORMS, joins: [] });
    expect(lines.get('qty')?.node).toMatchObject({ kind: 'JsonFieldNode', table: { kind: 'line' }, key: 'qty' });
    expect(lines.get('note')?.reads).toEqual(['lot:lines.note']);
  });

  it('translate comparisons, logic, arithmetic and TODAY() moved by days, and list what they read', () => {
    const planned = planFormula('(qty * 2 - 1 > 3 AND NOT hold) OR madeOn >= TODAY() - 7 OR ISBLANK(grade)', fields);
    expect(planned.kind).toBe('FormulaConditionNode');
    if (planned.kind !== 'FormulaConditionNode') return;
    expect(planned.reads).toEqual(['lot:qty', 'lot:hold', 'lot:madeOn', 'lot:grade']);
    expect(Object.isFrozen(planned.formula)).toBe(true);
    expect(JSON.stringify(planned.formula)).toContain('"kind":"FormulaToday","type":"date","days":-7');
  });

  it.each([
    ['qty / 2 > 1', 'formulaNotInDatabase'],
    ['qty ^ 2 > 1', 'formulaNotInDatabase'],
    ['grade & "x" = "ax"', 'formulaNotInDatabase'],
    ['ROUND(qty, 0) = 1', 'formulaNotInDatabase'],
    ['madeOn + 1 > TODAY()', 'formulaNotInDatabase'],
    ['TODAY() + qty > madeOn', 'formulaNotInDatabase'],
    ['checkedAt > "2026-01-01T00:00:00Z"', 'formulaNotInDatabase'],
    ['qtty > 1', 'invalidFormula'],
    ['qty > ', 'invalidFormula'],
    ['qty * 2', 'formulaNotCondition'],
  ])('refuse %s with %s', (formula, code) => {
    expect(planFormula(formula, fields)).toMatchObject({ kind: 'FormulaProblem', code });
  });

  it('are planned with the report, a problem pointing at the formula', () => {
    expect(codes(report({ filters: [{ formula: 'qty > 1' }, { formula: 'qty / 2 > 1' }] }))).toEqual([['/filters/1/formula', 'formulaNotInDatabase']]);
  });
});

describe('report problems', () => {
  it('carry stable codes at their pointers', () => {
    expect(
      codes(
        report({
          groupBy: [{ field: 'data.grade', as: 'grade' }],
          measures: [
            { id: 'n', agg: 'count', label },
            { id: 's', agg: 'sum', field: 'data.item', label },
          ],
          filters: [{ field: 'data.colour', op: 'eq', value: 'x' }],
          sort: [{ by: 'nope' }],
          chart: { type: 'bar', x: 'grade', series: 'gone', y: ['n', 'x'] },
        }),
      ),
    ).toEqual([
      ['/filters/0/field', 'unknownField'],
      ['/measures/1/field', 'measureNotNumber'],
      ['/sort/0/by', 'unknownKey'],
      ['/chart/series', 'unknownKey'],
      ['/chart/y/1', 'unknownKey'],
    ]);
  });

  it('docs/reports.md lists every problem code', () => {
    const docs = readFileSync(new URL('../../../docs/reports.md', import.meta.url), 'utf8');
    expect(REPORT_PROBLEM_CODES.filter((code) => !docs.includes(`\`${code}\``))).toEqual([]);
  });
});

describe('dimension labels', () => {
  it('come from choice labels, lookups, members and departments; none for plain text or date buckets', () => {
    const plan = planReport(
      report({
        groupBy: [
          { field: 'data.grade', as: 'grade' },
          { field: 'data.item', as: 'item' },
          { field: 'data.owner', as: 'owner' },
          { field: 'data.team', as: 'team' },
          { field: 'createdBy', as: 'author' },
          { field: 'data.madeOn', as: 'month', bucket: 'month' },
          { field: 'id', as: 'id' },
        ],
      }),
      FORMS,
    );
    expect(Object.fromEntries(plan.groups.map((group) => [group.key, group.labels]))).toEqual({
      grade: { kind: 'options', options: LOT.options!['grade'] },
      item: { kind: 'lookup', form: 'item', displayField: 'name' },
      owner: { kind: 'member' },
      team: { kind: 'department' },
      author: { kind: 'member' },
      month: undefined,
      id: undefined,
    });
    const tasks = planReport(report({ source: { workflow: 'tasks' }, groupBy: [{ field: 'actedBy', as: 'who' }, { field: 'node', as: 'step' }] }), FORMS);
    expect(tasks.groups.map((group) => group.labels)).toEqual([{ kind: 'member' }, undefined]);
  });
});
