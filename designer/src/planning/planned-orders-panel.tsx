import { useMemo, useState } from 'react';
import { isApiError, newIdempotencyKey, type FirmedOrder, type PlanRun } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { describeFailure } from '../shell/index.js';
import { FirmResult } from './firm-result.js';
import type { PlanIndex } from './plan-index.js';
import { plannedSalesOrders } from './plan-index.js';
import { salesOrderTitle } from './plan-names.js';
import { PlannedOrderFilterBar } from './planned-order-filter-bar.js';
import { SalesOrderLinks } from './sales-order-links.js';
import {
  filterPlannedOrders,
  nextPlannedOrderSort,
  NO_FILTER,
  plannedOrderRows,
  sortPlannedOrders,
  type PlannedOrderFilter,
  type PlannedOrderSort,
  type PlannedOrderSortKey,
} from './planned-order-rows.js';

/** A table of thousands of rows makes the page crawl; past this the planner narrows the filters. */
const ROW_LIMIT = 300;

const COLUMNS: readonly { key: PlannedOrderSortKey; label: 'id' | 'item' | 'kind' | 'qty' | 'start' | 'due'; numeric?: boolean }[] = [
  { key: 'id', label: 'id' },
  { key: 'item', label: 'item' },
  { key: 'kind', label: 'kind' },
  { key: 'qty', label: 'qty', numeric: true },
  { key: 'start', label: 'start' },
  { key: 'due', label: 'due' },
];

export interface PlannedOrdersPanelProps {
  readonly run: PlanRun;
  readonly index: PlanIndex;
  /** Firming changed the run's firmed list: load it again. */
  readonly onFirmed: () => void;
}

/** 计划订单: filter, sort, select and firm (确认下达) planned orders into purchase requisitions and production orders. */
export function PlannedOrdersPanel({ run, index, onFirmed }: PlannedOrdersPanelProps) {
  const { api } = useSession();
  const { t, date, number, locale } = useI18n();
  const [filter, setFilter] = useState<PlannedOrderFilter>(NO_FILTER);
  const [sort, setSort] = useState<PlannedOrderSort>({ key: 'due', descending: false });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [firming, setFirming] = useState(false);
  const [created, setCreated] = useState<readonly FirmedOrder[] | null>(null);
  const [firmError, setFirmError] = useState<string | null>(null);

  const rows = useMemo(() => plannedOrderRows(index, run.labels, run.firmed), [index, run]);
  const shown = useMemo(() => sortPlannedOrders(filterPlannedOrders(rows, filter), sort), [rows, filter, sort]);
  const visible = shown.slice(0, ROW_LIMIT);
  const salesOrders = useMemo(() => plannedSalesOrders(run.plan).map((id) => ({ id, title: salesOrderTitle(run.labels, id) })), [run]);
  const selectable = visible.filter((row) => !row.firmed).map((row) => row.order.id);
  const allSelected = selectable.length > 0 && selectable.every((id) => selected.has(id));

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const firm = () => {
    const ids = rows.filter((row) => !row.firmed && selected.has(row.order.id)).map((row) => row.order.id);
    if (ids.length === 0) return;
    setFirming(true);
    setFirmError(null);
    api.firmPlannedOrders(run.id, ids, newIdempotencyKey()).then(
      (result) => {
        setCreated(result.created);
        setSelected(new Set());
        setFirming(false);
        onFirmed();
      },
      (error: unknown) => {
        setFirmError(t('planning.firmFailed', { message: describeFailure(error, locale) }));
        setFirming(false);
        // Someone else firmed some of them meanwhile: reload, so those rows show their records.
        if (isApiError(error) && error.status === 409) onFirmed();
      },
    );
  };

  if (rows.length === 0) {
    return (
      <div className="empty-state" data-testid="nothing-to-firm">
        {t('planning.nothingToFirm')}
      </div>
    );
  }
  const selectedCount = rows.filter((row) => !row.firmed && selected.has(row.order.id)).length;
  return (
    <div className="plan-panel">
      {created ? <FirmResult created={created} onClose={() => setCreated(null)} /> : null}
      {firmError ? (
        <div className="notice notice-error" role="alert" data-testid="firm-error">
          {firmError}
        </div>
      ) : null}
      <PlannedOrderFilterBar filter={filter} salesOrders={salesOrders} onChange={setFilter} />
      <div className="plan-toolbar">
        <span className="plan-toolbar-left">
          <span className="muted" data-testid="planned-order-count">
            {t('planning.filter.count', { shown: number(shown.length), total: number(rows.length) })}
          </span>
          {filter === NO_FILTER ? null : (
            <button type="button" className="btn btn-small" onClick={() => setFilter(NO_FILTER)}>
              {t('planning.filter.clear')}
            </button>
          )}
        </span>
        <button type="button" className="btn btn-primary" onClick={firm} disabled={selectedCount === 0 || firming} data-testid="firm-selected">
          {firming ? t('planning.firming') : t('planning.firm', { count: selectedCount })}
        </button>
      </div>
      {shown.length === 0 ? (
        <div className="empty-state">{t('planning.noMatch')}</div>
      ) : (
        <div className="table-wrap">
          <table className="data-table plan-table" data-testid="planned-orders">
            <thead>
              <tr>
                <th className="check-cell">
                  <input
                    type="checkbox"
                    aria-label={t('planning.selectAll')}
                    checked={allSelected}
                    disabled={selectable.length === 0}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(selectable))}
                  />
                </th>
                {COLUMNS.map((column) => (
                  <th
                    key={column.key}
                    className={column.numeric ? 'num' : undefined}
                    aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => setSort(nextPlannedOrderSort(sort, column.key))}
                      data-testid={`sort-${column.key}`}
                    >
                      {t(`planning.column.${column.label}`)}
                      <span className="sort-indicator">{sort.key === column.key ? (sort.descending ? '▼' : '▲') : ''}</span>
                    </button>
                  </th>
                ))}
                <th>{t('planning.column.salesOrder')}</th>
                <th>{t('planning.column.status')}</th>
              </tr>
            </thead>
            <tbody>
              {visible.map(({ order, itemName, salesOrders: served, short, firmed }) => (
                <tr key={order.id} className={firmed ? 'row-firmed' : short ? 'row-short' : undefined} data-testid="planned-order-row" data-id={order.id}>
                  <td className="check-cell">
                    <input
                      type="checkbox"
                      aria-label={t('planning.select', { id: order.id })}
                      checked={!firmed && selected.has(order.id)}
                      disabled={firmed !== undefined}
                      onChange={() => toggle(order.id)}
                    />
                  </td>
                  <td className="nowrap">{order.id}</td>
                  <td>
                    {itemName}
                    {itemName !== order.item ? <div className="muted small">{order.item}</div> : null}
                  </td>
                  <td>
                    <span className={`badge badge-${order.kind}`}>{t(`planning.kind.${order.kind}`)}</span>
                  </td>
                  <td className="num">{number(order.qty)}</td>
                  <td className="nowrap">{date(order.start)}</td>
                  <td className="nowrap">{date(order.due)}</td>
                  <td>
                    <SalesOrderLinks ids={served} labels={run.labels} />
                  </td>
                  <td>
                    {firmed ? (
                      <a className="badge badge-firmed" href={href({ page: 'record', form: firmed.form, id: firmed.recordId })} data-testid="firmed-link">
                        {t('planning.status.firmed')} · {firmed.title}
                      </a>
                    ) : null}
                    {!firmed && short ? <span className="badge badge-shortage">{t('planning.status.short')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.length > ROW_LIMIT ? <p className="muted">{t('planning.filter.limited', { limit: number(ROW_LIMIT) })}</p> : null}
    </div>
  );
}
