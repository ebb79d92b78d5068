import type { Locale } from '../../../engine/errors/index.js';
import type { ReportColumn, ReportRow } from '../api/report-types.js';
import { dimensionFormatter } from './measure-format.js';

/** What a click on a chart or table row asks for: the records behind one row of one report run. */
export interface DrillTarget {
  readonly report: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly row: ReportRow;
  /** The row's dimension values as text, for the drawer's heading. */
  readonly label: string;
}

/** The dimension values of a row in the report's column order, as people read them (客户甲 · 2026年11月); `rows` are the result's, to tell months from days. */
export function drillLabel(columns: readonly ReportColumn[], rows: readonly ReportRow[], row: ReportRow, locale: Locale, empty: string): string {
  const dimension = dimensionFormatter(rows, locale, empty);
  return columns
    .filter((column) => column.role === 'dimension' && column.key in row)
    .map((column) => dimension(column, row[column.key]))
    .join(' · ');
}

/** Only the dimension values of a row: measures say nothing about which records stand behind it. */
export function dimensionRow(columns: readonly ReportColumn[], row: ReportRow): ReportRow {
  return Object.fromEntries(columns.filter((column) => column.role === 'dimension').map((column) => [column.key, row[column.key] ?? null]));
}
