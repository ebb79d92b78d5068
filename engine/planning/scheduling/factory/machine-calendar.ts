import { parseDay } from '../../calendar/index.js';
import type { ShiftCalendar, TimeWindow } from '../../generated/planning-types.js';
import { minutesFrom } from './factory-time.js';

const DAY = 1440;
const CHUNK_DAYS = 28;
/** Calendars are expanded at most this far past the origin; work that cannot finish by then is refused. */
export const CALENDAR_LIMIT_DAYS = 3660;

export interface CalendarInput {
  readonly originMs: number;
  readonly utcOffsetMinutes: number;
  readonly calendar: ShiftCalendar;
  readonly extraWindows?: readonly TimeWindow[];
  readonly maintenance?: readonly TimeWindow[];
}

/**
 * One machine's working time in minutes from the origin: its calendar's weekly shifts (local time) minus
 * holidays, plus extra windows (overtime), minus maintenance. Expanded lazily, four weeks at a time, into
 * sorted disjoint intervals, so a far due date costs nothing until an operation actually reaches it.
 * An operation may stop at a break and continue in the next window (the usual APS rule): its work is
 * counted in working minutes only.
 */
export class MachineCalendar {
  /** Flat [start0, end0, start1, end1, ...], sorted and disjoint, covering [0, coveredUntil). */
  private readonly intervals: number[] = [];
  private coveredUntil = 0;
  private readonly shifts: Array<{ days: ReadonlySet<number>; from: number; to: number }>;
  private readonly holidays: ReadonlySet<number>;
  private readonly extra: ReadonlyArray<readonly [number, number]>;
  private readonly down: ReadonlyArray<readonly [number, number]>;
  /** Local day number of the origin and the local minute of the day the origin falls on. */
  private readonly originDay: number;
  private readonly originOffset: number;

  constructor(input: CalendarInput) {
    const window = (w: TimeWindow) => [minutesFrom(input.originMs, w.from), minutesFrom(input.originMs, w.to)] as const;
    this.shifts = input.calendar.shifts.map((shift) => {
      const from = clock(shift.from);
      const to = clock(shift.to);
      return { days: new Set(shift.days), from, to: to <= from ? to + DAY : to };
    });
    this.holidays = new Set((input.calendar.holidays ?? []).map((day) => parseDay(day) ?? Number.NaN));
    this.extra = [...(input.calendar.extraWindows ?? []), ...(input.extraWindows ?? [])].map(window).filter(([a, b]) => b > a);
    this.down = (input.maintenance ?? []).map(window).filter(([a, b]) => b > a);
    const localMs = input.originMs + input.utcOffsetMinutes * 60_000;
    this.originDay = Math.floor(localMs / 86_400_000);
    this.originOffset = Math.floor((localMs - this.originDay * 86_400_000) / 60_000);
  }

  /** Whether the calendar has any working minute within `days` days of the origin. */
  hasCapacity(days = CALENDAR_LIMIT_DAYS): boolean {
    this.extendTo(days * DAY);
    return this.intervals.length > 0;
  }

  /**
   * Where `work` working minutes placed at or after `earliest` start and end: the start is the first
   * working minute, the end the minute the work is done. Zero work takes no time and may sit anywhere.
   * Undefined when the calendar has not that much working time left before its limit.
   */
  place(earliest: number, work: number): { start: number; end: number } | undefined {
    if (work <= 0) return { start: earliest, end: earliest };
    let k = this.firstEndingAfter(earliest);
    if (k < 0) return undefined;
    const start = Math.max(this.intervals[k]!, earliest);
    let at = start;
    let left = work;
    for (;;) {
      // The last interval may run on into the next chunk: expand before trusting its end.
      while (k + 2 >= this.intervals.length && this.intervals[k + 1] === this.coveredUntil && this.extendTo(this.coveredUntil + CHUNK_DAYS * DAY));
      const end = this.intervals[k + 1]!;
      if (end - at >= left) return { start, end: at + left };
      left -= end - at;
      k += 2;
      while (k >= this.intervals.length) if (!this.extendTo(this.coveredUntil + CHUNK_DAYS * DAY)) return undefined;
      at = this.intervals[k]!;
    }
  }

  /** Working minutes in [from, to). */
  workingBetween(from: number, to: number): number {
    if (to <= from) return 0;
    this.extendTo(to);
    let total = 0;
    const first = this.firstEndingAfter(from);
    if (first < 0) return 0;
    for (let k = first; k >= 0 && k < this.intervals.length && this.intervals[k]! < to; k += 2) {
      total += Math.min(to, this.intervals[k + 1]!) - Math.max(from, this.intervals[k]!);
    }
    return total;
  }

  /** Index of the first interval ending after `minute`, extending the expansion as needed; -1 past the limit. */
  private firstEndingAfter(minute: number): number {
    while (this.intervals.length === 0 || this.intervals[this.intervals.length - 1]! <= minute) {
      if (!this.extendTo(Math.max(minute + 1, this.coveredUntil + CHUNK_DAYS * DAY))) {
        if (this.intervals.length === 0 || this.intervals[this.intervals.length - 1]! <= minute) return -1;
      }
    }
    let low = 0;
    let high = this.intervals.length / 2 - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.intervals[2 * mid + 1]! > minute) high = mid;
      else low = mid + 1;
    }
    return 2 * low;
  }

  /** Expands the intervals to cover [0, until); false when the limit stops it short. */
  private extendTo(until: number): boolean {
    const limit = CALENDAR_LIMIT_DAYS * DAY;
    while (this.coveredUntil < until) {
      if (this.coveredUntil >= limit) return false;
      const from = this.coveredUntil;
      const to = Math.min(limit, Math.max(until, from + CHUNK_DAYS * DAY));
      const found: Array<[number, number]> = [];
      const firstDay = Math.floor((from + this.originOffset) / DAY) - 1;
      const lastDay = Math.floor((to + this.originOffset) / DAY);
      for (let d = firstDay; d <= lastDay; d++) {
        const localDay = this.originDay + d;
        if (this.holidays.has(localDay)) continue;
        const weekday = ((((localDay + 3) % 7) + 7) % 7) + 1;
        const dayStart = d * DAY - this.originOffset;
        for (const shift of this.shifts) if (shift.days.has(weekday)) found.push([dayStart + shift.from, dayStart + shift.to]);
      }
      for (const window of this.extra) found.push([window[0], window[1]]);
      const clipped = subtract(merge(found.map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as [number, number]).filter(([a, b]) => b > a)), this.down);
      for (const [a, b] of clipped) {
        const n = this.intervals.length;
        if (n > 0 && this.intervals[n - 1] === a) this.intervals[n - 1] = b;
        else this.intervals.push(a, b);
      }
      this.coveredUntil = to;
    }
    return true;
  }
}

function clock(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

function merge(list: Array<[number, number]>): Array<[number, number]> {
  list.sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of list) {
    const last = out[out.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function subtract(list: Array<[number, number]>, holes: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  let out = list;
  for (const [h0, h1] of holes) {
    out = out.flatMap(([a, b]): Array<[number, number]> => {
      if (h1 <= a || h0 >= b) return [[a, b]];
      const parts: Array<[number, number]> = [];
      if (h0 > a) parts.push([a, h0]);
      if (h1 < b) parts.push([h1, b]);
      return parts;
    });
  }
  return out;
}
