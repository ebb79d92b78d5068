import type { Locale } from '../../../engine/errors/index.js';
import type { ReportColumn, ReportRow } from '../api/index.js';
import { formatDimension } from './measure-format.js';

/** What a click on a chart or table row asks for: the records behind one row of one report run. */
export interface DrillTarget {
  readonly report: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly row: ReportRow;
  /** The row's dimension values as text, for the drawer's heading. */
  readonly label: string;
}

/** The dimension values of a row in the report's column order, as people read them (客户甲 · 2026年11月). */
export function drillLabel(columns: readonly ReportColumn[], row: ReportRow, locale: Locale, empty: string): string {
  return columns
    .filter((column) => column.role === 'dimension' && column.key in row)
    .map((column) => formatDimension(row[column.key], column.type, locale, empty))
    .join(' · ');
}

/** Only the dimension values of a row: measures say nothing about which records stand behind it. */
export function dimensionRow(columns: readonly ReportColumn[], row: ReportRow): ReportRow {
  return Object.fromEntries(columns.filter((column) => column.role === 'dimension').map((column) => [column.key, row[column.key] ?? null]));
}
