import { useState, type ReactNode } from 'react';
import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import type { DesignerKind } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n, type MessageId } from '../i18n/index.js';
import { navigate, type Route } from '../routing/index.js';
import { describeFailure, useEscapeKey } from '../shell/index.js';
import { definitionKeyProblem, keyFromTitle } from './definition-key.js';

export interface NewDefinitionMessages {
  readonly heading: MessageId;
  readonly titleZh: MessageId;
  readonly titleEn: MessageId;
  readonly key: MessageId;
  readonly exists: MessageId;
}

export interface NewDefinitionDialogProps {
  readonly kind: DesignerKind;
  readonly taken: readonly string[];
  readonly messages: NewDefinitionMessages;
  /** The first draft's text for the chosen key and title. */
  readonly draftText: (id: string, title: LocalizedText) => string;
  readonly open: (id: string) => Route;
  readonly onClose: () => void;
  /** Fields a kind asks for besides title and key (a workflow's form). */
  readonly extra?: ReactNode;
  /** False while an extra field still wants an answer. */
  readonly ready?: boolean;
}

/**
 * Names a new definition (a title in both languages and the key it is stored under), saves its first
 * draft and opens it in its designer. The key follows the English title until typed over.
 */
export function NewDefinitionDialog({ kind, taken, messages, draftText, open, onClose, extra, ready = true }: NewDefinitionDialogProps) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [id, setId] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const problem = definitionKeyProblem(id, taken);
  const message = problem === 'bad' ? t('designer.forms.badId') : problem === 'taken' ? t(messages.exists) : null;

  useEscapeKey(onClose);

  async function create() {
    setBusy(true);
    setFailure(null);
    try {
      await api.saveDefinitionDraft(kind, id, draftText(id, { 'zh-CN': zh || en || id, en: en || zh || id }));
      navigate(open(id));
    } catch (error) {
      setFailure(describeFailure(error, locale));
      setBusy(false);
    }
  }

  return (
    <form
      className="card fd-new-form"
      role="dialog"
      aria-labelledby={`new-${kind}-heading`}
      data-testid={`new-${kind}-dialog`}
      onSubmit={(event) => {
        event.preventDefault();
        if (id !== '' && problem === null && ready && !busy) void create();
      }}
    >
      <h2 id={`new-${kind}-heading`}>{t(messages.heading)}</h2>
      {failure !== null ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className={extra === undefined ? 'fd-new-grid' : 'fd-new-grid has-extra'}>
        <label className="fd-prop">
          <span className="fd-prop-label">{t(messages.titleZh)}</span>
          <input value={zh} autoFocus onChange={(event) => setZh(event.target.value)} data-testid={`new-${kind}-zh`} />
        </label>
        <label className="fd-prop">
          <span className="fd-prop-label">{t(messages.titleEn)}</span>
          <input
            value={en}
            onChange={(event) => {
              setEn(event.target.value);
              setId(keyFromTitle(event.target.value));
            }}
            data-testid={`new-${kind}-en`}
          />
        </label>
        <label className="fd-prop">
          <span className="fd-prop-label">{t(messages.key)}</span>
          <input value={id} className={message !== null ? 'is-invalid' : undefined} aria-invalid={message !== null} onChange={(event) => setId(event.target.value)} data-testid={`new-${kind}-id`} />
          {message !== null ? <span className="fd-hint fd-error">{message}</span> : null}
        </label>
        {extra}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={id === '' || problem !== null || !ready || busy} data-testid={`new-${kind}-create`}>
          {t('designer.forms.create')}
        </button>
        <button type="button" className="btn" onClick={onClose} data-testid={`new-${kind}-cancel`}>
          {t('designer.forms.cancel')}
        </button>
      </div>
    </form>
  );
}
