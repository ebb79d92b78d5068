import type { Locale } from '../../engine/errors/index.js';
import type { ReportResult } from '../reports/index.js';
import type { ExportColumn, ExportRow } from './export-table.js';

/**
 * A report's run as a table: its columns in order, without the measures the user may not see
 * (`hidden`), the rows in the run's order, a dimension's stored values written as their words in
 * the reader's language (a choice's label, a member's name) as the report page shows them.
 */
export function exportReport(result: ReportResult, locale: Locale): { columns: ExportColumn[]; rows: ExportRow[]; title: string } {
  const hidden = new Set(result.hidden);
  const shown = result.columns.filter((column) => !hidden.has(column.key));
  const columns = shown.map(({ key, label, type, labels }) => ({ key, label, type: labels === undefined ? type : 'string' }));
  const labelled = shown.filter((column) => column.labels !== undefined);
  const rows =
    labelled.length === 0
      ? result.rows
      : result.rows.map((row) => {
          const copy = { ...row };
          for (const { key, labels } of labelled) {
            const value = row[key];
            const words = typeof value === 'string' && Object.hasOwn(labels!, value) ? labels![value] : undefined;
            if (words !== undefined) copy[key] = words[locale];
          }
          return copy;
        });
  return { columns, rows, title: result.report.title[locale] };
}
