import type { DayNumber } from '../calendar/index.js';
import { bomAt, type ComponentLine, type ItemNode, type SubstituteOption } from './item-network.js';
import { grossOrderQty, productionLeadDays } from './lot-arithmetic.js';
import type { PreparedPlan } from './prepared-plan.js';
import type { PromiseLedger } from './promise-ledger.js';
import { newRequirement, type Requirement } from './requirement.js';

/** Quantities below this are rounding noise of scrap and yield factors, not shortages. */
export const QTY_EPSILON = 1e-9;

export interface PromiseContext {
  readonly prepared: PreparedPlan;
  readonly ledger: PromiseLedger;
  readonly today: DayNumber;
}

export interface RequirementGraph {
  readonly root: Requirement;
  /** Every requirement by low-level code: the ready pass walks them deepest first. */
  readonly levels: readonly Requirement[][];
}

/**
 * The backward, MRP-like pass for one line: level by level (low-level code order, so each item's
 * requirements are all known before it is netted), take free supply by the need date, then the
 * earliest later supply if no new order could beat it, else a new order offset by its lead time
 * whose BOM becomes the components' requirements at its start.
 */
export function explodeLine(context: PromiseContext, node: ItemNode, qty: number, needDay: DayNumber): RequirementGraph {
  const levels: Requirement[][] = Array.from({ length: context.prepared.network.maxLowLevelCode + 1 }, () => []);
  const byKey = new Map<string, Requirement>();
  const require = (component: ItemNode | undefined, componentId: string, day: DayNumber, amount: number, phantom: boolean, substitutes: readonly SubstituteOption[], key: string) => {
    if (component === undefined) {
      const unknown = newRequirement(undefined, componentId, day, amount, phantom, substitutes);
      unknown.source = 'unknown-item';
      return unknown;
    }
    const mapKey = `${component.index}:${day}:${phantom ? 'p' : ''}:${key}`;
    const existing = component.cyclic ? undefined : byKey.get(mapKey);
    if (existing !== undefined) {
      existing.qty += amount;
      return existing;
    }
    const requirement = newRequirement(component, componentId, day, amount, phantom, substitutes);
    byKey.set(mapKey, requirement);
    if (component.cyclic) net(context, requirement);
    else levels[component.lowLevelCode]!.push(requirement);
    return requirement;
  };

  const root = require(node, node.id, needDay, qty, false, [], '');
  for (const level of levels) {
    level.sort((a, b) => a.node!.index - b.node!.index || a.needDay - b.needDay);
    for (const requirement of level) {
      net(context, requirement);
      explode(context, requirement, (line, amount) =>
        requirement.children.push(require(line.component, line.componentId, requirement.startDay, amount, line.phantom, line.substitutes, line.substituteKey)),
      );
    }
  }
  return { root, levels };
}

function net(context: PromiseContext, requirement: Requirement): void {
  const { ledger, today, prepared } = context;
  const node = requirement.node!;
  const consumeBy = Math.max(today, requirement.needDay);
  const own = ledger.takeBy(node.index, consumeBy, requirement.qty);
  requirement.supplyDay = own.latestDay;
  let remaining = requirement.qty - own.qty;
  for (const option of requirement.substitutes) {
    if (remaining <= QTY_EPSILON) break;
    if (option.component === undefined) continue;
    const taken = ledger.takeBy(option.component.index, consumeBy, remaining * option.ratio);
    remaining -= taken.qty / option.ratio;
    if (taken.latestDay > requirement.supplyDay) {
      requirement.supplyDay = taken.latestDay;
      requirement.supplyItem = option.componentId;
    }
  }
  requirement.remainder = remaining > QTY_EPSILON ? remaining : 0;
  if (requirement.remainder === 0) return;

  if (requirement.phantom) {
    requirement.source = 'phantom';
    requirement.orderQty = requirement.remainder;
    requirement.startDay = requirement.needDay;
    return;
  }
  const make = node.item.makeBuy === 'make';
  const orderQty = make ? grossOrderQty(node, requirement.remainder) : requirement.remainder;
  const leadDays = productionLeadDays(node, orderQty);
  // A new order cannot arrive before today plus its lead time; later free supply that comes no later wins without exploding anything.
  const cover = ledger.coverDay(node.index, consumeBy, requirement.remainder);
  if (cover !== undefined && cover <= prepared.calendar.addWorkdays(today, leadDays)) {
    ledger.takeBy(node.index, cover, requirement.remainder);
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
  requirement.startDay = prepared.calendar.subtractWorkdays(requirement.needDay, leadDays);
}

function explode(context: PromiseContext, requirement: Requirement, add: (line: ComponentLine, amount: number) => void): void {
  if (requirement.source !== 'make' && requirement.source !== 'phantom') return;
  const bom = bomAt(requirement.node!, Math.max(context.today, requirement.startDay));
  for (const line of bom?.lines ?? []) add(line, requirement.orderQty * line.qtyPerUnit);
}
