import type { BusinessCalendar } from '../definitions/generated/definition-types.js';
import { OrdoError } from '../errors/index.js';

export interface Duration {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

const DURATION = /^P(?!$)(?:(\d{1,4})D)?(?:T(?=\d)(?:(\d{1,5})H)?(?:(\d{1,6})M)?)?$/;

/** Reads the ISO 8601 subset the workflow meta-schema allows: days, hours, minutes. */
export function parseDuration(text: string): Duration {
  const match = DURATION.exec(text);
  if (match === null) throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `"${text}" is not a duration such as P2D or PT24H`);
  return { days: Number(match[1] ?? 0), hours: Number(match[2] ?? 0), minutes: Number(match[3] ?? 0) };
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The instant `duration` after `start`. In calendar time that is plain arithmetic. In business
 * time the clock runs only on working days (whole days, judged in the calendar's time zone) and a
 * non-working day is skipped whole: P1D from Friday 10:00 ends Monday 10:00, PT4H from Friday
 * 22:00 ends Monday 02:00. A start on a non-working day counts from the next working day's start.
 */
export function addDuration(start: Date, duration: Duration, calendar?: BusinessCalendar): Date {
  const minutes = (duration.days * 24 + duration.hours) * 60 + duration.minutes;
  if (calendar === undefined) return new Date(start.getTime() + minutes * MINUTE);
  const isWorkday = workdayTest(calendar);
  let at = start.getTime();
  while (!isWorkday(at)) at = startOfNextDay(at, calendar);
  let remaining = minutes * MINUTE;
  while (remaining > 0) {
    const dayEnd = startOfNextDay(at, calendar);
    const step = Math.min(remaining, dayEnd - at);
    at += step;
    remaining -= step;
    if (remaining > 0) {
      while (!isWorkday(at)) at = startOfNextDay(at, calendar);
    }
  }
  return new Date(at);
}

function zoneOf(calendar: BusinessCalendar): string {
  return calendar.timeZone ?? 'Asia/Shanghai';
}

/** The calendar date (YYYY-MM-DD) and ISO weekday of an instant in the calendar's zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function localDay(at: number, calendar: BusinessCalendar): { date: string; weekday: number } {
  const zone = zoneOf(calendar);
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
    formatters.set(zone, formatter);
  }
  const parts = formatter.formatToParts(new Date(at));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, weekday };
}

function workdayTest(calendar: BusinessCalendar): (at: number) => boolean {
  const workdays = new Set(calendar.workdays ?? [1, 2, 3, 4, 5]);
  const holidays = new Set(calendar.holidays ?? []);
  const extra = new Set(calendar.extraWorkdays ?? []);
  return (at) => {
    const { date, weekday } = localDay(at, calendar);
    if (extra.has(date)) return true;
    return workdays.has(weekday) && !holidays.has(date);
  };
}

/** Midnight that starts the next local day, found by stepping, so zone offsets need no table. */
function startOfNextDay(at: number, calendar: BusinessCalendar): number {
  const today = localDay(at, calendar).date;
  let low = at;
  let high = at + DAY + 2 * 60 * MINUTE;
  while (high - low > MINUTE) {
    const middle = Math.floor((low + high) / 2);
    if (localDay(middle, calendar).date === today) low = middle;
    else high = middle;
  }
  // The day starts on a whole minute in (low, high], and that interval is at most a minute long.
  return Math.floor(high / MINUTE) * MINUTE;
}
