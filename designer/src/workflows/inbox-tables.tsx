import { useMemo, useState, type ReactNode } from 'react';
import { type WorkflowInstance, type WorkflowNotification, type WorkflowTask } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n, type MessageId } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { describeError, useDefinitions, describeFailure } from '../shell/index.js';
import { batchableIds, isOverdue, waitingFor, type RecordKey } from './inbox-view.js';
import { stateTitle } from './workflow-states.js';

type TitleOf = (key: RecordKey) => string;

function RecordLink({ form, recordId, titleOf }: { form: string | null; recordId: string | null; titleOf: TitleOf }) {
  if (form === null || recordId === null) return null;
  return (
    <a href={href({ page: 'record', form, id: recordId })} data-testid={`record-link-${recordId}`}>
      {titleOf({ form, recordId })}
    </a>
  );
}

/** The workflow's title and, for a task, the step it belongs to. */
function WorkflowCell({ workflow, node }: { workflow: string; node?: string }) {
  const { text } = useI18n();
  const definition = useDefinitions().workflow(workflow);
  const step = node === undefined ? undefined : stateTitle(definition, node);
  return (
    <>
      <span>{definition ? text(definition.title) : workflow}</span>
      {step ? <span className="muted cell-sub">{text(step)}</span> : null}
    </>
  );
}

function DueCell({ task, now }: { task: WorkflowTask; now: Date }) {
  const { t, dateTime } = useI18n();
  if (task.dueAt === null) return <span className="muted">{t('value.empty')}</span>;
  const overdue = isOverdue(task, now);
  return (
    <span className={overdue ? 'due overdue' : 'due'} data-testid={overdue ? `overdue-${task.id}` : undefined}>
      {dateTime(task.dueAt)}
      {overdue ? <span className="badge badge-overdue">{t('inbox.overdue')}</span> : null}
    </span>
  );
}

/** The frame every inbox box shares: one table whose header row names the columns. */
function InboxTable({ headers, leading, children }: { headers: readonly MessageId[]; leading?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table inbox-table" data-testid="inbox-list">
        <thead>
          <tr>
            {leading}
            {headers.map((key) => (
              <th key={key}>{t(key)}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export interface BatchOutcome {
  readonly approved: number;
  readonly failures: readonly { readonly title: string; readonly message: string }[];
}

/** What a batch approval did; shown by the page, since the approved rows leave the table. */
export function BatchOutcomeNotice({ outcome }: { outcome: BatchOutcome }) {
  const { t } = useI18n();
  return (
    <div className={outcome.failures.length > 0 ? 'notice notice-warning' : 'notice notice-success'} role="status" data-testid="batch-outcome">
      <p>{t('inbox.batchDone', { count: outcome.approved })}</p>
      {outcome.failures.length > 0 ? (
        <>
          <p>{t('inbox.batchFailed', { count: outcome.failures.length })}</p>
          <ul>
            {outcome.failures.map((entry, index) => (
              <li key={index}>
                <strong>{entry.title}</strong>: {entry.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** 我的待办, with batch approval of the tasks whose node allows it. */
export function TodoTable({ tasks, titleOf, onBatchDone }: { tasks: readonly WorkflowTask[]; titleOf: TitleOf; onBatchDone: (outcome: BatchOutcome) => void }) {
  const { api } = useSession();
  const { t, text, locale, dateTime } = useI18n();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const batchable = useMemo(() => batchableIds(tasks), [tasks]);
  const chosen = batchable.filter((id) => selected.has(id));
  const now = new Date();

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function approveSelected() {
    setBusy(true);
    setFailure(null);
    try {
      const results = await api.batchApprove(chosen, comment);
      const byId = new Map(tasks.map((task) => [task.id, task]));
      setSelected(new Set());
      setComment('');
      onBatchDone({
        approved: results.filter((result) => result.ok).length,
        failures: results.flatMap((result) => {
          if (result.ok) return [];
          const task = byId.get(result.id);
          return [{ title: task ? `${text(task.title)} · ${titleOf(task)}` : result.id, message: describeError(result.error, locale) }];
        }),
      });
    } catch (caught) {
      setFailure(describeFailure(caught, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      {batchable.length > 0 ? (
        <div className="batch-bar">
          <input
            className="form-control"
            value={comment}
            placeholder={t('inbox.batchComment')}
            aria-label={t('inbox.batchComment')}
            onChange={(event) => setComment(event.target.value)}
            data-testid="batch-comment"
          />
          <button type="button" className="btn btn-primary" disabled={busy || chosen.length === 0} onClick={() => void approveSelected()} data-testid="batch-approve">
            {t('inbox.batchApprove', { count: chosen.length })}
          </button>
        </div>
      ) : null}
      <InboxTable
        headers={['inbox.task', 'inbox.record', 'inbox.workflow', 'inbox.waitingFor', 'inbox.created', 'inbox.due']}
        leading={
          <th className="col-check">
            {batchable.length > 0 ? (
              <input
                type="checkbox"
                aria-label={t('inbox.selectAll')}
                checked={chosen.length === batchable.length}
                onChange={(event) => setSelected(event.target.checked ? new Set(batchable) : new Set())}
                data-testid="select-all"
              />
            ) : null}
          </th>
        }
      >
        {tasks.map((task) => (
          <tr key={task.id} data-testid={`task-row-${task.id}`} data-record={task.recordId} data-node={task.node} className={isOverdue(task, now) ? 'row-overdue' : undefined}>
            <td className="col-check">
              {task.actions.batch ? (
                <input
                  type="checkbox"
                  aria-label={t('inbox.select', { task: text(task.title) })}
                  checked={selected.has(task.id)}
                  onChange={() => toggle(task.id)}
                  data-testid={`select-${task.id}`}
                />
              ) : null}
            </td>
            <td>
              <a href={href({ page: 'task', id: task.id })} className="task-link" data-testid={`open-task-${task.id}`}>
                {text(task.title)}
              </a>
            </td>
            <td>
              <RecordLink form={task.form} recordId={task.recordId} titleOf={titleOf} />
            </td>
            <td>
              <WorkflowCell workflow={task.workflow} node={task.node} />
            </td>
            <td>{task.assigneeName || task.assignee}</td>
            <td className="nowrap">{dateTime(task.createdAt)}</td>
            <td className="nowrap">
              <DueCell task={task} now={now} />
            </td>
          </tr>
        ))}
      </InboxTable>
    </>
  );
}

/** 我已处理: each task with what the user decided and when. */
export function DoneTable({ tasks, titleOf }: { tasks: readonly WorkflowTask[]; titleOf: TitleOf }) {
  const { t, text, dateTime } = useI18n();
  return (
    <InboxTable headers={['inbox.task', 'inbox.record', 'inbox.workflow', 'inbox.outcome', 'inbox.comment', 'inbox.actedAt']}>
      {tasks.map((task) => (
        <tr key={task.id} data-testid={`task-row-${task.id}`} data-record={task.recordId} data-node={task.node}>
          <td>
            <a href={href({ page: 'task', id: task.id })}>{text(task.title)}</a>
          </td>
          <td>
            <RecordLink form={task.form} recordId={task.recordId} titleOf={titleOf} />
          </td>
          <td>
            <WorkflowCell workflow={task.workflow} node={task.node} />
          </td>
          <td>
            <span className={`badge badge-task-${task.status}`}>{t(`taskStatus.${task.status}`)}</span>
          </td>
          <td className="cell-comment">{task.comment ?? ''}</td>
          <td className="nowrap">{task.actedAt ? dateTime(task.actedAt) : t('value.empty')}</td>
        </tr>
      ))}
    </InboxTable>
  );
}

/** 我发起的: each instance with its current step and who holds it. */
export function InitiatedTable({ instances, titleOf }: { instances: readonly WorkflowInstance[]; titleOf: TitleOf }) {
  const { t, text, dateTime } = useI18n();
  return (
    <InboxTable headers={['inbox.record', 'inbox.workflow', 'inbox.currentStep', 'inbox.waitingFor', 'inbox.status', 'inbox.started']}>
      {instances.map((instance) => (
        <tr key={instance.id} data-testid={`instance-row-${instance.id}`} data-record={instance.recordId}>
          <td>
            <RecordLink form={instance.form} recordId={instance.recordId} titleOf={titleOf} />
          </td>
          <td>{text(instance.title)}</td>
          <td>{instance.stateTitles.map((title) => text(title)).join(' / ')}</td>
          <td>{waitingFor(instance).join(t('value.separator'))}</td>
          <td>
            <span className={`badge badge-instance-${instance.status}`}>{t(`instanceStatus.${instance.status}`)}</span>
          </td>
          <td className="nowrap">{dateTime(instance.startedAt)}</td>
        </tr>
      ))}
    </InboxTable>
  );
}

/** 抄送我: copies and notices, newest first as the server sends them. */
export function CcTable({ notifications, titleOf }: { notifications: readonly WorkflowNotification[]; titleOf: TitleOf }) {
  const { t, text, dateTime } = useI18n();
  return (
    <InboxTable headers={['inbox.message', 'inbox.record', 'inbox.received']}>
      {notifications.map((notification) => (
        <tr key={notification.id} data-testid={`notice-row-${notification.id}`} className={notification.readAt === null ? 'row-unread' : undefined}>
          <td>
            <span className="badge">{t(`notice.${notification.kind}`)}</span> {text(notification.message)}
          </td>
          <td>
            <RecordLink form={notification.form} recordId={notification.recordId} titleOf={titleOf} />
          </td>
          <td className="nowrap">{dateTime(notification.createdAt)}</td>
        </tr>
      ))}
    </InboxTable>
  );
}
