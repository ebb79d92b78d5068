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
 * The forward pass: deepest requirements first, each ready at the latest of the free supply it drew,
 * the later supply it waits for, or its new order (bought: today plus lead time; made: when its last
 * component is ready plus lead time, or later when its operations cannot get the hours). The limit
 * of the latest of these is kept, so the root's limit is the deepest cause on the critical path.
 * Requirements that end up late and could have been met by their need date say what was missing.
 */
export function readyPass(context: PromiseContext, graph: RequirementGraph): Need[] {
  const needs: Need[] = [];
  for (let level = graph.levels.length - 1; level >= 0; level--) for (const requirement of graph.levels[level]!) settle(context, requirement, needs);
  if (graph.root.limit === undefined) settle(context, graph.root, needs);
  return needs;
}

function settle(context: PromiseContext, requirement: Requirement, needs: Need[]): void {
  const { today, prepared, ledger } = context;
  const { calendar } = prepared;
  let ready = today;
  let limit: Limit = { kind: 'stock', item: requirement.itemId, date: today };
  const consider = (day: DayNumber, cause: Limit) => {
    if (day >= ready) {
      ready = day;
      limit = cause;
    }
  };
  if (requirement.supplyDay > today) consider(requirement.supplyDay, { kind: 'supply', item: requirement.supplyItem, date: requirement.supplyDay });
  else if (requirement.supplyDay > -Infinity) limit = { kind: 'stock', item: requirement.supplyItem, date: today };

  const lateAt = requirement.needDay >= today ? requirement.needDay : undefined;
  const short = (by: DayNumber) => needs.push({ kind: 'material', item: requirement.itemId, qty: requirement.remainder, by });
  switch (requirement.source) {
    case 'none':
      break;
    case 'unknown-item':
    case 'bom-cycle':
      consider(Infinity, { kind: requirement.source, item: requirement.itemId, date: Infinity });
      break;
    case 'later-supply':
      consider(requirement.laterDay, { kind: 'supply', item: requirement.itemId, date: requirement.laterDay });
      if (lateAt !== undefined && requirement.laterDay > lateAt) short(lateAt);
      break;
    case 'buy': {
      const arrives = calendar.addWorkdays(today, requirement.leadDays);
      consider(arrives, { kind: 'buy-lead-time', item: requirement.itemId, date: arrives, leadDays: Math.ceil(requirement.leadDays) });
      if (lateAt !== undefined && arrives > lateAt) short(lateAt);
      break;
    }
    case 'phantom':
    case 'make': {
      let materialReady = today;
      let materialLimit: Limit | undefined;
      for (const child of requirement.children) {
        // Unknown items and items on a BOM cycle sit on no level: they are settled where they are needed.
        if (child.limit === undefined) settle(context, child, needs);
        if (child.ready > materialReady) {
          materialReady = child.ready;
          materialLimit = child.limit;
        }
      }
      if (requirement.source === 'phantom' || materialReady === Infinity) {
        if (materialLimit !== undefined) consider(materialReady, materialLimit);
        break;
      }
      const node = requirement.node!;
      const windowFrom = Math.max(today, requirement.startDay);
      const windowHours =
        lateAt !== undefined && requirement.startDay >= today
          ? [...hoursByCenter(node.routing, requirement.orderQty)].map(([center, hours]) => ({ center, hours, free: freeHoursBetween(ledger, center, windowFrom, lateAt) }))
          : [];
      const made = calendar.addWorkdays(materialReady, requirement.leadDays);
      const operations = scheduleOperations(ledger, calendar, (center) => prepared.network.workCenters[center]!.dailyCapacityHours, node.routing, requirement.orderQty, materialReady);
      const ownLeadTime: Limit = { kind: 'make-lead-time', item: requirement.itemId, date: made, leadDays: Math.ceil(requirement.leadDays) };
      consider(made, materialLimit ?? ownLeadTime);
      if (operations.limitingCenter >= 0 && operations.ready > made) {
        const workCenter = prepared.network.workCenters[operations.limitingCenter]!.id;
        consider(operations.ready, { kind: operations.exhausted ? 'no-capacity' : 'capacity', item: requirement.itemId, workCenter, date: operations.limitingFinish });
      }
      if (lateAt === undefined || ready <= lateAt) break;
      if (requirement.startDay < today) short(lateAt);
      for (const { center, hours, free } of windowHours) {
        if (hours > free) needs.push({ kind: 'capacity', workCenter: prepared.network.workCenters[center]!.id, hours: hours - free, by: lateAt });
      }
      break;
    }
  }
  requirement.ready = ready;
  requirement.limit = limit;
}
