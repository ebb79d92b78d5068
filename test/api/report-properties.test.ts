import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition, ReportDefinition } from '../../engine/definitions/index.js';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { shippedDefinitionsDir } from '../../runtime/cli/paths.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { shanghaiDay } from '../../runtime/reports/index.js';
import { createServices, type Actor, type Services } from '../../runtime/services/index.js';
import { testDatabases } from '../support/database.js';
import { oracleReport, type OraclePlanRun, type OracleRecord, type OracleTask } from '../support/report-oracle.js';

/*
 * Every shipped report over random seeded records (sales orders with lines, production orders,
 * routings, stock lots and items, NCRs, purchase orders, workflow tasks, plan runs; some deleted) and random
 * parameters gives what a plain JavaScript reading of its definition gives over the same rows.
 */

const NOW = new Date('2026-11-24T03:00:00Z');
const label = { 'zh-CN': '量', en: 'Measure' };

/** Shapes the shipped reports do not use: week and day buckets (of dates and of timestamps), min, max, avg, field ratios, planned orders. */
const EXTRA: ReportDefinition[] = [
  {
    kind: 'report',
    id: 'orders-by-week',
    version: 1,
    title: { 'zh-CN': '周订单', en: 'Orders by week' },
    source: { form: 'sales-order', lines: 'lines' },
    parameters: { type: 'object', properties: { dateRange: { type: 'object', properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } } } },
    filters: [{ field: 'data.requestedDate', op: 'between', param: 'dateRange' }, { field: 'data.customerName', op: 'contains', value: "'" }],
    groupBy: [{ field: 'data.requestedDate', bucket: 'week', as: 'week' }],
    measures: [
      { id: 'orders', agg: 'countDistinct', field: 'id', label },
      { id: 'firstPromise', agg: 'min', field: 'data.promisedDate', label },
      { id: 'lastShipped', agg: 'max', field: 'data.shippedDate', label },
      { id: 'avgQty', agg: 'avg', field: 'line.qty', label },
      { id: 'amountShare', agg: 'ratio', field: 'line.amount', where: [{ field: 'data.status', op: 'in', value: ['shipped', 'closed'] }], label },
    ],
    chart: { type: 'line', x: 'week' },
  },
  {
    kind: 'report',
    id: 'tasks-by-day',
    version: 1,
    title: { 'zh-CN': '每日任务', en: 'Tasks by day' },
    source: { workflow: 'tasks', definition: 'ncr' },
    parameters: { type: 'object', properties: { dateRange: { type: 'object', properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } } } },
    filters: [{ field: 'createdAt', op: 'between', param: 'dateRange' }],
    groupBy: [{ field: 'createdAt', bucket: 'day', as: 'day' }, { field: 'actedAt', bucket: 'week', as: 'actedWeek' }],
    measures: [
      { id: 'tasks', agg: 'count', label },
      { id: 'cycle', agg: 'sum', field: 'cycleSeconds', label, format: 'duration' },
      { id: 'late', agg: 'count', where: [{ field: 'actedAt', op: 'gt', value: '2026-09-01' }], label },
    ],
    chart: { type: 'table' },
  },
  {
    kind: 'report',
    id: 'planned-by-month',
    version: 1,
    title: { 'zh-CN': '计划订单', en: 'Planned orders' },
    source: { planRun: 'plannedOrders' },
    parameters: { type: 'object', properties: { dateRange: { type: 'object', properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } } } },
    filters: [{ field: 'due', op: 'between', param: 'dateRange' }],
    groupBy: [{ field: 'kind', as: 'kind' }, { field: 'due', bucket: 'month', as: 'month' }, { field: 'itemLabel', as: 'item' }],
    measures: [
      { id: 'qty', agg: 'sum', field: 'qty', label },
      { id: 'orders', agg: 'countDistinct', field: 'salesOrder', label },
      { id: 'firstStart', agg: 'min', field: 'start', label },
      { id: 'run', agg: 'max', field: 'runId', label },
      { id: 'plannedAt', agg: 'max', field: 'plannedAt', label },
      { id: 'madeToOrder', agg: 'ratio', field: 'qty', where: [{ field: 'salesOrder', op: 'notNull' }], label },
    ],
    chart: { type: 'table' },
  },
];
const RUNS = 12;
const CUSTOMERS = [
  ['c1', '杭州水务'],
  ['c2', "O'Brien; --"],
  ['c3', 'Ünïcode 客户'],
] as const;
const ITEMS = ['i1', 'i2', 'i3'] as const;
const WORK_CENTERS = [
  ['w1', '泵总装线'],
  ['w2', 'CNC'],
  ['w3', '喷漆房'],
] as const;

const BASE_DAY = Date.parse('2026-05-01T00:00:00Z');
const day = fc.integer({ min: 0, max: 240 }).map((offset) => new Date(BASE_DAY + offset * 86_400_000).toISOString().slice(0, 10));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const money = fc.integer({ min: 0, max: 500_000 }).map((cents) => cents / 100);
const qty = fc.integer({ min: 0, max: 50 });

function compact(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}

const salesOrder = fc
  .record({
    customer: fc.constantFrom(...CUSTOMERS),
    orderNo: fc.constantFrom('SO-1', 'SO-2', 'SO-3', 'SO-4'),
    status: fc.constantFrom('draft', 'confirmed', 'released', 'in-production', 'shipped', 'closed', 'cancelled'),
    requestedDate: maybe(day),
    promisedDate: maybe(day),
    shippedDate: maybe(day),
    lines: fc.array(fc.record({ qty, amount: maybe(money), requestedDate: maybe(day) }), { maxLength: 3 }),
  })
  .map(({ customer, lines, ...rest }) => compact({ ...rest, customer: customer[0], customerName: customer[1], lines: lines.map(compact) }));

const productionOrder = fc
  .record({ item: fc.constantFrom(...ITEMS), qty, status: fc.constantFrom('released', 'in-progress', 'completed', 'cancelled'), dueDate: maybe(day), completedDate: maybe(day) })
  .map(compact);

const routing = fc
  .record({
    item: fc.constantFrom(...ITEMS),
    status: fc.constantFrom('released', 'draft'),
    operations: fc.array(
      fc.record({ workCenter: fc.constantFrom(...WORK_CENTERS), runMinutes: maybe(fc.integer({ min: 0, max: 300 })) }).map(({ workCenter, ...rest }) => compact({ ...rest, workCenter: workCenter[0], workCenterName: workCenter[1] })),
      { maxLength: 3 },
    ),
  })
  .map(compact);

const stockLot = fc.record({ item: fc.constantFrom(...ITEMS), location: fc.constantFrom('raw', 'parts', 'finished'), qty }).map(compact);
const item = fc.record({ itemType: fc.constantFrom('finished', 'part'), standardCost: maybe(money) }).map(compact);

const ncr = fc
  .record({
    causeCategory: maybe(fc.constantFrom('man', 'machine', 'supplier')),
    source: fc.constantFrom('incoming', 'final'),
    status: fc.constantFrom('open', 'closed', 'cancelled'),
    severity: fc.constantFrom('minor', 'major', 'critical'),
    reportDate: maybe(day),
    supplier: maybe(fc.constantFrom('s1', 's2')),
    qtyAffected: maybe(qty),
  })
  .map((data) => compact({ ...data, supplierName: data.supplier === undefined ? undefined : `供应商 ${data.supplier}` }));

const purchaseOrder = fc
  .record({
    status: fc.constantFrom('draft', 'ordered', 'partially-received', 'received', 'cancelled'),
    supplierName: fc.constantFrom('甲', "b'"),
    lines: fc.array(fc.record({ qty, receivedQty: maybe(qty), dueDate: maybe(day) }).map(compact), { maxLength: 3 }),
  })
  .map(compact);

const task = fc.record({
  workflow: fc.constantFrom('sales-order-lifecycle', 'ncr'),
  node: fc.constantFrom('review', 'approve'),
  actedBy: maybe(fc.constantFrom('wang.qiang', 'sun.wei')),
  created: fc.integer({ min: 0, max: 200 * 24 * 60 }),
  cycle: fc.integer({ min: 1, max: 10 * 24 * 60 }),
});

const planEntryItem = fc.constantFrom('i1', 'i2', 'i9');
const planRun = fc.record({
  at: fc.integer({ min: 0, max: 3 }),
  by: fc.constantFrom('li.ming', 'zhao.lei'),
  exceptions: fc.array(
    fc.record({
      type: fc.constantFrom('shortage', 'shortage', 'past-due-start', 'missing-bom'),
      item: maybe(planEntryItem),
      date: maybe(day),
      qty: maybe(qty),
      salesOrder: maybe(fc.constantFrom('SO-1', 'SO-2', "SO-'3")),
      message: fc.constantFrom('short', "it's short"),
    }).map(compact),
    { maxLength: 6 },
  ),
  plannedOrders: fc.array(
    fc.record({ item: planEntryItem, kind: fc.constantFrom('make', 'buy'), qty, start: day, due: day, salesOrder: maybe(fc.constantFrom('SO-1', 'SO-2')) }).map(compact),
    { maxLength: 5 },
  ),
});

const dataset = fc.record({
  salesOrders: fc.array(salesOrder, { maxLength: 10 }),
  productionOrders: fc.array(productionOrder, { maxLength: 6 }),
  routings: fc.array(routing, { maxLength: 4 }),
  stockLots: fc.array(stockLot, { maxLength: 6 }),
  items: fc.tuple(item, item, item),
  ncrs: fc.array(ncr, { maxLength: 6 }),
  purchaseOrders: fc.array(purchaseOrder, { maxLength: 5 }),
  tasks: fc.array(task, { maxLength: 8 }),
  planRuns: fc.array(planRun, { maxLength: 3 }),
  deleted: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
});

type Dataset = typeof dataset extends fc.Arbitrary<infer T> ? T : never;

const parameterValue: Record<string, fc.Arbitrary<unknown>> = {
  dateRange: maybe(fc.record({ from: maybe(day), to: maybe(day) }, { requiredKeys: [] }).map(compact)),
  customer: maybe(fc.constantFrom('c1', 'c2', "c2' or '1'='1")),
  workCenter: maybe(fc.constantFrom('w1', 'w2', 'w9')),
};

/** Runs planned within a few minutes of each other, some at the same instant (the newest id then wins). */
function toPlanRuns(data: Dataset): OraclePlanRun[] {
  return data.planRuns.map((run, index) => ({
    id: `run-${index}`,
    createdAt: new Date(NOW.getTime() - run.at * 60_000),
    createdBy: run.by,
    exceptions: run.exceptions,
    plannedOrders: run.plannedOrders.map((entry, position) => ({ id: `PL/${entry.item}/${position}`, ...entry })),
    itemLabels: { i1: 'P-100 离心泵', i2: "B-7 O'ring" },
  }));
}

function toRecords(data: Dataset): { records: OracleRecord[]; tasks: OracleTask[] } {
  const records: OracleRecord[] = [];
  let n = 0;
  const add = (form: string, list: readonly Record<string, unknown>[], id?: (index: number) => string) =>
    list.forEach((entry, index) => {
      records.push({ id: id?.(index) ?? `${form}-${index}`, form, data: entry, createdAt: NOW, deleted: id === undefined && data.deleted[n % data.deleted.length] === true });
      n += 1;
    });
  add('sales-order', data.salesOrders);
  add('production-order', data.productionOrders);
  add('routing', data.routings);
  add('stock-lot', data.stockLots);
  add('item', data.items, (index) => ITEMS[index]!);
  add('ncr', data.ncrs);
  add('purchase-order', data.purchaseOrders);
  const tasks = data.tasks.map((spec, index): OracleTask => {
    const createdAt = new Date(BASE_DAY + spec.created * 60_000);
    const actedAt = spec.actedBy === undefined ? null : new Date(createdAt.getTime() + spec.cycle * 60_000);
    return { id: `t${index}`, workflow: spec.workflow, form: 'sales-order', node: spec.node, assignee: 'wang.qiang', status: actedAt === null ? 'open' : 'approved', createdAt, actedAt, actedBy: spec.actedBy ?? null };
  });
  return { records, tasks };
}

async function store(database: OrdoDatabase, records: readonly OracleRecord[], tasks: readonly OracleTask[], planRuns: readonly OraclePlanRun[]): Promise<void> {
  await sql`truncate ordo_records, ordo_tasks, ordo_plan_firmings, ordo_plan_runs`.execute(database.db);
  if (planRuns.length > 0) {
    await database.db
      .insertInto('ordo_plan_runs')
      .values(
        planRuns.map((run) => ({
          id: run.id,
          created_at: run.createdAt,
          created_by: run.createdBy,
          load_ms: 1,
          plan_ms: 1,
          summary: JSON.stringify({}),
          plan: JSON.stringify({ exceptions: run.exceptions, plannedOrders: run.plannedOrders }),
          labels: JSON.stringify({ items: run.itemLabels, salesOrders: {} }),
        })),
      )
      .execute();
  }
  if (records.length > 0) {
    await database.db
      .insertInto('ordo_records')
      .values(
        records.map((record) => ({
          id: record.id,
          form: record.form,
          form_version: 1,
          revision: 1,
          data: JSON.stringify(record.data),
          created_at: record.createdAt,
          created_by: 'admin',
          updated_at: record.createdAt,
          updated_by: 'admin',
          deleted_at: record.deleted === true ? NOW : null,
          deleted_by: record.deleted === true ? 'admin' : null,
        })),
      )
      .execute();
  }
  if (tasks.length > 0) {
    await database.db
      .insertInto('ordo_tasks')
      .values(
        tasks.map((task) => ({
          id: task.id,
          instance_id: `i-${task.id}`,
          workflow: task.workflow,
          form: task.form,
          record_id: 'sales-order-0',
          node: task.node,
          round: 1,
          slot: 'a',
          assignee: task.assignee,
          status: task.status as 'open',
          title: JSON.stringify({ 'zh-CN': '审核', en: 'Review' }),
          created_at: task.createdAt,
          acted_at: task.actedAt,
          acted_by: task.actedBy,
        })),
      )
      .execute();
  }
}

/** Rows in one order (by every dimension), numbers rounded so float and numeric sums compare. */
function canonical(rows: readonly Record<string, unknown>[], dimensions: readonly string[]): Record<string, unknown>[] {
  const round = (value: unknown) => (typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value);
  return rows
    .map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, round(value)])))
    .sort((a, b) => JSON.stringify(dimensions.map((key) => a[key])).localeCompare(JSON.stringify(dimensions.map((key) => b[key]))));
}

for (const backend of testDatabases()) {
  describe(`shipped reports against a plain computation on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let admin: Actor;
    let reports: ReportDefinition[];
    let forms: Map<string, FormDefinition>;

    beforeAll(async () => {
      const loaded = await loadDefinitions(shippedDefinitionsDir);
      if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
      database = await backend.open();
      services = await createServices(database, { now: () => NOW });
      const { app, forms: formList, workflows, reports: reportList, dashboards } = loaded.definitions;
      await services.definitions.publish({ ...(app === undefined ? {} : { app }), forms: [...formList], workflows: [...workflows], reports: [...reportList, ...EXTRA], dashboards: [...dashboards] }, 'system');
      await services.auth.addUser({ username: 'boss', roles: ['admin'], password: 'report-oracle' });
      admin = await services.auth.authenticate((await services.auth.login('boss', 'report-oracle')).token);
      reports = [...reportList, ...EXTRA];
      forms = new Map(formList.map((form) => [form.id, form]));
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    });

    it('every shipped report (and three of other shapes) equals the plain computation over the same random records', async () => {
      const parameters = fc.record(
        Object.fromEntries(reports.map((report) => [report.id, fc.record(Object.fromEntries(Object.keys(report.parameters?.properties ?? {}).map((name) => [name, parameterValue[name]!]))).map(compact)])),
      );
      await fc.assert(
        fc.asyncProperty(dataset, parameters, async (data, chosen) => {
          const { records, tasks } = toRecords(data);
          const planRuns = toPlanRuns(data);
          await store(database, records, tasks, planRuns);
          for (const report of reports) {
            const given = (chosen as Record<string, Record<string, unknown>>)[report.id] ?? {};
            const result = await services.reports.run(admin, report.id, given);
            const dimensions = (report.groupBy ?? []).map((group) => group.as);
            const expected = oracleReport(report, { records, tasks, planRuns, forms, parameters: result.parameters, today: shanghaiDay(NOW) });
            expect(canonical(result.rows, dimensions), `${report.id} ${JSON.stringify(given)}`).toEqual(canonical(expected, dimensions));
          }
        }),
        { numRuns: RUNS, seed: 20261124 },
      );
    }, 240_000);
  });
}
