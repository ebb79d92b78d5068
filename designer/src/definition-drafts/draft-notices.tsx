import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { FlashNotice } from '../shell/index.js';
import type { DraftActions } from './use-draft-actions.js';

/**
 * What the last save or publish came to: done, refused (with the server's problems, each at its place
 * in the definition), or in conflict with someone else's save — then reload theirs or write over it.
 */
export function DraftNotices({ actions, published }: { actions: DraftActions; published?: ReactNode }) {
  const { t } = useI18n();
  const { notice, conflict, failure } = actions;
  return (
    <>
      {notice !== null ? <FlashNotice message={notice.message} onClose={actions.dismissNotice} /> : null}
      {notice?.published ? published : null}
      {conflict !== null ? (
        <div className="notice notice-warning fd-conflict" role="alert" data-testid="designer-conflict">
          <p>{t('designer.conflict', { ...conflict })}</p>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => window.location.reload()} data-testid="conflict-reload">
              {t('designer.conflict.reload')}
            </button>
            <button type="button" className="btn btn-danger-ghost" onClick={() => void actions.run('save', true)} data-testid="conflict-overwrite">
              {t('designer.conflict.overwrite')}
            </button>
          </div>
        </div>
      ) : null}
      {failure !== null ? (
        <div className="notice notice-error fd-problems" role="alert" data-testid="designer-problems">
          <p>{failure.message}</p>
          {failure.problems.length > 0 ? (
            <>
              <p>{t('designer.problems')}</p>
              <ul>
                {failure.problems.map((problem, index) => (
                  <li key={index}>
                    {problem.pointer !== '' ? <code>{problem.pointer}</code> : null} {problem.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
