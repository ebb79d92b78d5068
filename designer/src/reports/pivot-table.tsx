import type { ReportRow } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { formatDimension, formatMeasure, isMonthly } from './measure-format.js';
import type { Pivot } from './pivot.js';

/** A cross table with row and column totals where they add up; a cell click drills into that pair. */
export function PivotTable({ pivot, onCell }: { pivot: Pivot; onCell?: (row: ReportRow) => void }) {
  const { t, text, locale } = useI18n();
  const none = t('reports.none');
  const { rowColumn, columnColumn, measure, totals } = pivot;
  const rowMonthly = rowColumn.type === 'date' && isMonthly(pivot.rowValues);
  const columnMonthly = columnColumn.type === 'date' && isMonthly(pivot.columnValues);
  return (
    <div className="report-table-wrap">
      <table className="data-table pivot-table" data-testid="pivot-table">
        <thead>
          <tr>
            <th>
              {text(rowColumn.label, rowColumn.key)} \ {text(columnColumn.label, columnColumn.key)}
            </th>
            {pivot.columnValues.map((value, index) => (
              <th key={index} className="num">
                {formatDimension(value, columnColumn.type, locale, none, columnMonthly, columnColumn.labels)}
              </th>
            ))}
            {totals ? <th className="num">{t('reports.total')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {pivot.rowValues.map((rowValue, r) => (
            <tr key={r}>
              <th scope="row">{formatDimension(rowValue, rowColumn.type, locale, none, rowMonthly, rowColumn.labels)}</th>
              {pivot.columnValues.map((columnValue, c) => {
                const cell = pivot.cells[r]?.[c] ?? null;
                const drill = onCell && cell !== null ? () => onCell({ [rowColumn.key]: rowValue, [columnColumn.key]: columnValue }) : undefined;
                return (
                  <td key={c} className={drill ? 'num clickable-cell' : 'num'} onClick={drill} data-testid="pivot-cell">
                    {cell === null ? '' : formatMeasure(cell, measure.type, locale)}
                  </td>
                );
              })}
              {totals ? <td className="num total">{formatMeasure(totals.rows[r] ?? 0, measure.type, locale)}</td> : null}
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot>
            <tr>
              <th scope="row">{t('reports.total')}</th>
              {totals.columns.map((total, c) => (
                <td key={c} className="num total">
                  {formatMeasure(total, measure.type, locale)}
                </td>
              ))}
              <td className="num total">{formatMeasure(totals.all, measure.type, locale)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
