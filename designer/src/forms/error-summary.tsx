import { useI18n } from '../i18n/index.js';
import type { SummaryError } from './use-live-form.js';

/** The failure and every field error above a form, each error with its field's label. */
export function ErrorSummary({ failure, errors }: { failure: string | null; errors: readonly SummaryError[] }) {
  const { t } = useI18n();
  if (!failure && errors.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="error-summary">
      {failure ? <p className="summary-title">{failure}</p> : null}
      {errors.length > 0 ? (
        <>
          {!failure ? <p className="summary-title">{t('record.errorSummary')}</p> : null}
          <ul>
            {errors.map((error, index) => (
              <li key={`${error.pointer}:${index}`}>
                <strong>{error.label}</strong>: {error.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
