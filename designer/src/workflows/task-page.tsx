import { useEffect, useState } from 'react';
import { type OrdoRecord, type WorkflowInstanceDetail, type WorkflowTask } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { LiveFormView, useLiveForm } from '../forms/index.js';
import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { useI18n } from '../i18n/index.js';
import { recordTitle } from '../records/record-title.js';
import { href } from '../routing/index.js';
import { describeFailure, useDefinitions } from '../shell/index.js';
import { isOverdue } from './inbox-view.js';
import { TaskForm } from './task-form.js';
import { stateTitle } from './workflow-states.js';
import { OpenTasks, WorkflowTimeline } from './workflow-timeline.js';

type LoadState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly task: WorkflowTask; readonly record: OrdoRecord; readonly detail: WorkflowInstanceDetail | undefined };

/** A closed task's record, read-only. */
function ClosedRecord({ definition, record }: { definition: FormDefinition; record: OrdoRecord }) {
  const form = useLiveForm({ definition, data: record.data });
  return (
    <div className="card">
      <LiveFormView form={form.props} readonly />
    </div>
  );
}

/** One task: what it asks, the record with the fields it may change, the buttons, and the timeline so far. */
export function TaskPage({ id }: { id: string }) {
  const { api } = useSession();
  const { t, text, locale, dateTime } = useI18n();
  const definitions = useDefinitions();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [draftSaved, setDraftSaved] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    (async () => {
      const task = await api.getTask(id);
      const [record, detail] = await Promise.all([api.getRecord(task.form, task.recordId), api.getWorkflow(task.instanceId).catch(() => undefined)]);
      return { task, record, detail };
    })().then(
      (loaded) => {
        if (!cancelled) setState({ status: 'ready', ...loaded });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: describeFailure(error, locale) });
      },
    );
    return () => {
      cancelled = true;
    };
    // Refetch for another task, not for a language switch.
  }, [api, id]);

  const breadcrumb = (current: string) => (
    <nav className="breadcrumb">
      <a href={href({ page: 'inbox', box: 'todo' })} data-testid="back-to-inbox">
        {t('inbox.title')}
      </a>
      <span aria-hidden="true"> / </span>
      <span>{current}</span>
    </nav>
  );

  if (state.status === 'loading') return <div className="page-state">{t('app.loading')}</div>;
  if (state.status === 'failed') {
    return (
      <div className="page">
        {breadcrumb(id)}
        <p className="notice notice-error" role="alert">
          {state.message}
        </p>
      </div>
    );
  }
  const { task, record, detail } = state;
  const definition = definitions.form(task.form);
  const workflow = definitions.workflow(task.workflow);
  const step = stateTitle(workflow, task.node);
  const title = text(task.title);
  const recordName = definition ? recordTitle(definition, record) : record.id;
  return (
    <div className="page">
      {breadcrumb(title)}
      <div className="page-header">
        <div>
          <h1 data-testid="page-title">{title}</h1>
          <p className="muted record-meta" data-testid="task-meta">
            {workflow ? text(workflow.title) : task.workflow}
            {step ? ` · ${text(step)}` : ''} ·{' '}
            <a href={href({ page: 'record', form: task.form, id: task.recordId })} data-testid="task-record-link">
              {definition ? `${text(definition.title)} ${recordName}` : recordName}
            </a>
          </p>
          <p className="muted record-meta">
            {t('task.assignee', { name: task.assigneeName || task.assignee })} · {t('task.arrived', { time: dateTime(task.createdAt) })}
            {task.dueAt ? (
              <>
                {' · '}
                <span className={isOverdue(task, new Date()) ? 'overdue' : undefined}>{t('task.dueAt', { time: dateTime(task.dueAt) })}</span>
                {isOverdue(task, new Date()) ? <span className="badge badge-overdue">{t('inbox.overdue')}</span> : null}
              </>
            ) : null}
          </p>
        </div>
        <a className="btn" href={href({ page: 'inbox', box: 'todo' })}>
          {t('task.backToInbox')}
        </a>
      </div>
      {draftSaved ? (
        <div className="notice notice-success" role="status" data-testid="flash">
          {t('task.draftSaved')}
        </div>
      ) : null}
      {task.status !== 'open' ? (
        <p className="notice notice-info" data-testid="task-closed">
          {t('task.notOpen', { status: t(`taskStatus.${task.status}`) })}
        </p>
      ) : null}
      {!definition ? <p className="notice notice-error">{t('error.formNotFound', { form: task.form })}</p> : null}
      {definition && task.status === 'open' ? (
        <TaskForm
          key={task.id}
          task={task}
          definition={definition}
          record={record}
          workflow={workflow}
          onDraftSaved={(saved) => {
            setState({ ...state, task: saved });
            setDraftSaved(true);
          }}
        />
      ) : null}
      {definition && task.status !== 'open' ? <ClosedRecord definition={definition} record={record} /> : null}
      {detail ? (
        <section className="card wf-card" data-testid="task-timeline">
          <h2>{t('wf.timeline')}</h2>
          <WorkflowTimeline detail={detail} definition={workflow} />
          {detail.openTasks.length > 0 ? (
            <>
              <h3 className="wf-subtitle">{t('wf.openTasks')}</h3>
              <OpenTasks tasks={detail.openTasks} testId="task-open-tasks" />
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
