import { useCallback, useEffect, useState } from 'react';
import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { type OrdoRecord } from '../api/index.js';
import { useSession, useUser } from '../auth/index.js';
import { PrintButton } from '../exports/index.js';
import { mayAccess } from '../forms/access.js';
import { RecordForm } from '../forms/index.js';
import { useI18n } from '../i18n/index.js';
import { href, navigate } from '../routing/index.js';
import { describeFailure, FlashNotice } from '../shell/index.js';
import { WorkflowPanel } from '../workflows/index.js';
import { setFlash, takeFlash } from './flash.js';
import { recordTitle } from './record-title.js';

type LoadState = { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'ready'; readonly record: OrdoRecord };

function Breadcrumb({ definition, current }: { definition: FormDefinition; current: string }) {
  const { text } = useI18n();
  return (
    <nav className="breadcrumb">
      <a href={href({ page: 'list', form: definition.id, search: '' })} data-testid="back-to-list">
        {text(definition.title)}
      </a>
      <span aria-hidden="true"> / </span>
      <span>{current}</span>
    </nav>
  );
}

export function NewRecordPage({ definition }: { definition: FormDefinition }) {
  const { t, text } = useI18n();
  const user = useUser();
  const title = t('record.new', { form: text(definition.title) });
  if (!mayAccess(definition, user.roles, 'create')) {
    return (
      <div className="page">
        <Breadcrumb definition={definition} current={title} />
        <p className="notice notice-error">{t('record.readOnly')}</p>
      </div>
    );
  }
  return (
    <div className="page">
      <Breadcrumb definition={definition} current={title} />
      <div className="page-header">
        <h1 data-testid="page-title">{title}</h1>
      </div>
      <div className="card">
        <RecordForm
          definition={definition}
          editable
          onSaved={(record) => {
            setFlash(t('record.created'));
            navigate({ page: 'record', form: definition.id, id: record.id }, { replace: true });
          }}
          onReload={() => undefined}
        />
      </div>
    </div>
  );
}

export function RecordPage({ definition, id }: { definition: FormDefinition; id: string }) {
  const { api } = useSession();
  const user = useUser();
  const { t, text, locale, dateTime } = useI18n();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [flash, setFlashMessage] = useState<string | null>(() => takeFlash());
  const [formKey, setFormKey] = useState(0);

  const load = useCallback(
    (after?: () => void) => {
      api.getRecord(definition.id, id).then(
        (record) => {
          setState({ status: 'ready', record });
          setFormKey((key) => key + 1);
          after?.();
        },
        (error: unknown) => setState({ status: 'failed', message: describeFailure(error, locale) }),
      );
    },
    [api, definition.id, id, locale],
  );

  useEffect(() => {
    setState({ status: 'loading' });
    load();
    // Reload when the record changes, not when the language does.
  }, [api, definition.id, id]);

  const reloadRecord = useCallback(() => load(), [load]);

  if (state.status === 'loading') return <div className="page-state">{t('app.loading')}</div>;
  if (state.status === 'failed') {
    return (
      <div className="page">
        <Breadcrumb definition={definition} current={id} />
        <p className="notice notice-error" role="alert">
          {state.message}
        </p>
      </div>
    );
  }
  const { record } = state;
  const title = recordTitle(definition, record);
  const editable = mayAccess(definition, user.roles, 'update');
  return (
    <div className="page">
      <Breadcrumb definition={definition} current={title} />
      <div className="page-header">
        <div>
          <h1 data-testid="page-title">{t('record.edit', { form: text(definition.title), title })}</h1>
          <p className="muted record-meta" data-testid="record-meta">
            {t('record.revision', { revision: record.revision })} ·{' '}
            {t('record.meta', { createdBy: record.createdByName, createdAt: dateTime(record.createdAt), updatedBy: record.updatedByName, updatedAt: dateTime(record.updatedAt) })}
          </p>
        </div>
        <div className="page-actions">
          <PrintButton form={definition.id} id={record.id} />
          <a className="btn" href={href({ page: 'history', form: definition.id, id: record.id })} data-testid="history-link">
            {t('record.history')}
          </a>
        </div>
      </div>
      {flash ? <FlashNotice message={flash} onClose={() => setFlashMessage(null)} /> : null}
      <WorkflowPanel definition={definition} record={record} onRecordChanged={reloadRecord} />
      {!editable ? <p className="notice notice-info">{t('record.readOnly')}</p> : null}
      <div className="card">
        <RecordForm
          key={formKey}
          definition={definition}
          record={record}
          editable={editable}
          onSaved={(saved) => {
            setState({ status: 'ready', record: saved });
            setFormKey((key) => key + 1);
            setFlashMessage(t('record.saved'));
            window.scrollTo({ top: 0 });
          }}
          onReload={() => load(() => setFlashMessage(null))}
          onSaving={() => setFlashMessage(null)}
        />
      </div>
    </div>
  );
}
