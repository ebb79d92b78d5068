import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../engine/definitions/index.js';
import { type MrpPlan, planMrp } from '../../engine/planning/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { PLANNING_SCHEMAS, loadPlanningScenario, schemaProblems, type LoadedScenario } from '../../runtime/planning/index.js';
import type { Actor, RecordDto, Services } from '../../runtime/services/index.js';
import { countRows, testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';
import { countingPlugin } from '../support/statement-counter.js';

/*
 * The planning snapshot of the demo factory, then the function API, plan runs and firming over
 * HTTP with the shipped mrp.plan planning the live records: roles, input checks, stored runs with
 * labels, firming in one transaction (nothing left when it fails halfway), a second firming
 * refused, a retry replayed.
 */

const TODAY = '2026-11-24';
const DEMO_MORNING = new Date('2026-11-24T01:00:00Z');
const PLANNER = 'zhao.min';
const USERS = [PLANNER, 'zheng.hao', 'li.na', 'liu.yang', 'admin'] as const;

interface Firmed {
  plannedOrder: string;
  form: string;
  recordId: string;
  title: string;
}

for (const backend of testDatabases()) {
  describe(`planning over HTTP on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let app: FastifyInstance;
    let planner: Actor;
    let admin: Actor;
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      // The demo's dates are late 2026: its clock starts on the demo day and runs on from there.
      const offset = DEMO_MORNING.getTime() - Date.now();
      const factory = await openShippedFactory(backend, { usernames: [PLANNER, 'admin'], now: () => new Date(Date.now() + offset) });
      ({ database, services } = factory);
      planner = factory.as(PLANNER);
      admin = factory.as('admin');
      app = await buildServer({ services, database });
      for (const username of USERS) tokens[username] = (await services.auth.login(username, 'ordo-demo')).token;
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    describe('the snapshot, before anything is planned or firmed', () => {
      let loaded: LoadedScenario;
      const counter = { statements: 0 };
      const all = async (form: string): Promise<RecordDto[]> => (await services.records.list(admin, form, { filters: [], limit: 200, offset: 0 })).items;
      const orderNo = async (id: string) => String((await services.records.get(admin, 'sales-order', id)).data['orderNo']);

      beforeAll(async () => {
        loaded = await loadPlanningScenario(database.db.withPlugin(countingPlugin(counter)), { today: TODAY });
      });

      it('is a valid MRP scenario, read in one query per form, timed', () => {
        expect(schemaProblems(PLANNING_SCHEMAS.MrpScenario, loaded.scenario)).toEqual([]);
        expect(counter.statements).toBe(9);
        expect(loaded.loadMs).toBeGreaterThan(0);
        expect(loaded.scenario.horizon).toEqual({ start: TODAY, end: '2027-11-24', bucketDays: 1 });
        expect(loaded.scenario.calendar).toEqual({ workdays: [1, 2, 3, 4, 5] });
      });

      it('holds every item, the released BOMs and routings and every work center, by record id', async () => {
        const { scenario } = loaded;
        expect(scenario.items.map((item) => item.id).sort()).toEqual((await all('item')).map((record) => record.id).sort());
        const released = (records: RecordDto[]) =>
          records
            .filter((record) => record.data['status'] === 'released')
            .map((record) => record.id)
            .sort();
        expect(scenario.boms.map((bom) => bom.id).sort()).toEqual(released(await all('bom')));
        expect(scenario.boms.some((bom) => bom.id === 'bom-kbz-15-a')).toBe(false);
        expect(scenario.routings?.map((routing) => routing.id).sort()).toEqual(released(await all('routing')));
        expect(scenario.workCenters?.map((center) => center.id).sort()).toEqual((await all('work-center')).map((record) => record.id).sort());
        const shaft = scenario.items.find((item) => item.id === 'item-sh-15');
        expect(shaft).toMatchObject({
          makeBuy: 'make',
          leadTimeDays: 8,
          leadTimePerUnitDays: 0.05,
          lotSizing: { method: 'fixed', qty: 20 },
          routing: 'routing-sh-15-a',
        });
        // Weeks of supply on the item form are days in the scenario's daily buckets.
        expect(scenario.items.find((item) => item.id === 'item-p-100301')?.lotSizing).toEqual({ method: 'period', periods: 28 });
        expect(scenario.boms.find((bom) => bom.id === 'bom-ma-15-a')?.lines.at(-1)).toEqual({
          lineNo: 45,
          component: 'item-p-100304',
          qtyPer: 2,
          substituteFor: 40,
          priority: 1,
          ratio: 1,
        });
      });

      it('has a consistent factory: every make item has a released BOM and routing, and every reference resolves', () => {
        const { scenario } = loaded;
        const items = new Set(scenario.items.map((item) => item.id));
        const centers = new Set(scenario.workCenters?.map((center) => center.id));
        for (const item of scenario.items.filter((candidate) => candidate.makeBuy === 'make')) {
          expect(
            scenario.boms.some((bom) => bom.item === item.id),
            item.id,
          ).toBe(true);
          expect(item.routing, item.id).toBeDefined();
        }
        for (const bom of scenario.boms) for (const line of bom.lines) expect(items.has(line.component), `${bom.id} ${line.component}`).toBe(true);
        for (const routing of scenario.routings ?? [])
          for (const op of routing.operations) expect(centers.has(op.workCenter), `${routing.id} ${op.workCenter}`).toBe(true);
        for (const entry of [...scenario.stock, ...scenario.supplies, ...scenario.demands]) expect(items.has(entry.item), entry.item).toBe(true);
        expect(scenario.workCenters?.every((center) => center.dailyCapacityHours > 0)).toBe(true);
      });

      it('takes stock lots with quantity, the MTO reservation as the sales order number', async () => {
        const { scenario } = loaded;
        expect(scenario.stock).toHaveLength((await all('stock-lot')).filter((lot) => Number(lot.data['qty']) > 0).length);
        const reserved = scenario.stock.filter((lot) => lot.salesOrder !== undefined);
        expect(reserved).toEqual([
          { item: 'item-kbz-22', qty: 2, lot: 'FG-2611-KBZ22-01', location: 'finished', salesOrder: await orderNo('so-jinbei-coal-rush') },
          { item: 'item-kbz-7-5', qty: 5, lot: 'FG-2611-KBZ75-03', location: 'finished', salesOrder: await orderNo('so-zhongjian-huadong-2211') },
          { item: 'item-ms-45-sic', qty: 4, lot: 'HL-2611-SIC1', location: 'parts', salesOrder: await orderNo('so-huainan-mining-0917') },
        ]);
        expect(loaded.labels.salesOrders[await orderNo('so-jinbei-coal-rush')]).toEqual({
          recordId: 'so-jinbei-coal-rush',
          title: await orderNo('so-jinbei-coal-rush'),
        });
        expect(loaded.labels.items['item-ms-45']).toMatch(/^MS-45 /);
      });

      it('takes what is still to come of open orders: purchase lines, unordered requisitions, released and started production', async () => {
        const supplies = loaded.scenario.supplies;
        const byItem = (item: string) => supplies.filter((supply) => supply.item === item);
        const poNo = async (id: string) => String((await services.records.get(admin, 'purchase-order', id)).data['poNo']);
        // The late line: 80 ordered, 20 received, due last week; firm because the supplier has the order.
        expect(byItem('item-p-100302')).toEqual([
          { id: `${await poNo('po-huacheng-bearing-1020')}/1`, kind: 'purchase', item: 'item-p-100302', qty: 60, due: '2026-11-18', firm: true },
        ]);
        expect(byItem('item-p-100301')).toEqual([]);
        expect(byItem('item-p-100602')).toEqual([
          { id: `${await poNo('po-shenbao-steel-1120')}/1`, kind: 'purchase', item: 'item-p-100602', qty: 1000, due: '2026-12-10' },
        ]);
        expect(byItem('item-p-100102')).toEqual([]);
        expect(byItem('item-p-100111')).toEqual([]);
        expect(byItem('item-mh-22')[0]?.salesOrder).toBe(await orderNo('so-huainan-mining-0917'));
        expect(byItem('item-ms-45-sic')).toMatchObject([{ kind: 'purchase', qty: 4, due: '2026-12-10' }]);
        expect(byItem('item-kbz-7-5')).toMatchObject([
          {
            kind: 'production',
            qty: 10,
            due: '2026-12-23',
            firm: true,
            bomVersion: 'A',
            componentsIssued: true,
            salesOrder: await orderNo('so-zhongjian-huadong-2211'),
          },
        ]);
        expect(byItem('item-st-15')).toMatchObject([{ kind: 'production', qty: 10, bomVersion: 'A' }]);
        expect(byItem('item-st-15')[0]?.componentsIssued).toBeUndefined();
        expect(byItem('item-he-7-5')).toEqual([]);
        expect(new Set(supplies.map((supply) => supply.id)).size).toBe(supplies.length);
      });

      it('takes the lines of confirmed to ready-to-ship orders as demand, and a cancelled order that still holds material as cancelled demand', async () => {
        const orders = await all('sales-order');
        const open = orders.filter((order) => ['confirmed', 'released', 'in-production', 'inspection', 'ready-to-ship'].includes(String(order.data['status'])));
        const demands = loaded.scenario.demands;
        expect(demands.filter((demand) => demand.status === undefined)).toHaveLength(
          open.reduce((sum, order) => sum + (order.data['lines'] as unknown[]).length, 0),
        );
        const cancelled = await orderNo('so-huainan-mining-0917');
        expect(demands.filter((demand) => demand.status === 'cancelled')).toEqual([
          {
            id: `${cancelled}/1`,
            kind: 'sales-order',
            item: 'item-kbz-22-s',
            qty: 4,
            due: '2027-01-12',
            salesOrder: cancelled,
            customer: '淮南东辰矿业有限公司',
            priority: 100,
            status: 'cancelled',
          },
        ]);
        const rush = await orderNo('so-jinbei-coal-rush');
        expect(demands.find((demand) => demand.id === `${rush}/1`)).toMatchObject({ item: 'item-kbz-22', qty: 6, due: '2026-12-21', priority: 10 });
        // A line's own requested date wins over the order's promise.
        const nb = await orderNo('so-nb-drainage-0342');
        expect(demands.find((demand) => demand.id === `${nb}/2`)?.due).toBe('2027-01-25');
        expect(demands.some((demand) => demand.salesOrder === (orders.find((order) => order.id === 'so-huainan-mining-sic')?.data['orderNo'] as string))).toBe(
          false,
        );
      });
    });

    function call(username: string | undefined, method: 'GET' | 'POST', url: string, options: { json?: unknown; key?: string; raw?: string } = {}) {
      const headers: Record<string, string> = username === undefined ? {} : { authorization: `Bearer ${tokens[username]}` };
      if (options.json !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
      if (options.key !== undefined) headers['idempotency-key'] = options.key;
      const payload = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
      return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
    }

    async function plan(json: unknown = {}): Promise<{ runId: string; plan: MrpPlan }> {
      const response = await call(PLANNER, 'POST', '/api/functions/mrp.plan', { json });
      expect(response.statusCode, response.body).toBe(200);
      const location = String(response.headers['location']);
      expect(location).toMatch(/^\/api\/plan-runs\/[0-9a-f-]{36}$/);
      return { runId: location.slice('/api/plan-runs/'.length), plan: response.json() };
    }

    it('answers 404 for the latest plan run before any plan was made', async () => {
      const response = await call(PLANNER, 'GET', '/api/plan-runs/latest');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'ORDO_ERR_PLAN_RUN_NOT_FOUND' });
      expect((await call(PLANNER, 'GET', '/api/plan-runs')).json()).toEqual({ items: [] });
    });

    it('lists the functions with their schemas, to signed-in users only', async () => {
      expect((await call(undefined, 'GET', '/api/functions')).statusCode).toBe(401);
      const response = await call('liu.yang', 'GET', '/api/functions');
      expect(response.statusCode).toBe(200);
      const items = response.json().items as { name: string; title: { en: string }; inputSchema: object; outputSchema: object; needs?: string }[];
      expect(items.find((fn) => fn.name === 'mrp.plan')).toMatchObject({
        needs: 'planning',
        inputSchema: { type: 'object' },
        outputSchema: { title: 'MrpPlan' },
      });
      expect(items.map((fn) => fn.name)).toEqual([...items.map((fn) => fn.name)].sort());
      expect(items.map((fn) => fn.name)).not.toContain('ctp.placeholder-promise');
    });

    it('documents the planning routes and their answers in the OpenAPI document', async () => {
      const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
      const answer = (path: string, method: string) => document.paths[path]?.[method]?.responses?.['200']?.content?.['application/json']?.schema;
      expect(answer('/api/plan-runs/{id}', 'get')).toEqual({ $ref: '#/components/schemas/PlanRun' });
      expect(answer('/api/plan-runs/{id}/firm', 'post').properties.created.items).toEqual({ $ref: '#/components/schemas/FirmedPlannedOrder' });
      expect(answer('/api/functions', 'get').properties.items.items).toEqual({ $ref: '#/components/schemas/NativeFunction' });
      expect(document.paths['/api/plan-runs/{id}/firm'].post.requestBody.content['application/json'].schema.properties.plannedOrders.maxItems).toBe(200);
      expect(document.components.schemas.PlanRun.required).toEqual(['id', 'createdAt', 'createdBy', 'loadMs', 'planMs', 'summary', 'plan', 'firmed', 'labels']);
    });

    it('refuses unknown functions, callers without the role and input that breaks the schema, with pointers and never a 500', async () => {
      expect((await call(PLANNER, 'POST', '/api/functions/mrp.nothing', { json: {} })).json()).toMatchObject({
        status: 404,
        code: 'ORDO_ERR_FUNCTION_NOT_FOUND',
      });
      expect((await call(undefined, 'POST', '/api/functions/mrp.plan', { json: {} })).statusCode).toBe(401);
      for (const username of ['li.na', 'liu.yang']) {
        expect((await call(username, 'POST', '/api/functions/mrp.plan', { json: {} })).json(), username).toMatchObject({
          status: 403,
          code: 'ORDO_ERR_FORBIDDEN',
        });
      }
      const wrongType = (
        await call('li.na', 'POST', '/api/functions/ctp.promise', { json: { lines: [{ item: 'item-kbz-15', qty: 0 }], requestedDate: 20261224 } })
      ).json();
      expect(wrongType).toMatchObject({ status: 400, code: 'ORDO_ERR_FUNCTION_INPUT_INVALID' });
      expect(wrongType.errors.map((error: { pointer: string; code: string }) => `${error.pointer} ${error.code}`).sort()).toEqual([
        '/body/lines/0/qty exclusiveMinimum',
        '/body/requestedDate type',
      ]);
      const noSuchDay = (
        await call('li.na', 'POST', '/api/functions/ctp.promise', { json: { lines: [{ item: 'item-kbz-15', qty: 1, requestedDate: '2027-02-30' }] } })
      ).json();
      expect(noSuchDay).toMatchObject({
        status: 400,
        code: 'ORDO_ERR_FUNCTION_INPUT_INVALID',
        errors: [{ pointer: '/body/lines/0/requestedDate', code: 'format' }],
      });
      const unknown = (await call(PLANNER, 'POST', '/api/functions/mrp.plan', { json: { horizon: 30 } })).json();
      expect(unknown).toMatchObject({
        status: 400,
        code: 'ORDO_ERR_FUNCTION_INPUT_INVALID',
        errors: [{ pointer: '/body/horizon', code: 'additionalProperties' }],
      });
      expect((await call(PLANNER, 'POST', '/api/functions/mrp.plan', { json: [] })).json()).toMatchObject({ status: 400, code: 'ORDO_ERR_REQUEST_INVALID' });
      expect((await call(PLANNER, 'POST', '/api/functions/mrp.plan', { raw: '{"a":' })).json()).toMatchObject({ status: 400, code: 'ORDO_ERR_BAD_REQUEST' });
      expect((await call(PLANNER, 'GET', '/api/plan-runs')).json()).toEqual({ items: [] });
    });

    it('promises a delivery date to the sales desk from material and capacity, naming what limits it', async () => {
      const ask = {
        requestedDate: '2026-12-04',
        lines: [
          { item: 'item-kbz-7-5', qty: 2 },
          { item: 'item-ms-45', qty: 10 },
        ],
      };
      const response = await call('li.na', 'POST', '/api/functions/ctp.promise', { json: ask });
      expect(response.statusCode, response.body).toBe(200);
      const promise = response.json();
      expect(schemaProblems(PLANNING_SCHEMAS.CtpPromise, promise)).toEqual([]);
      expect(response.headers['location']).toBeUndefined();
      // The seals on hand and on order are all pegged to confirmed pumps, so new seals take their 20 working days.
      expect(promise.lines[1]).toMatchObject({
        item: 'item-ms-45',
        promisedDate: '2026-12-22',
        feasible: false,
        limitedBy: { kind: 'lead-time', item: 'item-ms-45' },
      });
      // A KBZ-7.5 waits for impeller castings (P-100101), whose free supply comes on 2026-12-29; then machining and assembly.
      expect(promise.lines[0]).toMatchObject({
        item: 'item-kbz-7-5',
        promisedDate: '2027-01-11',
        feasible: false,
        limitedBy: { kind: 'material', item: 'item-p-100101', date: '2026-12-29' },
      });
      expect(promise).toMatchObject({ promisedDate: '2027-01-11', feasible: false });
      expect(promise.reason).toContain('P-100101 叶轮铸件 Ø200');
      expect((await call('liu.yang', 'POST', '/api/functions/ctp.promise', { json: ask })).statusCode).toBe(403);
      expect((await call(PLANNER, 'GET', '/api/plan-runs')).json()).toEqual({ items: [] });
    });

    it('plans on the live data, stores the run and answers it with labels for items and sales orders', async () => {
      const { runId, plan: answer } = await plan();
      expect(schemaProblems(PLANNING_SCHEMAS.MrpPlan, answer)).toEqual([]);
      expect(answer.horizon).toEqual({ start: TODAY, end: '2027-11-24', bucketDays: 1 });
      const rush = String((await services.records.get(planner, 'sales-order', 'so-jinbei-coal-rush')).data['orderNo']);
      // The cancelled order's reserved seals and motor housings are reported free for other demand.
      const cancelled = String((await services.records.get(planner, 'sales-order', 'so-huainan-mining-0917')).data['orderNo']);
      const released = answer.exceptions.filter((exception) => exception.type === 'released-by-cancellation');
      expect(released.map((exception) => [exception.item, exception.qty, exception.salesOrder])).toEqual([
        ['item-mh-22', 4, cancelled],
        ['item-ms-45-sic', 4, cancelled],
      ]);
      // Six pumps ordered, two already in stock reserved to the order: four to make, on BOM version A.
      expect(answer.plannedOrders.filter((order) => order.salesOrder === rush && order.item === 'item-kbz-22')).toMatchObject([
        { kind: 'make', qty: 4, bomVersion: 'A' },
      ]);

      const list = (await call('zheng.hao', 'GET', '/api/plan-runs?limit=5')).json().items;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        id: runId,
        createdBy: PLANNER,
        summary: { plannedOrders: answer.plannedOrders.length, exceptions: answer.exceptions.length, rescheduleMessages: answer.rescheduleMessages.length },
      });
      expect(list[0].loadMs).toBeGreaterThan(0);
      expect(list[0].planMs).toBeGreaterThanOrEqual(0);
      expect(list[0]).not.toHaveProperty('plan');

      const detail = (await call(PLANNER, 'GET', `/api/plan-runs/${runId}`)).json();
      expect(detail).toMatchObject({ id: runId, createdBy: PLANNER, plan: answer, firmed: [] });
      expect(detail.labels.items['item-kbz-22']).toBe('KBZ-22 潜水排水泵');
      expect(detail.labels.items['item-ms-45']).toBe('MS-45 机械密封 Ø45');
      expect(detail.labels.salesOrders[rush]).toEqual({ recordId: 'so-jinbei-coal-rush', title: rush });
      expect((await call(PLANNER, 'GET', '/api/plan-runs/latest')).json().id).toBe(runId);
      expect((await call(PLANNER, 'GET', '/api/plan-runs/no-such-run')).json()).toMatchObject({ status: 404, code: 'ORDO_ERR_PLAN_RUN_NOT_FOUND' });
      expect((await call('li.na', 'GET', `/api/plan-runs/${runId}`)).statusCode).toBe(403);
      expect((await call(PLANNER, 'GET', '/api/plan-runs?limit=0')).json()).toMatchObject({ status: 400, errors: [{ pointer: '/query/limit' }] });
    });

    it('firms a buy and a make order into a requisition and a production order with their workflows, then refuses to firm them again', async () => {
      const { runId, plan: answer } = await plan();
      const buy = answer.plannedOrders.find((order) => order.kind === 'buy');
      const make = answer.plannedOrders.find((order) => order.kind === 'make' && order.salesOrder !== undefined);
      if (buy === undefined || make === undefined) throw new Error('the plan has no pegged buy and make orders');
      const response = await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [buy.id, make.id] } });
      expect(response.statusCode, response.body).toBe(200);
      const created = response.json().created as Firmed[];
      expect(created.map((order) => [order.plannedOrder, order.form])).toEqual([
        [buy.id, 'purchase-requisition'],
        [make.id, 'production-order'],
      ]);
      expect(created[0]?.title).toMatch(/^PR-\d{4}-\d{4}$/);
      expect(created[1]?.title).toMatch(/^MO-\d{4}-\d{4}$/);

      const labels = (await call(PLANNER, 'GET', `/api/plan-runs/${runId}`)).json().labels as { salesOrders: Record<string, { recordId: string }> };
      const requisition = await services.records.get(planner, 'purchase-requisition', created[0]?.recordId ?? '');
      expect(requisition.data).toMatchObject({
        prNo: created[0]?.title,
        requester: PLANNER,
        department: 'production',
        neededBy: buy.due,
        lines: [{ lineNo: 1, item: buy.item, qty: buy.qty }],
        status: 'draft',
      });
      expect(String(requisition.data['reason'])).toContain(buy.id);
      const order = await services.records.get(planner, 'production-order', created[1]?.recordId ?? '');
      expect(order.data).toMatchObject({
        moNo: created[1]?.title,
        item: make.item,
        qty: make.qty,
        dueDate: make.due,
        startDate: make.start,
        bomVersion: make.bomVersion,
        status: 'released',
      });
      expect(order.data['salesOrder']).toBe(labels.salesOrders[make.salesOrder ?? '']?.recordId);
      const [prFlow] = await services.workflows.listForRecord(planner, 'purchase-requisition', created[0]?.recordId ?? '');
      expect(prFlow).toMatchObject({ workflow: 'purchase-requisition', status: 'running', state: 'draft', initiator: PLANNER });
      const [moFlow] = await services.workflows.listForRecord(planner, 'production-order', created[1]?.recordId ?? '');
      expect(moFlow).toMatchObject({ workflow: 'production-order', status: 'running', state: 'released' });
      expect((await call(PLANNER, 'GET', `/api/plan-runs/${runId}`)).json().firmed).toEqual(created);

      const before = await countRows(database);
      const again = await call('zheng.hao', 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [make.id] } });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'ORDO_ERR_PLANNED_ORDER_FIRMED', errors: [{ pointer: '/body/plannedOrders/0' }], firmed: [created[1]] });
      expect(await countRows(database)).toEqual(before);

      // Both are open supply now, pegged to their orders: the next plan nets them instead of planning them again.
      const { scenario } = await loadPlanningScenario(database.db, { today: answer.horizon.start });
      expect(scenario.supplies.find((supply) => supply.id === `${created[0]?.title}/1`)).toMatchObject({
        kind: 'purchase',
        item: buy.item,
        qty: buy.qty,
        due: buy.due,
      });
      expect(scenario.supplies.find((supply) => supply.id === created[1]?.title)).toMatchObject({
        kind: 'production',
        item: make.item,
        qty: make.qty,
        salesOrder: make.salesOrder,
        firm: true,
      });

      // The next plan is made by net-change from the one before, and is the regenerative plan of the records as they are now.
      const next = (await plan()).plan;
      const { replannedItems, ...summary } = next.summary;
      expect(replannedItems).toBeGreaterThan(0);
      expect(replannedItems).toBeLessThan(summary.items);
      expect({ ...next, summary }).toEqual(planMrp(scenario));
    });

    it('refuses unknown, repeated or no planned orders with pointers, and roles that may not plan', async () => {
      const { runId, plan: answer } = await plan();
      const first = answer.plannedOrders[0]?.id ?? '';
      const unknown = (await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [first, 'PL/none/1'] } })).json();
      expect(unknown).toMatchObject({ status: 400, code: 'ORDO_ERR_REQUEST_INVALID', errors: [{ pointer: '/body/plannedOrders/1', code: 'unknown' }] });
      expect((await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [first, first] } })).json()).toMatchObject({
        status: 400,
        code: 'ORDO_ERR_REQUEST_INVALID',
      });
      expect((await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [] } })).json()).toMatchObject({
        status: 400,
        errors: [{ pointer: '/body/plannedOrders' }],
      });
      expect((await call(PLANNER, 'POST', '/api/plan-runs/nope/firm', { json: { plannedOrders: [first] } })).json()).toMatchObject({
        status: 404,
        code: 'ORDO_ERR_PLAN_RUN_NOT_FOUND',
      });
      expect((await call('liu.yang', 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [first] } })).json()).toMatchObject({ status: 403 });
    });

    it('replays a firming retried with the same idempotency key, creating nothing more', async () => {
      const { runId, plan: answer } = await plan();
      const ids = answer.plannedOrders.slice(0, 2).map((order) => order.id);
      const first = await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: ids }, key: 'firm-once' });
      expect(first.statusCode, first.body).toBe(200);
      const before = await countRows(database);
      const retry = await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: ids }, key: 'firm-once' });
      expect(retry.statusCode).toBe(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json()).toEqual(first.json());
      expect(await countRows(database)).toEqual(before);
      const other = await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, {
        json: { plannedOrders: answer.plannedOrders.slice(2, 3).map((order) => order.id) },
        key: 'firm-once',
      });
      expect(other.json()).toMatchObject({ status: 409, code: 'ORDO_ERR_IDEMPOTENCY_CONFLICT' });
    });

    it('leaves nothing behind when one order of a firming fails: no record, no workflow, no serial, no firming', async () => {
      const { runId, plan: answer } = await plan();
      const buy = answer.plannedOrders.find((order) => order.kind === 'buy');
      const make = answer.plannedOrders.find((order) => order.kind === 'make');
      // A production order form that wants a field firming does not fill: the second record fails after the first was written.
      const shipped = (await services.definitions.exportAll()).forms.find((form) => form.id === 'production-order') as FormDefinition;
      const stricter = {
        ...shipped,
        schema: { ...shipped.schema, required: ['item', 'qty', 'approvedBy'], properties: { ...shipped.schema.properties, approvedBy: { type: 'string' } } },
      };
      await services.definitions.publish({ forms: [stricter] }, 'system');
      try {
        const before = await countRows(database);
        const response = await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [buy?.id, make?.id] } });
        expect(response.statusCode).toBe(422);
        expect(response.json()).toMatchObject({ code: 'ORDO_ERR_VALIDATION', errors: [{ pointer: '/data/approvedBy' }] });
        expect(await countRows(database)).toEqual(before);
        expect((await call(PLANNER, 'GET', `/api/plan-runs/${runId}`)).json().firmed).toEqual([]);
      } finally {
        await services.definitions.publish({ forms: [shipped] }, 'system');
      }
      const retry = await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [buy?.id, make?.id] } });
      expect(retry.statusCode, retry.body).toBe(200);
    });
  });
}
