import { useI18n, type MessageId } from '../i18n/index.js';

/** The definition's text, exactly what is saved and published; editable, read back into the design view. */
export function JsonView({ text, error, hint, onChange }: { text: string; error: string | null; hint: MessageId; onChange: (text: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="fd-json">
      <p className="fd-hint">{t(hint)}</p>
      {error !== null ? (
        <p className="notice notice-error" role="alert">
          {t('designer.jsonInvalid', { message: error })}
        </p>
      ) : null}
      <textarea className="fd-json-text" spellCheck={false} value={text} aria-label={t(hint)} onChange={(event) => onChange(event.target.value)} data-testid="designer-json" />
    </div>
  );
}
