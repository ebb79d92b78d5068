import type { BusinessCalendar } from '../definitions/generated/definition-types.js';
import { addDuration, parseDuration } from './durations.js';

const DAY = 86_400_000;

/**
 * A date field means the end of that day in the calendar's zone (China: UTC+8, no daylight saving);
 * a date-time field means that instant.
 */
export function fieldInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(Date.parse(`${value}T00:00:00+08:00`) + DAY - 1000);
  const parsed = Date.parse(value);
  return Number.isFinite(parsed) ? new Date(parsed) : undefined;
}

/** When a task or wait that starts `at` falls due: `after` a duration (in business time on the calendar) or at the date in `field`. */
export function dueInstant(
  spec: { after?: string; field?: string; businessTime?: boolean },
  record: Readonly<Record<string, unknown>>,
  calendar: BusinessCalendar | undefined,
  at: Date,
): Date | undefined {
  if (spec.after !== undefined) return addDuration(at, parseDuration(spec.after), spec.businessTime === true ? (calendar ?? {}) : undefined);
  return spec.field === undefined ? undefined : fieldInstant(record[spec.field]);
}

/** The reminder `remindBefore` a due time; undefined when that is not after `at` (a reminder in the past is never sent). */
export function remindInstant(due: Date, remindBefore: string | undefined, at: Date): Date | undefined {
  if (remindBefore === undefined) return undefined;
  const before = parseDuration(remindBefore);
  const remindAt = new Date(due.getTime() - ((before.days * 24 + before.hours) * 60 + before.minutes) * 60_000);
  return remindAt > at ? remindAt : undefined;
}
