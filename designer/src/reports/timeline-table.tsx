import type { ReportResult, ReportRow } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { dateGap } from './date-gap.js';
import { ReportTable } from './report-table.js';

/**
 * A `timeline` chart (order backlog: requested vs promised date) as a table with, right after the
 * second date, how many days it lies after the first: late in red, early in green.
 */
export function TimelineTable({ result, onRow, maxRows }: { result: ReportResult; onRow?: (row: ReportRow) => void; maxRows?: number }) {
  const { t } = useI18n();
  const [startKey, endKey] = result.chart.y ?? [];
  const gapCell = (row: ReportRow) => {
    const gap = startKey && endKey ? dateGap(row[startKey], row[endKey]) : undefined;
    if (gap === undefined) return '—';
    return (
      <span className={gap > 0 ? 'gap gap-late' : gap < 0 ? 'gap gap-early' : 'gap'} data-testid="timeline-gap">
        {t('reports.gapDays', { days: gap > 0 ? `+${gap}` : String(gap) })}
      </span>
    );
  };
  const derived = endKey === undefined ? undefined : { after: endKey, header: t('reports.gap'), cell: gapCell };
  return <ReportTable result={result} onRow={onRow} maxRows={maxRows} derived={derived} />;
}
