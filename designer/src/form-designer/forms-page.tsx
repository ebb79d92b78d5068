import { useEffect, useState } from 'react';
import type { DesignerFormEntry } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { href, navigate } from '../routing/index.js';
import { describeFailure, RetryNotice } from '../shell/index.js';
import { definitionText } from './field-model.js';
import { emptyForm } from './use-form-draft.js';

const FORM_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function NewFormDialog({ taken, onClose }: { taken: readonly string[]; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [id, setId] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const problem = id === '' ? null : !FORM_ID.test(id) ? t('designer.forms.badId') : taken.includes(id) ? t('designer.forms.exists') : null;

  async function create() {
    const form = { ...emptyForm(id), title: { 'zh-CN': zh || en || id, en: en || zh || id } };
    try {
      await api.saveFormDraft(id, definitionText(form));
      navigate({ page: 'form-designer', id });
    } catch (error) {
      setFailure(describeFailure(error, locale));
    }
  }

  return (
    <div className="card fd-new-form" data-testid="new-form-dialog">
      <h2>{t('designer.forms.new')}</h2>
      {failure !== null ? <p className="notice notice-error">{failure}</p> : null}
      <div className="fd-new-grid">
        <label className="fd-prop">
          <span className="fd-prop-label">{t('designer.formTitleZh')}</span>
          <input value={zh} onChange={(event) => setZh(event.target.value)} data-testid="new-form-zh" />
        </label>
        <label className="fd-prop">
          <span className="fd-prop-label">{t('designer.formTitleEn')}</span>
          <input
            value={en}
            onChange={(event) => {
              setEn(event.target.value);
              setId(event.target.value.toLowerCase().trim().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[^a-z]+/, ''));
            }}
            data-testid="new-form-en"
          />
        </label>
        <label className="fd-prop">
          <span className="fd-prop-label">{t('designer.forms.newId')}</span>
          <input value={id} className={problem ? 'is-invalid' : undefined} onChange={(event) => setId(event.target.value)} data-testid="new-form-id" />
          {problem !== null ? <span className="fd-hint fd-error">{problem}</span> : null}
        </label>
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={id === '' || problem !== null} onClick={() => void create()} data-testid="new-form-create">
          {t('designer.forms.create')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('designer.forms.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Every form a designer may open: published ones and drafts, with where each stands. */
export function DesignerFormsPage() {
  const { t, text, locale } = useI18n();
  const { api } = useSession();
  const [items, setItems] = useState<readonly DesignerFormEntry[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.designerForms().then(
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
  }, [api, attempt]);

  if (failure !== null) return <RetryNotice message={failure} onRetry={() => (setFailure(null), setAttempt((n) => n + 1))} />;
  if (items === null) return <div className="page-state">{t('app.loading')}</div>;
  return (
    <div className="fd-forms" data-testid="designer-forms">
      <div className="page-header">
        <div>
          <h1 data-testid="page-title">{t('designer.forms.title')}</h1>
          <p className="muted">{t('designer.forms.subtitle')}</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="new-form">
          + {t('designer.forms.new')}
        </button>
      </div>
      {creating ? <NewFormDialog taken={items.map((item) => item.id)} onClose={() => setCreating(false)} /> : null}
      {items.length === 0 ? <p className="fd-canvas-empty">{t('designer.forms.empty')}</p> : null}
      <div className="fd-form-grid">
        {items.map((item) => (
          <a key={item.id} className="fd-form-card" href={href({ page: 'form-designer', id: item.id })} data-testid={`designer-form-${item.id}`}>
            <span className="fd-form-card-title">{text(item.title)}</span>
            <span className="fd-form-card-id">{item.id}</span>
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
        ))}
      </div>
    </div>
  );
}
