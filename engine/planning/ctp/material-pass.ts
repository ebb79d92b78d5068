import type { DayNumber } from '../calendar/index.js';
import { bomAt, type ItemNode, type SubstituteOption } from './item-network.js';
import { grossOrderQty, productionLeadDays } from './lot-arithmetic.js';
import type { PreparedPlan } from './prepared-plan.js';
import type { PromiseLedger } from './promise-ledger.js';
import { newRequirement, sliceFor, type Requirement, type Slice } from './requirement.js';

/** Quantities below this are rounding noise of scrap and yield factors, not shortages. */
export const QTY_EPSILON = 1e-9;

export interface PromiseContext {
  readonly prepared: PreparedPlan;
  readonly ledger: PromiseLedger;
  readonly today: DayNumber;
}

export interface RequirementGraph {
  readonly root: Slice;
  /** Every requirement by low-level code: the ready pass walks them deepest first. */
  readonly levels: readonly Requirement[][];
}

/**
 * The backward, MRP-like pass for one line: level by level (low-level code order, so each item's
 * requirements are all known before it is netted), take free supply by each need date, then the
 * earliest later supply if no new order could beat it, else one new order offset by its lead time
 * whose BOM becomes the components' requirements at its start.
 */
export function explodeLine(context: PromiseContext, node: ItemNode, qty: number, needDay: DayNumber): RequirementGraph {
  const levels: Requirement[][] = Array.from({ length: context.prepared.network.maxLowLevelCode + 1 }, () => []);
  const plain: (Requirement | undefined)[] = new Array(context.prepared.network.items.length);
  const special = new Map<string, Requirement>();
  const require = (component: ItemNode | undefined, componentId: string, day: DayNumber, amount: number, phantom: boolean, substitutes: readonly SubstituteOption[], key: string) => {
    if (component === undefined) {
      const unknown = newRequirement(undefined, componentId, phantom, substitutes);
      unknown.source = 'unknown-item';
      const slice = sliceFor(unknown, day, amount);
      slice.remainder = amount;
      return slice;
    }
    // Items on a BOM cycle have no level to wait for: each need of one is netted on its own, at once.
    if (component.cyclic) {
      const cyclic = newRequirement(component, componentId, phantom, substitutes);
      const slice = sliceFor(cyclic, day, amount);
      net(context, cyclic);
      return slice;
    }
    // A phantom need and a need with substitutes are netted apart from the item's plain needs.
    const specialKey = phantom || key !== '' ? `${component.index}:${phantom ? 'p' : ''}:${key}` : undefined;
    let requirement = specialKey === undefined ? plain[component.index] : special.get(specialKey);
    if (requirement === undefined) {
      requirement = newRequirement(component, componentId, phantom, substitutes);
      if (specialKey === undefined) plain[component.index] = requirement;
      else special.set(specialKey, requirement);
      levels[component.lowLevelCode]!.push(requirement);
    }
    return sliceFor(requirement, day, amount);
  };

  const root = require(node, node.id, needDay, qty, false, [], '');
  for (const level of levels) {
    for (const requirement of level) {
      net(context, requirement);
      if (requirement.source !== 'make' && requirement.source !== 'phantom') continue;
      const bom = bomAt(requirement.node!, Math.max(context.today, requirement.startDay));
      for (const line of bom?.lines ?? []) {
        const amount = requirement.orderQty * line.qtyPerUnit;
        requirement.children.push(require(line.component, line.componentId, requirement.startDay, amount, line.phantom, line.substitutes, line.substituteKey));
      }
    }
  }
  return { root, levels };
}

function net(context: PromiseContext, requirement: Requirement): void {
  const { ledger, today, prepared } = context;
  const node = requirement.node!;
  requirement.slices.sort((a, b) => a.needDay - b.needDay);
  let remainder = 0;
  for (const slice of requirement.slices) {
    const consumeBy = Math.max(today, slice.needDay);
    const own = ledger.takeBy(node.index, consumeBy, slice.qty);
    slice.supplyDay = own.latestDay;
    let left = slice.qty - own.qty;
    for (const option of requirement.substitutes) {
      if (left <= QTY_EPSILON) break;
      if (option.component === undefined) continue;
      const taken = ledger.takeBy(option.component.index, consumeBy, left * option.ratio);
      left -= taken.qty / option.ratio;
      if (taken.latestDay > slice.supplyDay) {
        slice.supplyDay = taken.latestDay;
        slice.supplyItem = option.componentId;
      }
    }
    slice.remainder = left > QTY_EPSILON ? left : 0;
    if (slice.remainder > 0 && requirement.shortFrom === Infinity) requirement.shortFrom = slice.needDay;
    remainder += slice.remainder;
  }
  if (remainder === 0) return;

  if (requirement.phantom) {
    requirement.source = 'phantom';
    requirement.orderQty = remainder;
    requirement.startDay = requirement.shortFrom;
    return;
  }
  const make = node.item.makeBuy === 'make';
  const orderQty = make ? grossOrderQty(node, remainder) : remainder;
  const leadDays = productionLeadDays(node, orderQty);
  // No new order arrives before today plus the item's fixed lead time: later free supply that comes no later wins without
  // exploding anything. The fixed part, not the quantity's, keeps the choice monotone: more free stock never flips it to a later order.
  const cover = ledger.coverDay(node.index, Math.max(today, requirement.shortFrom), remainder);
  if (cover !== undefined && cover <= prepared.calendar.addWorkdays(today, node.item.leadTimeDays)) {
    ledger.takeBy(node.index, cover, remainder);
    requirement.source = 'later-supply';
    requirement.laterDay = cover;
    return;
  }
  requirement.orderQty = orderQty;
  requirement.leadDays = leadDays;
  if (!make) {
    requirement.source = 'buy';
    return;
  }
  requirement.source = node.cyclic ? 'bom-cycle' : 'make';
  requirement.startDay = prepared.calendar.subtractWorkdays(requirement.shortFrom, leadDays);
}
