import type { ReactNode } from 'react';
import type { ReportColumn, ReportResult, ReportRow } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { dimensionFormatter, formatMeasure } from './measure-format.js';

/** A column the result does not hold, worked out from each row and drawn right after the column `after`. */
export interface DerivedColumn {
  readonly after: string;
  readonly header: string;
  readonly cell: (row: ReportRow) => ReactNode;
}

function isDerived(column: ReportColumn | DerivedColumn): column is DerivedColumn {
  return 'cell' in column;
}

/** The result as a table, dimensions then measures; a row click drills into it. Hidden measures are left out. */
export function ReportTable({ result, onRow, maxRows, derived }: { result: ReportResult; onRow?: (row: ReportRow) => void; maxRows?: number; derived?: DerivedColumn }) {
  const { t, text, locale } = useI18n();
  const visible = result.columns.filter((column) => !result.hidden.includes(column.key));
  const columns = visible.flatMap((column): (ReportColumn | DerivedColumn)[] => (column.key === derived?.after ? [column, derived] : [column]));
  const rows = maxRows === undefined ? result.rows : result.rows.slice(0, maxRows);
  const dimension = dimensionFormatter(result.rows, locale, t('reports.none'));
  return (
    <div className="report-table-wrap">
      <table className="data-table report-table" data-testid="report-table">
        <thead>
          <tr>
            {columns.map((column) =>
              isDerived(column) ? (
                <th key="derived" className="num">
                  {column.header}
                </th>
              ) : (
                <th key={column.key} className={column.role === 'measure' ? 'num' : undefined}>
                  {text(column.label, column.key)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className={onRow ? 'clickable' : undefined} onClick={onRow ? () => onRow(row) : undefined} data-testid="report-row">
              {columns.map((column) =>
                isDerived(column) ? (
                  <td key="derived" className="num nowrap">
                    {column.cell(row)}
                  </td>
                ) : (
                  <td key={column.key} className={column.role === 'measure' ? 'num nowrap' : 'nowrap'}>
                    {column.role === 'measure' ? formatMeasure(row[column.key], column.type, locale) : dimension(column, row[column.key])}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {maxRows !== undefined && result.rows.length > maxRows ? <p className="muted report-more">{t('reports.rows', { count: result.rows.length })}</p> : null}
    </div>
  );
}
