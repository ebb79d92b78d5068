import { useI18n } from '../i18n/index.js';

/** A success message the user may dismiss (saved, submitted, approved). */
export function FlashNotice({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <div className="notice notice-success" role="status" data-testid="flash">
      {message}
      <button type="button" className="notice-close" aria-label="×" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** Why a page could not load, with the way to try again. */
export function RetryNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      {message}{' '}
      <button type="button" className="btn btn-small" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
