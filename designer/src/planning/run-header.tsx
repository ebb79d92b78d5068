import type { PlanRun } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';

/**
 * When and by whom the plan was made, how long it took, whether every item was planned or only what
 * a change reached (net change), and its counts at a glance.
 */
export function RunHeader({ run }: { run: PlanRun }) {
  const { t, date, dateTime, number } = useI18n();
  const { state } = useSession();
  // Runs name their planner by user name; the planner's own runs show the name they know.
  const who = state.status === 'signed-in' && state.user.username === run.createdBy ? (state.user.displayName ?? run.createdBy) : run.createdBy;
  const { summary, horizon } = run.plan;
  const counts = [
    { key: 'items', label: t('planning.count.items'), value: summary.items, alarm: false },
    { key: 'levels', label: t('planning.count.levels'), value: summary.levels, alarm: false },
    { key: 'planned-orders', label: t('planning.count.plannedOrders'), value: summary.plannedOrders, alarm: false },
    { key: 'shortages', label: t('planning.count.shortages'), value: summary.shortages, alarm: summary.shortages > 0 },
    { key: 'reschedule', label: t('planning.count.reschedule'), value: run.plan.rescheduleMessages.length, alarm: false },
  ];
  return (
    <section className="card run-header" data-testid="run-header">
      <div className="run-meta">
        <strong>{t('planning.lastRun', { when: dateTime(run.createdAt), who })}</strong>
        <span className="muted">{t('planning.horizon', { start: date(horizon.start), end: date(horizon.end) })}</span>
        <span className="muted">{t('planning.loadMs', { ms: number(Math.round(run.loadMs)) })}</span>
        <span className="muted">{t('planning.planMs', { ms: number(Math.round(run.planMs)) })}</span>
        <span className="muted" data-testid="run-mode">
          {summary.replannedItems === undefined
            ? t('planning.regenerative')
            : t('planning.netChange', { replanned: number(summary.replannedItems), items: number(summary.items) })}
        </span>
      </div>
      <dl className="run-counts">
        {counts.map((count) => (
          <div key={count.key} className={count.alarm ? 'run-count alarm' : 'run-count'} data-testid={`count-${count.key}`}>
            <dt>{count.label}</dt>
            <dd>{number(count.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
