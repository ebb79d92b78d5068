import type { DayNumber } from '../calendar/index.js';
import { freeHoursBetween, hoursByCenter, scheduleOperations } from './capacity-schedule.js';
import type { PromiseContext, RequirementGraph } from './material-pass.js';
import type { Limit, Requirement } from './requirement.js';

export interface Need {
  readonly kind: 'material' | 'capacity';
  readonly item?: string;
  readonly workCenter?: string;
  readonly qty?: number;
  readonly hours?: number;
  readonly by: DayNumber;
}

/**
 * The forward pass: deepest requirements first. A new order is ready when bought (today plus its
 * lead time), or when made (its last component slice ready plus its lead time, later if its
 * operations cannot get the hours); the later supply it waits for, when that was the choice. Each
 * slice is then ready at the latest of the free supply it drew and, if it needed the order, the
 * order. The limit of the latest cause is kept, so the root's limit is the deepest cause on the
 * critical path. Slices that end up late, though their need date was still reachable, say what was
 * missing.
 */
export function readyPass(context: PromiseContext, graph: RequirementGraph): Need[] {
  const needs: Need[] = [];
  for (let level = graph.levels.length - 1; level >= 0; level--) for (const requirement of graph.levels[level]!) settle(context, requirement, needs);
  if (!graph.root.owner.settled) settle(context, graph.root.owner, needs);
  return needs;
}

function settle(context: PromiseContext, requirement: Requirement, needs: Need[]): void {
  requirement.settled = true;
  settleOrder(context, requirement, needs);
  const { today, prepared } = context;
  const inStock: Limit = { kind: 'stock', item: requirement.itemId, date: today };
  for (const slice of requirement.slices) {
    let ready = today;
    let limit = slice.supplyItem === requirement.itemId ? inStock : { ...inStock, item: slice.supplyItem };
    if (slice.supplyDay > today) {
      ready = slice.supplyDay;
      limit = { kind: 'supply', item: slice.supplyItem, date: slice.supplyDay };
    }
    if (slice.remainder > 0 && requirement.orderReady >= ready) {
      ready = requirement.orderReady;
      limit = requirement.orderLimit!;
    }
    slice.ready = ready;
    slice.limit = limit;
    if (slice.remainder === 0 || slice.needDay < today || requirement.orderReady <= slice.needDay) continue;
    const tooLate = requirement.source !== 'make' || prepared.calendar.subtractWorkdays(slice.needDay, requirement.leadDays) < today;
    if (tooLate && requirement.source !== 'phantom') needs.push({ kind: 'material', item: requirement.itemId, qty: slice.remainder, by: slice.needDay });
  }
}

function settleOrder(context: PromiseContext, requirement: Requirement, needs: Need[]): void {
  const { today, prepared, ledger } = context;
  const { calendar } = prepared;
  const order = (day: DayNumber, limit: Limit) => {
    requirement.orderReady = day;
    requirement.orderLimit = limit;
  };
  switch (requirement.source) {
    case 'none':
      return;
    case 'unknown-item':
    case 'bom-cycle':
      return order(Infinity, { kind: requirement.source, item: requirement.itemId, date: Infinity });
    case 'later-supply':
      return order(requirement.laterDay, { kind: 'supply', item: requirement.itemId, date: requirement.laterDay });
    case 'buy': {
      const arrives = calendar.addWorkdays(today, requirement.leadDays);
      return order(arrives, { kind: 'buy-lead-time', item: requirement.itemId, date: arrives, leadDays: Math.ceil(requirement.leadDays) });
    }
    case 'phantom':
    case 'make':
      break;
  }
  let materialReady = today;
  let materialLimit: Limit | undefined;
  for (const child of requirement.children) {
    // Unknown items and items on a BOM cycle sit on no level: they are settled where they are needed.
    if (!child.owner.settled) settle(context, child.owner, needs);
    if (child.ready > materialReady) {
      materialReady = child.ready;
      materialLimit = child.limit;
    }
  }
  if (requirement.source === 'phantom' || materialReady === Infinity) {
    return order(materialReady, materialLimit ?? { kind: 'stock', item: requirement.itemId, date: today });
  }

  const node = requirement.node!;
  const due = requirement.shortFrom;
  const made = calendar.addWorkdays(materialReady, requirement.leadDays);
  order(made, materialLimit ?? { kind: 'make-lead-time', item: requirement.itemId, date: made, leadDays: Math.ceil(requirement.leadDays) });
  const operations = scheduleOperations(ledger, calendar, (center) => prepared.network.workCenters[center]!.dailyCapacityHours, node.routing, requirement.orderQty, materialReady);
  if (operations.limitingCenter >= 0 && operations.ready > made) {
    const workCenter = prepared.network.workCenters[operations.limitingCenter]!.id;
    order(operations.ready, { kind: operations.exhausted ? 'no-capacity' : 'capacity', item: requirement.itemId, workCenter, date: operations.limitingFinish });
  }
  if (requirement.orderReady <= due || due < today || requirement.startDay < today) return;
  // Hours missing between the order's start and its due date, measured as they were before this order drew on them.
  for (const [center, hours] of hoursByCenter(node.routing, requirement.orderQty)) {
    let free = freeHoursBetween(ledger, center, requirement.startDay, due);
    for (const draw of operations.drawn) if (draw.center === center && draw.day >= requirement.startDay && draw.day < due) free += draw.hours;
    if (hours > free) needs.push({ kind: 'capacity', workCenter: prepared.network.workCenters[center]!.id, hours: hours - free, by: due });
  }
}
