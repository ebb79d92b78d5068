import type { ReportResult, ReportRow } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { dimensionFormatter, formatMeasure } from './measure-format.js';

/** The result as a table, dimensions then measures; a row click drills into it. Hidden measures are left out. */
export function ReportTable({ result, onRow, maxRows }: { result: ReportResult; onRow?: (row: ReportRow) => void; maxRows?: number }) {
  const { t, text, locale } = useI18n();
  const columns = result.columns.filter((column) => !result.hidden.includes(column.key));
  const rows = maxRows === undefined ? result.rows : result.rows.slice(0, maxRows);
  const dimension = dimensionFormatter(result.rows, locale, t('reports.none'));
  return (
    <div className="report-table-wrap">
      <table className="data-table report-table" data-testid="report-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} className={column.role === 'measure' ? 'num' : undefined}>
                {text(column.label, column.key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className={onRow ? 'clickable' : undefined} onClick={onRow ? () => onRow(row) : undefined} data-testid="report-row">
              {columns.map((column) => (
                <td key={column.key} className={column.role === 'measure' ? 'num nowrap' : 'nowrap'}>
                  {column.role === 'measure' ? formatMeasure(row[column.key], column.type, locale) : dimension(column, row[column.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {maxRows !== undefined && result.rows.length > maxRows ? <p className="muted report-more">{t('reports.rows', { count: result.rows.length })}</p> : null}
    </div>
  );
}
