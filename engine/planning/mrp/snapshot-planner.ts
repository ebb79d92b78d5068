import type { MrpPlan, MrpScenario } from '../generated/planning-types.js';
import { createMrpPlanner, type MrpPlanner } from './mrp-planner.js';
import { scenarioChanges } from './scenario-changes.js';
import { scenarioProblems, throwIfProblems } from './scenario-checks.js';

/**
 * Plans successive snapshots of one factory, as a server does that reads its records afresh for
 * every request: the first in full, each later one by net-change from the one before when only
 * records changed (scenarioChanges), so one new order replans the items it reaches rather than the
 * whole factory. The plan equals planMrp of the snapshot byte for byte, except that a net-change
 * plan says in `summary.replannedItems` how many items it recomputed.
 */
export interface SnapshotPlanner {
  plan(scenario: MrpScenario): MrpPlan;
}

export function createSnapshotPlanner(): SnapshotPlanner {
  let current: { scenario: MrpScenario; planner: MrpPlanner } | undefined;
  return {
    plan(scenario) {
      throwIfProblems(scenarioProblems(scenario));
      const changes = current === undefined ? undefined : scenarioChanges(current.scenario, scenario);
      if (current === undefined || changes === undefined) {
        current = undefined;
        const planner = createMrpPlanner(scenario, { fullPlans: true });
        current = { scenario, planner };
        return planner.plan();
      }
      const { planner } = current;
      if (changes.length === 0) return planner.plan();
      // A change the planner refuses may leave it part way through: the next snapshot starts afresh.
      current = undefined;
      const plan = planner.apply(changes);
      current = { scenario, planner };
      return plan;
    },
  };
}
