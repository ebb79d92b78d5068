import type { Actor, Services } from '../services/types.js';
import type { ReportResult } from './report-types.js';

/** Runs a report for a user: what the run route answers, for exports and other callers. */
export function runReport(services: Services, actor: Actor, reportId: string, parameters: unknown): Promise<ReportResult> {
  return services.reports.run(actor, reportId, parameters);
}
