import type { MrpItem, MrpStock, PlanException } from '../generated/planning-types.js';
import type { SupplyRecord } from './item-records.js';
import { round6 } from './lot-sizing.js';
import { compareText, isCancelledOrder, type MrpModel } from './mrp-model.js';
import { sequenceKey } from './supply-id-key.js';

/**
 * An item's existing supply in consumption order: stock (at the horizon start), then open orders by
 * the day they are available and id. Reservations to a cancelled sales order are dropped here, so the
 * material is free for others, and each release is reported.
 */
export function itemSupplies(model: MrpModel, itemId: string, exceptions: PlanException[]): SupplyRecord[] {
  const records: SupplyRecord[] = [];
  const stock = [...(model.stockByItem.get(itemId) ?? [])].sort(byStockKey);
  const stockPrefix = `STOCK/${itemId}/`;
  stock.forEach((row, at) => {
    const released = isCancelledOrder(model, row.salesOrder);
    records.push({
      id: `${stockPrefix}${at + 1}`,
      idPrefix: stockPrefix,
      idRest: sequenceKey(at + 1),
      kind: 'stock',
      qty: round6(row.qty),
      date: model.horizonStart,
      due: model.horizonStart,
      salesOrder: released ? undefined : row.salesOrder,
      releasedFrom: released ? row.salesOrder : undefined,
      movable: false,
      open: false,
      left: round6(row.qty),
      lot: row.lot,
      location: row.location,
      planned: undefined,
    });
  });
  const open = [...(model.suppliesByItem.get(itemId)?.values() ?? [])].map((supply) => ({ supply, due: model.dayOf(supply.due) }));
  open.sort((a, b) => Math.max(a.due, model.horizonStart) - Math.max(b.due, model.horizonStart) || compareText(a.supply.id, b.supply.id));
  for (const { supply, due } of open) {
    const released = isCancelledOrder(model, supply.salesOrder);
    records.push({
      id: supply.id,
      idPrefix: `${supply.id}/`,
      idRest: 0,
      kind: supply.kind,
      qty: round6(supply.qty),
      date: Math.max(due, model.horizonStart),
      due,
      salesOrder: released ? undefined : supply.salesOrder,
      releasedFrom: released ? supply.salesOrder : undefined,
      movable: supply.firm !== true,
      open: true,
      left: round6(supply.qty),
      lot: undefined,
      location: undefined,
      planned: undefined,
    });
  }
  for (const record of records) {
    if (record.releasedFrom === undefined) continue;
    exceptions.push({
      type: 'released-by-cancellation',
      item: itemId,
      supply: record.id,
      salesOrder: record.releasedFrom,
      qty: record.qty,
      message: `${record.id}: ${record.qty} of ${itemId} reserved to the cancelled sales order ${record.releasedFrom} is free for other demand`,
    });
  }
  return records;
}

function byStockKey(a: MrpStock, b: MrpStock): number {
  return (
    compareText(a.salesOrder ?? '', b.salesOrder ?? '') ||
    compareText(a.lot ?? '', b.lot ?? '') ||
    compareText(a.location ?? '', b.location ?? '') ||
    a.qty - b.qty
  );
}

/**
 * Start = due minus the lead time in working days (fixed + per unit, rounded up). A start before the
 * horizon start is moved to it and the order is due when that start allows: proposed late, so the
 * planner still sees what to order, with the demands it serves marked short.
 */
export function plannedDates(model: MrpModel, item: MrpItem, record: SupplyRecord): void {
  const detail = record.planned!;
  const leadTime = Math.ceil(round6(item.leadTimeDays + (item.leadTimePerUnitDays ?? 0) * detail.orderQty));
  const start = model.calendar.subtractWorkdays(detail.need, leadTime);
  if (start >= model.horizonStart) {
    detail.start = start;
    detail.pastDue = false;
    record.date = detail.need;
    return;
  }
  detail.start = model.horizonStart;
  detail.pastDue = true;
  record.date = Math.max(detail.need, model.calendar.addWorkdays(model.horizonStart, leadTime));
}
