/** The date-range presets of the parameter bar, in button order; `custom` keeps what the user typed. */
export const DATE_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'custom'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

/** Calendar days as `YYYY-MM-DD`, both ends included. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function day(year: number, month: number, date: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(date)}`;
}

/** The last day of a month (1-12): day 0 of the next month. */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(today: string): { year: number; month: number } {
  const match = DAY.exec(today);
  if (!match) throw new Error(`not a calendar day: ${today}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The range a preset stands for on the day `today`; undefined for `custom`. */
export function presetRange(preset: DatePreset, today: string): DateRange | undefined {
  const { year, month } = parts(today);
  switch (preset) {
    case 'thisMonth':
      return { from: day(year, month, 1), to: day(year, month, lastDay(year, month)) };
    case 'lastMonth': {
      const previousYear = month === 1 ? year - 1 : year;
      const previousMonth = month === 1 ? 12 : month - 1;
      return { from: day(previousYear, previousMonth, 1), to: day(previousYear, previousMonth, lastDay(previousYear, previousMonth)) };
    }
    case 'thisQuarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: day(year, first, 1), to: day(year, first + 2, lastDay(year, first + 2)) };
    }
    case 'thisYear':
      return { from: day(year, 1, 1), to: day(year, 12, 31) };
    case 'custom':
      return undefined;
  }
}

/** Which preset a range is on `today` (to light its button), `custom` when none. */
export function presetOf(range: Partial<DateRange> | undefined, today: string): DatePreset {
  for (const preset of DATE_PRESETS) {
    const candidate = presetRange(preset, today);
    if (candidate && range?.from === candidate.from && range.to === candidate.to) return preset;
  }
  return 'custom';
}

/**
 * Today's calendar day where the user is. The factory's reports bucket by Asia/Shanghai; a user
 * elsewhere still means their own "this month" when they click it.
 */
export function localToday(now: Date = new Date()): string {
  return day(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function isCalendarDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value);
}
