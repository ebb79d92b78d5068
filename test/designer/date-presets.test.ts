import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_PRESETS, isCalendarDay, localToday, presetOf, presetRange } from '../../designer/src/reports/date-presets.js';

const day = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

describe('date-range presets', () => {
  it('give the calendar periods around a day', () => {
    expect(presetRange('thisMonth', '2026-11-24')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetRange('lastMonth', '2026-11-24')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetRange('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('thisQuarter', '2026-11-24')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetRange('thisQuarter', '2026-02-10')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetRange('thisYear', '2026-11-24')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetRange('thisMonth', '2028-02-29')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetRange('lastMonth', '2027-03-31')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(presetRange('custom', '2026-11-24')).toBeUndefined();
  });

  it('contain the day, start on the 1st and end on a month end, for any day', () => {
    fc.assert(
      fc.property(day, (today) => {
        for (const preset of ['thisMonth', 'thisQuarter', 'thisYear'] as const) {
          const range = presetRange(preset, today);
          expect(range && range.from <= today && today <= range.to, preset).toBe(true);
          expect(range?.from.endsWith('-01')).toBe(true);
          const end = new Date(`${range?.to}T00:00:00Z`);
          end.setUTCDate(end.getUTCDate() + 1);
          expect(end.getUTCDate()).toBe(1);
        }
        const last = presetRange('lastMonth', today);
        const thisMonth = presetRange('thisMonth', today);
        const after = new Date(`${last?.to}T00:00:00Z`);
        after.setUTCDate(after.getUTCDate() + 1);
        expect(after.toISOString().slice(0, 10)).toBe(thisMonth?.from);
      }),
    );
  });

  it('recognise the preset a range is, and call anything else custom', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...DATE_PRESETS.filter((preset) => preset !== 'custom')), (today, preset) => {
        expect(presetOf(presetRange(preset, today), today)).toBe(preset);
      }),
    );
    expect(presetOf({ from: '2026-11-02', to: '2026-11-30' }, '2026-11-24')).toBe('custom');
    expect(presetOf(undefined, '2026-11-24')).toBe('custom');
  });

  it('read today from the local clock as a calendar day', () => {
    expect(localToday(new Date(2026, 10, 24, 23, 59))).toBe('2026-11-24');
    expect(isCalendarDay(localToday())).toBe(true);
    expect(isCalendarDay('2026-1-2')).toBe(false);
  });
});
