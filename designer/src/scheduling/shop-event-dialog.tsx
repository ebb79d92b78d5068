import { useEffect, useState, type FormEvent } from 'react';
import type { ScheduleLabels, ScheduleShopEvent } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { factoryTime, fromFactoryLocal, toFactoryLocal } from './factory-time.js';
import type { GanttBar } from './gantt-rows.js';

/** What the planner asked to report: from a machine's row header, or from a bar's menu. */
export type ShopEventSubject = { readonly kind: 'machine-down'; readonly machine: string } | { readonly kind: 'operation-finished'; readonly bar: GanttBar };

export interface ShopEventDialogProps {
  readonly subject: ShopEventSubject;
  readonly labels: ScheduleLabels;
  readonly now: number;
  /** Resolves with the server's message when it refused; the dialog then stays open. */
  readonly onSubmit: (event: ScheduleShopEvent) => Promise<string | undefined>;
  readonly onClose: () => void;
}

const QUARTER = 15 * 60_000;
const REPAIR_DEFAULT = 4 * 3_600_000;

/** A machine breakdown (since, expected repair) or an operation's actual end, in factory time, sent as a shop-floor event. */
export function ShopEventDialog({ subject, labels, now, onSubmit, onClose }: ShopEventDialogProps) {
  const { t, locale } = useI18n();
  const downSince = Math.floor(now / QUARTER) * QUARTER;
  const [from, setFrom] = useState(() => toFactoryLocal(downSince));
  const [to, setTo] = useState(() => toFactoryLocal(downSince + REPAIR_DEFAULT));
  // Reported now, unless the operation has not started yet by the clock: then as planned.
  const [end, setEnd] = useState(() => (subject.kind === 'operation-finished' ? toFactoryLocal(now >= subject.bar.start ? now : subject.bar.end) : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !sending) onClose();
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onClose, sending]);

  const operationName = (bar: GanttBar) => {
    const label = labels.operations[bar.operation];
    return `${labels.orders[bar.order]?.moNo ?? bar.order} ${label ? `${label.opNo} ${label.name}` : bar.operation}`;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let shopEvent: ScheduleShopEvent;
    if (subject.kind === 'machine-down') {
      const [since, until] = [fromFactoryLocal(from), fromFactoryLocal(to)];
      if (!since || !until || Date.parse(until) <= Date.parse(since)) return setProblem(t('scheduling.event.toBeforeFrom'));
      shopEvent = { kind: 'machine-down', machine: subject.machine, from: since, to: until };
    } else {
      const at = fromFactoryLocal(end);
      if (!at || Date.parse(at) < subject.bar.start) return setProblem(t('scheduling.event.beforeStart', { start: factoryTime(subject.bar.start, locale) }));
      shopEvent = { kind: 'operation-finished', operation: subject.bar.operation, end: at };
    }
    setProblem(null);
    setSending(true);
    const refused = await onSubmit(shopEvent);
    setSending(false);
    if (refused !== undefined) setProblem(refused);
  };

  const title = subject.kind === 'machine-down' ? t('scheduling.event.breakdownTitle', { machine: subject.machine }) : t('scheduling.event.finishedTitle', { operation: operationName(subject.bar) });
  return (
    <div className="modal-backdrop" onPointerDown={(event) => (event.target === event.currentTarget && !sending ? onClose() : undefined)}>
      <form className="modal card shop-event-dialog" role="dialog" aria-modal="true" aria-label={title} onSubmit={submit} data-testid="shop-event-dialog">
        <h2>{title}</h2>
        <p className="muted">{subject.kind === 'machine-down' ? t('scheduling.event.breakdownText') : t('scheduling.event.finishedText')}</p>
        {subject.kind === 'machine-down' ? (
          <div className="shop-event-fields">
            <label className="field-inline">
              <span>{t('scheduling.event.from')}</span>
              <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} required data-testid="breakdown-from" />
            </label>
            <label className="field-inline">
              <span>{t('scheduling.event.to')}</span>
              <input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} required data-testid="breakdown-to" />
            </label>
          </div>
        ) : (
          <div className="shop-event-fields">
            <label className="field-inline">
              <span>{t('scheduling.event.finishedAt')}</span>
              <input type="datetime-local" value={end} onChange={(event) => setEnd(event.target.value)} required data-testid="finished-at" />
            </label>
          </div>
        )}
        {problem ? (
          <div className="notice notice-error" role="alert" data-testid="shop-event-problem">
            {problem}
          </div>
        ) : null}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose} disabled={sending}>
            {t('scheduling.event.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={sending} data-testid="shop-event-submit">
            {sending ? t('scheduling.event.working') : t('scheduling.event.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
