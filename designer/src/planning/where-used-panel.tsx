import { useMemo } from 'react';
import type { PlanRun } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { whereUsed } from './pegging-graph.js';
import type { PlanIndex } from './plan-index.js';
import { itemName, salesOrderTitle } from './plan-names.js';

export interface WhereUsedPanelProps {
  readonly run: PlanRun;
  readonly index: PlanIndex;
  readonly supplyId: string;
  /** The sales order whose tree is drawn: uses for other orders are marked. */
  readonly salesOrder: string;
  readonly onClose: () => void;
}

/** 反查: every demand the clicked supply is pegged to, and the order lines those serve at the top of the BOM. */
export function WhereUsedPanel({ run, index, supplyId, salesOrder, onClose }: WhereUsedPanelProps) {
  const { t, date, number } = useI18n();
  const uses = useMemo(() => whereUsed(index, supplyId), [index, supplyId]);
  return (
    <aside className="card where-used" data-testid="where-used">
      <div className="where-used-head">
        <h2>{t('planning.pegging.whereUsed', { supply: supplyId })}</h2>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t('planning.pegging.close')}
        </button>
      </div>
      <ul>
        {uses.map((use, position) => (
          <li key={position} data-testid="where-used-row">
            <div>
              <span className="badge">{t(`planning.demandKind.${use.demand.kind}`)}</span> {itemName(run.labels, use.demand.item)} ·{' '}
              {t('planning.pegging.pegged', { qty: number(use.qty) })} · {t('planning.pegging.due', { date: date(use.demand.due) })}
            </div>
            <div className="muted small">{use.demand.id}</div>
            {use.tops
              .filter((top) => top.salesOrder !== undefined)
              .map((top) => {
                const order = top.salesOrder as string;
                return (
                  <div key={top.id} className="small">
                    <a href={href({ page: 'planning', view: 'pegging', salesOrder: order })}>
                      {t('planning.pegging.servesOrder', { order: salesOrderTitle(run.labels, order) })}
                    </a>
                    {order !== salesOrder ? <span className="badge badge-other">{t('planning.pegging.otherOrder')}</span> : null}
                  </div>
                );
              })}
          </li>
        ))}
      </ul>
    </aside>
  );
}
