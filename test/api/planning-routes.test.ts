import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MrpPlan } from '../../engine/planning/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { PLANNING_SCHEMAS, loadPlanningScenario, schemaProblems } from '../../runtime/planning/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import { countRows, testDatabases } from '../support/database.js';
import { FUNCTIONS_WITH_PLAN_DOUBLE } from '../support/planning-doubles.js';
import { openShippedFactory } from '../support/shipped-factory.js';

/*
 * The function API, plan runs and firming over HTTP on the demo factory. mrp.plan is a test double
 * here (test/support/planning-doubles.ts): what is under test is the runtime around it (snapshot,
 * roles, input checks, stored runs, firming in one transaction), on plans whose orders are known.
 */

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
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      const factory = await openShippedFactory(backend, { usernames: [PLANNER], functions: FUNCTIONS_WITH_PLAN_DOUBLE });
      ({ database, services } = factory);
      planner = factory.as(PLANNER);
      app = await buildServer({ services, database });
      for (const username of USERS) tokens[username] = (await services.auth.login(username, 'ordo-demo')).token;
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
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
      expect(items.find((fn) => fn.name === 'mrp.plan')).toMatchObject({ needs: 'planning', inputSchema: { type: 'object' }, outputSchema: { title: 'MrpPlan' } });
      expect(items.map((fn) => fn.name)).toEqual([...items.map((fn) => fn.name)].sort());
    });

    it('refuses unknown functions, callers without the role and input that breaks the schema, with pointers and never a 500', async () => {
      expect((await call(PLANNER, 'POST', '/api/functions/mrp.nothing', { json: {} })).json()).toMatchObject({ status: 404, code: 'ORDO_ERR_FUNCTION_NOT_FOUND' });
      expect((await call(undefined, 'POST', '/api/functions/mrp.plan', { json: {} })).statusCode).toBe(401);
      for (const username of ['li.na', 'liu.yang']) {
        expect((await call(username, 'POST', '/api/functions/mrp.plan', { json: {} })).json(), username).toMatchObject({ status: 403, code: 'ORDO_ERR_FORBIDDEN' });
      }
      const wrongType = (await call(PLANNER, 'POST', '/api/functions/mrp.plan', { json: { withBadOrder: 'yes' } })).json();
      expect(wrongType).toMatchObject({ status: 400, code: 'ORDO_ERR_FUNCTION_INPUT_INVALID', errors: [{ pointer: '/body/withBadOrder', code: 'type' }] });
      const unknown = (await call(PLANNER, 'POST', '/api/functions/mrp.plan', { json: { horizon: 30 } })).json();
      expect(unknown).toMatchObject({ status: 400, code: 'ORDO_ERR_FUNCTION_INPUT_INVALID', errors: [{ pointer: '/body/horizon', code: 'additionalProperties' }] });
      expect((await call(PLANNER, 'POST', '/api/functions/mrp.plan', { json: [] })).json()).toMatchObject({ status: 400, code: 'ORDO_ERR_REQUEST_INVALID' });
      expect((await call(PLANNER, 'POST', '/api/functions/mrp.plan', { raw: '{"a":' })).json()).toMatchObject({ status: 400, code: 'ORDO_ERR_BAD_REQUEST' });
      expect((await call(PLANNER, 'GET', '/api/plan-runs')).json()).toEqual({ items: [] });
    });

    it('plans on the live data, stores the run and answers it with labels for items and sales orders', async () => {
      const { runId, plan: answer } = await plan();
      expect(schemaProblems(PLANNING_SCHEMAS.MrpPlan, answer)).toEqual([]);
      expect(answer.horizon.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const rush = String((await services.records.get(planner, 'sales-order', 'so-jinbei-coal-rush')).data['orderNo']);
      expect(answer.plannedOrders.find((order) => order.salesOrder === rush && order.item === 'item-kbz-22')).toMatchObject({ kind: 'make', qty: 6, bomVersion: 'A' });

      const list = (await call('zheng.hao', 'GET', '/api/plan-runs?limit=5')).json().items;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ id: runId, createdBy: PLANNER, summary: { plannedOrders: answer.plannedOrders.length, exceptions: 0 } });
      expect(list[0].loadMs).toBeGreaterThan(0);
      expect(list[0].planMs).toBeGreaterThanOrEqual(0);
      expect(list[0]).not.toHaveProperty('plan');

      const detail = (await call(PLANNER, 'GET', `/api/plan-runs/${runId}`)).json();
      expect(detail).toMatchObject({ id: runId, createdBy: PLANNER, plan: answer, firmed: [] });
      expect(detail.labels.items['item-kbz-22']).toBe('KBZ-22 潜水排水泵');
      expect(detail.labels.salesOrders[rush]).toEqual({ recordId: 'so-jinbei-coal-rush', title: rush });
      expect((await call(PLANNER, 'GET', '/api/plan-runs/latest')).json().id).toBe(runId);
      expect((await call(PLANNER, 'GET', '/api/plan-runs/no-such-run')).json()).toMatchObject({ status: 404, code: 'ORDO_ERR_PLAN_RUN_NOT_FOUND' });
      expect((await call('li.na', 'GET', `/api/plan-runs/${runId}`)).statusCode).toBe(403);
      expect((await call(PLANNER, 'GET', '/api/plan-runs?limit=0')).json()).toMatchObject({ status: 400, errors: [{ pointer: '/query/limit' }] });
    });

    it('firms a buy and a make order into a requisition and a production order with their workflows, then refuses to firm them again', async () => {
      const { runId, plan: answer } = await plan();
      const buy = answer.plannedOrders.find((order) => order.kind === 'buy' && order.salesOrder !== undefined);
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
        salesOrder: labels.salesOrders[buy.salesOrder ?? '']?.recordId,
        lines: [{ lineNo: 1, item: buy.item, qty: buy.qty }],
        status: 'draft',
      });
      expect(String(requisition.data['reason'])).toContain(buy.id);
      const order = await services.records.get(planner, 'production-order', created[1]?.recordId ?? '');
      expect(order.data).toMatchObject({ moNo: created[1]?.title, item: make.item, qty: make.qty, dueDate: make.due, startDate: make.start, bomVersion: make.bomVersion, status: 'released' });
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
      expect(scenario.supplies.find((supply) => supply.id === `${created[0]?.title}/1`)).toMatchObject({ kind: 'purchase', item: buy.item, qty: buy.qty, salesOrder: buy.salesOrder });
      expect(scenario.supplies.find((supply) => supply.id === created[1]?.title)).toMatchObject({ kind: 'production', item: make.item, qty: make.qty, salesOrder: make.salesOrder, firm: true });
    });

    it('refuses unknown, repeated or no planned orders with pointers, and roles that may not plan', async () => {
      const { runId, plan: answer } = await plan();
      const first = answer.plannedOrders[0]?.id ?? '';
      const unknown = (await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [first, 'PL/none/1'] } })).json();
      expect(unknown).toMatchObject({ status: 400, code: 'ORDO_ERR_REQUEST_INVALID', errors: [{ pointer: '/body/plannedOrders/1', code: 'unknown' }] });
      expect((await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [first, first] } })).json()).toMatchObject({ status: 400, code: 'ORDO_ERR_REQUEST_INVALID' });
      expect((await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [] } })).json()).toMatchObject({ status: 400, errors: [{ pointer: '/body/plannedOrders' }] });
      expect((await call(PLANNER, 'POST', '/api/plan-runs/nope/firm', { json: { plannedOrders: [first] } })).json()).toMatchObject({ status: 404, code: 'ORDO_ERR_PLAN_RUN_NOT_FOUND' });
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
      const other = await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: answer.plannedOrders.slice(2, 3).map((order) => order.id) }, key: 'firm-once' });
      expect(other.json()).toMatchObject({ status: 409, code: 'ORDO_ERR_IDEMPOTENCY_CONFLICT' });
    });

    it('leaves nothing behind when one order of a firming fails: no record, no workflow, no serial, no firming', async () => {
      const { runId, plan: answer } = await plan({ withBadOrder: true });
      const good = answer.plannedOrders.find((order) => order.kind === 'buy');
      const before = await countRows(database);
      const response = await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [good?.id, 'PL/item-st-15/bad'] } });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'ORDO_ERR_VALIDATION', errors: [{ pointer: '/data/qty' }] });
      expect(await countRows(database)).toEqual(before);
      expect((await call(PLANNER, 'GET', `/api/plan-runs/${runId}`)).json().firmed).toEqual([]);
      // The good order alone still firms, with the next requisition number: the failed attempt drew none.
      const retry = await call(PLANNER, 'POST', `/api/plan-runs/${runId}/firm`, { json: { plannedOrders: [good?.id] } });
      expect(retry.statusCode, retry.body).toBe(200);
    });
  });
}
