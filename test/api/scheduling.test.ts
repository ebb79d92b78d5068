import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedOperation, ScheduleRequest, ScheduleResult } from '../../engine/planning/index.js';
import { checkFactorySchedule } from '../../engine/planning/scheduling/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { buildServer } from '../../runtime/http/index.js';
import type { ScheduleRunView } from '../../runtime/scheduling/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import { findScheduleRun } from '../../runtime/stores/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

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

    beforeAll(async () => {
      const offset = DEMO_MORNING.getTime() - Date.now();
      const factory = await openShippedFactory(backend, { usernames: [PLANNER, 'admin'], now: () => new Date(Date.now() + offset) });
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
      app.inject({ method, url, headers: user === undefined ? {} : { authorization: `Bearer ${tokens[user]}` }, ...(json === undefined ? {} : { payload: json as object }) });

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
      console.log(JSON.stringify({ kpis: run.result.kpis, n: run.result.operations.length, un: run.unscheduled, load: run.loadMs, solve: run.solveMs }, null, 1));
      for (const placed of run.result.operations) {
        expect(run.labels.operations[placed.operation], placed.operation).toBeDefined();
        expect(run.labels.orders[placed.order], placed.order).toBeDefined();
      }
    });
  });
}
