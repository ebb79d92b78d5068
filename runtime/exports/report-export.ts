import type { Locale } from '../../engine/errors/index.js';
import type { ReportResult } from '../reports/index.js';
import type { ExportColumn, ExportRow } from './export-table.js';

/**
 * A report's run as a table: its columns in order, without the measures the user may not see
 * (`hidden`), the rows as the run answered them.
 */
export function exportReport(result: ReportResult, locale: Locale): { columns: ExportColumn[]; rows: ExportRow[]; title: string } {
  const hidden = new Set(result.hidden);
  const columns = result.columns.filter((column) => !hidden.has(column.key)).map(({ key, label, type }) => ({ key, label, type }));
  return { columns, rows: result.rows, title: result.report.title[locale] };
}
