import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormDefinition, WorkflowDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { type OrdoRecord, type WorkflowInstanceDetail } from '../api/index.js';
import { useSession, useUser } from '../auth/index.js';
import { mayAccess } from '../forms/access.js';
import { useI18n } from '../i18n/index.js';
import { describeFailure, useDefinitions, useOpenTaskCount } from '../shell/index.js';
import { InstanceCard, type InstanceCommand } from './instance-card.js';
import { finishesByItself, mayStart } from './workflow-states.js';

/** While a step runs by itself (the feasibility check), the panel asks again this often, this many times. */
const POLL_MS = 1500;
const POLL_LIMIT = 20;

type LoadState =
  { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'ready'; readonly instances: readonly WorkflowInstanceDetail[] };

export interface WorkflowPanelProps {
  readonly definition: FormDefinition;
  readonly record: OrdoRecord;
  /** Workflow steps write the record (its status, a promised date): the page reloads it. */
  readonly onRecordChanged: () => void;
}

/**
 * 流程 on a record page: start a workflow of the form, the running instance's step, its business
 * events and withdrawal, and every instance's timeline. Renders nothing for a form without workflows.
 */
export function WorkflowPanel({ definition, record, onRecordChanged }: WorkflowPanelProps) {
  const { api } = useSession();
  const user = useUser();
  const { t, text, locale } = useI18n();
  const definitions = useDefinitions();
  const { refresh: refreshCount } = useOpenTaskCount();
  const workflows = definitions.workflows.filter((workflow) => workflow.form === definition.id);
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [polls, setPolls] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const hasWorkflows = workflows.length > 0;
  useEffect(() => {
    // A form without workflows has nothing to show: no request on every record page of it.
    if (!hasWorkflows) return;
    let cancelled = false;
    (async () => {
      const { items } = await api.recordWorkflows(definition.id, record.id);
      const details = await Promise.all(items.map((instance) => api.getWorkflow(instance.id)));
      // Running first, then the newest.
      return details.sort((a, b) => Number(b.status === 'running') - Number(a.status === 'running') || b.startedAt.localeCompare(a.startedAt));
    })().then(
      (instances) => {
        if (!cancelled) setState({ status: 'ready', instances });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: describeFailure(error, locale) });
      },
    );
    return () => {
      cancelled = true;
    };
    // The locale only words an error; a language switch must not refetch.
  }, [api, definition.id, record.id, reload, hasWorkflows]);

  const instances = state.status === 'ready' ? state.instances : [];
  const waitingForServer = instances.some((instance) => finishesByItself(definitions.workflow(instance.workflow), instance));

  // A step the server finished by itself may have written the record (the promised date).
  const wasWaiting = useRef(false);
  useEffect(() => {
    if (wasWaiting.current && !waitingForServer) onRecordChanged();
    wasWaiting.current = waitingForServer;
  }, [waitingForServer, onRecordChanged]);

  useEffect(() => {
    if (!waitingForServer || polls >= POLL_LIMIT) return;
    const timer = window.setTimeout(() => {
      setPolls((count) => count + 1);
      setReload((count) => count + 1);
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [waitingForServer, polls, reload]);

  const afterCommand = useCallback(
    (message: string) => {
      setNotice({ kind: 'success', text: message });
      setPolls(0);
      setReload((count) => count + 1);
      refreshCount();
      onRecordChanged();
    },
    [onRecordChanged, refreshCount],
  );

  async function command(work: () => Promise<unknown>, message: string) {
    setBusy(true);
    setNotice(null);
    try {
      await work();
      afterCommand(message);
    } catch (caught) {
      setNotice({ kind: 'error', text: describeFailure(caught, locale) });
    } finally {
      setBusy(false);
    }
  }

  function onInstanceCommand(instance: WorkflowInstanceDetail, request: InstanceCommand) {
    if (request.kind === 'withdraw') void command(() => api.withdraw(instance.id, request.comment), t('wf.withdrawn'));
    else void command(() => api.sendEvent(instance.id, request.event, request.comment), t('wf.eventSent', { action: request.title }));
  }

  const mayCreate = mayAccess(definition, user.roles, 'create');
  const startable = workflows.filter(
    (workflow: WorkflowDefinition) =>
      mayStart(workflow, user.roles, mayCreate) && !instances.some((instance) => instance.workflow === workflow.id && instance.status === 'running'),
  );
  if (!hasWorkflows) return null;

  return (
    <section className="card wf-panel" data-testid="workflow-panel">
      <div className="wf-panel-head">
        <h2>{t('wf.title')}</h2>
        <div className="wf-panel-tools">
          {state.status === 'ready'
            ? startable.map((workflow) => (
                <button
                  key={workflow.id}
                  type="button"
                  className="btn btn-primary btn-small"
                  disabled={busy}
                  onClick={() => void command(() => api.startWorkflow(workflow.id, record.id), t('wf.started'))}
                  data-testid={`start-${workflow.id}`}
                >
                  {t('wf.start', { workflow: text(workflow.title) })}
                </button>
              ))
            : null}
          <button type="button" className="btn btn-small" onClick={() => setReload((count) => count + 1)} data-testid="workflow-refresh">
            {t('wf.refresh')}
          </button>
        </div>
      </div>
      {notice ? (
        <p
          className={notice.kind === 'success' ? 'notice notice-success' : 'notice notice-error'}
          role={notice.kind === 'success' ? 'status' : 'alert'}
          data-testid="workflow-notice"
        >
          {notice.text}
        </p>
      ) : null}
      {state.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {state.status === 'failed' ? (
        <p className="notice notice-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.status === 'ready' && instances.length === 0 ? <p className="muted">{t('wf.none')}</p> : null}
      {instances.map((instance, index) => (
        <InstanceCard
          key={instance.id}
          instance={instance}
          workflow={definitions.workflow(instance.workflow)}
          initiator={instance.initiator === user.username}
          busy={busy}
          collapsed={instance.status !== 'running' && index > 0}
          onCommand={(request) => onInstanceCommand(instance, request)}
        />
      ))}
    </section>
  );
}
