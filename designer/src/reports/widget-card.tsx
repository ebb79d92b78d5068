import { useMemo } from 'react';
import type { DashboardWidget, ReportRow } from '../api/index.js';
import { ExportButtons } from '../exports/index.js';
import { useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { allDrawnHidden } from './chart-model.js';
import { dimensionRow, drillLabel, type DrillTarget } from './drill-target.js';
import { widgetParameters } from './parameter-fields.js';
import { useReportCatalog } from './report-catalog.js';
import { reportExportPath } from './report-export-path.js';
import { ReportView } from './report-view.js';
import { useReportRun } from './use-report-run.js';

const CHART_HEIGHT = 280;
const TILE_ROWS = 8;

export interface WidgetCardProps {
  readonly widget: DashboardWidget;
  readonly shared: Readonly<Record<string, unknown>>;
  readonly reload: number;
  /** Grid columns, as widgetSpans worked them out. */
  readonly span: number;
  readonly onDrill: (target: DrillTarget) => void;
}

/** One dashboard tile: runs its report with the mapped shared parameters and draws it, with loading, empty and error states. */
export function WidgetCard({ widget, shared, reload, span, onDrill }: WidgetCardProps) {
  const { t, text, locale } = useI18n();
  const summary = useReportCatalog().report(widget.report);
  const parameters = useMemo(() => widgetParameters(shared, widget.parameterMap, summary?.parameters), [shared, widget.parameterMap, summary?.parameters]);
  const state = useReportRun(widget.report, parameters, reload);
  const title = text(widget.title ?? summary?.title, widget.report);
  const kpi = (state.status === 'ready' ? state.result.chart.type : summary?.chart.type) === 'kpi';

  const drill = (row: ReportRow) => {
    if (state.status !== 'ready') return;
    onDrill({
      report: widget.report,
      parameters,
      row: dimensionRow(state.result.columns, row),
      label: drillLabel(state.result.columns, state.result.rows, row, locale, t('reports.none')) || title,
    });
  };

  return (
    <section
      className={`widget card${kpi ? ' widget-kpi' : ''}${state.status === 'ready' && state.refreshing ? ' refreshing' : ''}`}
      style={{ gridColumn: `span ${span}` }}
      data-testid={`widget-${widget.report}`}
      data-state={state.status === 'ready' ? (state.refreshing ? 'refreshing' : 'ready') : state.status}
      aria-busy={state.status === 'loading' || (state.status === 'ready' && state.refreshing)}
    >
      {kpi ? null : (
        <header className="widget-head">
          <h2 className="widget-title">
            <a href={href({ page: 'report', id: widget.report })} title={t('reports.openReport')}>
              {title}
            </a>
          </h2>
          <ExportButtons small name={title} path={(format) => reportExportPath(widget.report, parameters, format)} />
        </header>
      )}
      <div className="widget-body">
        {state.status === 'loading' ? (
          <div className="widget-loading" data-testid="widget-loading">
            <span className="skeleton" />
            <span className="skeleton short" />
          </div>
        ) : null}
        {state.status === 'failed' ? (
          <div className="widget-error" role="alert" data-testid="widget-error">
            {t('reports.failed', { message: state.message })}
          </div>
        ) : null}
        {state.status === 'ready' ? (
          <>
            {state.result.hidden.length > 0 && !allDrawnHidden(state.result) ? <p className="widget-hidden muted small">{t('reports.hidden')}</p> : null}
            <ReportView result={state.result} height={CHART_HEIGHT} onDrill={summary?.drillable ? drill : undefined} maxRows={TILE_ROWS} title={title} />
          </>
        ) : null}
      </div>
    </section>
  );
}
