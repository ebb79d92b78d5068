import type { ShiftCalendar } from '../../engine/planning/index.js';

/** The work-center form's shift patterns: shifts start at 08:00, 16:00 and 00:00 local time and last `hoursPerShift`. */
const PATTERNS: Readonly<Record<string, { days: number[]; starts: number[] }>> = {
  '1x8h-mon-fri': { days: [1, 2, 3, 4, 5], starts: [8 * 60] },
  '2x8h-mon-fri': { days: [1, 2, 3, 4, 5], starts: [8 * 60, 16 * 60] },
  '2x8h-mon-sat': { days: [1, 2, 3, 4, 5, 6], starts: [8 * 60, 16 * 60] },
  '3x8h-24x7': { days: [1, 2, 3, 4, 5, 6, 7], starts: [0, 8 * 60, 16 * 60] },
};
export const DEFAULT_SHIFT_PATTERN = '1x8h-mon-fri';
const DEFAULT_HOURS = 8;

/** A known pattern, else the form's default. */
export function shiftPattern(value: unknown): string {
  return typeof value === 'string' && Object.hasOwn(PATTERNS, value) ? value : DEFAULT_SHIFT_PATTERN;
}

/** Hours of one shift: at most 8, since shifts start 8 hours apart and must not overlap. */
export function shiftHours(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, 8) : DEFAULT_HOURS;
}

/** The calendar of a shift pattern with shifts of `hours`; its id names both, so work centers that share them share it. */
export function shiftCalendar(pattern: string, hours: number): ShiftCalendar {
  const { days, starts } = PATTERNS[pattern] ?? PATTERNS[DEFAULT_SHIFT_PATTERN]!;
  const length = Math.round(hours * 60);
  return {
    id: `${pattern}/${hours}h`,
    shifts: starts.map((from) => ({ days: [...days] as ShiftCalendar['shifts'][number]['days'], from: clock(from), to: clock((from + length) % 1440) })),
  };
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
