import fastifySwagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FormDefinition } from '../../engine/definitions/generated/definition-types.js';
import { OPENAPI_INFO, withFormDocumentation, type OpenApiDocument } from './openapi-document.js';
import { withPlanningDocumentation } from './planning-openapi.js';
import { withScheduleDocumentation } from './schedule-openapi.js';
import { withReportDocumentation } from './report-openapi.js';
import { withWorkflowDocumentation } from './workflow-openapi.js';
import type { Services } from '../services/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The published forms the OpenAPI document describes, read on /docs routes only. */
    documentedForms: FormDefinition[] | null;
  }
}

/**
 * Registers @fastify/swagger on the root instance, so it must run before the route plugins: it
 * collects their schemas as they are added. The generic routes come from there; each request for
 * /docs/json then adds the currently published forms, so a publish shows without a restart.
 */
export async function registerOpenApiCollector(app: FastifyInstance): Promise<void> {
  // The document is plain JSON written by hand; openapi-types' unions add nothing but casts there.
  await app.register(fastifySwagger, { openapi: OPENAPI_INFO as FastifyDynamicSwaggerOptions['openapi'] });
}

/** Swagger UI at /docs and the document at /docs/json. Public: it describes shapes, not records. */
export async function registerDocsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.decorateRequest('documentedForms', null);
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    uiConfig: { validatorUrl: null, deepLinking: false },
    uiHooks: {
      // The published forms are held in memory by the services, so every docs request may ask.
      preHandler: async (request: FastifyRequest) => {
        request.documentedForms = (await services.definitions.exportAll()).forms;
      },
    },
    transformSpecification: (document, request) =>
      withFormDocumentation(
        withReportDocumentation(withScheduleDocumentation(withPlanningDocumentation(withWorkflowDocumentation(document as OpenApiDocument)))),
        request.documentedForms ?? [],
      ),
  });
}
