export type GanttZoom = 'day' | 'week';
export const GANTT_ZOOMS: readonly GanttZoom[] = ['day', 'week'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A day zoom shows an operation of half an hour as a readable bar; a week zoom fits a week on a laptop screen. */
const PX_PER_HOUR: Readonly<Record<GanttZoom, number>> = { day: 40, week: 7 };
/** Hour ticks in the day zoom: every two hours keeps the labels apart at 40 px an hour. */
const HOUR_TICK = 2 * HOUR;

export interface DayBand {
  readonly at: number;
  readonly x: number;
  readonly width: number;
  /** ISO weekday in factory time, 1 = Monday. */
  readonly weekday: number;
}

export interface TimeScale {
  readonly zoom: GanttZoom;
  readonly utcOffsetMinutes: number;
  /** First and last instant drawn (ms since the epoch), whole factory days. */
  readonly start: number;
  readonly end: number;
  readonly width: number;
  readonly pxPerMinute: number;
  readonly days: readonly DayBand[];
  /** Hour ticks inside the days (day zoom only). */
  readonly hours: readonly { readonly at: number; readonly x: number }[];
}

/** Midnight in factory time at or before `ms`: shifts and holidays are the factory's days, not the viewer's. */
export function factoryDayStart(ms: number, utcOffsetMinutes: number): number {
  const shift = utcOffsetMinutes * MINUTE;
  return Math.floor((ms + shift) / DAY) * DAY - shift;
}

export function factoryWeekday(ms: number, utcOffsetMinutes: number): number {
  const day = new Date(ms + utcOffsetMinutes * MINUTE).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The horizontal scale of a Gantt from `from` to `to`, widened to whole factory days. */
export function timeScale(options: { from: number; to: number; zoom: GanttZoom; utcOffsetMinutes: number }): TimeScale {
  const { zoom, utcOffsetMinutes } = options;
  const start = factoryDayStart(options.from, utcOffsetMinutes);
  const end = Math.max(factoryDayStart(Math.max(options.to, options.from) - 1, utcOffsetMinutes) + DAY, start + DAY);
  const pxPerMinute = PX_PER_HOUR[zoom] / 60;
  const x = (at: number) => ((at - start) / MINUTE) * pxPerMinute;
  const days: DayBand[] = [];
  const hours: { at: number; x: number }[] = [];
  for (let at = start; at < end; at += DAY) {
    days.push({ at, x: x(at), width: (DAY / MINUTE) * pxPerMinute, weekday: factoryWeekday(at, utcOffsetMinutes) });
    if (zoom === 'day') for (let hour = at + HOUR_TICK; hour < at + DAY; hour += HOUR_TICK) hours.push({ at: hour, x: x(hour) });
  }
  return { zoom, utcOffsetMinutes, start, end, width: x(end), pxPerMinute, days, hours };
}

export function xOf(scale: TimeScale, at: number): number {
  return ((at - scale.start) / MINUTE) * scale.pxPerMinute;
}

/** The instant under `x`, rounded to `stepMinutes` (a drag snaps to a quarter of an hour). */
export function timeAt(scale: TimeScale, x: number, stepMinutes = 15): number {
  const step = stepMinutes * MINUTE;
  return Math.round((scale.start + (x / scale.pxPerMinute) * MINUTE) / step) * step;
}
