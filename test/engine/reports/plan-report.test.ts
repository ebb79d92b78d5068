import { describe, expect, it } from 'vitest';
import type { FormDefinition, ReportDefinition } from '../../../engine/definitions/index.js';
import { isOrdoError } from '../../../engine/errors/index.js';
import { checkDashboard, planReport, reportIndexes } from '../../../engine/reports/index.js';

const ORDER: FormDefinition = {
  kind: 'form',
  id: 'order',
  version: 1,
  title: { 'zh-CN': '订单', en: 'Order' },
  schema: {
    type: 'object',
    properties: {
      customer: { type: 'string' },
      shippedDate: { type: 'string', format: 'date' },
      promisedDate: { type: 'string', format: 'date' },
      total: { type: 'number' },
      lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'number' }, item: { type: 'string' } } } },
    },
  },
  lookups: { customer: { form: 'customer', displayField: 'name' } },
} as unknown as FormDefinition;

const CUSTOMER: FormDefinition = {
  kind: 'form',
  id: 'customer',
  version: 1,
  title: { 'zh-CN': '客户', en: 'Customer' },
  schema: { type: 'object', properties: { name: { type: 'string' }, creditLimit: { type: 'number' } } },
} as unknown as FormDefinition;

const FORMS = new Map([
  ['order', ORDER],
  ['customer', CUSTOMER],
]);

const label = { 'zh-CN': '量', en: 'Measure' };

function report(overrides: Partial<ReportDefinition>): ReportDefinition {
  return {
    kind: 'report',
    id: 'r',
    version: 1,
    title: { 'zh-CN': '报表', en: 'Report' },
    source: { form: 'order' },
    measures: [{ id: 'n', agg: 'count', label }],
    chart: { type: 'table' },
    ...overrides,
  };
}

function problems(definition: ReportDefinition): string[] {
  try {
    planReport(definition, FORMS);
    return [];
  } catch (error) {
    if (!isOrdoError(error)) throw error;
    return error.fields.map((field) => `${field.pointer}: ${field.message}`);
  }
}

describe('planReport', () => {
  it('resolves fields of the source, its lines and its joins into frozen nodes', () => {
    const plan = planReport(
      report({
        source: { form: 'order', lines: 'lines' },
        joins: [{ as: 'c', form: 'customer', field: 'data.customer' }],
        groupBy: [{ field: 'data.shippedDate', bucket: 'month', as: 'month' }, { field: 'c.name', as: 'customer' }],
        measures: [
          { id: 'qty', agg: 'sum', field: 'line.qty', label },
          { id: 'credit', agg: 'max', field: 'c.creditLimit', label },
          { id: 'onTime', agg: 'ratio', where: [{ field: 'data.shippedDate', op: 'lte', ref: 'data.promisedDate' }], label, format: 'percent' },
        ],
      }),
      FORMS,
    );
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.measures[0])).toBe(true);
    expect(plan.groups.map((group) => [group.key, group.field.type, group.bucket])).toEqual([
      ['month', 'date', 'month'],
      ['customer', 'string', undefined],
    ]);
    expect(plan.measures.map((measure) => measure.reads)).toEqual([['order:lines.qty'], ['order:customer', 'customer:creditLimit'], ['order:shippedDate', 'order:promisedDate']]);
  });

  it('names every problem with a pointer', () => {
    expect(
      problems(
        report({
          parameters: { type: 'object', properties: { from: { type: 'string' } } },
          joins: [{ as: 'c', form: 'customer', field: 'data.total' }],
          filters: [
            { field: 'data.nope', op: 'eq', value: 1 },
            { field: 'data.customer', op: 'eq', param: 'missing' },
            { field: 'data.total', op: 'in', value: ['a'] },
            { field: 'data.customer', op: 'eq' },
          ],
          groupBy: [{ field: 'data.customer', bucket: 'week', as: 'x' }],
          measures: [
            { id: 'x', agg: 'sum', field: 'data.customer', label },
            { id: 'r', agg: 'ratio', label },
            { id: 'a', agg: 'avg', label },
          ],
          sort: [{ by: 'zzz' }],
          chart: { type: 'bar', x: 'nope' },
          drill: { form: 'customer', fields: ['name'] },
        }),
      ),
    ).toEqual([
      '/joins/0/field: "data.total" is not a lookup into form customer (use "on" to match another field)',
      '/filters/0/field: "nope" is not a field of form order',
      '/filters/1/param: "missing" is not a declared parameter',
      '/filters/2/value: in needs a non-empty list of number values',
      '/filters/3: give exactly one of value, param, ref, today',
      '/groupBy/0/bucket: date buckets need a date field',
      '/measures/0/id: "x" is already used at /groupBy/0/as',
      '/measures/0/field: sum needs a number field',
      '/measures/1/where: a ratio needs the conditions of its numerator',
      '/measures/2/field: avg needs a field',
      '/sort/0/by: "zzz" is neither a group\'s "as" nor a measure\'s "id"',
      '/chart/x: "nope" is neither a group\'s "as" nor a measure\'s "id"',
    ]);
  });

  it('refuses a source form that does not exist, lines that are not a sub-table and a bad parameter schema', () => {
    expect(problems(report({ source: { form: 'nope' } }))).toEqual(['/source/form: form "nope" does not exist']);
    expect(problems(report({ source: { form: 'order', lines: 'total' } }))).toEqual(['/source/lines: "total" is not a sub-table of form order']);
    expect(problems(report({ parameters: { type: 'object', properties: { from: { type: 'no-such-type' } } } }))[0]).toMatch(/^\/parameters: /);
  });

  it('offers workflow task fields and refuses record fields there', () => {
    const plan = planReport(report({ source: { workflow: 'tasks' }, groupBy: [{ field: 'node', as: 'step' }], measures: [{ id: 'avg', agg: 'avg', field: 'cycleSeconds', label }] }), FORMS);
    expect(plan.measures[0]?.field).toEqual({ kind: 'DurationFieldNode', from: 'created_at', to: 'acted_at', type: 'number' });
    expect(problems(report({ source: { workflow: 'tasks' }, groupBy: [{ field: 'data.customer', as: 'c' }] }))[0]).toMatch(/^\/groupBy\/0\/field: "data.customer" is not a field of workflow tasks/);
  });

  it('reads the latest plan run: plan entry members, the run\'s columns and the item label, nothing else', () => {
    const plan = planReport(
      report({
        source: { planRun: 'exceptions' },
        filters: [{ field: 'type', op: 'eq', value: 'shortage' }],
        groupBy: [{ field: 'itemLabel', as: 'item' }, { field: 'date', bucket: 'week', as: 'week' }],
        measures: [{ id: 'qty', agg: 'sum', field: 'qty', label }, { id: 'at', agg: 'max', field: 'plannedAt', label }],
      }),
      FORMS,
    );
    expect(plan.source).toEqual({ kind: 'PlanRunSourceNode', entries: 'exceptions' });
    expect(plan.groups.map((group) => group.field)).toEqual([
      { kind: 'PlanLabelFieldNode', label: 'items', key: 'item', type: 'string' },
      { kind: 'JsonFieldNode', table: { kind: 'line' }, key: 'date', type: 'date' },
    ]);
    expect(plan.measures[1]?.field).toEqual({ kind: 'ColumnFieldNode', table: { kind: 'source' }, column: 'created_at', type: 'timestamp' });
    expect(
      problems(
        report({
          source: { planRun: 'plannedOrders' },
          joins: [{ as: 'c', form: 'customer', field: 'item' }],
          filters: [{ field: 'data.status', op: 'eq', value: 'x' }, { field: 'message', op: 'eq', value: 'x' }],
          measures: [{ id: 'n', agg: 'sum', field: 'kind', label }],
          drill: { form: 'order', fields: ['customer'] },
        }),
      ),
    ).toEqual([
      '/joins/0: joins need a form source',
      expect.stringMatching(/^\/filters\/0\/field: "data\.status" is not a field of plan-run plannedOrders/),
      expect.stringMatching(/^\/filters\/1\/field: "message" is not a field of plan-run plannedOrders/),
      '/measures/0/field: sum needs a number field',
      '/drill/form: must be the source form or a joined form',
    ]);
    expect(reportIndexes(report({ source: { planRun: 'exceptions' }, filters: [{ field: 'type', op: 'eq', value: 'shortage' }] }))).toEqual([]);
  });

  it('checks that a dashboard names existing reports and maps declared parameters', () => {
    const reports = new Map([['r', report({ parameters: { type: 'object', properties: { from: { type: 'string' } } } })]]);
    expect(() =>
      checkDashboard(
        {
          kind: 'dashboard',
          id: 'd',
          version: 1,
          title: { 'zh-CN': '看板', en: 'Dashboard' },
          parameters: { type: 'object', properties: { start: { type: 'string' } } },
          widgets: [
            { report: 'r', span: 6, parameterMap: { from: 'start' } },
            { report: 'gone', span: 6 },
            { report: 'r', span: 6, parameterMap: { to: 'end' } },
          ],
        },
        reports,
      ),
    ).toThrow(expect.objectContaining({ fields: [
      expect.objectContaining({ pointer: '/widgets/1/report' }),
      expect.objectContaining({ pointer: '/widgets/2/parameterMap/to', message: 'report r has no parameter "to"' }),
      expect.objectContaining({ pointer: '/widgets/2/parameterMap/to', message: 'the dashboard has no parameter "end"' }),
    ] }));
  });

  it('asks for indexes on the fields a report narrows rows by, not on what it groups or compares field to field', () => {
    expect(
      reportIndexes(
        report({
          parameters: { type: 'object', properties: { from: { type: 'string' } } },
          joins: [{ as: 'c', form: 'customer', field: 'data.customer', on: 'name' }],
          filters: [
            { field: 'data.shippedDate', op: 'between', param: 'from' },
            { field: 'data.customer', op: 'eq', value: 'x' },
            { field: 'data.shippedDate', op: 'lte', ref: 'data.promisedDate' },
            { field: 'data.total', op: 'notNull' },
            { field: 'c.creditLimit', op: 'gt', value: 5 },
          ],
          groupBy: [{ field: 'data.promisedDate', as: 'p' }],
        }),
      ),
    ).toEqual([
      { form: 'customer', key: 'creditLimit' },
      { form: 'customer', key: 'name' },
      { form: 'order', key: 'customer' },
      { form: 'order', key: 'shippedDate' },
    ]);
    expect(reportIndexes(report({ source: { workflow: 'tasks' } }))).toEqual([]);
  });
});
