import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import type { ReportResult } from '../../runtime/reports/index.js';
import type { Services } from '../../runtime/services/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedApi, type ShippedApi } from '../support/shipped-api.js';

/*
 * The report designer's preview: unpublished definition text runs on live data exactly as the
 * published report would, problems come back as ORDO_ERR_DRAFT_INVALID with pointers into the draft,
 * and only designers may preview.
 */

const DEMO_MORNING = new Date('2026-11-24T01:00:00Z');

for (const backend of testDatabases()) {
  describe(`report designer preview on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let app: FastifyInstance;
    let as: ShippedApi['as'];

    beforeAll(async () => {
      const offset = DEMO_MORNING.getTime() - Date.now();
      ({ app, database, services, as } = await openShippedApi(backend, ['admin', 'huang.li'], { now: () => new Date(Date.now() + offset) }));
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const post = (user: string, url: string, payload: object) => app.inject({ method: 'POST', url, headers: as(user), payload });
    const preview = (body: string, parameters?: object, user = 'admin') => post(user, '/api/designer/reports/preview', { body, ...(parameters === undefined ? {} : { parameters }) });
    const published = (id: string) => JSON.stringify(services.reports.get({ userId: 'admin', username: 'admin', displayName: 'Admin', roles: ['admin'], locale: 'en' }, id), null, 2);
    const pointers = (response: { json(): unknown }) => ((response.json() as { errors?: { pointer: string }[] }).errors ?? []).map((error) => error.pointer);

    it('answers a published report as text exactly as running the published report does', async () => {
      const parameters = { dateRange: { from: '2026-01-01', to: '2026-12-31' } };
      for (const id of ['ncr-by-cause', 'on-time-delivery', 'approval-cycle-times', 'kpi-ncrs']) {
        const run = await post('admin', `/api/reports/${id}/run`, { parameters: id === 'approval-cycle-times' ? {} : parameters });
        const draft = await preview(published(id), id === 'approval-cycle-times' ? {} : parameters);
        expect(draft.statusCode, draft.body).toBe(200);
        expect(draft.json()).toEqual(run.json());
      }
    });

    it('runs a report that was never published: NCRs by cause per month', async () => {
      const body = JSON.stringify({
        kind: 'report',
        id: 'ncrs-per-month',
        version: 1,
        title: { 'zh-CN': '每月不合格品', en: 'NCRs per month' },
        source: { form: 'ncr' },
        groupBy: [
          { field: 'data.reportDate', bucket: 'month', as: 'month' },
          { field: 'data.causeCategory', as: 'cause' },
        ],
        measures: [{ id: 'ncrs', agg: 'count', label: { 'zh-CN': '数量', en: 'NCRs' } }],
        chart: { type: 'bar', x: 'month', y: ['ncrs'], series: 'cause' },
      });
      const response = await preview(body);
      expect(response.statusCode, response.body).toBe(200);
      const result = response.json() as ReportResult;
      expect(result.report).toEqual({ id: 'ncrs-per-month', version: 1, title: { 'zh-CN': '每月不合格品', en: 'NCRs per month' } });
      expect(result.columns.map((column) => [column.key, column.type])).toEqual([
        ['month', 'date'],
        ['cause', 'string'],
        ['ncrs', 'number'],
      ]);
      const byCause = (await post('admin', '/api/reports/ncr-by-cause/run', {})).json() as ReportResult;
      const total = (rows: Record<string, unknown>[], key: string) => rows.reduce((sum, row) => sum + Number(row[key]), 0);
      // ncr-by-cause leaves cancelled NCRs out; the draft counts every NCR, so it counts at least as many.
      expect(total(result.rows, 'ncrs')).toBeGreaterThanOrEqual(total(byCause.rows, 'ncrs'));
      expect(result.rows.every((row) => /^\d{4}-\d{2}-01$/.test(String(row['month'])))).toBe(true);
    });

    it('applies a value users pick (a choice parameter and a lookup parameter, as the designer writes them), and leaves the filter out when none is picked', async () => {
      const body = (parameters: object) =>
        JSON.stringify({
          kind: 'report',
          id: 'ncrs-picked',
          version: 1,
          title: { 'zh-CN': '不合格品', en: 'NCRs' },
          source: { form: 'ncr' },
          parameters: {
            type: 'object',
            properties: {
              causeCategory: { type: 'string', title: '原因类别 / Cause', enum: ['man', 'machine', 'material', 'method', 'measurement', 'environment', 'supplier'] },
              supplier: { type: 'string', title: '供应商 / Supplier', 'x-lookup': { form: 'supplier', displayField: 'name' } },
            },
          },
          filters: [
            { field: 'data.causeCategory', op: 'eq', param: 'causeCategory' },
            { field: 'data.supplier', op: 'eq', param: 'supplier' },
          ],
          groupBy: [{ field: 'data.causeCategory', as: 'cause' }],
          measures: [{ id: 'ncrs', agg: 'count', label: { 'zh-CN': '数量', en: 'NCRs' } }],
          chart: { type: 'table' },
          ...parameters,
        });
      const all = (await preview(body({}))).json() as ReportResult;
      const picked = await preview(body({}), { causeCategory: 'supplier' });
      expect(picked.statusCode, picked.body).toBe(200);
      const rows = (picked.json() as ReportResult).rows;
      expect(rows).toEqual(all.rows.filter((row) => row['cause'] === 'supplier'));
      expect(rows.length).toBe(1);
      const wrong = await preview(body({}), { causeCategory: 'weather' });
      expect(wrong.statusCode).toBe(400);
      expect(pointers(wrong)).toEqual(['/parameters/causeCategory']);
    });

    it('reports meta-schema problems with pointers into the draft', async () => {
      const draft = JSON.parse(published('ncr-by-cause')) as Record<string, unknown> & { measures: Record<string, unknown>[] };
      draft.measures[0]!.agg = 'median';
      delete draft.chart;
      const response = await preview(JSON.stringify(draft));
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('ORDO_ERR_DRAFT_INVALID');
      expect(pointers(response)).toEqual(expect.arrayContaining(['/measures/0/agg', '/chart']));
    });

    it("reports the planner's problems (unknown fields, chart keys) with pointers into the draft", async () => {
      const draft = JSON.parse(published('ncr-by-cause')) as { groupBy: { field: string }[]; chart: { x: string } };
      draft.groupBy[1]!.field = 'data.noSuchField';
      const response = await preview(JSON.stringify(draft));
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('ORDO_ERR_DRAFT_INVALID');
      expect(pointers(response)).toContain('/groupBy/1/field');
    });

    it('words stored values: a choice in both languages, a lookup by its display field, a user by name', async () => {
      const body = JSON.stringify({
        kind: 'report',
        id: 'ncr-labels',
        version: 1,
        title: { 'zh-CN': '不合格品', en: 'NCRs' },
        source: { form: 'ncr' },
        groupBy: [
          { field: 'data.causeCategory', as: 'cause' },
          { field: 'data.supplier', as: 'supplier' },
        ],
        measures: [{ id: 'ncrs', agg: 'count', label: { 'zh-CN': '数量', en: 'NCRs' } }],
        chart: { type: 'table' },
      });
      const result = (await preview(body)).json() as ReportResult;
      const ncr = services.definitions.form('ncr').definition;
      const cause = result.columns.find((column) => column.key === 'cause')!;
      const causes = [...new Set(result.rows.map((row) => row['cause']).filter((value): value is string => typeof value === 'string'))];
      expect(causes).toContain('supplier');
      expect(cause.labels).toEqual(Object.fromEntries(causes.map((value) => [value, ncr.options!['causeCategory']![value]])));
      expect(cause.labels?.['supplier']).toEqual({ 'zh-CN': '供应商', en: 'Supplier' });
      // Rows keep the stored value: they sort, drill and pick by it.
      expect(result.rows.some((row) => row['cause'] === 'supplier')).toBe(true);

      const suppliers = await database.db.selectFrom('ordo_records').select(['id', 'data']).where('form', '=', 'supplier').execute();
      const names = new Map(suppliers.map((row) => [row.id, String((row.data as Record<string, unknown>)['name'])]));
      const supplierIds = [...new Set(result.rows.map((row) => row['supplier']).filter((value): value is string => typeof value === 'string' && value !== ''))];
      expect(supplierIds.length).toBeGreaterThan(0);
      expect(result.columns.find((column) => column.key === 'supplier')!.labels).toEqual(
        Object.fromEntries(supplierIds.map((id) => [id, { 'zh-CN': names.get(id), en: names.get(id) }])),
      );

      const cycle = (await post('admin', '/api/reports/approval-cycle-times/run', {})).json() as ReportResult;
      const users = await database.db.selectFrom('ordo_users').select(['username', 'display_name']).execute();
      const approvers = [...new Set(cycle.rows.map((row) => row['approver']).filter((value): value is string => typeof value === 'string'))];
      expect(approvers.length).toBeGreaterThan(0);
      expect(cycle.columns.find((column) => column.key === 'approver')!.labels).toEqual(
        Object.fromEntries(approvers.map((username) => [username, { 'zh-CN': users.find((user) => user.username === username)!.display_name, en: users.find((user) => user.username === username)!.display_name }])),
      );
    });

    it('exports labels in the reader\'s language, in the rows\' order', async () => {
      const run = (await post('admin', '/api/reports/ncr-by-cause/run', {})).json() as ReportResult;
      const csv = await app.inject({ method: 'GET', url: '/api/reports/ncr-by-cause/export?format=csv&locale=en', headers: as('admin') });
      expect(csv.statusCode).toBe(200);
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
      const cause = run.columns.find((column) => column.key === 'cause')!;
      expect(lines.map((line) => line.split(',')[0])).toEqual(run.rows.map((row) => (row['cause'] === null ? '' : cause.labels![String(row['cause'])]!.en)));
      expect(lines.some((line) => line.startsWith('Supplier,'))).toBe(true);
    });

    it('refuses dangling references (chart keys, sort keys, unknown fields, sums of text) with stable codes and pointers, in preview and publishing', async () => {
      const base = JSON.parse(published('ncr-by-cause')) as Record<string, unknown> & { chart: Record<string, unknown>; measures: Record<string, unknown>[] };
      const cases: [Record<string, unknown>, string, string][] = [
        [{ ...base, chart: { ...base.chart, series: 'supplierName' } }, '/chart/series', 'unknownKey'],
        [{ ...base, chart: { ...base.chart, y: ['ncrs', 'nope'] } }, '/chart/y/1', 'unknownKey'],
        [{ ...base, sort: [{ by: 'count' }] }, '/sort/0/by', 'unknownKey'],
        [{ ...base, filters: [{ field: 'data.colour', op: 'eq', value: 'red' }] }, '/filters/0/field', 'unknownField'],
        [{ ...base, measures: base.measures.map((measure, index) => (index === 1 ? { ...measure, agg: 'avg', field: 'data.description' } : measure)) }, '/measures/1/field', 'measureNotNumber'],
        [{ ...base, filters: [{ formula: 'qtyAffected / 2 > 1' }] }, '/filters/0/formula', 'formulaNotInDatabase'],
      ];
      for (const [draft, pointer, code] of cases) {
        const response = await preview(JSON.stringify(draft));
        expect(response.statusCode, pointer).toBe(400);
        expect(response.json()).toMatchObject({ code: 'ORDO_ERR_DRAFT_INVALID', errors: [{ pointer, code }] });
      }
      const [draft, pointer, code] = cases[0]!;
      const headers = as('admin');
      const saved = await app.inject({ method: 'PUT', url: '/api/designer/drafts/report/ncr-by-cause', headers, payload: { body: JSON.stringify(draft, null, 2) } });
      expect(saved.statusCode, saved.body).toBeLessThan(300);
      const publish = await app.inject({ method: 'POST', url: '/api/designer/drafts/report/ncr-by-cause/publish', headers });
      expect(publish.statusCode).toBe(400);
      expect(publish.json()).toMatchObject({ code: 'ORDO_ERR_DRAFT_INVALID', errors: [{ pointer, code }] });
    });

    it('refuses text that is not JSON, and a body that is not a string', async () => {
      const notJson = await preview('{"kind": "report",');
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().code).toBe('ORDO_ERR_DRAFT_INVALID');
      const notText = await post('admin', '/api/designer/reports/preview', { body: { kind: 'report' } });
      expect(notText.statusCode).toBe(400);
    });

    it('checks the parameters against the draft parameter schema', async () => {
      const response = await preview(published('ncr-by-cause'), { dateRange: { from: 'yesterday' } });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('ORDO_ERR_REPORT_PARAMETERS_INVALID');
      expect(pointers(response)).toContain('/parameters/dateRange/from');
    });

    it('is for designers only', async () => {
      const response = await preview(published('ncr-by-cause'), undefined, 'huang.li');
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('ORDO_ERR_FORBIDDEN');
      const anonymous = await app.inject({ method: 'POST', url: '/api/designer/reports/preview', payload: { body: published('ncr-by-cause') } });
      expect(anonymous.statusCode).toBe(401);
    });
  });
}
