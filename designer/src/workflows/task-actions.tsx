import { useState, type FormEvent } from 'react';
import type { WorkflowDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { SignerPosition, WorkflowTask } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { stateTitle } from './workflow-states.js';

/** An action with what it needs besides the comment. */
export type TaskCommand =
  | { readonly action: 'approve' | 'reject' }
  | { readonly action: 'return'; readonly to: string }
  | { readonly action: 'transfer'; readonly to: string }
  | { readonly action: 'add-signer'; readonly user: string; readonly position: SignerPosition }
  | { readonly action: 'draft' };

export interface TaskActionsProps {
  readonly task: WorkflowTask;
  readonly workflow: WorkflowDefinition | undefined;
  readonly busy: boolean;
  readonly comment: string;
  readonly onComment: (comment: string) => void;
  /** A message at the comment box (required, or the server's word on it). */
  readonly commentError: string | null;
  readonly canSaveDraft: boolean;
  readonly onCommand: (command: TaskCommand) => void;
}

type Panel = 'return' | 'transfer' | 'add-signer' | null;

const POSITIONS: readonly SignerPosition[] = ['before', 'after', 'beside'];

/** The comment box and the buttons of a task: approve, reject, return, transfer, add signer, save draft. */
export function TaskActions({ task, workflow, busy, comment, onComment, commentError, canSaveDraft, onCommand }: TaskActionsProps) {
  const { t, text } = useI18n();
  const { actions } = task;
  const [panel, setPanel] = useState<Panel>(null);
  const [returnTo, setReturnTo] = useState(actions.returnTo[0] ?? '');
  const [user, setUser] = useState('');
  const [position, setPosition] = useState<SignerPosition>('before');
  const [userError, setUserError] = useState<string | null>(null);

  function returnLabel(target: string): string {
    if (target === 'previous') return t('task.returnPrevious');
    if (target === 'initiator') return t('task.returnInitiator');
    const title = stateTitle(workflow, target);
    return title ? text(title) : target;
  }

  function open(next: Panel) {
    setPanel((current) => (current === next ? null : next));
    setUserError(null);
  }

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (panel === 'return') {
      onCommand({ action: 'return', to: returnTo });
      return;
    }
    const name = user.trim();
    if (!name) {
      setUserError(t('task.userRequired'));
      return;
    }
    if (panel === 'transfer') onCommand({ action: 'transfer', to: name });
    if (panel === 'add-signer') onCommand({ action: 'add-signer', user: name, position });
  }

  return (
    <div className="task-actions" data-testid="task-actions">
      <label className={commentError ? 'field has-error' : 'field'}>
        <span className="field-label">
          {t('task.comment')}
          {actions.commentRequired === 'never' ? null : (
            <span className="comment-rule">{actions.commentRequired === 'always' ? t('task.commentAlways') : t('task.commentOnReject')}</span>
          )}
        </span>
        <textarea value={comment} rows={3} placeholder={t('task.commentPlaceholder')} onChange={(event) => onComment(event.target.value)} data-testid="task-comment" />
        {commentError ? (
          <span className="field-errors" data-testid="task-comment-error">
            {commentError}
          </span>
        ) : null}
      </label>
      <div className="task-buttons">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => onCommand({ action: 'approve' })} data-testid="task-approve">
          {t('task.approve')}
        </button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => onCommand({ action: 'reject' })} data-testid="task-reject">
          {t('task.reject')}
        </button>
        {actions.returnTo.length > 0 ? (
          <button type="button" className={panel === 'return' ? 'btn active' : 'btn'} disabled={busy} onClick={() => open('return')} data-testid="task-return">
            {t('task.return')}
          </button>
        ) : null}
        {actions.transfer ? (
          <button type="button" className={panel === 'transfer' ? 'btn active' : 'btn'} disabled={busy} onClick={() => open('transfer')} data-testid="task-transfer">
            {t('task.transfer')}
          </button>
        ) : null}
        {actions.addSigner ? (
          <button type="button" className={panel === 'add-signer' ? 'btn active' : 'btn'} disabled={busy} onClick={() => open('add-signer')} data-testid="task-add-signer">
            {t('task.addSigner')}
          </button>
        ) : null}
        {canSaveDraft ? (
          <button type="button" className="btn btn-quiet" disabled={busy} onClick={() => onCommand({ action: 'draft' })} data-testid="task-save-draft">
            {t('task.saveDraft')}
          </button>
        ) : null}
        {busy ? <span className="muted">{t('task.working')}</span> : null}
      </div>
      {panel !== null ? (
        <form className="task-panel" onSubmit={confirm} data-testid={`task-panel-${panel}`}>
          {panel === 'return' ? (
            <label className="field">
              <span className="field-label">{t('task.returnTo')}</span>
              <select value={returnTo} onChange={(event) => setReturnTo(event.target.value)} data-testid="return-target">
                {actions.returnTo.map((target) => (
                  <option key={target} value={target}>
                    {returnLabel(target)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label className={userError ? 'field has-error' : 'field'}>
              <span className="field-label">{panel === 'transfer' ? t('task.transferTo') : t('task.signer')}</span>
              <input value={user} autoComplete="off" onChange={(event) => setUser(event.target.value)} data-testid="task-user" />
              {userError ? <span className="field-errors">{userError}</span> : null}
            </label>
          )}
          {panel === 'add-signer' ? (
            <label className="field">
              <span className="field-label">{t('task.position')}</span>
              <select value={position} onChange={(event) => setPosition(event.target.value as SignerPosition)} data-testid="signer-position">
                {POSITIONS.map((option) => (
                  <option key={option} value={option}>
                    {t(`task.position.${option}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <div className="task-panel-buttons">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="task-panel-confirm">
              {t('task.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setPanel(null)}>
              {t('task.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
