import type { ScheduleKpis, ScheduleWhatIfResult } from '../../../engine/planning/generated/planning-types.js';
import type { ScheduleLabels } from '../api/scheduling-types.js';

/** Better and worse from the factory's side: less tardiness, an earlier makespan, fewer late orders. */
export type Tone = 'better' | 'worse' | 'same' | 'neutral';

export type KpiKey = 'weightedTardiness' | 'makespan' | 'ordersLate' | 'utilisation';
export const KPI_KEYS: readonly KpiKey[] = ['weightedTardiness', 'makespan', 'ordersLate', 'utilisation'];

export interface KpiPair {
  readonly key: KpiKey;
  readonly base: number;
  readonly scenario: number;
  /** scenario - base; the makespan as minutes between the two finish times. */
  readonly delta: number;
  readonly tone: Tone;
}

/** Busy over available minutes summed over work centers: a big work center weighs more than a small one. */
export function overallUtilisation(kpis: ScheduleKpis): number {
  let busy = 0;
  let available = 0;
  for (const entry of kpis.utilisation) {
    busy += entry.busyMinutes;
    available += entry.availableMinutes;
  }
  return available > 0 ? busy / available : 0;
}

function lowerIsBetter(delta: number): Tone {
  if (delta === 0) return 'same';
  return delta < 0 ? 'better' : 'worse';
}

/**
 * The KPI strip's figures side by side. The makespan is compared as instants: two runs may start from
 * different origins, so their makespanMinutes are not comparable. Utilisation is shown without a
 * verdict: higher is neither good (overload) nor bad in itself.
 */
export function kpiPairs(base: ScheduleKpis, scenario: ScheduleKpis): KpiPair[] {
  const makespanDelta = Math.round((Date.parse(scenario.makespan) - Date.parse(base.makespan)) / 60_000);
  const utilisationBase = overallUtilisation(base);
  const utilisationScenario = overallUtilisation(scenario);
  return [
    { key: 'weightedTardiness', base: base.weightedTardiness, scenario: scenario.weightedTardiness, delta: scenario.weightedTardiness - base.weightedTardiness, tone: lowerIsBetter(scenario.weightedTardiness - base.weightedTardiness) },
    { key: 'makespan', base: Date.parse(base.makespan), scenario: Date.parse(scenario.makespan), delta: makespanDelta, tone: lowerIsBetter(makespanDelta) },
    { key: 'ordersLate', base: base.ordersLate.length, scenario: scenario.ordersLate.length, delta: scenario.ordersLate.length - base.ordersLate.length, tone: lowerIsBetter(scenario.ordersLate.length - base.ordersLate.length) },
    { key: 'utilisation', base: utilisationBase, scenario: utilisationScenario, delta: utilisationScenario - utilisationBase, tone: 'neutral' },
  ];
}

export interface UtilisationRow {
  readonly workCenter: string;
  readonly label: string;
  readonly base: number;
  readonly scenario: number;
}

/** Per work center, by code, as paired bars. */
export function utilisationRows(comparison: ScheduleWhatIfResult['comparison'], labels: ScheduleLabels): UtilisationRow[] {
  return comparison.utilisation
    .map((entry) => ({ workCenter: entry.workCenter, label: labels.workCenters[entry.workCenter]?.code ?? entry.workCenter, base: entry.base, scenario: entry.scenario }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export interface OrderDeltaRow {
  readonly order: string;
  readonly moNo: string;
  readonly itemName: string;
  readonly due: string | undefined;
  readonly baseFinish: string | undefined;
  readonly scenarioFinish: string | undefined;
  readonly deltaMinutes: number | undefined;
  /** In the scenario only (a rush order) or in the base only. */
  readonly only: 'scenario' | 'base' | undefined;
  readonly tone: Tone;
}

/**
 * Every order's finish in both schedules: orders the scenario adds or drops first, then the biggest
 * moves (later before earlier at the same size), then the orders that did not move, by order number.
 */
export function orderDeltaRows(comparison: ScheduleWhatIfResult['comparison'], labels: ScheduleLabels): OrderDeltaRow[] {
  const rows = comparison.orders.map((entry): OrderDeltaRow => {
    const only = entry.baseFinish === undefined ? 'scenario' : entry.scenarioFinish === undefined ? 'base' : undefined;
    return {
      order: entry.order,
      moNo: labels.orders[entry.order]?.moNo ?? entry.order,
      itemName: labels.orders[entry.order]?.itemName ?? '',
      due: labels.orders[entry.order]?.due,
      baseFinish: entry.baseFinish,
      scenarioFinish: entry.scenarioFinish,
      deltaMinutes: entry.deltaMinutes,
      only,
      tone: entry.deltaMinutes === undefined ? 'neutral' : lowerIsBetter(entry.deltaMinutes),
    };
  });
  const rank = (row: OrderDeltaRow) => (row.only !== undefined ? 0 : row.deltaMinutes === 0 ? 2 : 1);
  return rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Math.abs(b.deltaMinutes ?? 0) - Math.abs(a.deltaMinutes ?? 0) ||
      (b.deltaMinutes ?? 0) - (a.deltaMinutes ?? 0) ||
      a.moNo.localeCompare(b.moNo),
  );
}
