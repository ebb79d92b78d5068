import { lazy, Suspense, useMemo } from 'react';
import type { ReportColumn, ReportResult, ReportRow, ReportValue } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { allDrawnHidden, buildChartModel, drillRowAt, isEmptyModel } from './chart-model.js';
import { buildChartOption } from './chart-option.js';
import { KpiCard } from './kpi-card.js';
import { dimensionFormatter } from './measure-format.js';
import { buildPivot } from './pivot.js';
import { PivotTable } from './pivot-table.js';
import { ReportTable } from './report-table.js';
import { TimelineTable } from './timeline-table.js';

const EChart = lazy(() => import('./echart.js'));

export interface ReportViewProps {
  readonly result: ReportResult;
  /** Chart height in pixels (tables size to their rows). */
  readonly height: number;
  /** Called with the dimension values of a clicked bar, slice, point, row or cell; no drill-down when absent. */
  readonly onDrill?: (row: ReportRow) => void;
  /** Rows a table shows before saying how many there are (a dashboard tile is small). */
  readonly maxRows?: number;
  /** A KPI card's caption when it should not be the measure's label. */
  readonly title?: string;
}

function ChartView({ result, type, height, onDrill }: { result: ReportResult; type: 'bar' | 'line' | 'pie'; height: number; onDrill?: (row: ReportRow) => void }) {
  const { t, text, locale } = useI18n();
  const none = t('reports.none');
  const model = useMemo(() => {
    const dimension = dimensionFormatter(result.rows, locale, none);
    return buildChartModel(result, result.chart, (column: ReportColumn, value?: ReportValue) =>
      column.role === 'dimension' ? dimension(column, value) : text(column.label, column.key),
    );
  }, [result, locale, none, text]);
  const option = useMemo(() => buildChartOption(model, type, { locale, empty: none }), [model, type, locale, none]);
  if (isEmptyModel(model))
    return (
      <div className="widget-empty" data-testid="widget-empty">
        {t('reports.empty')}
      </div>
    );
  const title = text(model.series[0]?.measure.label, '');
  return (
    <Suspense fallback={<div className="chart-placeholder" style={{ height }} />}>
      <EChart
        option={option}
        height={height}
        label={title}
        onClick={
          onDrill
            ? ({ seriesIndex, dataIndex }) => {
                const row = drillRowAt(model, type === 'pie' ? 0 : seriesIndex, dataIndex);
                if (row) onDrill(row);
              }
            : undefined
        }
      />
    </Suspense>
  );
}

/** A report result drawn as its chart spec says: KPI card, bar, line or pie chart, pivot or table. */
export function ReportView({ result, height, onDrill, maxRows, title }: ReportViewProps) {
  const { t } = useI18n();
  const type = result.chart.type;
  if (result.rows.length === 0)
    return (
      <div className="widget-empty" data-testid="widget-empty">
        {t('reports.empty')}
      </div>
    );
  if (allDrawnHidden(result))
    return (
      <div className="widget-note" data-testid="widget-all-hidden">
        {t('reports.allHidden')}
      </div>
    );
  const first = result.rows[0];
  if (type === 'kpi') return <KpiCard result={result} title={title} onDrill={onDrill && first ? () => onDrill(first) : undefined} />;
  if (type === 'bar' || type === 'line' || type === 'pie') return <ChartView result={result} type={type} height={height} onDrill={onDrill} />;
  if (type === 'pivot') {
    const pivot = buildPivot(result, result.chart);
    if (pivot) return <PivotTable pivot={pivot} onCell={onDrill} />;
  }
  if (type === 'timeline' && (result.chart.y?.length ?? 0) === 2) return <TimelineTable result={result} onRow={onDrill} maxRows={maxRows} />;
  return <ReportTable result={result} onRow={onDrill} maxRows={maxRows} />;
}
