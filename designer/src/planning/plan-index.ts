import type { MrpPlan, Peg, PlanDemand, PlanSupply } from '../../../engine/planning/generated/planning-types.js';

/** Lookups over one plan, built once: the pegging tree, the filters and "where used" all walk the same links. */
export interface PlanIndex {
  readonly plan: MrpPlan;
  readonly demandById: ReadonlyMap<string, PlanDemand>;
  readonly supplyById: ReadonlyMap<string, PlanSupply>;
  readonly pegsByDemand: ReadonlyMap<string, readonly Peg[]>;
  readonly pegsBySupply: ReadonlyMap<string, readonly Peg[]>;
  /** Dependent demands by the supply whose BOM needs them. */
  readonly componentsBySupply: ReadonlyMap<string, readonly PlanDemand[]>;
  /** Supplies with a past-due-start exception: they should have been released before the horizon start. */
  readonly pastDueStart: ReadonlySet<string>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexPlan(plan: MrpPlan): PlanIndex {
  const pegsByDemand = new Map<string, Peg[]>();
  const pegsBySupply = new Map<string, Peg[]>();
  for (const peg of plan.pegging) {
    push(pegsByDemand, peg.demand, peg);
    push(pegsBySupply, peg.supply, peg);
  }
  const componentsBySupply = new Map<string, PlanDemand[]>();
  for (const demand of plan.demands) {
    if (demand.parentSupply !== undefined) push(componentsBySupply, demand.parentSupply, demand);
  }
  const pastDueStart = new Set<string>();
  for (const exception of plan.exceptions) {
    if (exception.type === 'past-due-start' && exception.supply !== undefined) pastDueStart.add(exception.supply);
  }
  return {
    plan,
    demandById: new Map(plan.demands.map((demand) => [demand.id, demand])),
    supplyById: new Map(plan.supplies.map((supply) => [supply.id, supply])),
    pegsByDemand,
    pegsBySupply,
    componentsBySupply,
    pastDueStart,
  };
}

/** The sales orders the plan has demand for, in id order: the pegging tree's choices. */
export function plannedSalesOrders(plan: MrpPlan): string[] {
  const ids = new Set<string>();
  for (const demand of plan.demands) {
    if (demand.kind === 'sales-order' && demand.salesOrder !== undefined) ids.add(demand.salesOrder);
  }
  return [...ids].sort();
}

/** The order's own lines: the roots of its pegging tree. */
export function salesOrderDemands(plan: MrpPlan, salesOrder: string): string[] {
  return plan.demands.filter((demand) => demand.kind === 'sales-order' && demand.salesOrder === salesOrder).map((demand) => demand.id);
}

/**
 * The sales orders a demand serves at the top of the BOM: its own, or those of the demands pegged to the
 * supply whose BOM needs it. A supply shared by two orders passes both down. Memoised, as planned order
 * rows ask for every demand; a cyclic plan ends the walk instead of looping.
 */
export function salesOrderResolver(index: PlanIndex): (demandId: string) => readonly string[] {
  const known = new Map<string, readonly string[]>();
  const resolve = (demandId: string): readonly string[] => {
    const cached = known.get(demandId);
    if (cached) return cached;
    known.set(demandId, []);
    const demand = index.demandById.get(demandId);
    const orders = new Set<string>();
    if (demand?.salesOrder !== undefined) orders.add(demand.salesOrder);
    if (demand?.parentSupply !== undefined) {
      for (const peg of index.pegsBySupply.get(demand.parentSupply) ?? []) {
        for (const order of resolve(peg.demand)) orders.add(order);
      }
    }
    const result = [...orders].sort();
    known.set(demandId, result);
    return result;
  };
  return resolve;
}
