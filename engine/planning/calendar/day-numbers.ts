const DAY_MS = 86_400_000;

/**
 * Planning works in whole days counted from 1970-01-01 (UTC). Integers compare, sort and index
 * arrays cheaply, where parsing date strings inside the netting loops would dominate a plan's time.
 */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO date (YYYY-MM-DD), or undefined when it is not a real calendar day. */
export function parseDay(text: string): DayNumber | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}

export function formatDay(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function dayOf(date: Date): DayNumber {
  return Math.floor(date.getTime() / DAY_MS);
}
