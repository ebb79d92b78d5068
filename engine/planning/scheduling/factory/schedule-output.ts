import type { PlannedOperation, ScheduleResult } from '../../generated/planning-types.js';
import type { FactoryModel } from './factory-model.js';
import type { FactoryTimes } from './decode-schedule.js';
import { isoAt } from './factory-time.js';

export interface FactoryCost {
  readonly weightedTardiness: number;
  readonly makespan: number;
  /** Each order's finish (its latest operation end) in minutes. */
  readonly finish: Int32Array;
}

export function factoryCost(model: FactoryModel, times: FactoryTimes): FactoryCost {
  const finish = new Int32Array(model.orders.length);
  let makespan = model.now;
  let weightedTardiness = 0;
  model.orders.forEach((order, o) => {
    let last = 0;
    for (let i = order.firstOp; i < order.firstOp + order.count; i++) last = Math.max(last, times.end[i]!);
    finish[o] = last;
    makespan = Math.max(makespan, last);
    if (order.due !== undefined && last > order.due) weightedTardiness += order.weight * (last - order.due);
  });
  return { weightedTardiness, makespan, finish };
}

/** Weighted tardiness first, makespan second. */
export function betterCost(a: FactoryCost, b: FactoryCost): boolean {
  return a.weightedTardiness < b.weightedTardiness || (a.weightedTardiness === b.weightedTardiness && a.makespan < b.makespan);
}

/** The schedule in the request's terms: ISO times, ids, late flags, order finishes and the KPIs. */
export function scheduleResult(model: FactoryModel, times: FactoryTimes, search?: ScheduleResult['search']): ScheduleResult {
  const cost = factoryCost(model, times);
  const at = (minute: number) => isoAt(model.originMs, minute);
  const operations: PlannedOperation[] = model.operations.map((operation, i) => {
    const order = model.orders[operation.order]!;
    const m = times.machine[i]!;
    const placed: PlannedOperation = {
      order: order.id,
      operation: operation.id,
      start: at(times.start[i]!),
      end: at(times.end[i]!),
      setupMinutes: times.setup[i]!,
      late: order.due !== undefined && times.end[i]! > order.due,
      fixed: operation.fixed !== undefined,
    };
    return m < 0 ? placed : { ...placed, workCenter: model.workCenters[model.machines[m]!.workCenter]!.id, machine: model.machines[m]!.id };
  });
  const orders = model.orders.map((order, o) => {
    const lateMinutes = order.due === undefined ? 0 : Math.max(0, cost.finish[o]! - order.due);
    return { order: order.id, finish: at(cost.finish[o]!), ...(order.due === undefined ? {} : { due: at(order.due) }), lateMinutes };
  });
  const busy = new Float64Array(model.workCenters.length);
  for (let i = 0; i < model.operations.length; i++) {
    const m = times.machine[i]!;
    if (m < 0) continue;
    const from = Math.max(model.now, times.start[i]!);
    const w = model.machines[m]!.workCenter;
    busy[w] = busy[w]! + model.machines[m]!.calendar.workingBetween(from, times.end[i]!);
  }
  const utilisation = model.workCenters.map((center, w) => {
    const available = center.machines.reduce((sum, m) => sum + model.machines[m]!.calendar.workingBetween(model.now, cost.makespan), 0);
    return {
      workCenter: center.id,
      busyMinutes: busy[w]!,
      availableMinutes: available,
      utilisation: available === 0 ? 0 : Math.round((busy[w]! / available) * 10_000) / 10_000,
    };
  });
  return {
    operations,
    orders,
    kpis: {
      weightedTardiness: cost.weightedTardiness,
      makespan: at(cost.makespan),
      makespanMinutes: cost.makespan,
      ordersLate: orders.filter((order) => order.lateMinutes > 0).map(({ order, lateMinutes }) => ({ order, lateMinutes })),
      utilisation,
    },
    ...(search === undefined ? {} : { search }),
  };
}
