import type { Locale } from '../../../engine/errors/index.js';
import type { PlanException } from '../../../engine/planning/generated/planning-types.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { translate } from '../i18n/translate.js';
import type { PlanIndex } from './plan-index.js';

/** Shortages first (they stop orders), then late releases, then data problems; within a type by date, then item. */
const TYPE_ORDER: readonly PlanException['type'][] = [
  'shortage',
  'past-due-start',
  'missing-bom',
  'missing-routing',
  'unknown-item',
  'bom-cycle',
  'out-of-horizon',
  'released-by-cancellation',
];

export function sortExceptions(exceptions: readonly PlanException[]): PlanException[] {
  return [...exceptions].sort(
    (a, b) =>
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || (a.date ?? '').localeCompare(b.date ?? '') || (a.item ?? '').localeCompare(b.item ?? ''),
  );
}

/**
 * The exception in the user's language, built from its fields: the plan's `message` is English for
 * logs. A field the type should carry but does not shows as a dash rather than as `{name}`.
 */
export function exceptionText(exception: PlanException, locale: Locale, itemName: (id: string) => string): string {
  const missing = '—';
  return translate(locale, `planning.exception.${exception.type}`, {
    item: exception.item === undefined ? missing : itemName(exception.item),
    items: (exception.items ?? []).map(itemName).join(' → ') || missing,
    qty: exception.qty === undefined ? missing : formatNumber(exception.qty, locale),
    date: exception.date === undefined ? missing : formatDate(exception.date, locale),
    supply: exception.supply ?? missing,
    demand: exception.demand ?? missing,
  });
}

/**
 * The customer orders an exception concerns: its own sales order, else those its demand serves up the
 * BOM, else those of the demands its supply is pegged to. A shortage deep in the BOM names the orders it delays.
 */
export function exceptionSalesOrders(exception: PlanException, index: PlanIndex, salesOrdersOf: (demandId: string) => readonly string[]): string[] {
  if (exception.salesOrder !== undefined) return [exception.salesOrder];
  const orders = new Set<string>();
  if (exception.demand !== undefined) for (const order of salesOrdersOf(exception.demand)) orders.add(order);
  if (exception.supply !== undefined) {
    for (const peg of index.pegsBySupply.get(exception.supply) ?? []) for (const order of salesOrdersOf(peg.demand)) orders.add(order);
  }
  return [...orders].sort();
}
