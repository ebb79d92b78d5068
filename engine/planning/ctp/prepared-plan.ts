import { createWorkingCalendar, parseDay, type DayNumber, type WorkingCalendar } from '../calendar/index.js';
import type { MrpPlan, MrpScenario } from '../generated/planning-types.js';
import { buildCapacityLoad, type CapacityLoad } from './capacity-load.js';
import { buildSupplyIndex, type SupplyIndex } from './free-supply.js';
import { buildItemNetwork, type ItemNetwork } from './item-network.js';

/** What every promise against one committed plan reads: built once, never changed. */
export interface PreparedPlan {
  readonly scenario: MrpScenario;
  readonly plan: MrpPlan;
  readonly horizonStart: DayNumber;
  readonly calendar: WorkingCalendar;
  readonly network: ItemNetwork;
  readonly supplies: SupplyIndex;
  readonly capacity: CapacityLoad;
}

const prepared = new WeakMap<MrpPlan, PreparedPlan>();

/**
 * Indexing a 10k-item plan costs far more than one promise, and the sales desk asks many promises of
 * the same committed plan: the index lives as long as the plan object does.
 */
export function preparePlan(scenario: MrpScenario, plan: MrpPlan): PreparedPlan {
  const cached = prepared.get(plan);
  if (cached !== undefined && cached.scenario === scenario) return cached;
  const horizonStart = parseDay(plan.horizon.start)!;
  const calendar = createWorkingCalendar(scenario.calendar, horizonStart, parseDay(plan.horizon.end)!);
  const network = buildItemNetwork(scenario);
  const result: PreparedPlan = {
    scenario,
    plan,
    horizonStart,
    calendar,
    network,
    supplies: buildSupplyIndex(plan, network),
    capacity: buildCapacityLoad(plan, network, calendar),
  };
  prepared.set(plan, result);
  return result;
}
