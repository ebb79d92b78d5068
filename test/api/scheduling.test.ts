import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedOperation, ScheduleRequest, ScheduleResult } from '../../engine/planning/index.js';
import { checkFactorySchedule } from '../../engine/planning/scheduling/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { loadShopFloor, type ScheduleRunView } from '../../runtime/scheduling/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import { findScheduleRun } from '../../runtime/stores/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';
import { countingPlugin } from '../support/statement-counter.js';

/*
 * Scheduling the demo factory's live records over HTTP: plan, commit, insert a new order, a stale
 * commit refused, drag moves (feasible and not), a machine breakdown, dispatch lists, roles and bad
 * input. Every schedule a route answers with is checked against the request it was made for with the
 * engine's own feasibility check. The search runs 2000 iterations (the engine's default): a fraction of a
 * second on the demo's few orders.
 */

const DEMO_MORNING = new Date('2026-11-24T01:00:00Z');
const PLANNER = 'zhao.min';
const USERS = [PLANNER, 'zheng.hao', 'li.na', 'admin'] as const;

for (const backend of testDatabases()) {
  describe(`scheduling over HTTP on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let app: FastifyInstance;
    let admin: Actor;
    const tokens: Record<string, string> = {};

    // The services' clock: set by the tests, never the wall clock. Each reading is a millisecond later, so runs
    // made one after the other keep their order, and a minute never passes unless a test says so.
    let clock = DEMO_MORNING.getTime();
    let readings = 0;
    const setClock = (at: number) => {
      clock = at;
      readings = 0;
    };

    beforeAll(async () => {
      const factory = await openShippedFactory(backend, {
        usernames: [PLANNER, 'admin'],
        now: () => new Date(clock + Math.min(++readings, 59_999)),
        snapshot: true,
      });
      ({ database, services } = factory);
      admin = factory.as('admin');
      app = await buildServer({ services, database });
      for (const username of USERS) tokens[username] = (await services.auth.login(username, 'ordo-demo')).token;
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const call = (user: string | undefined, method: 'GET' | 'POST', url: string, json?: unknown) =>
      app.inject({
        method,
        url,
        headers: user === undefined ? {} : { authorization: `Bearer ${tokens[user]}` },
        ...(json === undefined ? {} : { payload: json as object }),
      });

    /** The run's schedule breaks no rule of the request it was made for. */
    async function expectFeasible(view: ScheduleRunView): Promise<ScheduleRequest> {
      const row = await findScheduleRun(database.db, view.id);
      const request = row!.request as unknown as ScheduleRequest;
      expect(checkFactorySchedule(request, view.result.operations)).toEqual([]);
      return request;
    }

    async function plan(): Promise<ScheduleRunView> {
      const response = await call(PLANNER, 'POST', '/api/schedule-runs', { kind: 'plan' });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    }

    async function committed(): Promise<ScheduleRunView> {
      const response = await call(PLANNER, 'GET', '/api/schedule-runs/committed');
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    }

    it('plans the demo factory from its records: a feasible schedule with labels and late operations', async () => {
      expect((await call(PLANNER, 'GET', '/api/schedule-runs/committed')).json()).toMatchObject({ status: 404, code: 'ORDO_ERR_SCHEDULE_RUN_NOT_FOUND' });
      const run = await plan();
      expect(run).toMatchObject({ kind: 'plan', status: 'draft', createdBy: PLANNER });
      expect(run.baseRunId).toBeUndefined();
      await expectFeasible(run);
      // The casings are due today and the stator batch has four days for five days of winding.
      expect(run.result.kpis.ordersLate.map((late) => late.order).sort()).toEqual(['mo-pc-150-batch', 'mo-st-15-batch']);
      expect(run.result.operations.some((placed) => placed.late)).toBe(true);
      expect(run.unscheduled).toEqual([]);
      // The completed order is not scheduled; the in-progress one is, for what is left of it.
      expect(Object.keys(run.labels.orders).sort()).toEqual(['mo-imp-22-jinbei', 'mo-pc-150-batch', 'mo-st-15-batch', 'mo-zhongjian-kbz-7-5']);
      expect(run.labels.orders['mo-zhongjian-kbz-7-5']).toMatchObject({ qty: 10, item: 'KBZ-7.5', priority: 'normal' });
      expect(run.labels.orders['mo-imp-22-jinbei']).toMatchObject({ priority: 'rush', salesOrder: expect.stringMatching(/^SO-/) });
      expect(run.labels.workCenters['wc-cnc']).toEqual({ code: 'WC-CNC', name: 'CNC 加工中心', machines: ['WC-CNC-1', 'WC-CNC-2', 'WC-CNC-3'] });
      for (const placed of run.result.operations) {
        expect(run.labels.operations[placed.operation], placed.operation).toBeDefined();
        expect(run.labels.orders[placed.order], placed.order).toBeDefined();
      }
    });

    it('commits a draft, lists runs newest first, and refuses to commit a draft made from an older committed schedule', async () => {
      const first = await plan();
      const committedResponse = await call(PLANNER, 'POST', `/api/schedule-runs/${first.id}/commit`);
      expect(committedResponse.statusCode, committedResponse.body).toBe(200);
      expect(committedResponse.json()).toMatchObject({ id: first.id, status: 'committed' });
      expect((await committed()).id).toBe(first.id);
      // Committing again answers the same.
      expect((await call(PLANNER, 'POST', `/api/schedule-runs/${first.id}/commit`)).statusCode).toBe(200);

      const a = await plan();
      const b = await plan();
      expect(a.baseRunId).toBe(first.id);
      expect((await call('zheng.hao', 'POST', `/api/schedule-runs/${a.id}/commit`)).statusCode).toBe(200);
      const refused = await call(PLANNER, 'POST', `/api/schedule-runs/${b.id}/commit`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'ORDO_ERR_SCHEDULE_STALE' });
      expect((await committed()).id).toBe(a.id);
      expect((await call(PLANNER, 'POST', `/api/schedule-runs/${first.id}/commit`)).json()).toMatchObject({ status: 409, code: 'ORDO_ERR_SCHEDULE_STALE' });

      const list = (await call(PLANNER, 'GET', '/api/schedule-runs?limit=3')).json().items;
      expect(list.map((run: { id: string }) => run.id)).toEqual([b.id, a.id, first.id]);
      expect(list[1]).toMatchObject({ kind: 'plan', status: 'committed', createdBy: PLANNER, kpis: { weightedTardiness: expect.any(Number) } });
      expect((await call(PLANNER, 'GET', '/api/schedule-runs/no-such-run')).json()).toMatchObject({ status: 404, code: 'ORDO_ERR_SCHEDULE_RUN_NOT_FOUND' });

      // Two drafts from the same base committed at once: one wins, the other is stale.
      const [c, d] = [await plan(), await plan()];
      const answers = await Promise.all([c, d].map((run) => call(PLANNER, 'POST', `/api/schedule-runs/${run.id}/commit`)));
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
      const winner = answers[0]!.statusCode === 200 ? c : d;
      expect((await committed()).id).toBe(winner.id);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ordo_schedule_runs where status = 'committed'`.execute(database.db);
      expect(rows[0]!.n).toBe(1);
    });

    it('inserts a new production order into the committed schedule, listing what moved, and commits it', async () => {
      const base = await committed();
      const { record } = await services.records.create(admin, 'production-order', {
        item: 'item-pc-100',
        bomVersion: 'A',
        qty: 6,
        startDate: '2026-11-24',
        dueDate: '2026-11-26',
        salesOrder: 'so-jinbei-coal-rush',
        status: 'released',
      });
      const response = await call(PLANNER, 'POST', '/api/schedule-runs', { kind: 'insert', order: record.id });
      expect(response.statusCode, response.body).toBe(201);
      const run: ScheduleRunView = response.json();
      expect(run).toMatchObject({ kind: 'insert', status: 'draft', baseRunId: base.id });
      await expectFeasible(run);
      const added = run.result.operations.filter((placed) => placed.order === record.id);
      expect(added.map((placed) => run.labels.operations[placed.operation]?.opNo)).toEqual([10, 20, 30]);
      expect(run.labels.orders[record.id]).toMatchObject({ moNo: record.data['moNo'], priority: 'rush', qty: 6 });
      expect(run.changes).toEqual({ moved: expect.any(Array), finishChanged: expect.any(Array) });
      // Everything that moved is listed, with where it was and where it went.
      const before = new Map(base.result.operations.map((placed) => [placed.operation, placed]));
      for (const placed of run.result.operations) {
        const old = before.get(placed.operation);
        if (old === undefined) continue;
        const moved = old.start !== placed.start || old.end !== placed.end || old.machine !== placed.machine;
        expect(
          run.changes!.moved.some((entry) => entry.operation === placed.operation),
          placed.operation,
        ).toBe(moved);
      }
      expect((await call(PLANNER, 'POST', `/api/schedule-runs/${run.id}/commit`)).statusCode).toBe(200);
      const again = await call(PLANNER, 'POST', '/api/schedule-runs', { kind: 'insert', order: record.id });
      expect(again.json()).toMatchObject({ status: 400, code: 'ORDO_ERR_REQUEST_INVALID', errors: [{ pointer: '/body/order' }] });
    });

    it('moves an operation where it is dragged, pushing what follows right, and commits the move', async () => {
      const base = await committed();
      const lastEnd = Math.max(...base.result.operations.map((placed) => Date.parse(placed.end)));
      // A routing's first operation outside the frozen window, moved past everything to a weekday at 09:00 shop time (every shift pattern works then).
      const target = base.result.operations.find(
        (placed) => !placed.fixed && placed.machine !== undefined && base.labels.operations[placed.operation]?.opNo === 10,
      )!;
      let start = new Date(lastEnd);
      start.setUTCHours(1, 0, 0, 0);
      while (start.getTime() <= lastEnd || [0, 6].includes(start.getUTCDay())) start = new Date(start.getTime() + 86_400_000);
      const machine = base.labels.workCenters[target.workCenter!]!.machines.find((name) => name !== target.machine) ?? target.machine!;
      const response = await call(PLANNER, 'POST', '/api/schedule-runs/committed/moves', { operation: target.operation, machine, start: start.toISOString() });
      expect(response.statusCode, response.body).toBe(201);
      const run: ScheduleRunView = response.json();
      expect(run).toMatchObject({ kind: 'move', status: 'committed', baseRunId: base.id });
      await expectFeasible(run);
      const moved = run.result.operations.find((placed) => placed.operation === target.operation)!;
      expect(moved).toMatchObject({ machine, start: start.toISOString() });
      // Its successors had to follow it: they moved right and are listed.
      const successors = run.result.operations.filter((placed) => placed.order === target.order && placed.operation !== target.operation);
      for (const successor of successors) {
        expect(Date.parse(successor.start)).toBeGreaterThanOrEqual(Date.parse(moved.end));
        expect(run.changes!.moved.some((entry) => entry.operation === successor.operation)).toBe(true);
      }
      expect(run.changes!.moved.find((entry) => entry.operation === target.operation)).toMatchObject({
        from: { machine: target.machine, start: target.start },
        to: { machine },
      });
      expect((await committed()).id).toBe(run.id);
    });

    it('refuses a move that breaks a rule with 409 and the violations, writing nothing', async () => {
      const base = await committed();
      const runsBefore = (await call(PLANNER, 'GET', '/api/schedule-runs?limit=100')).json().items.length;
      const second = base.result.operations.find((placed) => placed.order === 'mo-st-15-batch' && base.labels.operations[placed.operation]?.opNo === 20)!;
      const first = base.result.operations.find((placed) => placed.order === 'mo-st-15-batch' && base.labels.operations[placed.operation]?.opNo === 10)!;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ operation: second.operation, start: first.start }, 'precedence'],
        [{ operation: second.operation, start: '2026-11-20T01:00:00Z' }, 'release'],
        [{ operation: second.operation, start: '2026-12-06T01:00:00Z' }, 'calendar'], // a Sunday: the winding shop works Monday to Friday
        [{ operation: second.operation, machine: 'WC-CNC-1', start: second.start }, 'machine'],
      ];
      for (const [move, kind] of cases) {
        const response = await call(PLANNER, 'POST', '/api/schedule-runs/committed/moves', move);
        expect(response.statusCode, `${kind}: ${response.body}`).toBe(409);
        const problem = response.json();
        expect(problem.code).toBe('ORDO_ERR_SCHEDULE_MOVE_INFEASIBLE');
        expect(problem.violations[0]).toMatchObject({ kind, operation: second.operation, message: expect.any(String) });
      }
      expect((await call(PLANNER, 'GET', '/api/schedule-runs?limit=100')).json().items.length).toBe(runsBefore);
      expect((await committed()).id).toBe(base.id);
      const unknown = await call(PLANNER, 'POST', '/api/schedule-runs/committed/moves', { operation: 'nope/10', start: second.start });
      expect(unknown.json()).toMatchObject({ status: 400, errors: [{ pointer: '/body/operation' }] });
    });

    it('reschedules after a machine breakdown: nothing starts on the machine while it is down, and the result is committed', async () => {
      const base = await committed();
      const busy = base.result.operations.filter(
        (placed) => !placed.fixed && placed.machine !== undefined && Date.parse(placed.start) > DEMO_MORNING.getTime() + 12 * 3_600_000,
      );
      const victim = busy[0]!;
      const from = new Date(Date.parse(victim.start) - 3_600_000).toISOString();
      const to = new Date(Date.parse(victim.start) + 2 * 86_400_000).toISOString();
      const response = await call(PLANNER, 'POST', '/api/schedule-events', { kind: 'machine-down', machine: victim.machine, from, to });
      expect(response.statusCode, response.body).toBe(201);
      const run: ScheduleRunView = response.json();
      expect(run).toMatchObject({ kind: 'event', status: 'committed', baseRunId: base.id });
      await expectFeasible(run);
      for (const placed of run.result.operations.filter((candidate) => candidate.machine === victim.machine)) {
        const start = Date.parse(placed.start);
        expect(start < Date.parse(from) || start >= Date.parse(to), `${placed.operation} starts at ${placed.start}`).toBe(true);
      }
      expect(run.changes!.moved.some((entry) => entry.operation === victim.operation)).toBe(true);

      const finished = run.result.operations.find((placed) => placed.fixed) ?? run.result.operations[0]!;
      const done = await call(PLANNER, 'POST', '/api/schedule-events', { kind: 'operation-finished', operation: finished.operation, end: finished.end });
      expect(done.statusCode, done.body).toBe(201);
      await expectFeasible(done.json());
    });

    it('keeps what started or sits in the frozen window fixed when the clock moves on between the plan and an event', async () => {
      const MINUTE = 60_000;
      for (const later of [MINUTE, 3 * 60 * MINUTE, 9 * 60 * MINUTE]) {
        setClock(DEMO_MORNING.getTime());
        const base = await plan();
        expect((await call(PLANNER, 'POST', `/api/schedule-runs/${base.id}/commit`)).statusCode).toBe(200);
        const now = DEMO_MORNING.getTime() + later;
        setClock(now);
        const started = base.result.operations.filter((placed) => Date.parse(placed.start) < now);
        expect(started.length, `operations started by +${later / MINUTE} min`).toBeGreaterThan(0);
        const machine = base.result.operations.find((placed) => placed.machine !== undefined && Date.parse(placed.start) > now)!.machine!;
        const response = await call(PLANNER, 'POST', '/api/schedule-events', {
          kind: 'machine-down',
          machine,
          from: new Date(now + 60 * MINUTE).toISOString(),
          to: new Date(now + 1440 * MINUTE).toISOString(),
        });
        expect(response.statusCode, response.body).toBe(201);
        const run: ScheduleRunView = response.json();
        const request = await expectFeasible(run);
        // What had started at the event stays where it was, fixed in the request the run was made for.
        const fixed = new Set(request.orders.flatMap((order) => order.operations.filter((operation) => operation.fixed).map((operation) => operation.id)));
        for (const placed of started) {
          expect(
            run.result.operations.find((candidate) => candidate.operation === placed.operation),
            placed.operation,
          ).toMatchObject({
            machine: placed.machine,
            start: placed.start,
            fixed: true,
          });
          expect(fixed.has(placed.operation), placed.operation).toBe(true);
        }
        // A second event, later still, starts from that run: also feasible for its own request.
        setClock(now + 2 * MINUTE);
        const first = run.result.operations.find((placed) => placed.fixed && placed.machine !== undefined)!;
        const finished = await call(PLANNER, 'POST', '/api/schedule-events', { kind: 'operation-finished', operation: first.operation, end: first.end });
        expect(finished.statusCode, finished.body).toBe(201);
        await expectFeasible(finished.json());
      }

      // An insertion a minute after the plan: the operations of the frozen window become fixed in its request.
      setClock(DEMO_MORNING.getTime());
      const base = await plan();
      expect((await call(PLANNER, 'POST', `/api/schedule-runs/${base.id}/commit`)).statusCode).toBe(200);
      const { record } = await services.records.create(admin, 'production-order', {
        item: 'item-pc-100',
        bomVersion: 'A',
        qty: 2,
        startDate: '2026-11-24',
        dueDate: '2026-11-30',
        status: 'released',
      });
      setClock(DEMO_MORNING.getTime() + MINUTE);
      const inserted = await call(PLANNER, 'POST', '/api/schedule-runs', { kind: 'insert', order: record.id });
      expect(inserted.statusCode, inserted.body).toBe(201);
      await expectFeasible(inserted.json());
      setClock(DEMO_MORNING.getTime());
    });

    it('answers dispatch lists per work center and machine in start order, from the committed schedule', async () => {
      const base = await committed();
      const response = await call('zheng.hao', 'GET', '/api/dispatch-lists/wc-cnc');
      expect(response.statusCode, response.body).toBe(200);
      const list = response.json();
      expect(list).toMatchObject({ workCenter: 'wc-cnc', runId: base.id });
      const expected = base.result.operations.filter((placed) => placed.workCenter === 'wc-cnc');
      expect(list.items).toHaveLength(expected.length);
      expect(list.items.length).toBeGreaterThan(0);
      const starts = list.items.map((item: { start: string }) => Date.parse(item.start));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(list.items[0]).toMatchObject({
        moNo: expect.any(String),
        item: expect.any(String),
        opNo: expect.any(Number),
        opName: expect.any(String),
        machine: expect.stringMatching(/^WC-CNC-\d$/),
      });
      const byCode = (await call(PLANNER, 'GET', '/api/dispatch-lists/WC-CNC?machine=WC-CNC-2')).json();
      expect(byCode.items.every((item: { machine: string }) => item.machine === 'WC-CNC-2')).toBe(true);
      expect((await call(PLANNER, 'GET', '/api/dispatch-lists/wc-nowhere')).statusCode).toBe(404);
    });

    it('lets only planners, production managers and admins schedule', async () => {
      for (const [method, url, json] of [
        ['POST', '/api/schedule-runs', { kind: 'plan' }],
        ['GET', '/api/schedule-runs', undefined],
        ['GET', '/api/schedule-runs/committed', undefined],
        ['GET', '/api/dispatch-lists/wc-cnc', undefined],
        ['POST', '/api/schedule-events', { kind: 'machine-down', machine: 'WC-CNC-1', from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' }],
      ] as const) {
        const response = await call('li.na', method, url, json);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json().code).toBe('ORDO_ERR_FORBIDDEN');
        expect((await call(undefined, method, url, json)).statusCode).toBe(401);
      }
      expect((await call('admin', 'GET', '/api/schedule-runs')).statusCode).toBe(200);
    });

    it('refuses bad input with 400 and pointers, never a 500', async () => {
      const bad: Array<[string, unknown, string]> = [
        ['/api/schedule-runs', { kind: 'plan', timeLimitSeconds: 99 }, '/body/timeLimitSeconds'],
        ['/api/schedule-runs', { kind: 'plan', horizon: 3 }, '/body/horizon'],
        ['/api/schedule-runs', { kind: 'guess' }, '/body/kind'],
        ['/api/schedule-runs', { kind: 'insert' }, '/body/order'],
        ['/api/schedule-runs', { kind: 'insert', order: 'mo-nowhere' }, '/body/order'],
        ['/api/schedule-runs', { kind: 'whatif', changes: [] }, '/body/changes'],
        [
          '/api/schedule-runs',
          { kind: 'whatif', changes: [{ kind: 'machine-down', machine: 'WC-NOPE-1', from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' }] },
          '/body/changes/0/machine',
        ],
        [
          '/api/schedule-runs',
          { kind: 'whatif', changes: [{ kind: 'overtime', workCenter: 'wc-cnc', from: 'tomorrow', to: '2026-12-02T00:00:00Z' }] },
          '/body/changes/0/from',
        ],
        ['/api/schedule-runs', { kind: 'whatif', changes: [{ kind: 'rush-order', recordId: 'mo-he-7-5-done' }] }, '/body/changes/0/recordId'],
        ['/api/schedule-runs/committed/moves', { operation: 'x', start: 'soon' }, '/body/start'],
        ['/api/schedule-runs/committed/moves', { operation: 'mo-st-15-batch/10', start: '2026-02-30T08:00:00Z' }, '/body/start'],
        ['/api/schedule-events', { kind: 'operation-finished', operation: 'mo-st-15-batch/10', end: '2020-01-01T00:00:00Z' }, '/body/end'],
        ['/api/schedule-events', { kind: 'machine-down', machine: 'WC-CNC-1', from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' }, '/body/to'],
        ['/api/schedule-events', { kind: 'machine-down', machine: 'WC-NOPE-1', from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' }, '/body/machine'],
        ['/api/schedule-events', { kind: 'operation-finished', operation: 'mo-st-15-batch/10' }, '/body/end'],
      ];
      for (const [url, json, pointer] of bad) {
        const response = await call(PLANNER, 'POST', url, json);
        expect(response.statusCode, `${JSON.stringify(json)}: ${response.body}`).toBe(400);
        expect(
          response.json().errors.map((error: { pointer: string }) => error.pointer),
          JSON.stringify(json),
        ).toContain(pointer);
      }
      const whatif = await call(PLANNER, 'POST', '/api/schedule-runs', {
        kind: 'whatif',
        changes: [{ kind: 'machine-down', machine: 'WC-CNC-1', from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' }],
      });
      expect(whatif.statusCode, whatif.body).toBe(201);
      expect((await call(PLANNER, 'POST', `/api/schedule-runs/${whatif.json().id}/commit`)).json()).toMatchObject({
        status: 409,
        code: 'ORDO_ERR_SCHEDULE_NOT_COMMITTABLE',
      });
    });

    it('reads the shop floor in five queries, one per form', async () => {
      const counter = { statements: 0 };
      const floor = await loadShopFloor(database.db.withPlugin(countingPlugin(counter)), { now: DEMO_MORNING });
      expect(counter.statements).toBe(5);
      expect(floor.request.orders.length).toBeGreaterThanOrEqual(4);
      expect(floor.loadMs).toBeGreaterThan(0);
    });

    it('never changes the committed run with a what-if, whatever the scenario', async () => {
      const snapshot = async () =>
        (await sql<{ row: string }>`select row_to_json(r)::text as row from ordo_schedule_runs r where status = 'committed'`.execute(database.db)).rows[0]?.row;
      const base = await committed();
      const before = await snapshot();
      const machines = Object.values(base.labels.workCenters).flatMap((center) => center.machines);
      const orders = Object.keys(base.labels.orders);
      const at = (days: number) => new Date(DEMO_MORNING.getTime() + days * 86_400_000).toISOString();
      const change = fc.oneof(
        fc.record({
          kind: fc.constant('machine-down'),
          machine: fc.constantFrom(...machines),
          from: fc.integer({ min: 0, max: 10 }).map(at),
          to: fc.integer({ min: 11, max: 14 }).map(at),
        }),
        fc.record({
          kind: fc.constant('overtime'),
          workCenter: fc.constantFrom(...Object.keys(base.labels.workCenters)),
          from: fc.constant(at(4)),
          to: fc.constant(at(4.5)),
        }),
        fc.record({ kind: fc.constant('material-late'), order: fc.constantFrom(...orders), release: fc.integer({ min: 1, max: 20 }).map(at) }),
        fc.record({ kind: fc.constant('rush-order'), recordId: fc.constantFrom(...orders) }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
          const response = await call(PLANNER, 'POST', '/api/schedule-runs', { kind: 'whatif', changes });
          expect(response.statusCode, response.body).toBe(201);
          const run: ScheduleRunView = response.json();
          expect(run).toMatchObject({ kind: 'whatif', status: 'draft', baseRunId: base.id });
          expect(run.whatif!.comparison.weightedTardiness).toEqual({
            base: run.whatif!.base.kpis.weightedTardiness,
            scenario: run.result.kpis.weightedTardiness,
          });
          await expectFeasible(run);
          expect(await snapshot()).toBe(before);
        }),
        { numRuns: 6 },
      );
    });

    it('drops an order the production-order workflow completes out of the next plan', async () => {
      const { instance } = await services.workflows.start(admin, 'production-order', 'mo-pc-150-batch');
      await services.workflows.sendEvent(admin, instance.id, { type: 'start' });
      await services.workflows.sendEvent(admin, instance.id, { type: 'complete' });
      expect((await services.records.get(admin, 'production-order', 'mo-pc-150-batch')).data['status']).toBe('completed');
      const run = await plan();
      await expectFeasible(run);
      expect(run.result.operations.some((placed) => placed.order === 'mo-pc-150-batch')).toBe(false);
      expect(run.labels.orders['mo-pc-150-batch']).toBeUndefined();
      expect(run.unscheduled).toEqual([]);
      // The new plan commits over the current schedule, which still had the order: it is gone from the dispatch list.
      expect((await call(PLANNER, 'POST', `/api/schedule-runs/${run.id}/commit`)).statusCode).toBe(200);
      const list = (await call(PLANNER, 'GET', '/api/dispatch-lists/wc-cnc')).json();
      expect(list.items.some((item: { order: string }) => item.order === 'mo-pc-150-batch')).toBe(false);
    });

    it('publishes the schedule routes and their answers in the OpenAPI document', async () => {
      const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
      expect(document.paths['/api/schedule-runs'].post.responses['201'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/ScheduleRun',
      });
      expect(document.paths['/api/schedule-runs/committed/moves'].post.requestBody.content['application/json'].schema.required).toEqual(['operation', 'start']);
      expect(document.paths['/api/dispatch-lists/{workCenter}'].get.responses['200'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/DispatchList',
      });
      expect(document.components.schemas.ScheduleRun.required).toEqual([
        'id',
        'kind',
        'status',
        'createdAt',
        'createdBy',
        'solveMs',
        'loadMs',
        'result',
        'labels',
        'unscheduled',
      ]);
    });
  });
}
