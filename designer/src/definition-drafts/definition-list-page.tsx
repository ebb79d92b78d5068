import { useEffect, useState, type ReactNode } from 'react';
import type { DesignerEntry, DesignerKind } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { formatDateTime, useI18n, type MessageId } from '../i18n/index.js';
import { href, type Route } from '../routing/index.js';
import { describeFailure, RetryNotice } from '../shell/index.js';

export interface DefinitionListMessages {
  readonly title: MessageId;
  readonly subtitle: MessageId;
  readonly empty: MessageId;
  readonly create: MessageId;
}

export interface DefinitionListPageProps {
  readonly kind: DesignerKind;
  readonly messages: DefinitionListMessages;
  readonly open: (id: string) => Route;
  /** The dialog that names a new definition; `taken` are the keys already in use. */
  readonly newDialog: (taken: readonly string[], onClose: () => void) => ReactNode;
  /** What a card says after the key (a workflow's form). */
  readonly describe?: (entry: DesignerEntry) => string | null;
}

/** Every definition of a kind a designer may open: published ones and drafts, with where each stands. */
export function DefinitionListPage({ kind, messages, open, newDialog, describe }: DefinitionListPageProps) {
  const { t, text, locale } = useI18n();
  const { api } = useSession();
  const [items, setItems] = useState<readonly DesignerEntry[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.designerEntries(kind).then(
      (answer) => {
        if (!cancelled) setItems(answer.items);
      },
      (error: unknown) => {
        if (!cancelled) setFailure(describeFailure(error, locale));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, kind, attempt]);

  if (failure !== null) return <RetryNotice message={failure} onRetry={() => (setFailure(null), setAttempt((n) => n + 1))} />;
  if (items === null) return <div className="page-state">{t('app.loading')}</div>;
  const close = () => setCreating(false);
  return (
    <div className="fd-forms" data-testid={`designer-${kind}s`}>
      <div className="page-header">
        <div>
          <h1 data-testid="page-title">{t(messages.title)}</h1>
          <p className="muted">{t(messages.subtitle)}</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid={`new-${kind}`}>
          + {t(messages.create)}
        </button>
      </div>
      {creating ? newDialog(items.map((item) => item.id), close) : null}
      {items.length === 0 && !creating ? (
        <div className="fd-canvas-empty fd-list-empty" data-testid="designer-list-empty">
          <p>{t(messages.empty)}</p>
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            + {t(messages.create)}
          </button>
        </div>
      ) : null}
      <div className="fd-form-grid">
        {items.map((item) => {
          const detail = describe?.(item) ?? null;
          return (
            <a key={item.id} className="fd-form-card" href={href(open(item.id))} data-testid={`designer-${kind}-${item.id}`}>
              <span className="fd-form-card-title">{text(item.title)}</span>
              <span className="fd-form-card-id">
                {item.id}
                {detail !== null ? ` · ${detail}` : ''}
              </span>
              <span className="fd-form-card-badges">
                {item.publishedVersion !== null ? <span className="badge badge-create">{t('designer.forms.published', { version: item.publishedVersion })}</span> : <span className="badge">{t('designer.forms.notPublished')}</span>}
                {item.draft?.unpublishedChanges ? <span className="badge badge-update">{t('designer.forms.draft')}</span> : null}
              </span>
              {item.draft !== null ? (
                <span className="fd-form-card-meta">
                  {item.draft.updatedBy} · {formatDateTime(item.draft.updatedAt, locale)}
                </span>
              ) : null}
            </a>
          );
        })}
      </div>
    </div>
  );
}
