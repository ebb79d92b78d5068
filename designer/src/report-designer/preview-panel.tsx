import type { ParameterSchema } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { ParameterBar, ReportTable, ReportView } from '../reports/index.js';
import { ChartIcon } from './chart-icon.js';
import { problemText } from './report-problems.js';
import type { ChartType } from './report-model.js';
import type { PreviewState } from './use-draft-preview.js';

const CHART_TYPES: readonly ChartType[] = ['bar', 'line', 'pie', 'table', 'pivot', 'kpi'];


export interface PreviewPanelProps {
  readonly chart: ChartType;
  readonly onChart: (type: ChartType) => void;
  readonly preview: PreviewState;
  readonly schema: ParameterSchema | undefined;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly onParameters: (values: Record<string, unknown>) => void;
  readonly needsSource: boolean;
}

/** The draft run on live data, drawn by the same components as 报表, refreshed a moment after each edit. */
export function PreviewPanel({ chart, onChart, preview, schema, parameters, onParameters, needsSource }: PreviewPanelProps) {
  const { t } = useI18n();
  const refreshing = (preview.status === 'ready' || preview.status === 'invalid') && preview.refreshing;
  const tableBelow = preview.status === 'ready' && ['bar', 'line', 'pie', 'kpi'].includes(preview.result.chart.type) && preview.result.rows.length > 0;
  return (
    <section className="rd-preview" data-testid="rd-preview" data-state={preview.status}>
      <div className="rd-preview-head">
        <div className="rd-chart-types" role="radiogroup" aria-label={t('reportDesigner.chartType')}>
          {[...CHART_TYPES, ...(chart === 'timeline' ? (['timeline'] as const) : [])].map((type) => (
            <button key={type} type="button" role="radio" aria-checked={chart === type} className={chart === type ? 'rd-chart-type is-active' : 'rd-chart-type'} onClick={() => onChart(type)} data-testid={`rd-chart-${type}`}>
              <ChartIcon type={type} />
              {t(`reportDesigner.chart.${type}`)}
            </button>
          ))}
        </div>
        {needsSource ? null : (
          <span className={refreshing ? 'rd-live is-busy' : 'rd-live'} data-testid="rd-live">
            {refreshing ? t('reportDesigner.refreshing') : t('reportDesigner.live')}
          </span>
        )}
      </div>
      {schema !== undefined ? <ParameterBar schema={schema} values={parameters} onChange={onParameters} /> : null}
      <div className={refreshing ? 'rd-preview-body refreshing' : 'rd-preview-body'}>
        {needsSource ? <div className="rd-preview-empty">{t('reportDesigner.pickSourceFirst')}</div> : null}
        {!needsSource && preview.status === 'waiting' ? <div className="page-state">{t('app.loading')}</div> : null}
        {!needsSource && preview.status === 'failed' ? (
          <p className="notice notice-error" role="alert">
            {t('reports.failed', { message: preview.message })}
          </p>
        ) : null}
        {!needsSource && preview.status === 'invalid' ? (
          <div className="rd-preview-invalid" data-testid="rd-preview-problems">
            <strong>{t('reportDesigner.notRunnable')}</strong>
            <ul>
              {preview.problems.length === 0 ? <li>{preview.message}</li> : null}
              {preview.problems.map((problem, index) => (
                <li key={index}>
                  {problem.pointer !== '' ? <code>{problem.pointer}</code> : null} {problemText(problem, t)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {!needsSource && preview.status === 'ready' ? (
          <>
            {preview.result.hidden.length > 0 ? <p className="notice notice-info">{t('reports.hidden')}</p> : null}
            <ReportView result={preview.result} height={320} maxRows={200} />
            {tableBelow ? (
              <div className="rd-preview-table">
                <ReportTable result={preview.result} maxRows={50} />
              </div>
            ) : null}
            <p className="rd-rowcount">{t('reportDesigner.rowCount', { count: preview.result.rows.length })}</p>
          </>
        ) : null}
      </div>
    </section>
  );
}
