import type { ReportColumn, ReportResult, ReportRow } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { dateGap } from './date-gap.js';
import { dimensionFormatter, formatMeasure } from './measure-format.js';

const GAP = Symbol('gap');

/**
 * A `timeline` chart (order backlog: requested vs promised date) as a table with, right after the
 * second date, how many days it lies after the first: late in red, early in green.
 */
export function TimelineTable({ result, onRow, maxRows }: { result: ReportResult; onRow?: (row: ReportRow) => void; maxRows?: number }) {
  const { t, text, locale } = useI18n();
  const [startKey, endKey] = result.chart.y ?? [];
  const visible = result.columns.filter((column) => !result.hidden.includes(column.key));
  const columns: (ReportColumn | typeof GAP)[] = visible.flatMap((column) => (column.key === endKey ? [column, GAP] : [column]));
  const rows = maxRows === undefined ? result.rows : result.rows.slice(0, maxRows);
  const dimension = dimensionFormatter(result.rows, locale, t('reports.none'));
  const gapCell = (row: ReportRow) => {
    const gap = startKey && endKey ? dateGap(row[startKey], row[endKey]) : undefined;
    if (gap === undefined) return '—';
    return (
      <span className={gap > 0 ? 'gap gap-late' : gap < 0 ? 'gap gap-early' : 'gap'} data-testid="timeline-gap">
        {t('reports.gapDays', { days: gap > 0 ? `+${gap}` : String(gap) })}
      </span>
    );
  };
  return (
    <div className="report-table-wrap">
      <table className="data-table report-table" data-testid="report-table">
        <thead>
          <tr>
            {columns.map((column) =>
              column === GAP ? (
                <th key="gap" className="num">
                  {t('reports.gap')}
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
                column === GAP ? (
                  <td key="gap" className="num nowrap">
                    {gapCell(row)}
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
