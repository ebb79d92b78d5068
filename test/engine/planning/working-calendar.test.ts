import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, formatDay, isoWeekday, parseDay } from '../../../engine/planning/index.js';

const day = (text: string) => parseDay(text)!;

describe('day numbers', () => {
  it('round-trip ISO dates and reject days that do not exist', () => {
    expect(formatDay(day('2026-11-24'))).toBe('2026-11-24');
    expect(isoWeekday(day('2026-11-24'))).toBe(2);
    expect(parseDay('2026-02-29')).toBeUndefined();
    expect(parseDay('2026-11-24T00:00:00Z')).toBeUndefined();
  });
});

describe('working calendar', () => {
  // 2026-10-01..07 are the National Day holidays; Sunday 2026-10-11 is a make-up working day (调休).
  const calendar = createWorkingCalendar(
    { workdays: [1, 2, 3, 4, 5], holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], extraWorkdays: ['2026-10-11'] },
    day('2026-01-01'),
    day('2026-12-31'),
  );

  it('offsets lead times over weekends, holidays and make-up days', () => {
    expect(formatDay(calendar.subtractWorkdays(day('2026-10-08'), 1))).toBe('2026-09-30');
    expect(formatDay(calendar.addWorkdays(day('2026-09-30'), 1))).toBe('2026-10-08');
    expect(formatDay(calendar.addWorkdays(day('2026-10-09'), 1))).toBe('2026-10-11');
    expect(formatDay(calendar.subtractWorkdays(day('2026-11-30'), 5))).toBe('2026-11-23');
    expect(formatDay(calendar.subtractWorkdays(day('2026-11-30'), 2.5))).toBe('2026-11-25');
    expect(formatDay(calendar.nextWorkday(day('2026-10-03')))).toBe('2026-10-08');
    expect(calendar.workdaysBetween(day('2026-09-28'), day('2026-10-12'))).toBe(6);
  });

  it('adding then subtracting working days returns to a working day, inside and outside the table', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('2020-01-01'), max: day('2033-12-31') }), fc.integer({ min: 0, max: 400 }), (start, count) => {
        const from = calendar.nextWorkday(start);
        const later = calendar.addWorkdays(from, count);
        expect(calendar.isWorkday(later)).toBe(true);
        expect(calendar.workdaysBetween(from, later)).toBe(count);
        expect(calendar.subtractWorkdays(later, count)).toBe(from);
      }),
    );
  });
});
