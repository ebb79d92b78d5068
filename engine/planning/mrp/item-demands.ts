import type { DayNumber } from '../calendar/index.js';
import type { MrpDemand, MrpItem, PlanException } from '../generated/planning-types.js';
import type { DependentDemand } from './dependent-demand.js';
import type { DemandRecord, SubstituteOption } from './item-records.js';
import { EPSILON, round6 } from './lot-sizing.js';
import { compareText, type MrpModel } from './mrp-model.js';

/** Open sales orders and dependent demand before forecasts on the same day and priority; safety stock first. */
export const ALLOCATION_RANK = { 'safety-stock': 0, 'sales-order': 1, dependent: 1, forecast: 2 } as const;
const DEFAULT_PRIORITY = 100;
const NO_SUBSTITUTES: readonly SubstituteOption[] = [];

/**
 * An item's demands in allocation order: due day, then priority (lower first), then open sales
 * orders and dependent demand before forecasts, then id. Safety stock is a demand at the horizon
 * start ahead of all others, so the stock it holds is never handed out and the floor holds.
 */
export function itemDemands(model: MrpModel, item: MrpItem, incoming: readonly DependentDemand[], exceptions: PlanException[]): DemandRecord[] {
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
  for (const dependent of incoming) records.push(dependent);
  sortForAllocation(records);
  return records;
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
    parentSupply: undefined,
    bomLine: undefined,
    phantom: false,
    substitutes: NO_SUBSTITUTES,
  };
}

export function byAllocationOrder(a: DemandRecord, b: DemandRecord): number {
  return bySlot(a, b) || compareText(a.id, b.id);
}

function bySlot(a: DemandRecord, b: DemandRecord): number {
  return a.due - b.due || a.priority - b.priority || a.rank - b.rank;
}

/**
 * Sorts in allocation order. A shared component gets thousands of demands on the same day and
 * priority, and comparing their ids is most of a full sort's cost; but its incoming demand arrives
 * parent by parent, mostly in id order already. So: a stable sort by day, priority and rank, then one
 * pass that sorts by id only the ties that are not in id order yet.
 */
export function sortForAllocation(records: DemandRecord[]): void {
  const slots = sortBySlot(records);
  let start = 0;
  for (let at = 1; at <= records.length; at++) {
    if (at < records.length && slots[at - 1] === slots[at]) continue;
    if (at - start > 1 && !idsAscending(records, start, at)) {
      const ties = records.slice(start, at).sort(byAllocationOrder);
      for (let index = start; index < at; index++) records[index] = ties[index - start]!;
    }
    start = at;
  }
}

// Priorities are integers 1 to 1000 (safety stock 0); three ranks.
const PRIORITIES = 1001;
const RANKS = 3;

/**
 * A stable sort by day, priority and rank. A comparator sort of objects costs a call and several
 * property loads per comparison; instead each record gets one number, its slot and then its index
 * (so equal slots keep their order), and a typed array of those sorts natively. Records whose slot
 * would not fit a double exactly (priorities out of the schema's range) take the comparator sort.
 * Returns each record's slot, for the pass that orders ties by id.
 */
function sortBySlot(records: DemandRecord[]): ArrayLike<number> {
  const count = records.length;
  let first = Infinity;
  let last = -Infinity;
  for (const record of records) {
    if (!Number.isInteger(record.priority) || record.priority < 0 || record.priority >= PRIORITIES) return sortByComparator(records);
    if (record.due < first) first = record.due;
    if (record.due > last) last = record.due;
  }
  if ((last - first + 1) * PRIORITIES * RANKS * count > Number.MAX_SAFE_INTEGER) return sortByComparator(records);
  const keys = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const record = records[index]!;
    keys[index] = (((record.due - first) * PRIORITIES + record.priority) * RANKS + record.rank) * count + index;
  }
  keys.sort();
  const before = records.slice();
  const slots = new Float64Array(count);
  for (let at = 0; at < count; at++) {
    const index = keys[at]! % count;
    records[at] = before[index]!;
    slots[at] = (keys[at]! - index) / count;
  }
  return slots;
}

/** Returns each record's slot as a number that is equal exactly for records in the same slot. */
function sortByComparator(records: DemandRecord[]): number[] {
  records.sort(bySlot);
  const slots: number[] = [];
  let slot = 0;
  for (let at = 0; at < records.length; at++) {
    if (at > 0 && bySlot(records[at - 1]!, records[at]!) !== 0) slot += 1;
    slots.push(slot);
  }
  return slots;
}

function idsAscending(records: readonly DemandRecord[], from: number, to: number): boolean {
  for (let at = from + 1; at < to; at++) if (idAfter(records[at - 1]!, records[at]!)) return false;
  return true;
}

/**
 * Whether a's id sorts after b's. A dependent demand's id is `${parentSupply}/${bomLine}`, freshly
 * concatenated, and the first comparison of such a string copies it; the parent supply ids are shared
 * by all of a parent's lines and already flat. Comparing those gives the same answer unless one is a
 * prefix of the other; only then are the ids themselves compared.
 */
function idAfter(a: DemandRecord, b: DemandRecord): boolean {
  const p = a.parentSupply;
  const q = b.parentSupply;
  if (p !== undefined && q !== undefined && p !== q && !p.startsWith(q) && !q.startsWith(p)) return p > q;
  return a.id > b.id;
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
