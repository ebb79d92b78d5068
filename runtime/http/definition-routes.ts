import type { FastifyPluginAsync } from 'fastify';
import { actorOf } from './request-actor.js';
import type { Services } from '../services/index.js';

export interface DefinitionRoutesOptions {
  services: Services;
}

export const definitionRoutes: FastifyPluginAsync<DefinitionRoutesOptions> = async (app, { services }) => {
  app.get(
    '/api/definitions',
    { schema: { tags: ['definitions'], summary: 'The app, the latest published forms the user may read and the workflows of those forms' } },
    async (request) => {
      const actor = actorOf(request);
      return { app: services.definitions.app() ?? null, forms: services.definitions.forms(actor), workflows: services.definitions.workflows(actor) };
    },
  );
  app.get(
    '/api/users',
    { schema: { tags: ['definitions'], summary: "The app's users with display names and departments, for member pickers" } },
    async () => ({ items: await services.auth.pickableUsers() }),
  );
};
