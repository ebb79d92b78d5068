import type { DashboardDefinition, LocalizedText, ReportDefinition } from '../../engine/definitions/index.js';
import type { Actor } from '../services/types.js';

export type ColumnType = 'string' | 'number' | 'date' | 'percent' | 'money' | 'duration';

export interface ReportColumn {
  key: string;
  label: LocalizedText;
  role: 'dimension' | 'measure';
  type: ColumnType;
  /**
   * A dimension's words for the stored values in `rows` (a choice's labels, users' and departments'
   * names, a lookup's display field), by value. Rows keep the stored value: sorting, drilling and
   * parameters use it; tables, charts and exports show these.
   */
  labels?: Record<string, LocalizedText>;
}

export interface ReportSummary {
  id: string;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  chart: ReportDefinition['chart'];
  parameters?: ReportDefinition['parameters'];
  /** Whether a row has records behind it (POST /api/reports/:id/drill answers). */
  drillable: boolean;
}

export interface ReportResult {
  report: { id: string; version: number; title: LocalizedText; description?: LocalizedText };
  columns: ReportColumn[];
  rows: Record<string, unknown>[];
  chart: ReportDefinition['chart'];
  /** Measures not computed because the user may not read a field they use. */
  hidden: string[];
  /** The parameters as validated, defaults applied. */
  parameters: Record<string, unknown>;
}

export interface DrillRequest {
  parameters?: unknown;
  row: Record<string, unknown>;
  limit?: number;
  offset?: number;
}

export interface DrillResult {
  form: string;
  total: number;
  items: { id: string; title: string; data: Record<string, unknown> }[];
}

export interface DashboardSummary {
  id: string;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
}

export interface ReportService {
  /** Reports the actor may run. */
  list(actor: Actor): ReportSummary[];
  get(actor: Actor, id: string): ReportDefinition;
  run(actor: Actor, id: string, parameters: unknown): Promise<ReportResult>;
  /** Runs unpublished definition text (designers only); problems are ORDO_ERR_DRAFT_INVALID with pointers into it. */
  preview(actor: Actor, body: string, parameters: unknown): Promise<ReportResult>;
  drill(actor: Actor, id: string, request: DrillRequest): Promise<DrillResult>;
  dashboards(actor: Actor): DashboardSummary[];
  /** The dashboard with only the widgets whose reports the actor may run. */
  dashboard(actor: Actor, id: string): DashboardDefinition;
}
