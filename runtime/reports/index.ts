export { createReportService, shanghaiDay, type ReportServiceDependencies } from './report-service.js';
export { reportQuery, drillQuery, type QueryContext } from './report-query.js';
export { runReport } from './run-report.js';
export type {
  ColumnType,
  DashboardSummary,
  DrillRequest,
  DrillResult,
  ReportColumn,
  ReportResult,
  ReportService,
  ReportSummary,
} from './report-types.js';
export { ensureReportIndexes, reportIndexName } from './report-indexes.js';
