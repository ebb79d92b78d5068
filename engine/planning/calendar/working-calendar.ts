import type { PlanningCalendar } from '../generated/planning-types.js';
import { type DayNumber, isoWeekday, parseDay } from './day-numbers.js';

const DEFAULT_WORKDAYS = [1, 2, 3, 4, 5];

/** Working-day arithmetic for lead-time offsets and capacity. */
export interface WorkingCalendar {
  isWorkday(day: DayNumber): boolean;
  /** The working day `count` working days before `day` (count 0: `day` itself). */
  subtractWorkdays(day: DayNumber, count: number): DayNumber;
  /** The working day `count` working days after `day` (count 0: `day` itself). */
  addWorkdays(day: DayNumber, count: number): DayNumber;
  /** `day` if it is a working day, else the next one. */
  nextWorkday(day: DayNumber): DayNumber;
  /** Working days in [from, to), negative when to < from. */
  workdaysBetween(from: DayNumber, to: DayNumber): number;
}

/**
 * A calendar with a table of working days precomputed around `[from, to]` (with a margin), so the
 * offsets MRP takes millions of are array lookups; outside the table it steps day by day.
 * Fractional counts are rounded up: a lead time of 2.5 days takes three working days.
 */
export function createWorkingCalendar(calendar: PlanningCalendar | undefined, from: DayNumber, to: DayNumber): WorkingCalendar {
  const weekdays = new Set(calendar?.workdays ?? DEFAULT_WORKDAYS);
  const holidays = new Set((calendar?.holidays ?? []).map(parseDay));
  const extra = new Set((calendar?.extraWorkdays ?? []).map(parseDay));
  const isWorkday = (day: DayNumber) => extra.has(day) || (weekdays.has(isoWeekday(day)) && !holidays.has(day));
  const anyWorkday = weekdays.size > 0 || extra.size > 0;

  const base = from - 3 * 366;
  const span = to - base + 6 * 366;
  // before[i]: working days in [base, base + i); workdayAt[k]: the k-th working day from base.
  const before = new Int32Array(span + 1);
  const workdayAt: number[] = [];
  for (let i = 0; i < span; i++) {
    const working = isWorkday(base + i);
    if (working) workdayAt.push(base + i);
    before[i + 1] = before[i]! + (working ? 1 : 0);
  }
  const inTable = (day: DayNumber) => day >= base && day < base + span;

  function step(day: DayNumber, count: number, direction: 1 | -1): DayNumber {
    if (!anyWorkday) return day + direction * count;
    let current = day;
    for (let left = count; left > 0; ) {
      current += direction;
      if (isWorkday(current)) left -= 1;
    }
    return current;
  }

  return {
    isWorkday,
    subtractWorkdays(day, count) {
      const whole = Math.ceil(count);
      if (whole <= 0) return day;
      if (inTable(day)) {
        const index = before[day - base]! - whole;
        if (index >= 0) return workdayAt[index]!;
      }
      return step(day, whole, -1);
    },
    addWorkdays(day, count) {
      const whole = Math.ceil(count);
      if (whole <= 0) return day;
      if (inTable(day)) {
        const index = before[day - base + 1]! - 1 + whole;
        if (index < workdayAt.length) return workdayAt[index]!;
      }
      return step(day, whole, 1);
    },
    nextWorkday(day) {
      if (!anyWorkday) return day;
      let current = day;
      while (!isWorkday(current)) current += 1;
      return current;
    },
    workdaysBetween(fromDay, toDay) {
      if (inTable(fromDay) && inTable(toDay)) return before[toDay - base]! - before[fromDay - base]!;
      const [low, high, sign] = fromDay <= toDay ? [fromDay, toDay, 1] : [toDay, fromDay, -1];
      let count = 0;
      for (let day = low; day < high; day++) if (isWorkday(day)) count += 1;
      return sign * count;
    },
  };
}
