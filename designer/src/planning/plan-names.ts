import type { PlanLabels } from '../api/planning-types.js';
import { href } from '../routing/index.js';

export function itemName(labels: PlanLabels, id: string): string {
  return labels.items[id] ?? id;
}

export function salesOrderTitle(labels: PlanLabels, id: string): string {
  return labels.salesOrders[id]?.title ?? id;
}

/** The sales order's record page, when the plan knows its record. */
export function salesOrderHref(labels: PlanLabels, id: string): string | undefined {
  const recordId = labels.salesOrders[id]?.recordId;
  return recordId === undefined ? undefined : href({ page: 'record', form: 'sales-order', id: recordId });
}
