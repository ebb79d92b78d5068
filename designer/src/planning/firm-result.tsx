import type { FirmedOrder } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { useDefinitions } from '../shell/index.js';

/** What firming created: each new purchase requisition or production order, named as its form is, linked to its record page. */
export function FirmResult({ created, onClose }: { created: readonly FirmedOrder[]; onClose: () => void }) {
  const { t, text } = useI18n();
  const { form } = useDefinitions();
  return (
    <div className="notice notice-success" role="status" data-testid="firm-result">
      <p>{t('planning.firmed', { count: created.length })}</p>
      <ul>
        {created.map((entry) => (
          <li key={entry.recordId}>
            {text(form(entry.form)?.title, t(`planning.form.${entry.form}`))}{' '}
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
