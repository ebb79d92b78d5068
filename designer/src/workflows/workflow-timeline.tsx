import type { LocalizedText, WorkflowDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { WorkflowInstanceDetail, WorkflowTask } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { isOverdue } from './inbox-view.js';
import { timelineSteps, type StepPlace } from './timeline-steps.js';

export function usePlaceText(): (place: StepPlace) => string {
  const { text } = useI18n();
  return (place) => (typeof place === 'string' ? place : text(place as LocalizedText));
}

/** Tasks that hold the work now, with their assignee and due time. */
export function OpenTasks({ tasks, testId }: { tasks: readonly WorkflowTask[]; testId: string }) {
  const { t, text, dateTime } = useI18n();
  const now = new Date();
  if (tasks.length === 0) return null;
  return (
    <ul className="open-tasks" data-testid={testId}>
      {tasks.map((task) => (
        <li key={task.id} className="open-task" data-testid={`open-task-${task.assignee}`}>
          <span className="open-task-who">{task.assigneeName || task.assignee}</span>
          <span className="muted">{text(task.title)}</span>
          {task.status === 'waiting' ? <span className="badge">{t('taskStatus.waiting')}</span> : null}
          <span className="muted nowrap">{t('wf.since', { time: dateTime(task.createdAt) })}</span>
          {task.dueAt ? (
            <span className={isOverdue(task, now) ? 'badge badge-overdue nowrap' : 'muted nowrap'}>
              {isOverdue(task, now) ? t('inbox.overdue') : t('task.dueAt', { time: dateTime(task.dueAt) })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Every step of an instance: what happened (in words), where, who, when, and the comment. */
export function WorkflowTimeline({ detail, definition }: { detail: WorkflowInstanceDetail; definition: WorkflowDefinition | undefined }) {
  const { t, dateTime } = useI18n();
  const placeText = usePlaceText();
  const steps = timelineSteps(detail.timeline, definition);
  if (steps.length === 0) return <p className="muted">{t('wf.noSteps')}</p>;
  return (
    <ol className="wf-timeline" data-testid={`timeline-${detail.id}`}>
      {steps.map((step) => (
        <li key={step.entry.seq} className={`wf-step wf-step-${step.kind}`} data-testid={`step-${step.entry.seq}`} data-kind={step.kind}>
          <span className="wf-dot" aria-hidden="true" />
          <div className="wf-step-body">
            <div className="wf-step-head">
              <span className={`badge badge-step-${step.kind}`}>{step.event === undefined ? t(`step.${step.kind}`) : placeText(step.event)}</span>
              {step.at !== undefined ? <span className="wf-place">{placeText(step.at)}</span> : null}
              {step.to !== undefined ? <span className="wf-to muted">{t('step.to', { place: placeText(step.to) })}</span> : null}
              <span className="wf-actor">{step.entry.actor.displayName || step.entry.actor.username}</span>
              <time className="muted nowrap" dateTime={step.entry.at}>
                {dateTime(step.entry.at)}
              </time>
            </div>
            {step.entry.comment ? <p className="wf-comment">{step.entry.comment}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
