import type { MrpPlan, MrpScenario } from '../generated/planning-types.js';
import type { ItemFragment } from './item-fragment.js';
import type { MrpChange } from './mrp-changes.js';
import { createModel } from './mrp-model.js';
import { applyChanges } from './net-change.js';
import { type MrpPlanHeadline, planHeadline } from './plan-headline.js';
import { assemblePlan, createPlanState, fragmentOf, planAll, type PlanState } from './plan-state.js';
import { scenarioProblems, throwIfProblems } from './scenario-checks.js';

/**
 * A plan as the planner keeps it: per item, its supplies, demands, allocations and pegs in the
 * planner's own arrays. The plan's records (millions of objects for a large factory) are made only on
 * request: all of them with toMrpPlan, one item's with itemPlan.
 */
export interface CompactMrpPlan {
  /** @internal the planner's state; read it through toMrpPlan and itemPlan. */
  readonly state: PlanState;
}

/**
 * Regenerative MRP without writing the plan out: plans every item of the scenario. Throws
 * ORDO_ERR_MRP_SCENARIO_INVALID for data the checks reject (validate untrusted input with
 * validateMrpScenario first: this trusts the types).
 */
export function planMrpCompact(scenario: MrpScenario): CompactMrpPlan {
  return planned(scenario, { rows: false, tables: false });
}

/** rows: each item's records are made as it is planned (for a plan written out in full); tables: its sorted demand is kept for net-change. */
function planned(scenario: MrpScenario, keep: { rows: boolean; tables: boolean }): CompactMrpPlan {
  throwIfProblems(scenarioProblems(scenario));
  const state = createPlanState(createModel(scenario), keep);
  planAll(state);
  return { state };
}

/**
 * The plan as the JSON of mrp-plan.schema.json. The same scenario gives the same plan, byte for byte,
 * whatever the order of its arrays.
 */
export function toMrpPlan(plan: CompactMrpPlan, replannedItems?: number): MrpPlan {
  return assemblePlan(plan.state, replannedItems);
}

/** One item's share of the plan (undefined for an item the scenario does not have). */
export function itemPlan(plan: CompactMrpPlan, item: string): ItemFragment | undefined {
  return fragmentOf(plan.state, item);
}

/** Regenerative MRP, written out: toMrpPlan(planMrpCompact(scenario)), with each item's records made as it is planned. */
export function planMrp(scenario: MrpScenario): MrpPlan {
  return toMrpPlan(planned(scenario, { rows: true, tables: false }));
}

/** Net-change planning over one scenario kept in memory. */
export interface MrpPlanner {
  /** The current plan (the regenerative plan of the scenario with every change so far applied). */
  plan(): MrpPlan;
  /**
   * The current plan's planned orders, reschedule messages, exceptions and summary (planHeadline).
   * Its records, and its arrays, are the planner's, which the next headline is made from: read them,
   * do not change them.
   */
  headline(): MrpPlanHeadline;
  /** The current plan, not written out. It changes with every update. */
  compact(): CompactMrpPlan;
  /** Applies the changes and replans only what they reach; returns how many items were replanned. */
  update(changes: readonly MrpChange[]): number;
  /**
   * update, then plan(). The result equals planMrp of the changed scenario byte for byte, except that
   * `summary.replannedItems` says how many items were recomputed.
   */
  apply(changes: readonly MrpChange[]): MrpPlan;
}

export interface MrpPlannerOptions {
  /**
   * Every plan will be written out in full (plan()): each item's records are then made while it is
   * planned, as planMrp does, rather than by planning the item again when written out.
   */
  readonly fullPlans?: boolean;
}

export function createMrpPlanner(scenario: MrpScenario, options: MrpPlannerOptions = {}): MrpPlanner {
  const compact = planned(scenario, { rows: options.fullPlans === true, tables: true });
  let replanned: number | undefined;
  let current: MrpPlan | undefined;
  let currentHeadline: MrpPlanHeadline | undefined;
  const planner: MrpPlanner = {
    plan: () => (current ??= toMrpPlan(compact, replanned)),
    headline: () => (currentHeadline ??= planHeadline(compact, replanned)),
    compact: () => compact,
    update(changes) {
      replanned = applyChanges(compact.state, changes);
      current = undefined;
      currentHeadline = undefined;
      return replanned;
    },
    apply(changes) {
      planner.update(changes);
      return planner.plan();
    },
  };
  return planner;
}
