import type { FastifyPluginAsync } from 'fastify';
import { firmBody, firmHeaders, planRunListQuery, planRunParams } from './function-schemas.js';
import { actorOf } from './request-actor.js';
import type { CommandHeaders } from './workflow-commands.js';
import type { Services } from '../services/index.js';

export interface PlanRunRoutesOptions {
  services: Services;
}

const tags = ['plan runs'];

/** Stored plan runs and firming their planned orders into purchase requisitions and production orders. */
export const planRunRoutes: FastifyPluginAsync<PlanRunRoutesOptions> = async (app, { services }) => {
  app.get<{ Querystring: { limit: number } }>(
    '/api/plan-runs',
    { schema: { tags, summary: 'Plan runs, newest first, without their plans', querystring: planRunListQuery } },
    async (request) => ({ items: await services.planning.runs(actorOf(request), request.query.limit) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/plan-runs/:id',
    { schema: { tags, summary: 'A plan run (or `latest`): the plan, what was firmed, labels for items and sales orders', params: planRunParams } },
    async (request) => services.planning.run(actorOf(request), request.params.id),
  );

  app.post<{ Params: { id: string }; Body: { plannedOrders: string[] }; Headers: CommandHeaders }>(
    '/api/plan-runs/:id/firm',
    {
      schema: {
        tags,
        summary: 'Turn planned orders into purchase requisitions and production orders, workflows started, in one transaction',
        params: planRunParams,
        headers: firmHeaders,
        body: firmBody,
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { created, replayed } = await services.planning.firm(
        actorOf(request),
        request.params.id,
        request.body.plannedOrders,
        key === undefined ? {} : { idempotencyKey: key },
      );
      if (replayed) reply.header('idempotent-replayed', 'true');
      return { created };
    },
  );
};
