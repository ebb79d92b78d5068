import type { DayNumber } from '../calendar/index.js';
import type { MrpDemand, MrpItem, PlanException } from '../generated/planning-types.js';
import { allocationOrder } from './allocation-order.js';
import { DemandTable, type Incoming } from './demand-table.js';
import type { DemandRecord } from './item-records.js';
import { type KeptDemand, patchKept } from './kept-table-patch.js';
import { EPSILON, round6 } from './lot-sizing.js';
import { compareText, type MrpModel } from './mrp-model.js';
import { restSpan } from './supply-id-key.js';

/** Open sales orders and dependent demand (rank 1, demand-table.ts) before forecasts on the same day and priority; safety stock first. */
const ALLOCATION_RANK = { 'safety-stock': 0, 'sales-order': 1, forecast: 2 } as const;
const DEFAULT_PRIORITY = 100;

/**
 * An item's demands in allocation order: due day, then priority (lower first), then open sales
 * orders and dependent demand before forecasts, then id. Safety stock is a demand at the horizon
 * start ahead of all others, so the stock it holds is never handed out and the floor holds. Given
 * the item's kept table, it is patched to these demands and becomes the table.
 */
export function itemDemands(model: MrpModel, item: MrpItem, incoming: readonly Incoming[], exceptions: PlanException[], previous?: KeptDemand): DemandTable {
  const records: DemandRecord[] = [];
  if ((item.safetyStock ?? 0) > EPSILON) {
    records.push(record(`SAFETY/${item.id}`, 'safety-stock', round6(item.safetyStock!), model.horizonStart, model.dayText(model.horizonStart), 0, undefined));
  }
  const sales: { demand: MrpDemand; due: DayNumber; qty: number }[] = [];
  const forecasts: { demand: MrpDemand; due: DayNumber; qty: number }[] = [];
  const own = [...(model.demandsByItem.get(item.id)?.values() ?? [])].sort((a, b) => compareText(a.id, b.id));
  for (const demand of own) {
    if (demand.status === 'cancelled') continue;
    const due = model.dayOf(demand.due);
    if (due > model.horizonEnd) {
      exceptions.push(outOfHorizon(item.id, demand, `${demand.id}: due ${demand.due}, after the horizon end ${model.scenario.horizon.end}; not planned`));
      continue;
    }
    if (due < model.horizonStart) {
      exceptions.push(outOfHorizon(item.id, demand, `${demand.id}: due ${demand.due}, before the horizon start; planned for ${model.scenario.horizon.start}`));
    }
    (demand.kind === 'forecast' ? forecasts : sales).push({ demand, due, qty: round6(demand.qty) });
  }
  consumeForecasts(model, sales, forecasts);
  for (const { demand, due, qty } of [...sales, ...forecasts]) {
    if (qty <= EPSILON) continue;
    const day = Math.max(due, model.horizonStart);
    records.push(record(demand.id, demand.kind, qty, day, demand.due, demand.priority ?? DEFAULT_PRIORITY, demand.salesOrder));
  }
  if (previous !== undefined && patchKept(previous.table, records, incoming, previous.diffs, model.orderCodes)) {
    return new DemandTable(records, incoming, model.orderCodes, restSpan(model), previous.table);
  }
  const table = new DemandTable(records, incoming, model.orderCodes, restSpan(model));
  table.reorder(allocationOrder(table));
  return table;
}

function record(
  id: string,
  kind: DemandRecord['kind'],
  qty: number,
  due: DayNumber,
  dueText: string,
  priority: number,
  salesOrder: string | undefined,
): DemandRecord {
  return {
    id,
    kind,
    qty,
    due,
    dueText,
    priority,
    rank: ALLOCATION_RANK[kind],
    salesOrder,
  };
}

/**
 * Sales orders consume the forecast of their period (from `periodStart`, or the day after the
 * previous forecast, to its due day), earliest forecast first; what is left of a forecast is planned.
 */
function consumeForecasts(model: MrpModel, sales: { due: DayNumber; qty: number; demand: MrpDemand }[], forecasts: { demand: MrpDemand; due: DayNumber; qty: number }[]): void {
  if (forecasts.length === 0 || sales.length === 0) return;
  forecasts.sort((a, b) => a.due - b.due || compareText(a.demand.id, b.demand.id));
  const ordered = [...sales].sort((a, b) => a.due - b.due || compareText(a.demand.id, b.demand.id));
  const left = ordered.map((sale) => sale.qty);
  let previous = -Infinity;
  for (const forecast of forecasts) {
    const from = forecast.demand.periodStart === undefined ? previous + 1 : model.dayOf(forecast.demand.periodStart);
    previous = forecast.due;
    ordered.forEach((sale, at) => {
      if (sale.due < from || sale.due > forecast.due || left[at]! <= EPSILON || forecast.qty <= EPSILON) return;
      const qty = Math.min(left[at]!, forecast.qty);
      left[at] = round6(left[at]! - qty);
      forecast.qty = round6(forecast.qty - qty);
    });
  }
}

function outOfHorizon(item: string, demand: MrpDemand, message: string): PlanException {
  return { type: 'out-of-horizon', item, demand: demand.id, date: demand.due, qty: demand.qty, ...(demand.salesOrder === undefined ? {} : { salesOrder: demand.salesOrder }), message };
}
