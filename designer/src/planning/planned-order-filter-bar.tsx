import { useI18n } from '../i18n/index.js';
import type { PlannedOrderFilter } from './planned-order-rows.js';

export interface PlannedOrderFilterBarProps {
  readonly filter: PlannedOrderFilter;
  readonly salesOrders: readonly { readonly id: string; readonly title: string }[];
  readonly onChange: (filter: PlannedOrderFilter) => void;
}

export function PlannedOrderFilterBar({ filter, salesOrders, onChange }: PlannedOrderFilterBarProps) {
  const { t } = useI18n();
  const set = (change: Partial<PlannedOrderFilter>) => onChange({ ...filter, ...change });
  return (
    <div className="filter-bar plan-filters" data-testid="planned-order-filters">
      <input
        type="search"
        className="plan-filter-text"
        placeholder={t('planning.filter.text')}
        aria-label={t('planning.filter.text')}
        value={filter.text}
        onChange={(event) => set({ text: event.target.value })}
        data-testid="filter-text"
      />
      <select
        aria-label={t('planning.filter.kind')}
        value={filter.kind}
        onChange={(event) => set({ kind: event.target.value as PlannedOrderFilter['kind'] })}
        data-testid="filter-kind"
      >
        <option value="all">{t('planning.filter.kindAll')}</option>
        <option value="make">{t('planning.kind.make')}</option>
        <option value="buy">{t('planning.kind.buy')}</option>
      </select>
      <select
        aria-label={t('planning.filter.salesOrder')}
        value={filter.salesOrder}
        onChange={(event) => set({ salesOrder: event.target.value })}
        data-testid="filter-sales-order"
      >
        <option value="">{t('planning.filter.anySalesOrder')}</option>
        {salesOrders.map((order) => (
          <option key={order.id} value={order.id}>
            {order.title}
          </option>
        ))}
      </select>
      <label className="plan-filter-dates">
        <span>{t('planning.filter.dueFrom')}</span>
        <input type="date" value={filter.dueFrom} onChange={(event) => set({ dueFrom: event.target.value })} data-testid="filter-due-from" />
        <span>{t('planning.filter.dueTo')}</span>
        <input
          type="date"
          aria-label={t('planning.filter.dueTo')}
          value={filter.dueTo}
          onChange={(event) => set({ dueTo: event.target.value })}
          data-testid="filter-due-to"
        />
      </label>
      <label className="plan-filter-check">
        <input
          type="checkbox"
          checked={filter.onlyShortages}
          onChange={(event) => set({ onlyShortages: event.target.checked })}
          data-testid="filter-shortages"
        />
        {t('planning.filter.onlyShortages')}
      </label>
    </div>
  );
}
