import type { DayNumber, WorkingCalendar } from '../calendar/index.js';
import type { RoutingStep } from './item-network.js';
import type { PromiseLedger } from './promise-ledger.js';

/** A promise further out than this is no promise: a work center without capacity stops the search here. */
export const SEARCH_DAYS = 2 * 366;
const HOURS_EPSILON = 1e-9;

export interface ScheduledOperations {
  /** The day the last operation's output is available (the working day after it finishes). */
  readonly ready: DayNumber;
  /** The work center whose load delayed its operation most (or, none delayed, whose operation took longest). */
  readonly limitingCenter: number;
  readonly limitingFinish: DayNumber;
  /** A work center ran out of search days: it has no free capacity at all. */
  readonly exhausted: boolean;
  /** The hours drawn, to tell what was free before them. */
  readonly drawn: readonly { readonly center: number; readonly day: DayNumber; readonly hours: number }[];
}

/** Working hours each work center must give an order of `qty`. */
export function hoursByCenter(steps: readonly RoutingStep[], qty: number): Map<number, number> {
  const hours = new Map<number, number>();
  for (const step of steps) {
    if (step.workCenterIndex < 0) continue;
    hours.set(step.workCenterIndex, (hours.get(step.workCenterIndex) ?? 0) + step.setupHours + step.runHoursPerUnit * qty);
  }
  return hours;
}

/**
 * Forward, operation after operation, from the day material is there: each operation takes the free
 * hours of its work center day by day until its hours are covered, drawing them in the ledger; the
 * next operation may go on the same day. Outsourced operations take their lead days.
 */
export function scheduleOperations(
  ledger: PromiseLedger,
  calendar: WorkingCalendar,
  dailyCapacity: (center: number) => number,
  steps: readonly RoutingStep[],
  qty: number,
  from: DayNumber,
): ScheduledOperations {
  let cursor = from;
  let ready = from;
  let limitingCenter = -1;
  let limitingFinish = from;
  let worstDelay = -1;
  let worstSpan = -1;
  let exhausted = false;
  const drawn: { center: number; day: DayNumber; hours: number }[] = [];
  const lastDay = from + SEARCH_DAYS;
  for (const step of steps) {
    if (step.outsourcedDays !== undefined) {
      cursor = calendar.addWorkdays(ready, step.outsourcedDays);
      ready = cursor;
      continue;
    }
    const hours = step.setupHours + step.runHoursPerUnit * qty;
    if (step.workCenterIndex < 0 || hours <= HOURS_EPSILON) continue;
    const start = cursor;
    let left = hours;
    let day = start;
    for (; ; day++) {
      day = ledger.nextOpenDay(step.workCenterIndex, day);
      if (day > lastDay) {
        day = lastDay;
        exhausted = true;
        break;
      }
      const free = ledger.freeHours(step.workCenterIndex, day);
      if (free > 0) {
        const use = Math.min(free, left);
        ledger.useHours(step.workCenterIndex, day, use);
        drawn.push({ center: step.workCenterIndex, day, hours: use });
        left -= use;
      }
      if (left <= HOURS_EPSILON) break;
      if (day >= lastDay) {
        exhausted = true;
        break;
      }
    }
    const capacity = dailyCapacity(step.workCenterIndex);
    // Working days taken beyond what an empty work center would need: the wait the plan's load caused.
    const delay = capacity > 0 ? calendar.workdaysBetween(start, day + 1) - Math.ceil(hours / capacity - HOURS_EPSILON) : Infinity;
    const span = day - start;
    if (exhausted || delay > worstDelay || (delay === worstDelay && span > worstSpan)) {
      worstDelay = delay;
      worstSpan = span;
      limitingCenter = step.workCenterIndex;
      limitingFinish = day;
    }
    cursor = day;
    ready = calendar.addWorkdays(day, 1);
    if (exhausted) break;
  }
  return { ready, limitingCenter, limitingFinish, exhausted, drawn };
}

/** Free hours of a work center over the working days [from, to). */
export function freeHoursBetween(ledger: PromiseLedger, center: number, from: DayNumber, to: DayNumber): number {
  let sum = 0;
  for (let day = from; day < to; day++) sum += ledger.freeHours(center, day);
  return sum;
}
