import type { PlanLabels } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { salesOrderTitle } from './plan-names.js';

/** A shared part serves dozens of orders: a row names the first few, each opening its pegging tree, and counts the rest. */
const SHOWN = 3;

export function SalesOrderLinks({ ids, labels }: { ids: readonly string[]; labels: PlanLabels }) {
  const { t } = useI18n();
  return (
    <>
      {ids.slice(0, SHOWN).map((id) => (
        <a key={id} className="plan-so-link" href={href({ page: 'planning', view: 'pegging', salesOrder: id })}>
          {salesOrderTitle(labels, id)}
        </a>
      ))}
      {ids.length > SHOWN ? (
        <span
          className="muted small"
          title={ids
            .slice(SHOWN)
            .map((id) => salesOrderTitle(labels, id))
            .join(', ')}
        >
          {t('planning.moreOrders', { count: ids.length - SHOWN })}
        </span>
      ) : null}
    </>
  );
}
