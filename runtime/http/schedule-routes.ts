import type { FastifyPluginAsync } from 'fastify';
import type { OperationMove, ScheduleEvent, ScheduleRunCommand } from '../scheduling/index.js';
import type { Services } from '../services/index.js';
import { actorOf } from './request-actor.js';
import {
  dispatchListParams,
  dispatchListQuery,
  moveBody,
  scheduleEventBody,
  scheduleRunBody,
  scheduleRunListQuery,
  scheduleRunParams,
} from './schedule-schemas.js';

export interface ScheduleRoutesOptions {
  services: Services;
}

const tags = ['schedule'];

/** Finite-capacity schedules on the live data: plan, insert, what-if, commit, drag moves, shop-floor events and dispatch lists. */
export const scheduleRoutes: FastifyPluginAsync<ScheduleRoutesOptions> = async (app, { services }) => {
  app.post<{ Body: ScheduleRunCommand }>(
    '/api/schedule-runs',
    { schema: { tags, summary: 'Plan, insert an order into the committed schedule, or run a what-if: a draft run', body: scheduleRunBody } },
    async (request, reply) => {
      const run = await services.scheduling.create(actorOf(request), request.body);
      reply.code(201).header('location', `/api/schedule-runs/${run.id}`);
      return run;
    },
  );

  app.get<{ Querystring: { limit: number } }>(
    '/api/schedule-runs',
    { schema: { tags, summary: 'Schedule runs, newest first, with their KPIs', querystring: scheduleRunListQuery } },
    async (request) => ({ items: await services.scheduling.runs(actorOf(request), request.query.limit) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/schedule-runs/:id',
    { schema: { tags, summary: 'A schedule run (or `committed`): the schedule, what moved, labels', params: scheduleRunParams } },
    async (request) => services.scheduling.run(actorOf(request), request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/api/schedule-runs/:id/commit',
    { schema: { tags, summary: 'Make a draft run the committed schedule (refused when the committed one changed since)', params: scheduleRunParams } },
    async (request) => services.scheduling.commit(actorOf(request), request.params.id),
  );

  app.post<{ Body: OperationMove }>(
    '/api/schedule-runs/committed/moves',
    { schema: { tags, summary: 'Move an operation of the committed schedule (Gantt drag), checked for feasibility; commits', body: moveBody } },
    async (request, reply) => {
      reply.code(201);
      return services.scheduling.move(actorOf(request), request.body);
    },
  );

  app.post<{ Body: ScheduleEvent }>(
    '/api/schedule-events',
    { schema: { tags, summary: 'A machine went down or an operation finished: reschedule what is not frozen and commit', body: scheduleEventBody } },
    async (request, reply) => {
      reply.code(201);
      return services.scheduling.event(actorOf(request), request.body);
    },
  );

  app.get<{ Params: { workCenter: string }; Querystring: { machine?: string } }>(
    '/api/dispatch-lists/:workCenter',
    { schema: { tags, summary: "A work center's (or machine's) operations in start order, from the committed schedule", params: dispatchListParams, querystring: dispatchListQuery } },
    async (request) => services.scheduling.dispatchList(actorOf(request), request.params.workCenter, request.query.machine),
  );
};
