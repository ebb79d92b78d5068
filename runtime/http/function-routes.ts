import type { FastifyPluginAsync } from 'fastify';
import { functionBody, functionParams } from './function-schemas.js';
import { actorOf } from './request-actor.js';
import type { Services } from '../services/index.js';

export interface FunctionRoutesOptions {
  services: Services;
}

const tags = ['functions'];

/** The native function catalogue and calls on the live data (planning functions read the factory's records). */
export const functionRoutes: FastifyPluginAsync<FunctionRoutesOptions> = async (app, { services }) => {
  app.get('/api/functions', { schema: { tags, summary: 'The native functions: name, title, input and output schemas' } }, async () => ({
    items: services.planning.functions(),
  }));

  app.post<{ Params: { name: string }; Body: Record<string, unknown> }>(
    '/api/functions/:name',
    { schema: { tags, summary: 'Call a native function with its input; mrp.plan stores a plan run (Location)', params: functionParams, body: functionBody } },
    async (request, reply) => {
      const { output, runId } = await services.planning.call(actorOf(request), request.params.name, request.body);
      if (runId !== undefined) reply.header('location', `/api/plan-runs/${runId}`);
      return output;
    },
  );
};
