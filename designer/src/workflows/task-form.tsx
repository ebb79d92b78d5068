import { useMemo, useState } from 'react';
import type { FormDefinition, WorkflowDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { isApiError, type OrdoRecord, type WorkflowTask } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { changedTopLevel, ErrorSummary, fieldLabel, LiveFormView, useLiveForm } from '../forms/index.js';
import { useI18n } from '../i18n/index.js';
import { setFlash } from '../records/flash.js';
import { navigate } from '../routing/index.js';
import { describeError } from '../shell/index.js';
import { TaskActions, type TaskCommand } from './task-actions.js';
import { commentNeeded, errorsInEditable, isCommentProblem, taskStartData } from './task-rules.js';

export interface TaskFormProps {
  readonly task: WorkflowTask;
  readonly definition: FormDefinition;
  readonly record: OrdoRecord;
  readonly workflow: WorkflowDefinition | undefined;
  /** Told after a command that leaves the user on the page (a saved draft). */
  readonly onDraftSaved: (task: WorkflowTask) => void;
}

/**
 * The record as the task shows it: read-only but for the task's editableFields, which run the same
 * live formulas as the record page; below it the comment and the task's buttons. A decision goes
 * back to the inbox; a refused one shows the server's errors at their fields.
 */
export function TaskForm({ task, definition, record, workflow, onDraftSaved }: TaskFormProps) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  const start = useMemo(() => taskStartData(record.data, task), [record, task]);
  const form = useLiveForm({ definition, data: start, editableFields: task.editableFields });
  const [comment, setComment] = useState(task.comment ?? '');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A field the task lists may still be locked by the form itself (filled from a picked customer, computed).
  const editable = task.editableFields.filter((field) => form.mayWrite(field) && form.props.formContext.states[`/${field}`]?.readOnly !== true);

  async function run(command: TaskCommand) {
    setFailure(null);
    setCommentError(null);
    form.showServerErrors(undefined);
    if (command.action !== 'draft' && commentNeeded(task.actions.commentRequired, command.action) && comment.trim() === '') {
      setCommentError(t('task.commentRequired'));
      return;
    }
    const data = form.evaluate(form.data);
    const changes = changedTopLevel(record.data, data, form.mayWrite);
    if (command.action === 'approve' && errorsInEditable(form.check(data), editable).length > 0) return;
    setBusy(true);
    try {
      switch (command.action) {
        case 'approve':
          await api.completeTask(task.id, 'approve', comment, Object.keys(changes).length > 0 ? changes : undefined);
          break;
        case 'reject':
          await api.completeTask(task.id, 'reject', comment);
          break;
        case 'return':
          await api.returnTask(task.id, command.to, comment);
          break;
        case 'transfer':
          await api.transferTask(task.id, command.to, comment);
          break;
        case 'add-signer':
          await api.addSigner(task.id, command.user, command.position, comment);
          break;
        case 'draft':
          onDraftSaved(await api.saveDraft(task.id, changes));
          setBusy(false);
          return;
      }
      setFlash(t(`task.done.${command.action}`));
      navigate({ page: 'inbox', box: 'todo' }, { replace: true });
    } catch (caught) {
      setBusy(false);
      if (!isApiError(caught)) {
        setFailure(String(caught));
        return;
      }
      if (isCommentProblem(caught.fieldErrors)) setCommentError(t('task.commentRequired'));
      form.showServerErrors(caught);
      setFailure(describeError(caught, locale));
    }
  }

  return (
    <div className="task-form">
      {editable.length > 0 ? (
        <p className="notice notice-info" data-testid="task-editable">
          {t('task.editableHint', { fields: editable.map((field) => fieldLabel(definition, field, locale)).join(t('value.separator')) })}
        </p>
      ) : null}
      <ErrorSummary failure={failure} errors={form.summary} />
      <div className="card">
        <LiveFormView form={form.props} readonly={editable.length === 0} />
      </div>
      <div className="card task-card">
        <TaskActions
          task={task}
          workflow={workflow}
          busy={busy}
          comment={comment}
          onComment={(next) => {
            setComment(next);
            if (next.trim() !== '') setCommentError(null);
          }}
          commentError={commentError}
          canSaveDraft={editable.length > 0}
          onCommand={(command) => void run(command)}
        />
      </div>
    </div>
  );
}
