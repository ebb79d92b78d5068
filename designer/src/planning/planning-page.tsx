import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/index.js';
import { href, PLANNING_VIEWS, type PlanningView } from '../routing/index.js';
import { RetryNotice } from '../shell/index.js';
import { ExceptionsTable } from './exceptions-table.js';
import { PlannedOrdersPanel } from './planned-orders-panel.js';
import { RescheduleTable } from './reschedule-table.js';
import { RunHeader } from './run-header.js';
import { RunMrpButton } from './run-mrp-button.js';
import { usePlanRun } from './use-plan-run.js';

/** React Flow and the tree's code load when the pegging tab opens, not with the app. */
const PeggingView = lazy(() => import('./pegging-view.js'));

export interface PlanningPageProps {
  readonly view: PlanningView;
  readonly salesOrder: string | undefined;
}

/** 物料计划: run MRP, then read its planned orders, exceptions, reschedule messages and pegging trees. */
export function PlanningPage({ view, salesOrder }: PlanningPageProps) {
  const { t, number } = useI18n();
  const { state, runningSince, runError, runMrp, reload } = usePlanRun();
  const counts: Partial<Record<PlanningView, number>> =
    state.status === 'ready'
      ? { orders: state.run.plan.plannedOrders.length, exceptions: state.run.plan.exceptions.length, reschedule: state.run.plan.rescheduleMessages.length }
      : {};
  return (
    <div className="page planning-page">
      <div className="page-header">
        <h1 data-testid="page-title">{t('planning.title')}</h1>
        <RunMrpButton runningSince={runningSince} onRun={runMrp} />
      </div>
      {runError ? (
        <div className="notice notice-error" role="alert" data-testid="run-error">
          {t('planning.runFailed', { message: runError })}
        </div>
      ) : null}
      {state.status === 'loading' ? <div className="page-state">{t('app.loading')}</div> : null}
      {state.status === 'failed' ? <RetryNotice message={state.message} onRetry={reload} /> : null}
      {state.status === 'none' ? (
        <div className="empty-state" data-testid="no-plan">
          {t('planning.noRun')}
        </div>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <RunHeader run={state.run} />
          <nav className="tabs" role="tablist" aria-label={t('planning.title')}>
            {PLANNING_VIEWS.map((name) => (
              <a
                key={name}
                role="tab"
                aria-selected={name === view}
                className={name === view ? 'tab active' : 'tab'}
                href={href({ page: 'planning', view: name })}
                data-testid={`planning-tab-${name}`}
              >
                {t(`planning.view.${name}`)}
                {counts[name] === undefined ? null : <span className="tab-count">{number(counts[name])}</span>}
              </a>
            ))}
          </nav>
          {view === 'orders' ? <PlannedOrdersPanel run={state.run} index={state.index} onFirmed={reload} /> : null}
          {view === 'exceptions' ? <ExceptionsTable run={state.run} index={state.index} /> : null}
          {view === 'reschedule' ? <RescheduleTable run={state.run} /> : null}
          {view === 'pegging' ? (
            <Suspense fallback={<div className="page-state">{t('app.loading')}</div>}>
              <PeggingView run={state.run} index={state.index} salesOrder={salesOrder} />
            </Suspense>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
