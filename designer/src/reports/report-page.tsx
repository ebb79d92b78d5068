import { useCallback, useState } from 'react';
import type { ParameterSchema, ReportRow } from '../api/index.js';
import { ExportButtons } from '../exports/index.js';
import { useI18n } from '../i18n/index.js';
import { DrillDrawer } from './drill-drawer.js';
import { dimensionRow, drillLabel, type DrillTarget } from './drill-target.js';
import { initialParameters } from './initial-parameters.js';
import { ParameterBar } from './parameter-bar.js';
import { useReportCatalog } from './report-catalog.js';
import { reportExportPath } from './report-export-path.js';
import { ReportTable } from './report-table.js';
import { ReportView } from './report-view.js';
import { useReportRun } from './use-report-run.js';

const CHART_HEIGHT = 380;

/** One report on its own page: its parameter bar, its chart, and every row as a table below, with export buttons. */
export function ReportPage({ id }: { id: string }) {
  const { t, text } = useI18n();
  const catalog = useReportCatalog();
  const summary = catalog.report(id);
  if (!catalog.loaded) return <div className="page-state">{t('app.loading')}</div>;
  if (!summary) return <p className="notice notice-error">{t('reports.notFound')}</p>;
  return <LoadedReportPage key={id} id={id} title={text(summary.title)} description={summary.description ? text(summary.description) : undefined} schema={summary.parameters} drillable={summary.drillable} />;
}

function LoadedReportPage({
  id,
  title,
  description,
  schema,
  drillable,
}: {
  id: string;
  title: string;
  description: string | undefined;
  schema: ParameterSchema | undefined;
  drillable: boolean;
}) {
  const { t, locale } = useI18n();
  const [parameters, setParameters] = useState<Record<string, unknown>>(() => initialParameters(schema));
  const state = useReportRun(id, parameters);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const closeDrill = useCallback(() => setDrill(null), []);
  const onDrill = (row: ReportRow) => {
    if (state.status !== 'ready') return;
    setDrill({
      report: id,
      parameters,
      row: dimensionRow(state.result.columns, row),
      label: drillLabel(state.result.columns, state.result.rows, row, locale, t('reports.none')) || title,
    });
  };
  const tableBelow = state.status === 'ready' && ['bar', 'line', 'pie', 'kpi'].includes(state.result.chart.type) && state.result.rows.length > 0;

  return (
    <div className="page report-page">
      <div className="page-header">
        <div>
          <h1 data-testid="page-title">{title}</h1>
          {description ? <p className="muted page-subtitle">{description}</p> : null}
        </div>
        <ExportButtons name={title} path={(format) => reportExportPath(id, parameters, format)} />
      </div>
      <ParameterBar schema={schema} values={parameters} onChange={setParameters} />
      <section className={`card report-card${state.status === 'ready' && state.refreshing ? ' refreshing' : ''}`} data-testid="report-card" data-state={state.status}>
        {state.status === 'loading' ? <div className="page-state">{t('app.loading')}</div> : null}
        {state.status === 'failed' ? (
          <p className="notice notice-error" role="alert">
            {t('reports.failed', { message: state.message })}
          </p>
        ) : null}
        {state.status === 'ready' ? (
          <>
            {state.result.hidden.length > 0 ? <p className="notice notice-info">{t('reports.hidden')}</p> : null}
            <ReportView result={state.result} height={CHART_HEIGHT} onDrill={drillable ? onDrill : undefined} />
            {tableBelow ? <p className="muted small drill-hint">{t('reports.drillHint')}</p> : null}
          </>
        ) : null}
      </section>
      {tableBelow && state.status === 'ready' ? (
        <section className="card report-card">
          <ReportTable result={state.result} onRow={drillable ? onDrill : undefined} />
        </section>
      ) : null}
      {drill ? <DrillDrawer key={JSON.stringify(drill)} target={drill} onClose={closeDrill} /> : null}
    </div>
  );
}
