import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../services/index.js';
import { actorOf } from './request-actor.js';
import { previewBody } from './report-schemas.js';

export interface ReportDesignerRoutesOptions {
  services: Services;
}

/** The report designer's live preview: an unpublished definition run on live data, for designers. */
export const reportDesignerRoutes: FastifyPluginAsync<ReportDesignerRoutesOptions> = async (app, { services }) => {
  app.post<{ Body: { body: string; parameters?: Record<string, unknown> } }>(
    '/api/designer/reports/preview',
    {
      schema: {
        tags: ['designer', 'reports'],
        summary: 'Run an unpublished report definition with your permissions; answers as a report run',
        body: previewBody,
      },
    },
    async (request) => services.reports.preview(actorOf(request), request.body.body, request.body.parameters ?? {}),
  );
};
