import { useCallback, useEffect, useState } from 'react';
import { isApiError, type DashboardDefinition } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { describeError } from '../shell/index.js';
import { DrillDrawer } from './drill-drawer.js';
import type { DrillTarget } from './drill-target.js';
import { initialParameters } from './initial-parameters.js';
import { ParameterBar } from './parameter-bar.js';
import { usedParameters } from './parameter-fields.js';
import { useReportCatalog } from './report-catalog.js';
import { WidgetCard } from './widget-card.js';
import { widgetSpans } from './widget-spans.js';

type LoadState = { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'ready'; readonly dashboard: DashboardDefinition };

/** A dashboard: its shared parameter bar over a 12-column grid of report tiles; a click on a figure opens its records. */
export function DashboardPage({ id }: { id: string }) {
  const { api } = useSession();
  const { t, text, locale, dateTime } = useI18n();
  const catalog = useReportCatalog();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [reload, setReload] = useState(0);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [at, setAt] = useState(() => new Date());

  useEffect(() => {
    let cancelled = false;
    api.dashboard(id).then(
      (dashboard) => {
        if (cancelled) return;
        setValues(initialParameters(dashboard.parameters));
        setState({ status: 'ready', dashboard });
      },
      (error: unknown) => {
        if (!cancelled)
          setState({
            status: 'failed',
            message: isApiError(error) && error.status === 404 ? t('reports.notFound') : isApiError(error) ? describeError(error, locale) : String(error),
          });
      },
    );
    return () => {
      cancelled = true;
    };
    // The locale only words an error.
  }, [api, id]);

  const closeDrill = useCallback(() => setDrill(null), []);

  if (state.status === 'loading') return <div className="page-state">{t('app.loading')}</div>;
  if (state.status === 'failed') {
    return (
      <div className="page">
        <p className="notice notice-error" role="alert">
          {state.message}
        </p>
      </div>
    );
  }
  const { dashboard } = state;
  const schema = usedParameters(dashboard.parameters, dashboard.widgets, (report) => catalog.report(report)?.parameters);
  const spans = widgetSpans(dashboard.widgets, (index) => catalog.report(dashboard.widgets[index]?.report ?? '')?.chart.type === 'kpi');
  return (
    <div className="page dashboard-page">
      <div className="page-header">
        <div>
          <h1 data-testid="page-title">{text(dashboard.title)}</h1>
          {dashboard.description ? <p className="muted page-subtitle">{text(dashboard.description)}</p> : null}
        </div>
        <div className="page-actions">
          <span className="muted small">{t('reports.updatedAt', { time: dateTime(at.toISOString()) })}</span>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setReload((count) => count + 1);
              setAt(new Date());
            }}
            data-testid="dashboard-refresh"
          >
            ⟳ {t('reports.refresh')}
          </button>
        </div>
      </div>
      <ParameterBar schema={schema} values={values} onChange={setValues} />
      <div className="widget-grid" data-testid="widget-grid">
        {dashboard.widgets.map((widget, index) => (
          <WidgetCard key={`${widget.report}-${index}`} widget={widget} shared={values} reload={reload} span={spans[index] ?? widget.span} onDrill={setDrill} />
        ))}
      </div>
      {drill ? <DrillDrawer key={JSON.stringify(drill)} target={drill} onClose={closeDrill} /> : null}
    </div>
  );
}
