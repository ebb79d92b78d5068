import type { FirmedOrder } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';

/** What firming created: each new purchase requisition or production order, linked to its record page. */
export function FirmResult({ created, onClose }: { created: readonly FirmedOrder[]; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-success" role="status" data-testid="firm-result">
      <p>{t('planning.firmed', { count: created.length })}</p>
      <ul>
        {created.map((entry) => (
          <li key={entry.recordId}>
            {t(`planning.form.${entry.form}`)}{' '}
            <a href={href({ page: 'record', form: entry.form, id: entry.recordId })} data-testid="firm-created-link">
              {entry.title}
            </a>{' '}
            <span className="muted">← {entry.plannedOrder}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="notice-close" aria-label={t('planning.pegging.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
