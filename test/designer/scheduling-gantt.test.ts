import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_HEIGHT, ROW_HEIGHT, rowAt, rowLayout } from '../../designer/src/scheduling/gantt-layout.js';
import { barBox, changedOperations, defaultZoom, machineGroups, openingInstant, orderRows, scheduleSpan } from '../../designer/src/scheduling/gantt-rows.js';
import { factoryDayStart, timeAt, timeScale, xOf } from '../../designer/src/scheduling/time-scale.js';
import { committedRun, LABELS, NOW } from './scheduling-fixture.js';

const SHANGHAI = 480;
const HOUR = 3_600_000;

describe('the Gantt time scale', () => {
  it('spans whole Shanghai days, 40 px an hour in the day zoom and 7 in the week zoom', () => {
    const from = Date.parse('2026-03-02T10:30:00+08:00');
    const to = Date.parse('2026-03-04T09:00:00+08:00');
    const day = timeScale({ from, to, zoom: 'day', utcOffsetMinutes: SHANGHAI });
    expect(new Date(day.start).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(new Date(day.end).toISOString()).toBe('2026-03-04T16:00:00.000Z');
    expect(day.days.map((band) => band.weekday)).toEqual([1, 2, 3]);
    expect(day.width).toBe(3 * 24 * 40);
    // Every two hours inside each day, not on midnight (the day band's edge marks it).
    expect(day.hours).toHaveLength(3 * 11);
    expect(xOf(day, from)).toBeCloseTo(10.5 * 40);
    const week = timeScale({ from, to, zoom: 'week', utcOffsetMinutes: SHANGHAI });
    expect(week.width).toBe(3 * 24 * 7);
    expect(week.hours).toEqual([]);
  });

  it('a Saturday in Shanghai is a Saturday even when it is still Friday in UTC', () => {
    const saturdayMorning = Date.parse('2026-03-07T06:00:00+08:00');
    const scale = timeScale({ from: saturdayMorning, to: saturdayMorning + HOUR, zoom: 'week', utcOffsetMinutes: SHANGHAI });
    expect(scale.days.map((band) => band.weekday)).toEqual([6]);
  });

  it('x and time invert each other to the snapping step, for any instant on the scale', () => {
    const from = Date.parse(NOW);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 * 24 * 60 }), fc.constantFrom('day' as const, 'week' as const), (minutes, zoom) => {
        const scale = timeScale({ from, to: from + 15 * 24 * HOUR, zoom, utcOffsetMinutes: SHANGHAI });
        const at = scale.start + minutes * 60_000;
        const back = timeAt(scale, xOf(scale, at), 15);
        expect(Math.abs(back - at)).toBeLessThanOrEqual(7.5 * 60_000);
        expect(back % (15 * 60_000)).toBe(0);
      }),
    );
  });

  it('factory midnight is 16:00 UTC the day before', () => {
    expect(new Date(factoryDayStart(Date.parse('2026-03-02T07:59:00+08:00'), SHANGHAI)).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(new Date(factoryDayStart(Date.parse('2026-03-02T00:00:00+08:00'), SHANGHAI)).toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });
});

describe('Gantt rows and bars', () => {
  const run = committedRun();

  it('groups machines under their work center by code, idle machines included, bars in start order', () => {
    const groups = machineGroups(run.result, LABELS);
    expect(groups.map((group) => [group.label, group.detail, group.rows.map((row) => row.id)])).toEqual([
      ['WC-ASM', 'Assembly', ['wc-asm-1']],
      ['WC-LATHE', 'CNC lathes', ['wc-lathe-1', 'wc-lathe-2']],
    ]);
    for (const group of groups) {
      for (const row of group.rows) {
        expect(row.machine).toBe(row.id);
        expect(row.bars.every((bar) => bar.machine === row.id)).toBe(true);
        expect(row.bars.map((bar) => bar.start)).toEqual([...row.bars.map((bar) => bar.start)].sort((a, b) => a - b));
      }
    }
    const bars = groups.flatMap((group) => group.rows.flatMap((row) => row.bars));
    expect(bars).toHaveLength(run.result.operations.length);
    expect(bars.find((bar) => bar.operation === 'mo-3/10')?.fixed).toBe(true);
  });

  it('shows a machine the labels name but no operation uses as an empty row', () => {
    const labels = { ...LABELS, workCenters: { ...LABELS.workCenters, 'wc-paint': { code: 'WC-PAINT', name: 'Paint', machines: ['wc-paint-1'] } } };
    const paint = machineGroups(run.result, labels).find((group) => group.id === 'wc-paint');
    expect(paint?.rows.map((row) => [row.id, row.bars.length])).toEqual([['wc-paint-1', 0]]);
  });

  it('puts outsourced operations in a last group, a row per order', () => {
    const result = {
      ...run.result,
      operations: [
        ...run.result.operations,
        { order: 'mo-2', operation: 'mo-2/15', start: NOW, end: '2026-03-03T08:00:00+08:00', setupMinutes: 0, late: false, fixed: false },
      ],
    };
    const groups = machineGroups(result, LABELS);
    expect(groups.at(-1)?.rows.map((row) => [row.label, row.bars.map((bar) => bar.operation)])).toEqual([['MO-2', ['mo-2/15']]]);
  });

  it('lists orders by due date with their late flag', () => {
    const rows = orderRows(run.result, LABELS);
    expect(rows.map((row) => row.label)).toEqual(['MO-1', 'MO-3', 'MO-2']);
    expect(rows.map((row) => row.late)).toEqual([true, false, false]);
    expect(rows[0]?.detail).toBe('Pump KBZ');
  });

  it('a bar is as long as its operation, never thinner than 4 px', () => {
    const scale = timeScale({ ...scheduleSpan([run.result], Date.parse(NOW)), zoom: 'day', utcOffsetMinutes: SHANGHAI });
    const start = Date.parse(NOW);
    expect(barBox({ start, end: start + 2 * HOUR }, scale)).toEqual({ left: xOf(scale, start), width: 80 });
    expect(barBox({ start, end: start + 60_000 }, scale).width).toBe(4);
  });

  it('the span covers every operation, due date and now', () => {
    const span = scheduleSpan([run.result], Date.parse('2026-02-27T12:00:00+08:00'));
    expect(span.from).toBe(Date.parse('2026-02-27T12:00:00+08:00'));
    expect(span.to).toBe(Math.max(...run.result.operations.map((op) => Date.parse(op.end)), ...run.result.orders.map((order) => Date.parse(order.due ?? ''))));
  });

  it('opens on its work: at now while work runs, at the first operation when it starts later or all is over', () => {
    const first = Math.min(...run.result.operations.map((op) => Date.parse(op.start)));
    const last = Math.max(...run.result.operations.map((op) => Date.parse(op.end)));
    // Opened four days before the plan's first operation: it opens on that operation, not on empty days.
    expect(openingInstant([run.result], first - 4 * 24 * HOUR)).toBe(first);
    expect(openingInstant([run.result], first + HOUR)).toBe(first + HOUR);
    expect(openingInstant([run.result], last + 30 * 24 * HOUR)).toBe(first);
    expect(openingInstant([], Date.parse(NOW))).toBe(Date.parse(NOW));
    // Any instant: it opens inside the work, never after its end, never before both now and the first operation.
    fc.assert(
      fc.property(fc.integer({ min: -20 * 24, max: 20 * 24 }), (hours) => {
        const now = first + hours * HOUR;
        const at = openingInstant([run.result], now);
        expect(at).toBeGreaterThanOrEqual(first);
        expect(at).toBeLessThan(last);
      }),
    );
  });

  it('defaults to the week zoom for more than two days of work from where it opens, the day zoom for less', () => {
    const result = run.result;
    const first = Math.min(...result.operations.map((op) => Date.parse(op.start)));
    const shifted = (days: number) => ({
      ...result,
      operations: result.operations.map((op, k) =>
        k === 0
          ? { ...op, end: new Date(first + days * 24 * HOUR).toISOString() }
          : { ...op, end: new Date(Math.min(Date.parse(op.end), first + HOUR)).toISOString() },
      ),
    });
    expect(defaultZoom([shifted(1)], first)).toBe('day');
    expect(defaultZoom([shifted(3)], first)).toBe('week');
    // Two days are left of a long schedule: the day zoom.
    expect(defaultZoom([shifted(3)], first + 1.5 * 24 * HOUR)).toBe('day');
  });

  it('outlines in a draft what it moved and every operation of an order the committed run lacks', () => {
    const committed = { ...run.result, orders: run.result.orders.filter((order) => order.order !== 'mo-2') };
    expect([...changedOperations(run.result, [{ operation: 'mo-1/20' }], committed)].sort()).toEqual(['mo-1/20', 'mo-2/10', 'mo-2/20']);
    expect([...changedOperations(run.result, [], undefined)]).toEqual([]);
    expect([...changedOperations(run.result, [], run.result)]).toEqual([]);
  });

  it('stacks rows under group headings and finds the row under a pointer', () => {
    const layout = rowLayout(machineGroups(run.result, LABELS));
    expect(layout.rows.map((placed) => [placed.row.id, placed.top])).toEqual([
      ['wc-asm-1', GROUP_HEIGHT],
      ['wc-lathe-1', 2 * GROUP_HEIGHT + ROW_HEIGHT],
      ['wc-lathe-2', 2 * GROUP_HEIGHT + 2 * ROW_HEIGHT],
    ]);
    expect(layout.height).toBe(2 * GROUP_HEIGHT + 3 * ROW_HEIGHT);
    expect(rowAt(layout, 5)).toBeUndefined();
    expect(rowAt(layout, GROUP_HEIGHT + 1)?.row.id).toBe('wc-asm-1');
    expect(rowAt(layout, 2 * GROUP_HEIGHT + 2 * ROW_HEIGHT + ROW_HEIGHT - 1)?.row.machine).toBe('wc-lathe-2');
    expect(rowAt(layout, layout.height)).toBeUndefined();
    const orders = rowLayout([{ id: 'orders', label: '', detail: '', rows: orderRows(run.result, LABELS) }]);
    expect(orders.rows[0]?.top).toBe(0);
  });
});
