import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../../engine/definitions/index.js';
import { addDuration, parseDuration, type Duration } from '../../../engine/workflows/index.js';
import { errorOf } from './workflow-fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

/** An instant given as Shanghai wall-clock time (UTC+8, no daylight saving). */
const local = (wallClock: string) => new Date(Date.parse(`${wallClock}Z`) - SHANGHAI);
const iso = (date: Date) => new Date(date.getTime() + SHANGHAI).toISOString().slice(0, 16);

// 2026-11-27 is a Friday.
const calendar: BusinessCalendar = { timeZone: 'Asia/Shanghai', workdays: [1, 2, 3, 4, 5] };

describe('parseDuration', () => {
  it('reads days, hours and minutes', () => {
    expect(parseDuration('P2D')).toEqual({ days: 2, hours: 0, minutes: 0 });
    expect(parseDuration('PT24H')).toEqual({ days: 0, hours: 24, minutes: 0 });
    expect(parseDuration('P1DT4H30M')).toEqual({ days: 1, hours: 4, minutes: 30 });
    expect(parseDuration('PT90M')).toEqual({ days: 0, hours: 0, minutes: 90 });
    expect(parseDuration('P9999DT99999H999999M')).toEqual({ days: 9999, hours: 99999, minutes: 999999 });
  });

  it.each(['', 'P', 'PT', 'P1H', '1D', 'P1W', 'P1Y', 'P-1D', 'PT1.5H', 'P1DT', 'p1d', 'P10000D', ' P1D'])('refuses %j', (text) => {
    expect(errorOf(() => parseDuration(text)).code).toBe('ORDO_ERR_REQUEST_INVALID');
  });
});

describe('addDuration', () => {
  const d = (text: string): Duration => parseDuration(text);

  it('in calendar time is plain arithmetic, weekends included', () => {
    expect(iso(addDuration(local('2026-11-27T10:00'), d('P1D')))).toBe('2026-11-28T10:00');
    expect(iso(addDuration(local('2026-11-27T22:00'), d('PT4H')))).toBe('2026-11-28T02:00');
    expect(iso(addDuration(local('2026-11-27T22:00'), d('P1DT1H30M')))).toBe('2026-11-28T23:30');
  });

  it('in business time skips the weekend whole', () => {
    expect(iso(addDuration(local('2026-11-27T10:00'), d('P1D'), calendar))).toBe('2026-11-30T10:00');
    expect(iso(addDuration(local('2026-11-27T22:00'), d('PT4H'), calendar))).toBe('2026-11-30T02:00');
    expect(iso(addDuration(local('2026-11-26T10:00'), d('P1D'), calendar))).toBe('2026-11-27T10:00');
    expect(iso(addDuration(local('2026-11-27T10:00'), d('P5D'), calendar))).toBe('2026-12-04T10:00');
  });

  it('counts a start on a non-working day from the next working day\'s start', () => {
    expect(iso(addDuration(local('2026-11-28T15:00'), d('PT2H'), calendar))).toBe('2026-11-30T02:00');
    expect(iso(addDuration(local('2026-11-29T23:59'), d('P1D'), calendar))).toBe('2026-12-01T00:00');
  });

  it('skips holidays and works extra workdays (调休)', () => {
    const holiday: BusinessCalendar = { ...calendar, holidays: ['2026-11-30'] };
    expect(iso(addDuration(local('2026-11-27T10:00'), d('P1D'), holiday))).toBe('2026-12-01T10:00');
    const extra: BusinessCalendar = { ...calendar, extraWorkdays: ['2026-11-28'] };
    expect(iso(addDuration(local('2026-11-27T10:00'), d('P1D'), extra))).toBe('2026-11-28T10:00');
    expect(iso(addDuration(local('2026-11-27T22:00'), d('PT4H'), extra))).toBe('2026-11-28T02:00');
  });

  it('defaults to Asia/Shanghai and Monday to Friday', () => {
    expect(iso(addDuration(local('2026-11-27T10:00'), d('P1D'), {}))).toBe('2026-11-30T10:00');
  });

  it('counts elapsed working hours across a daylight-saving change (Europe/Berlin, 2026-03-29 has 23 hours)', () => {
    const everyDay: BusinessCalendar = { timeZone: 'Europe/Berlin', workdays: [1, 2, 3, 4, 5, 6, 7] };
    // Saturday 12:00 CET is 11:00Z; 24 working hours later is Sunday 13:00 CEST, as in calendar time.
    expect(addDuration(new Date('2026-03-28T11:00:00Z'), d('P1D'), everyDay).toISOString()).toBe('2026-03-29T11:00:00.000Z');
    // Friday 12:00 CET: 12 hours on Friday, the weekend skipped, 12 hours from Monday 00:00 CEST (Sunday 22:00Z).
    expect(addDuration(new Date('2026-03-27T11:00:00Z'), d('P1D'), { timeZone: 'Europe/Berlin' }).toISOString()).toBe('2026-03-30T10:00:00.000Z');
  });
});

/** The plain model for a fixed-offset zone: walk local days, skipping those not worked. */
function modelAdd(start: number, minutes: number, worked: (day: number) => boolean): number {
  let at = start + SHANGHAI;
  const dayOf = (t: number) => Math.floor(t / DAY);
  while (!worked(dayOf(at))) at = (dayOf(at) + 1) * DAY;
  let remaining = minutes * 60_000;
  while (remaining > 0) {
    const step = Math.min(remaining, (dayOf(at) + 1) * DAY - at);
    at += step;
    remaining -= step;
    while (remaining > 0 && !worked(dayOf(at))) at = (dayOf(at) + 1) * DAY;
  }
  return at - SHANGHAI;
}

const dayText = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** ISO weekday of a day number (days since 1970-01-01, a Thursday). */
const weekday = (day: number) => ((day + 3) % 7) + 1;

const START = Date.parse('2026-01-01T00:00:00Z');
const startArb = fc.integer({ min: 0, max: 365 * 24 * 60 }).map((minute) => START + minute * 60_000);
const durationArb = fc.record({ days: fc.integer({ min: 0, max: 20 }), hours: fc.integer({ min: 0, max: 60 }), minutes: fc.integer({ min: 0, max: 600 }) });
const calendarArb = fc.record({
  workdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }).map(([first, ...rest]) => [first as number, ...rest] as [number, ...number[]]),
  holidays: fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 12 }),
  extraWorkdays: fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }),
});

describe('addDuration in business time, properties', () => {
  const firstDay = START / DAY;

  it('agrees with a plain day-walking model in Asia/Shanghai and is never earlier than calendar time', () => {
    fc.assert(
      fc.property(startArb, durationArb, calendarArb, (start, duration, shape) => {
        const holidays = new Set(shape.holidays.map((offset) => firstDay + offset));
        const extras = new Set(shape.extraWorkdays.map((offset) => firstDay + offset));
        const business: BusinessCalendar = {
          timeZone: 'Asia/Shanghai',
          workdays: shape.workdays,
          holidays: [...holidays].map(dayText),
          extraWorkdays: [...extras].map(dayText),
        };
        const worked = (day: number) => extras.has(day) || (shape.workdays.includes(weekday(day)) && !holidays.has(day));
        const minutes = (duration.days * 24 + duration.hours) * 60 + duration.minutes;
        const result = addDuration(new Date(start), duration, business).getTime();
        expect(result).toBe(modelAdd(start, minutes, worked));
        expect(result).toBeGreaterThanOrEqual(addDuration(new Date(start), duration).getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('equals calendar time when every day is worked, in zones with and without daylight saving', () => {
    fc.assert(
      fc.property(startArb, durationArb, fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York'), (start, duration, timeZone) => {
        const everyDay: BusinessCalendar = { timeZone, workdays: [1, 2, 3, 4, 5, 6, 7] };
        expect(addDuration(new Date(start), duration, everyDay).getTime()).toBe(addDuration(new Date(start), duration).getTime());
      }),
      { numRuns: 200 },
    );
  });
});
