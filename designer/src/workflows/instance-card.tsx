import { useState, type FormEvent } from 'react';
import type { WorkflowDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { WorkflowInstanceDetail } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { eventTitle } from './workflow-states.js';
import { OpenTasks, WorkflowTimeline } from './workflow-timeline.js';

/** What a person asks of an instance from the record page, with the comment they gave. */
export type InstanceCommand =
  { readonly kind: 'event'; readonly event: string; readonly title: string; readonly comment: string } | { readonly kind: 'withdraw'; readonly comment: string };

interface Pending {
  readonly kind: 'event' | 'withdraw';
  readonly event: string;
  readonly title: string;
}

export interface InstanceCardProps {
  readonly instance: WorkflowInstanceDetail;
  readonly workflow: WorkflowDefinition | undefined;
  /** The signed-in user started it, so may withdraw it. */
  readonly initiator: boolean;
  readonly busy: boolean;
  /** An ended run shows its timeline folded away. */
  readonly collapsed: boolean;
  readonly onCommand: (command: InstanceCommand) => void;
}

/** One instance: where it stands, who holds it, the events the user may send, and its timeline. */
export function InstanceCard({ instance, workflow, initiator, busy, collapsed, onCommand }: InstanceCardProps) {
  const { t, text, dateTime } = useI18n();
  const [pending, setPending] = useState<Pending | null>(null);
  const [comment, setComment] = useState('');
  const running = instance.status === 'running';
  const starter = instance.timeline.find((entry) => entry.type === 'ordo.start')?.actor.displayName || instance.initiator;

  function ask(next: Pending) {
    setPending((current) => (current?.event === next.event && current.kind === next.kind ? null : next));
    setComment('');
  }

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!pending) return;
    onCommand(pending.kind === 'withdraw' ? { kind: 'withdraw', comment } : { kind: 'event', event: pending.event, title: pending.title, comment });
    setPending(null);
  }

  const timeline = <WorkflowTimeline detail={instance} definition={workflow} />;
  return (
    <article className={running ? 'wf-instance running' : 'wf-instance'} data-testid={`instance-${instance.id}`} data-workflow={instance.workflow}>
      <header className="wf-instance-head">
        <strong>{text(instance.title)}</strong>
        <span className={`badge badge-instance-${instance.status}`}>{t(`instanceStatus.${instance.status}`)}</span>
        {running ? (
          <span className="wf-current" data-testid="workflow-state">
            {t('wf.current', { steps: instance.stateTitles.map((title) => text(title)).join(' / ') })}
          </span>
        ) : null}
        <span className="muted wf-started">
          {t('wf.startedBy', { name: starter, time: dateTime(instance.startedAt) })}
          {instance.endedAt ? ` · ${t('wf.ended', { time: dateTime(instance.endedAt) })}` : ''}
        </span>
      </header>
      {running && instance.openTasks.length > 0 ? (
        <div className="wf-waiting">
          <span className="field-label">{t('wf.waitingFor')}</span>
          <OpenTasks tasks={instance.openTasks} testId="workflow-open-tasks" />
        </div>
      ) : null}
      {running && (instance.acceptedEvents.length > 0 || initiator) ? (
        <div className="wf-actions">
          {instance.acceptedEvents.map((name) => {
            const title = eventTitle(workflow, name);
            const label = title ? text(title) : name;
            return (
              <button
                key={name}
                type="button"
                className={pending?.event === name ? 'btn active' : 'btn'}
                disabled={busy}
                onClick={() => ask({ kind: 'event', event: name, title: label })}
                data-testid={`event-${name}`}
              >
                {label}
              </button>
            );
          })}
          {initiator ? (
            <button
              type="button"
              className={pending?.kind === 'withdraw' ? 'btn btn-danger-ghost active' : 'btn btn-danger-ghost'}
              disabled={busy}
              onClick={() => ask({ kind: 'withdraw', event: 'withdraw', title: t('wf.withdraw') })}
              data-testid="workflow-withdraw"
            >
              {t('wf.withdraw')}
            </button>
          ) : null}
        </div>
      ) : null}
      {pending ? (
        <form className="task-panel" onSubmit={confirm} data-testid="event-panel">
          <label className="field">
            <span className="field-label">
              {pending.title} · {t('wf.commentOptional')}
            </span>
            <textarea value={comment} rows={2} onChange={(event) => setComment(event.target.value)} data-testid="event-comment" />
          </label>
          <div className="task-panel-buttons">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="event-confirm">
              {t('task.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setPending(null)}>
              {t('task.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {collapsed ? (
        <details className="wf-history">
          <summary>{t('wf.timeline')}</summary>
          {timeline}
        </details>
      ) : (
        <div className="wf-history">
          <h3 className="wf-subtitle">{t('wf.timeline')}</h3>
          {timeline}
        </div>
      )}
    </article>
  );
}
