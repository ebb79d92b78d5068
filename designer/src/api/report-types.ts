import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';

/*
 * The answers of the report, dashboard, export and print routes (docs/reports.md), as the web app
 * reads them. Kept to what the pages use, so a field the server adds later does not break them.
 */

export type ChartType = 'bar' | 'line' | 'pie' | 'table' | 'pivot' | 'kpi' | 'timeline';

export interface ChartSpec {
  readonly type: ChartType;
  /** The dimension column on the category axis (bar, line) or naming the slices (pie); the first dimension when absent. */
  readonly x?: string;
  /** The measure columns drawn; all measures when absent. */
  readonly y?: readonly string[];
  /** A second dimension split into one series per value (bar, line), or the pivot's column dimension. */
  readonly series?: string;
}

export type ColumnType = 'string' | 'number' | 'date' | 'percent' | 'money' | 'duration';

export interface ReportColumn {
  readonly key: string;
  readonly label: LocalizedText;
  readonly role: 'dimension' | 'measure';
  readonly type: ColumnType;
  /** A dimension's words for its stored values (a choice's label, a member's name), by value; rows keep the value. */
  readonly labels?: Readonly<Record<string, LocalizedText>>;
}

export type ReportValue = string | number | boolean | null;
export type ReportRow = Readonly<Record<string, ReportValue>>;

/** A JSON Schema object of the run's parameters (the parts the parameter bar renders). */
export interface ParameterSchema {
  readonly type?: 'object';
  readonly properties?: Readonly<Record<string, ParameterProperty>>;
  readonly required?: readonly string[];
  /** rjsf's uiSchema: a lookup parameter names its form in `ui:options`, as record forms do. */
  readonly uiSchema?: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;
}

export interface ParameterProperty {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly title?: string | LocalizedText;
  readonly enum?: readonly ReportValue[];
  readonly default?: unknown;
  readonly properties?: Readonly<Record<string, ParameterProperty>>;
  /** A parameter picking a record (a customer, a work center): the form and the field naming it. */
  readonly 'x-lookup'?: { readonly form: string; readonly displayField?: string };
  readonly [keyword: string]: unknown;
}

export interface ReportSummary {
  readonly id: string;
  readonly version?: number;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly chart: ChartSpec;
  readonly parameters?: ParameterSchema;
  /** Whether a row has records behind it to drill into. */
  readonly drillable: boolean;
}

export interface ReportResult {
  readonly report: { readonly id: string; readonly version: number; readonly title: LocalizedText; readonly description?: LocalizedText };
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly chart: ChartSpec;
  /** Measures not computed because the user may not read their field. */
  readonly hidden: readonly string[];
  readonly parameters: Readonly<Record<string, unknown>>;
}

export interface DrillItem {
  readonly id: string;
  readonly title: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface DrillResult {
  readonly form: string;
  readonly total: number;
  readonly items: readonly DrillItem[];
}

export interface DashboardWidget {
  readonly report: string;
  readonly title?: LocalizedText;
  /** Columns of the 12-column grid. */
  readonly span: number;
  /** Report parameter -> dashboard parameter. */
  readonly parameterMap?: Readonly<Record<string, string>>;
}

export interface DashboardSummary {
  readonly id: string;
  readonly version?: number;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
}

export interface DashboardDefinition extends DashboardSummary {
  readonly parameters?: ParameterSchema;
  readonly widgets: readonly DashboardWidget[];
}

export interface PrintTemplateSummary {
  readonly id: string;
  readonly form: string;
  readonly title: LocalizedText | string;
}

export type ExportFormat = 'csv' | 'xlsx';
