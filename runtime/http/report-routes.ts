import type { FastifyPluginAsync } from 'fastify';
import type { DrillRequest } from '../reports/index.js';
import type { Services } from '../services/index.js';
import { actorOf } from './request-actor.js';
import { drillBody, reportParams, runBody } from './report-schemas.js';

export interface ReportRoutesOptions {
  services: Services;
}

const tags = ['reports'];

/** Report definitions, runs (one aggregate query each), drill-down to the records behind a row, and dashboards. */
export const reportRoutes: FastifyPluginAsync<ReportRoutesOptions> = async (app, { services }) => {
  app.get('/api/reports', { schema: { tags, summary: 'Reports you may run' } }, async (request) => ({ items: services.reports.list(actorOf(request)) }));

  app.get<{ Params: { id: string } }>(
    '/api/reports/:id',
    { schema: { tags, summary: 'A report definition', params: reportParams } },
    async (request) => services.reports.get(actorOf(request), request.params.id),
  );

  app.post<{ Params: { id: string }; Body: { parameters?: Record<string, unknown> } }>(
    '/api/reports/:id/run',
    { schema: { tags, summary: 'Run a report: columns, rows, hidden measures, the parameters as applied', params: reportParams, body: runBody } },
    async (request) => services.reports.run(actorOf(request), request.params.id, request.body?.parameters ?? {}),
  );

  app.post<{ Params: { id: string }; Body: DrillRequest }>(
    '/api/reports/:id/drill',
    { schema: { tags, summary: 'The records behind one row of a report', params: reportParams, body: drillBody } },
    async (request) => services.reports.drill(actorOf(request), request.params.id, request.body),
  );

  app.get('/api/dashboards', { schema: { tags, summary: 'Dashboards you may open' } }, async (request) => ({ items: services.reports.dashboards(actorOf(request)) }));

  app.get<{ Params: { id: string } }>(
    '/api/dashboards/:id',
    { schema: { tags, summary: 'A dashboard definition, with the widgets you may run', params: reportParams } },
    async (request) => services.reports.dashboard(actorOf(request), request.params.id),
  );
};
