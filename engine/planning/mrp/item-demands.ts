import type { DayNumber } from '../calendar/index.js';
import type { MrpDemand, MrpItem, PlanException } from '../generated/planning-types.js';
import { allocationOrder, mergedOrder } from './allocation-order.js';
import type { DemandBlock } from './demand-block.js';
import { DemandTable } from './demand-table.js';
import type { DemandRecord } from './item-records.js';
import { EPSILON, round6 } from './lot-sizing.js';
import { compareText, type MrpModel } from './mrp-model.js';
import { restSpan } from './supply-id-key.js';

/** Open sales orders and dependent demand (rank 1, demand-table.ts) before forecasts on the same day and priority; safety stock first. */
const ALLOCATION_RANK = { 'safety-stock': 0, 'sales-order': 1, forecast: 2 } as const;
const DEFAULT_PRIORITY = 100;

/**
 * An item's demands in allocation order: due day, then priority (lower first), then open sales
 * orders and dependent demand before forecasts, then id. Safety stock is a demand at the horizon
 * start ahead of all others, so the stock it holds is never handed out and the floor holds.
 */
export function itemDemands(model: MrpModel, item: MrpItem, incoming: readonly DemandBlock[], exceptions: PlanException[], previous?: DemandTable): DemandTable {
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
  const table = new DemandTable(records, incoming, restSpan(model));
  table.reorder((previous === undefined ? undefined : reusedOrder(table, previous)) ?? allocationOrder(table));
  return table;
}

/**
 * Net-change: a parent that was not replanned hands on the very block it did before, whose rows the
 * previous table has in allocation order already; only the other rows (own records, changed parents'
 * blocks) are sorted, and merged in. Undefined when most rows are new (a full sort is then cheaper).
 */
function reusedOrder(table: DemandTable, previous: DemandTable): Int32Array | undefined {
  const position = new Map<DemandBlock, number>();
  let offset = table.records.length;
  for (const block of table.blocks) {
    position.set(block, offset);
    offset += block.length;
  }
  const start = previous.blocks.map((block) => position.get(block) ?? -1);
  const isKept = new Uint8Array(table.length);
  const kept = new Int32Array(previous.length);
  let count = 0;
  for (let at = 0; at < previous.length; at++) {
    const source = previous.source[at]!;
    if (source === -1 || start[source]! === -1) continue;
    const index = start[source]! + previous.row[at]!;
    kept[count++] = index;
    isKept[index] = 1;
  }
  if (count * 2 < table.length) return undefined;
  const fresh = new Int32Array(table.length - count);
  for (let index = 0, at = 0; index < table.length; index++) if (isKept[index] === 0) fresh[at++] = index;
  return mergedOrder(table, kept.subarray(0, count), fresh);
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
