import type { ScheduleLabels } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { durationText, factoryDue, factoryTime } from './factory-time.js';
import type { GanttBar } from './gantt-rows.js';
import { LockIcon } from './lock-icon.js';

export interface TooltipProps {
  readonly bar: GanttBar;
  readonly labels: ScheduleLabels;
  readonly lateMinutes: number;
  readonly x: number;
  readonly y: number;
}

/** What a planner asks of a bar: whose, what, when, how long the setup, how late its order is. */
export function GanttTooltip({ bar, labels, lateMinutes, x, y }: TooltipProps) {
  const { t, locale } = useI18n();
  const order = labels.orders[bar.order];
  const operation = labels.operations[bar.operation];
  const left = Math.min(x + 14, window.innerWidth - 300);
  const top = y + 16 + 220 > window.innerHeight ? y - 210 : y + 16;
  return (
    <div className="gantt-tooltip" style={{ left, top }} role="tooltip" data-testid="gantt-tooltip">
      <div className="gantt-tooltip-title">
        {order?.moNo ?? bar.order}
        {order && order.priority !== 'normal' ? <span className={`badge badge-priority-${order.priority}`}>{t(`scheduling.priority.${order.priority}`)}</span> : null}
      </div>
      <dl>
        <dt>{t('scheduling.tip.item')}</dt>
        <dd>{order ? `${order.item} ${order.itemName} × ${order.qty}` : '—'}</dd>
        <dt>{t('scheduling.tip.operation')}</dt>
        <dd>{operation ? `${operation.opNo} ${operation.name}` : bar.operation}</dd>
        {bar.machine ? (
          <>
            <dt>{t('scheduling.tip.machine')}</dt>
            <dd>{bar.machine}</dd>
          </>
        ) : null}
        <dt>{t('scheduling.tip.start')}</dt>
        <dd>{factoryTime(bar.start, locale)}</dd>
        <dt>{t('scheduling.tip.end')}</dt>
        <dd>{factoryTime(bar.end, locale)}</dd>
        <dt>{t('scheduling.tip.setup')}</dt>
        <dd>{durationText(bar.setupMinutes, t)}</dd>
        {order?.due ? (
          <>
            <dt>{t('scheduling.tip.due')}</dt>
            <dd>{factoryDue(order.due, locale)}</dd>
          </>
        ) : null}
        {bar.late ? (
          <>
            <dt>{t('scheduling.tip.lateBy')}</dt>
            <dd className="late-text">{durationText(lateMinutes, t)}</dd>
          </>
        ) : null}
      </dl>
      {bar.fixed ? (
        <div className="gantt-tooltip-fixed">
          <LockIcon /> {t('scheduling.tip.fixed')}
        </div>
      ) : null}
    </div>
  );
}
