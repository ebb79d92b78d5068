import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { runReport, type ReportResult } from '../../runtime/reports/index.js';
import type { Services } from '../../runtime/services/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedApi, type ShippedApi } from '../support/shipped-api.js';

/*
 * The report and dashboard routes over the shipped application and its demo factory: every shipped
 * report runs, field permissions hide measures, bad parameters are 400 with pointers, drill-down
 * lists the records behind a row, and roles decide which reports and widgets a user sees.
 */

const DEMO_MORNING = new Date('2026-11-24T01:00:00Z');
const USERS = ['admin', 'zheng.hao', 'sun.wei', 'li.na', 'wang.qiang', 'liu.yang'] as const;

for (const backend of testDatabases()) {
  describe(`reports over HTTP on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let app: FastifyInstance;
    let token: ShippedApi['token'];
    let as: ShippedApi['as'];

    beforeAll(async () => {
      const offset = DEMO_MORNING.getTime() - Date.now();
      ({ app, database, services, token, as } = await openShippedApi(backend, USERS, { now: () => new Date(Date.now() + offset) }));
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const call = (user: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
      app.inject({ method, url, headers: as(user), ...(body === undefined ? {} : { payload: body as object }) });

    const run = async (user: string, id: string, parameters?: unknown): Promise<ReportResult> => {
      const response = await call(user, 'POST', `/api/reports/${id}/run`, parameters === undefined ? {} : { parameters });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as ReportResult;
    };

    it('runs every shipped report on the demo data, with rows where the demo has the data', async () => {
      const { items } = (await call('admin', 'GET', '/api/reports')).json() as { items: { id: string; drillable: boolean }[] };
      // Workflow tasks and plan entries are not records: those reports offer no drill-down.
      expect(items.filter((item) => !item.drillable).map((item) => item.id)).toEqual(['approval-cycle-times', 'shortages']);
      expect(items.map((item) => item.id)).toEqual([
        'approval-cycle-times',
        'inventory-value',
        'kpi-ncrs',
        'kpi-on-time-delivery',
        'kpi-order-backlog',
        'kpi-plan-attainment',
        'ncr-by-cause',
        'on-time-delivery',
        'order-backlog',
        'plan-attainment',
        'shortages',
        'supplier-on-time',
        'supplier-quality',
        'wip-by-work-center',
      ]);
      const empty: string[] = [];
      for (const { id } of items) {
        const result = await run('admin', id);
        expect(result.report.id).toBe(id);
        expect(result.columns.length).toBeGreaterThan(0);
        expect(result.hidden).toEqual([]);
        if (result.rows.length === 0) empty.push(id);
      }
      // Nobody has planned on the demo yet; its approval history (history.json) gives the cycle times rows.
      expect(empty).toEqual(['shortages']);
    });

    it('computes on-time delivery per customer and month from the shipped orders', async () => {
      const result = await run('admin', 'on-time-delivery', { dateRange: { from: '2026-06-01', to: '2026-11-30' } });
      expect(result.columns.map((column) => [column.key, column.role, column.type])).toEqual([
        ['month', 'dimension', 'date'],
        ['customer', 'dimension', 'string'],
        ['shipped', 'measure', 'number'],
        ['onTime', 'measure', 'number'],
        ['onTimeRate', 'measure', 'percent'],
      ]);
      expect(result.rows.length).toBeGreaterThan(3);
      for (const row of result.rows) {
        expect(String(row['month'])).toMatch(/^2026-(0[6-9]|1[01])-01$/);
        expect(row['onTimeRate']).toBeCloseTo(Number(row['onTime']) / Number(row['shipped']), 9);
      }
      const late = result.rows.filter((row) => Number(row['onTime']) < Number(row['shipped']));
      expect(late.length).toBeGreaterThan(0);
    });

    it('gives the KPI report one row that totals the per-month, per-customer report', async () => {
      const range = { dateRange: { from: '2026-06-01', to: '2026-11-30' } };
      const kpi = await run('admin', 'kpi-on-time-delivery', range);
      const detail = await run('admin', 'on-time-delivery', range);
      const total = (key: string) => detail.rows.reduce((sum, row) => sum + Number(row[key]), 0);
      expect(kpi.rows).toEqual([{ shipped: total('shipped'), onTime: total('onTime'), onTimeRate: total('onTime') / total('shipped') }]);
      expect(kpi.chart).toEqual({ type: 'kpi', y: ['onTimeRate', 'shipped', 'onTime'] });
    });

    it('hides a measure over a field the user may not read, and still computes the others', async () => {
      const manager = await run('zheng.hao', 'inventory-value');
      expect(manager.hidden).toEqual(['value']);
      expect(manager.columns.map((column) => column.key)).toEqual(['location', 'itemType', 'lots', 'qty']);
      expect(manager.rows.every((row) => !('value' in row))).toBe(true);
      const finance = await run('sun.wei', 'inventory-value');
      expect(finance.hidden).toEqual([]);
      expect(finance.rows.map(({ value: _value, ...rest }) => rest)).toEqual(manager.rows);
    });

    it('answers bad parameters with 400 and a pointer per problem', async () => {
      const cases: [unknown, string][] = [
        [{ dateRange: { from: 'yesterday' } }, '/parameters/dateRange/from'],
        [{ dateRange: { from: '2026-02-30' } }, '/parameters/dateRange/from'],
        [{ customer: 42 }, '/parameters/customer'],
        [{ nope: 1 }, '/parameters/nope'],
      ];
      for (const [parameters, pointer] of cases) {
        const response = await call('admin', 'POST', '/api/reports/on-time-delivery/run', { parameters });
        expect(response.statusCode, JSON.stringify(parameters)).toBe(400);
        const problem = response.json() as { code: string; errors: { pointer: string }[] };
        expect(problem.code).toBe('ORDO_ERR_REPORT_PARAMETERS_INVALID');
        expect(problem.errors.map((error) => error.pointer)).toContain(pointer);
      }
      expect((await call('admin', 'POST', '/api/reports/on-time-delivery/run', { parameters: 'x' })).statusCode).toBe(400);
      expect((await call('admin', 'POST', '/api/reports/no-such-report/run', {})).json()).toMatchObject({ code: 'ORDO_ERR_REPORT_NOT_FOUND' });
    });

    it('drills from a row to the records behind it, with the drill fields only', async () => {
      const result = await run('admin', 'on-time-delivery', { dateRange: { from: '2026-06-01', to: '2026-11-30' } });
      const row = result.rows[0]!;
      const response = await call('admin', 'POST', '/api/reports/on-time-delivery/drill', {
        parameters: { dateRange: { from: '2026-06-01', to: '2026-11-30' } },
        row: { month: row['month'], customer: row['customer'] },
      });
      expect(response.statusCode, response.body).toBe(200);
      const drill = response.json() as { form: string; total: number; items: { id: string; title: string; data: Record<string, unknown> }[] };
      expect(drill.form).toBe('sales-order');
      expect(drill.total).toBe(row['shipped']);
      for (const item of drill.items) {
        expect(item.data['customerName']).toBe(row['customer']);
        expect(String(item.data['shippedDate']).slice(0, 7)).toBe(String(row['month']).slice(0, 7));
        expect(Object.keys(item.data).sort()).toEqual(['customerName', 'orderNo', 'promisedDate', 'shippedDate', 'status'].filter((key) => key in item.data).sort());
        expect(item.title).toMatch(/^SO-/);
      }
      const bad = await call('admin', 'POST', '/api/reports/on-time-delivery/drill', { row: { shipped: 1 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'ORDO_ERR_REPORT_DRILL_INVALID', errors: [{ pointer: '/row/shipped' }] });
    });

    it('drills into a joined form: the production orders behind a work center', async () => {
      const wip = await run('admin', 'wip-by-work-center');
      const row = wip.rows.find((candidate) => Number(candidate['orders']) > 0)!;
      const drill = (await call('admin', 'POST', '/api/reports/wip-by-work-center/drill', { row: { workCenter: row['workCenter'] } })).json() as { form: string; total: number };
      expect(drill).toMatchObject({ form: 'production-order', total: row['orders'] });
    });

    it('lists only the reports a role may run, and the dashboard with only their widgets', async () => {
      const clerk = (await call('li.na', 'GET', '/api/reports')).json() as { items: { id: string }[] };
      expect(clerk.items.map((item) => item.id)).toEqual(['approval-cycle-times', 'kpi-on-time-delivery', 'kpi-order-backlog', 'on-time-delivery', 'order-backlog']);
      expect((await call('li.na', 'POST', '/api/reports/inventory-value/run', {})).statusCode).toBe(404);
      const dashboards = (await call('li.na', 'GET', '/api/dashboards')).json() as { items: { id: string }[] };
      expect(dashboards.items.map((item) => item.id)).toEqual(['management-cockpit']);
      const cockpit = (await call('li.na', 'GET', '/api/dashboards/management-cockpit')).json() as { widgets: { report: string }[] };
      expect(cockpit.widgets.map((widget) => widget.report).sort()).toEqual(['approval-cycle-times', 'kpi-on-time-delivery', 'kpi-order-backlog', 'on-time-delivery', 'order-backlog']);
      const full = (await call('admin', 'GET', '/api/dashboards/management-cockpit')).json() as { widgets: unknown[] };
      expect(full.widgets).toHaveLength(14);
      expect((await call('admin', 'GET', '/api/dashboards/nope')).statusCode).toBe(404);
      expect((await call('admin', 'GET', '/api/reports/order-backlog')).json()).toMatchObject({ kind: 'report', id: 'order-backlog' });
    });

    it('reports the latest plan run\'s shortages by item, to those who may read plan runs', async () => {
      const planner = await services.auth.authenticate(token('zheng.hao'));
      await services.planning.call(planner, 'mrp.plan', {});
      const { runId } = await services.planning.call(planner, 'mrp.plan', {});
      const latest = await services.planning.run(planner, runId!);
      const shortages = (latest.plan as { exceptions: { type: string; item?: string; date?: string; qty?: number; salesOrder?: string }[] }).exceptions.filter((entry) => entry.type === 'shortage');
      expect(shortages.length).toBeGreaterThan(0);
      const expected = new Map<string | null, { shortQty: number; firstShort: string; shortages: number; orders: Set<string> }>();
      for (const entry of shortages) {
        const item = entry.item === undefined ? null : (latest.labels.items[entry.item] ?? null);
        const row = expected.get(item) ?? { shortQty: 0, firstShort: entry.date!, shortages: 0, orders: new Set<string>() };
        row.shortQty += entry.qty ?? 0;
        if (entry.date! < row.firstShort) row.firstShort = entry.date!;
        row.shortages += 1;
        if (entry.salesOrder !== undefined) row.orders.add(entry.salesOrder);
        expected.set(item, row);
      }
      const result = await run('zheng.hao', 'shortages');
      expect(result.columns.map((column) => [column.key, column.type])).toEqual([['item', 'string'], ['shortQty', 'number'], ['firstShort', 'date'], ['shortages', 'number'], ['salesOrders', 'number']]);
      expect(
        result.rows.map((row): Record<string, unknown> => ({ ...row, shortQty: Math.round(Number(row['shortQty']) * 1e6) / 1e6 })).sort((a, b) => String(a['item']).localeCompare(String(b['item']))),
      ).toEqual(
        [...expected]
          .map(([item, row]) => ({ item, shortQty: Math.round(row.shortQty * 1e6) / 1e6, firstShort: row.firstShort, shortages: row.shortages, salesOrders: row.orders.size }))
          .sort((a, b) => String(a.item).localeCompare(String(b.item))),
      );
      expect(result.rows.map((row) => row['firstShort'])).toEqual([...result.rows.map((row) => row['firstShort'])].sort());
      // An operator may not read plan runs: the report does not exist for them, nor its widget.
      expect((await call('liu.yang', 'POST', '/api/reports/shortages/run', {})).statusCode).toBe(404);
      expect(((await call('liu.yang', 'GET', '/api/dashboards/management-cockpit')).json() as { widgets: { report: string }[] }).widgets.map((widget) => widget.report)).not.toContain('shortages');
      // Plan entries are no records: there is nothing to drill into.
      const drill = await call('zheng.hao', 'POST', '/api/reports/shortages/drill', { row: { item: result.rows[0]!['item'] } });
      expect(drill.statusCode).toBe(400);
      expect(drill.json()).toMatchObject({ code: 'ORDO_ERR_REPORT_DRILL_INVALID' });
    });

    it('created the expression indexes the shipped reports filter by when they were published', async () => {
      const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname like 'ordo_rx_%'`.execute(database.db);
      const fields = rows.map((row) => /\(data ->> '(\w+)'::text\)/.exec(row.indexdef)?.[1]).sort();
      expect(fields).toEqual(expect.arrayContaining(['customer', 'dueDate', 'item', 'shippedDate', 'status', 'reportDate']));
      expect(rows.every((row) => /WHERE \(\(form = '[a-z-]+'::text\) AND \(deleted_at IS NULL\)\)/.test(row.indexdef))).toBe(true);
    });

    it('times workflow tasks only on forms the user may read', async () => {
      const task = (id: string, form: string, workflow: string, hours: number) => ({
        id,
        instance_id: `instance-${id}`,
        workflow,
        form,
        record_id: 'any',
        node: 'review',
        round: 1,
        slot: 'a',
        assignee: 'wang.qiang',
        status: 'approved' as const,
        title: JSON.stringify({ 'zh-CN': '审核', en: 'Review' }),
        created_at: new Date('2026-11-20T02:00:00Z'),
        acted_at: new Date(Date.parse('2026-11-20T02:00:00Z') + hours * 3_600_000),
        acted_by: 'wang.qiang',
      });
      await database.db.insertInto('ordo_tasks').values([task('t-so', 'sales-order', 'sales-order-lifecycle', 5), task('t-ncr', 'ncr', 'ncr', 30)]).execute();
      try {
        const steps = (result: ReportResult) => result.rows.map((row) => [row['workflow'], row['tasks'], row['avgCycle']]);
        // The day of the two tasks: the demo's own approval history (history.json) was acted on today.
        const day = { dateRange: { from: '2026-11-20', to: '2026-11-20' } };
        expect(steps(await run('admin', 'approval-cycle-times', day))).toEqual([
          ['ncr', 1, 30 * 3600],
          ['sales-order-lifecycle', 1, 5 * 3600],
        ]);
        // The sales clerk may not read NCRs, so their approval times are not hers to see.
        expect(steps(await run('li.na', 'approval-cycle-times', day))).toEqual([['sales-order-lifecycle', 1, 5 * 3600]]);
        const november = await run('admin', 'approval-cycle-times', { dateRange: { from: '2026-11-21', to: '2026-11-22' } });
        expect(november.rows).toEqual([]);
      } finally {
        await database.db.deleteFrom('ordo_tasks').where('id', 'in', ['t-so', 't-ncr']).execute();
      }
    });

    it('runReport answers what the run route answers', async () => {
      const admin = await services.auth.authenticate(token('admin'));
      const direct = await runReport(services, admin, 'plan-attainment', {});
      expect(direct).toEqual(await run('admin', 'plan-attainment'));
    });

    it('documents the routes in the OpenAPI document', async () => {
      const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
      for (const path of ['/api/reports', '/api/reports/{id}/run', '/api/reports/{id}/drill', '/api/dashboards/{id}']) expect(document.paths).toHaveProperty([path]);
      expect(JSON.stringify(document.paths['/api/reports/{id}/run']?.['post']?.responses['200'])).toContain('ReportResult');
    });
  });
}
