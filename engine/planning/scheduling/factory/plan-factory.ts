import type { ScheduleRequest, ScheduleResult } from '../../generated/planning-types.js';
import type { Schedule } from '../model/index.js';
import { solveSchedule } from '../solve-schedule.js';
import { approximateShop } from './approximate-shop.js';
import { compileFactory } from './compile-factory.js';
import { decodeSchedule, sequencesByStart, type FactoryTimes } from './decode-schedule.js';
import type { FactoryModel } from './factory-model.js';
import { betterCost, factoryCost, scheduleResult } from './schedule-output.js';

/** Without limits, the search stops after this many iterations, so a call always ends and is repeatable. */
export const DEFAULT_FACTORY_ITERATIONS = 2000;

/**
 * `schedule.plan`: dispatch and tabu search on the stretched shop model (see approximateShop), then both
 * the dispatch schedule and the search's best decoded exactly on the calendars; the better of the two by
 * weighted tardiness, then makespan, is returned. Throws ORDO_ERR_SCHEDULE_MODEL_INVALID.
 */
export function planFactory(request: ScheduleRequest): ScheduleResult {
  const model = compileFactory(request);
  const { times, search } = solveFactory(model);
  return scheduleResult(model, times, search);
}

export function solveFactory(model: FactoryModel): { times: FactoryTimes; search: NonNullable<ScheduleResult['search']> } {
  const shop = approximateShop(model);
  const limits = model.request.limits ?? {};
  const seed = limits.seed ?? 1;
  const timeLimitMs = limits.timeLimitSeconds === undefined ? undefined : limits.timeLimitSeconds * 1000;
  const maxIterations = limits.maxIterations ?? (timeLimitMs === undefined ? DEFAULT_FACTORY_ITERATIONS : undefined);
  const objective = 'weighted-tardiness' as const;
  const dispatch = decodeApproximate(model, solveSchedule(shop, { objective, seed, maxIterations: 0 }).schedule);
  const searched = solveSchedule(shop, { objective, seed, maxIterations, timeLimitMs });
  const best = decodeApproximate(model, searched.schedule);
  const dispatchCost = factoryCost(model, dispatch);
  const chosen = betterCost(factoryCost(model, best), dispatchCost) ? 'search' : 'dispatch';
  return {
    times: chosen === 'search' ? best : dispatch,
    search: {
      dispatchWeightedTardiness: dispatchCost.weightedTardiness,
      dispatchMakespanMinutes: dispatchCost.makespan,
      iterations: searched.iterations,
      chosen,
    },
  };
}

/** The machine sequences of a schedule of the stretched model, decoded on the calendars. */
export function decodeApproximate(model: FactoryModel, schedule: Schedule): FactoryTimes {
  const n = model.operations.length;
  const machine = new Int32Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (const placed of schedule.operations) {
    const i = model.orders[placed.job]!.firstOp + placed.op;
    machine[i] = placed.machine < model.machines.length ? placed.machine : -1;
    start[i] = placed.start;
    end[i] = placed.end;
  }
  const times = decodeSchedule(model, { machine, sequences: sequencesByStart(model, machine, start, end) });
  // Sorting a feasible schedule by start (ties in precedence order) cannot close a cycle.
  if (times === undefined) throw new Error('machine sequences taken from a feasible schedule contradict the precedences');
  return times;
}
