import type { DayNumber, WorkingCalendar } from '../calendar/index.js';
import { parseDay } from '../calendar/index.js';
import type { MrpPlan } from '../generated/planning-types.js';
import type { ItemNetwork, ItemNode } from './item-network.js';
import { productionLeadDays } from './lot-arithmetic.js';

/** Hours each work center has left per day after the committed plan's production, from the horizon start. */
export interface CapacityLoad {
  readonly firstDay: DayNumber;
  /** Days in the tables: a promise searches no further. */
  readonly length: number;
  /** free[workCenter][day - firstDay]. */
  readonly free: readonly Float64Array[];
  /** open[workCenter][offset]: the first offset from `offset` on with any hours free, so full days are skipped in one step. */
  readonly open: readonly Int32Array[];
}

/** The tables run this far past the horizon end, so promises beyond the plan still find capacity. */
export const MARGIN_DAYS = 3 * 366;

/**
 * Planned make orders and open production orders load their routings' work centers, spread evenly
 * over the working days from start to due: the rough-cut view MRP itself implies, until the finite
 * scheduler's placements can be read instead.
 */
export function buildCapacityLoad(plan: MrpPlan, network: ItemNetwork, calendar: WorkingCalendar): CapacityLoad {
  const firstDay = parseDay(plan.horizon.start)!;
  const length = parseDay(plan.horizon.end)! - firstDay + 1 + MARGIN_DAYS;
  const free = network.workCenters.map((center) => {
    const table = new Float64Array(length);
    for (let offset = 0; offset < length; offset++) table[offset] = calendar.isWorkday(firstDay + offset) ? center.dailyCapacityHours : 0;
    return table;
  });

  const load = (node: ItemNode | undefined, qty: number, start: DayNumber, due: DayNumber) => {
    if (node === undefined || node.routing.length === 0) return;
    const from = Math.max(start, firstDay);
    const days: DayNumber[] = [];
    for (let day = from; day < due; day++) if (calendar.isWorkday(day)) days.push(day);
    if (days.length === 0) days.push(calendar.nextWorkday(from));
    for (const step of node.routing) {
      if (step.workCenterIndex < 0) continue;
      const perDay = (step.setupHours + step.runHoursPerUnit * qty) / days.length;
      const table = free[step.workCenterIndex]!;
      for (const day of days) if (day - firstDay < length) table[day - firstDay]! -= perDay;
    }
  };

  for (const order of plan.plannedOrders) {
    if (order.kind !== 'make') continue;
    load(network.byId.get(order.item), order.qty, parseDay(order.start)!, parseDay(order.due)!);
  }
  for (const supply of plan.supplies) {
    if (supply.kind !== 'production') continue;
    const node = network.byId.get(supply.item);
    const due = parseDay(supply.date)!;
    if (node !== undefined) load(node, supply.qty, calendar.subtractWorkdays(due, productionLeadDays(node, supply.qty)), due);
  }
  for (const table of free) for (let offset = 0; offset < length; offset++) if (table[offset]! < 0) table[offset] = 0;
  const open = free.map((table) => {
    const next = new Int32Array(length + 1);
    next[length] = length;
    for (let offset = length - 1; offset >= 0; offset--) next[offset] = table[offset]! > 0 ? offset : next[offset + 1]!;
    return next;
  });
  return { firstDay, length, free, open };
}
