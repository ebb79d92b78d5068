import type { ScheduleResult, ScheduleWhatIfRequest, ScheduleWhatIfResult } from '../../generated/planning-types.js';
import { inRequest, invalid } from './compile-factory.js';
import { planFactory } from './plan-factory.js';
import { applyChanges } from './scenario-changes.js';

/**
 * `schedule.whatif`: plans the base request and a copy with the scenario's changes (a rush order, a
 * machine down, overtime, material late) with the same seed and limits, and compares them side by side.
 * Nothing is committed and the input is never changed: the scenario works on a deep copy.
 */
export function whatIf(input: ScheduleWhatIfRequest): ScheduleWhatIfResult {
  const { request: changed, problems } = applyChanges(input.request, input.changes);
  if (problems.length > 0) throw invalid(problems);
  const base = inRequest(() => planFactory(input.request));
  // A problem only the scenario has (a rush order no machine can do) is the changes' problem.
  const scenario = inRequest(
    () => planFactory(changed),
    () => '/changes',
  );
  return { base, scenario, comparison: compare(base, scenario) };
}

export function compare(base: ScheduleResult, scenario: ScheduleResult): ScheduleWhatIfResult['comparison'] {
  const finishes = new Map<string, { baseFinish?: string; scenarioFinish?: string }>();
  for (const order of base.orders) finishes.set(order.order, { baseFinish: order.finish });
  for (const order of scenario.orders) finishes.set(order.order, { ...finishes.get(order.order), scenarioFinish: order.finish });
  const orders = [...finishes].map(([order, { baseFinish, scenarioFinish }]) => ({
    order,
    ...(baseFinish === undefined ? {} : { baseFinish }),
    ...(scenarioFinish === undefined ? {} : { scenarioFinish }),
    ...(baseFinish === undefined || scenarioFinish === undefined
      ? {}
      : { deltaMinutes: Math.round((Date.parse(scenarioFinish) - Date.parse(baseFinish)) / 60_000) }),
  }));
  const centers = new Map<string, { base: number; scenario: number }>();
  for (const entry of base.kpis.utilisation) centers.set(entry.workCenter, { base: entry.utilisation, scenario: 0 });
  for (const entry of scenario.kpis.utilisation) centers.set(entry.workCenter, { base: centers.get(entry.workCenter)?.base ?? 0, scenario: entry.utilisation });
  return {
    weightedTardiness: { base: base.kpis.weightedTardiness, scenario: scenario.kpis.weightedTardiness },
    makespanMinutes: { base: base.kpis.makespanMinutes, scenario: scenario.kpis.makespanMinutes },
    ordersLate: { base: base.kpis.ordersLate.length, scenario: scenario.kpis.ordersLate.length },
    utilisation: [...centers].map(([workCenter, pair]) => ({ workCenter, ...pair })),
    orders,
  };
}
