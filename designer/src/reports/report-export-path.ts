import type { ExportFormat } from '../api/report-types.js';

/** GET /api/reports/:id/export with the run's parameters, so the file holds what the screen shows. */
export function reportExportPath(report: string, parameters: Readonly<Record<string, unknown>>, format: ExportFormat): string {
  return `/api/reports/${encodeURIComponent(report)}/export?format=${format}&parameters=${encodeURIComponent(JSON.stringify(parameters))}`;
}
