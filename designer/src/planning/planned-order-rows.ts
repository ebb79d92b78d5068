import type { PlannedOrder } from '../../../engine/planning/generated/planning-types.js';
import type { FirmedOrder, PlanLabels } from '../api/planning-types.js';
import { salesOrderResolver, type PlanIndex } from './plan-index.js';

/** A planned order as the table shows it: with its item's name, the sales orders it serves and whether it is short or firmed. */
export interface PlannedOrderRow {
  readonly order: PlannedOrder;
  readonly itemName: string;
  /** Its own sales order (order-specific supply) and those its pegged demands serve up the BOM. */
  readonly salesOrders: readonly string[];
  /** A demand it covers, or one of its own components, is short. */
  readonly short: boolean;
  readonly firmed: FirmedOrder | undefined;
}

export interface PlannedOrderFilter {
  /** Matched against the order id, the item id and the item name, ignoring case. */
  readonly text: string;
  readonly kind: 'all' | 'make' | 'buy';
  readonly salesOrder: string;
  /** Due dates, YYYY-MM-DD, inclusive; empty for no bound. */
  readonly dueFrom: string;
  readonly dueTo: string;
  readonly onlyShortages: boolean;
}

export const NO_FILTER: PlannedOrderFilter = { text: '', kind: 'all', salesOrder: '', dueFrom: '', dueTo: '', onlyShortages: false };

export const PLANNED_ORDER_SORT_KEYS = ['id', 'item', 'kind', 'qty', 'start', 'due'] as const;
export type PlannedOrderSortKey = (typeof PLANNED_ORDER_SORT_KEYS)[number];

export interface PlannedOrderSort {
  readonly key: PlannedOrderSortKey;
  readonly descending: boolean;
}

export function plannedOrderRows(index: PlanIndex, labels: PlanLabels, firmed: readonly FirmedOrder[]): PlannedOrderRow[] {
  const firmedById = new Map(firmed.map((entry) => [entry.plannedOrder, entry]));
  const salesOrdersOf = salesOrderResolver(index);
  return index.plan.plannedOrders.map((order) => {
    const salesOrders = new Set<string>();
    if (order.salesOrder !== undefined) salesOrders.add(order.salesOrder);
    let short = false;
    for (const peg of index.pegsBySupply.get(order.id) ?? []) {
      const demand = index.demandById.get(peg.demand);
      for (const salesOrder of salesOrdersOf(peg.demand)) salesOrders.add(salesOrder);
      if ((demand?.shortQty ?? 0) > 0) short = true;
    }
    if ((index.componentsBySupply.get(order.id) ?? []).some((component) => (component.shortQty ?? 0) > 0)) short = true;
    return { order, itemName: labels.items[order.item] ?? order.item, salesOrders: [...salesOrders].sort(), short, firmed: firmedById.get(order.id) };
  });
}

export function filterPlannedOrders(rows: readonly PlannedOrderRow[], filter: PlannedOrderFilter): PlannedOrderRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(({ order, itemName, salesOrders, short }) => {
    if (text && ![order.id, order.item, itemName].some((value) => value.toLowerCase().includes(text))) return false;
    if (filter.kind !== 'all' && order.kind !== filter.kind) return false;
    if (filter.salesOrder && !salesOrders.includes(filter.salesOrder)) return false;
    if (filter.dueFrom && order.due < filter.dueFrom) return false;
    if (filter.dueTo && order.due > filter.dueTo) return false;
    return !filter.onlyShortages || short;
  });
}

function sortValue(row: PlannedOrderRow, key: PlannedOrderSortKey): string | number {
  switch (key) {
    case 'item':
      return row.itemName;
    case 'qty':
      return row.order.qty;
    default:
      return row.order[key];
  }
}

/** Sorted by the column, then by id, so equal values keep one order whichever way the column runs. */
export function sortPlannedOrders(rows: readonly PlannedOrderRow[], sort: PlannedOrderSort): PlannedOrderRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, sort.key);
    const right = sortValue(b, sort.key);
    const byKey = typeof left === 'number' && typeof right === 'number' ? left - right : String(left).localeCompare(String(right));
    return byKey !== 0 ? sign * byKey : a.order.id.localeCompare(b.order.id);
  });
}

/** Clicking the sorted column turns it round; another column starts ascending. */
export function nextPlannedOrderSort(current: PlannedOrderSort, key: PlannedOrderSortKey): PlannedOrderSort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: false };
}
