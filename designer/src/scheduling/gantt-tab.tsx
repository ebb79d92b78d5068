import { useMemo, useState } from 'react';
import type { MoveViolation, ScheduleRunView, ScheduleShopEvent } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { DraftChanges } from './draft-changes.js';
import { factoryTime } from './factory-time.js';
import type { GanttDrop } from './gantt-chart.js';
import { changedOperations } from './gantt-rows.js';
import { GanttView } from './gantt-view.js';
import { ShopEventDialog, type ShopEventSubject } from './shop-event-dialog.js';
import type { ScheduleControl } from './use-schedule.js';

/**
 * The answer to the last drag or shop-floor event, for the run it produced (accepted) or was refused on:
 * another run shown hides it. Kept as data and worded when shown, so a language switch rewords it.
 */
type Feedback =
  | { readonly kind: 'moved'; readonly runId: string; readonly operation: string; readonly machine: string; readonly start: string; readonly count: number }
  | { readonly kind: 'event'; readonly runId: string; readonly event: ScheduleShopEvent }
  | { readonly kind: 'refused'; readonly runId: string; readonly message: string; readonly violations: readonly MoveViolation[]; readonly operation: string; readonly machine: string };

/** The shown run's Gantt; on the committed run a dragged bar asks the server to move the operation. */
export function GanttTab({ run, committed, control }: { run: ScheduleRunView; committed: ScheduleRunView | undefined; control: ScheduleControl }) {
  const { t, locale } = useI18n();
  const [lastDrop, setFeedback] = useState<Feedback | null>(null);
  const feedback = lastDrop?.runId === run.id ? lastDrop : null;
  const [now] = useState(() => Date.now());
  const [reporting, setReporting] = useState<ShopEventSubject | null>(null);
  const draft = run.status !== 'committed';
  // A draft outlines what it would change; a committed event run, what the event moved.
  const event = !draft && run.kind === 'event';
  const changed = useMemo(
    () => (draft || event ? changedOperations(run.result, run.changes?.moved ?? [], draft ? committed?.result : undefined) : undefined),
    [draft, event, run, committed],
  );
  const name = (operation: string) => {
    const order = run.labels.orders[operation.slice(0, operation.lastIndexOf('/'))];
    const label = run.labels.operations[operation];
    return `${order?.moNo ?? ''} ${label ? `${label.opNo} ${label.name}` : operation}`.trim();
  };
  const onDrop = async (drop: GanttDrop) => {
    setFeedback(null);
    const start = new Date(drop.start).toISOString();
    const outcome = await control.move({ operation: drop.bar.operation, start, ...(drop.machine ? { machine: drop.machine } : {}) });
    if (outcome.ok) {
      const placed = outcome.run.result.operations.find((operation) => operation.operation === drop.bar.operation);
      setFeedback({
        kind: 'moved',
        runId: outcome.run.id,
        operation: drop.bar.operation,
        machine: placed?.machine ?? drop.machine ?? drop.bar.machine ?? '',
        start: placed?.start ?? start,
        count: outcome.run.changes?.moved.length ?? 1,
      });
    } else {
      setFeedback({ kind: 'refused', runId: run.id, message: outcome.message, violations: outcome.violations, operation: name(drop.bar.operation), machine: drop.machine ?? drop.bar.machine ?? '' });
    }
  };
  const onReport = async (shopEvent: ScheduleShopEvent): Promise<string | undefined> => {
    setFeedback(null);
    const outcome = await control.report(shopEvent);
    if (!outcome.ok) return outcome.message;
    setReporting(null);
    setFeedback({ kind: 'event', runId: outcome.run.id, event: shopEvent });
    return undefined;
  };
  const time = (value: string) => factoryTime(value, locale);
  const eventText = (shopEvent: ScheduleShopEvent) =>
    shopEvent.kind === 'machine-down'
      ? t('scheduling.event.doneBreakdown', { machine: shopEvent.machine, from: time(shopEvent.from), to: time(shopEvent.to) })
      : t('scheduling.event.doneFinished', { operation: name(shopEvent.operation), end: time(shopEvent.end) });
  return (
    <>
      {draft ? (
        <div className="notice notice-warning" data-testid="draft-notice">
          <p>{t('scheduling.moveDraftHint')}</p>
          {changed && changed.size > 0 ? <p className="changed-hint">{t('scheduling.changedHint', { count: changed.size })}</p> : null}
          <DraftChanges run={run} />
        </div>
      ) : (
        <p className="muted gantt-hint">{control.busy?.action === 'move' ? t('scheduling.moving') : t('scheduling.moveHint')}</p>
      )}
      {run.unscheduled && run.unscheduled.length > 0 ? (
        <div className="notice notice-warning" data-testid="unscheduled">
          <strong>{t('scheduling.unscheduled', { count: run.unscheduled.length })}</strong>
          <ul className="unscheduled">
            {run.unscheduled.map((order) => (
              <li key={order.recordId}>
                <a href={href({ page: 'record', form: 'production-order', id: order.recordId })}>{order.moNo}</a> {order.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {feedback?.kind === 'moved' ? (
        <div className="notice notice-success" role="status" data-testid="move-accepted">
          {t('scheduling.moved', { operation: name(feedback.operation), machine: feedback.machine, start: time(feedback.start), count: feedback.count })}
        </div>
      ) : null}
      {event ? (
        <div className="notice notice-success" role="status" data-testid="event-result">
          <p>{feedback?.kind === 'event' ? eventText(feedback.event) : t('scheduling.event.lastEvent')}</p>
          <DraftChanges run={run} />
        </div>
      ) : null}
      {feedback?.kind === 'refused' ? (
        <div className="notice notice-error" role="alert" data-testid="move-refused">
          <strong>{t('scheduling.moveRefused')}</strong> {feedback.violations.length === 0 ? feedback.message : null}
          {feedback.violations.length > 0 ? (
            <ul className="violations">
              {feedback.violations.map((violation, index) => (
                <li key={`${violation.operation}-${index}`} data-kind={violation.kind} title={violation.message}>
                  <span className={`badge badge-violation-${violation.kind}`}>{t(`scheduling.violation.${violation.kind}`)}</span>{' '}
                  {t(`scheduling.violationText.${violation.kind}`, { operation: feedback.operation, machine: feedback.machine })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <GanttView
        schedules={[{ key: run.id, result: run.result, testId: 'gantt', ...(changed ? { changed } : {}) }]}
        labels={run.labels}
        now={now}
        {...(draft ? {} : { onDrop, onReport: setReporting })}
      />
      {reporting ? <ShopEventDialog subject={reporting} labels={run.labels} now={Date.now()} onSubmit={onReport} onClose={() => setReporting(null)} /> : null}
    </>
  );
}
