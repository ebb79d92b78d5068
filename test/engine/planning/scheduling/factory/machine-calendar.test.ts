import { describe, expect, it } from 'vitest';
import { MachineCalendar } from '../../../../../engine/planning/scheduling/index.js';
import { ORIGIN } from './factory-fixtures.js';

const originMs = Date.parse(ORIGIN);
const calendar = (extra: Partial<ConstructorParameters<typeof MachineCalendar>[0]> = {}) =>
  new MachineCalendar({
    originMs,
    utcOffsetMinutes: 0,
    calendar: {
      id: 'c',
      shifts: [
        { days: [1, 2, 3, 4, 5], from: '06:00', to: '10:00' },
        { days: [5], from: '22:00', to: '02:00' },
      ],
      holidays: ['2026-03-03'],
    },
    ...extra,
  });

describe('machine calendars in minutes from the origin (Monday 06:00 UTC)', () => {
  it('work continues across breaks, skips holidays and runs through a night shift past midnight', () => {
    const c = calendar();
    expect(c.place(0, 240)).toEqual({ start: 0, end: 240 });
    // 60 minutes left on Monday, Tuesday is a holiday, 30 more on Wednesday from 06:00.
    expect(c.place(180, 90)).toEqual({ start: 180, end: 2 * 1440 + 30 });
    // Friday's night shift runs from 22:00 to 02:00 on Saturday.
    const fridayNight = 4 * 1440 + 16 * 60;
    expect(c.place(fridayNight - 10, 200)).toEqual({ start: fridayNight, end: fridayNight + 200 });
    expect(c.workingBetween(0, 7 * 1440)).toBe(4 * 240 + 240);
  });

  it('maintenance removes time, extra windows add it, and a local offset moves the shifts', () => {
    const down = calendar({ maintenance: [{ from: '2026-03-02T07:00:00Z', to: '2026-03-02T08:00:00Z' }] });
    expect(down.place(0, 120)).toEqual({ start: 0, end: 180 });
    const overtime = calendar({ extraWindows: [{ from: '2026-03-02T10:00:00Z', to: '2026-03-02T12:00:00Z' }] });
    expect(overtime.place(0, 360)).toEqual({ start: 0, end: 360 });
    const eastern = calendar({ utcOffsetMinutes: 60 });
    expect(eastern.place(0, 10)).toEqual({ start: 0, end: 10 });
    expect(eastern.workingBetween(0, 240)).toBe(180);
  });

  it('a calendar without any window has no capacity and places no work', () => {
    const empty = new MachineCalendar({ originMs, utcOffsetMinutes: 0, calendar: { id: 'none', shifts: [] } });
    expect(empty.hasCapacity()).toBe(false);
    expect(empty.place(0, 1)).toBeUndefined();
  });
});
