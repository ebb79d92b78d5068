import type { MrpPlan, MrpScenario } from '../generated/planning-types.js';
import type { MrpChange } from './mrp-changes.js';
import { createModel } from './mrp-model.js';
import { applyChanges } from './net-change.js';
import { assemblePlan, createPlanState, planAll } from './plan-state.js';
import { scenarioProblems, throwIfProblems } from './scenario-checks.js';

/**
 * Regenerative MRP: plans every item of the scenario. The same scenario gives the same plan, byte for
 * byte, whatever the order of its arrays. Throws ORDO_ERR_MRP_SCENARIO_INVALID for data the checks
 * reject (validate untrusted input with validateMrpScenario first: this trusts the types).
 */
export function planMrp(scenario: MrpScenario): MrpPlan {
  throwIfProblems(scenarioProblems(scenario));
  const state = createPlanState(createModel(scenario));
  planAll(state);
  return assemblePlan(state);
}

/** Net-change planning over one scenario kept in memory. */
export interface MrpPlanner {
  /** The current plan (the regenerative plan of the scenario with every change so far applied). */
  plan(): MrpPlan;
  /**
   * Applies the changes and replans only what they reach. The result equals planMrp of the changed
   * scenario byte for byte, except that `summary.replannedItems` says how many items were recomputed.
   */
  apply(changes: readonly MrpChange[]): MrpPlan;
}

export function createMrpPlanner(scenario: MrpScenario): MrpPlanner {
  throwIfProblems(scenarioProblems(scenario));
  const state = createPlanState(createModel(scenario));
  planAll(state);
  let current = assemblePlan(state);
  return {
    plan: () => current,
    apply(changes) {
      const replanned = applyChanges(state, changes);
      current = assemblePlan(state, replanned);
      return current;
    },
  };
}
