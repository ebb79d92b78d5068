import type { ScheduleRunView } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { KpiStrip } from './kpi-strip.js';

/** Which run is shown (committed or draft, by whom, how fast it was solved) and its KPIs, against the committed run for a draft. */
export function RunSummary({ run, committed }: { run: ScheduleRunView; committed: ScheduleRunView | undefined }) {
  const { t, dateTime, number } = useI18n();
  const { state } = useSession();
  const who = state.status === 'signed-in' && state.user.username === run.createdBy ? (state.user.displayName ?? run.createdBy) : run.createdBy;
  const draft = run.status !== 'committed';
  return (
    <section className={draft ? 'card run-summary draft' : 'card run-summary'} data-testid="run-summary" data-status={run.status}>
      <div className="run-meta">
        <div className="run-title">
          <span className={draft ? 'badge badge-draft' : 'badge badge-committed'}>{t(`scheduling.kind.${run.kind}`)}</span>
          <strong>{t(draft ? 'scheduling.draftRun' : 'scheduling.committedRun', { when: dateTime(run.createdAt), who })}</strong>
        </div>
        <span className="muted">{t('scheduling.solveMs', { ms: number(Math.round(run.solveMs)) })}</span>
      </div>
      <KpiStrip kpis={run.result.kpis} orderCount={run.result.orders.length} {...(draft && committed ? { base: committed.result.kpis } : {})} />
    </section>
  );
}
