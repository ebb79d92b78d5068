import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFactorySchedule, planFactory } from '../../../../../engine/planning/scheduling/index.js';
import { at, factoryArbitrary, smallFactory } from './factory-fixtures.js';

describe('schedule.plan on a factory with calendars, setups, sub-assemblies and outsourcing', () => {
  it('returns a feasible schedule with the KPIs of what it returns', () => {
    const request = smallFactory();
    const result = planFactory(request);
    expect(checkFactorySchedule(request, result.operations)).toEqual([]);
    expect(result.operations).toHaveLength(8);
    const anodise = result.operations.find((op) => op.order === 'bracket' && op.operation === 'anodise')!;
    expect(anodise.machine).toBeUndefined();
    expect(Date.parse(anodise.end) - Date.parse(anodise.start)).toBe(24 * 3_600_000);
    const bracketMill = result.operations.find((op) => op.order === 'bracket' && op.operation === 'mill')!;
    const weld = result.operations.find((op) => op.order === 'frame' && op.operation === 'weld')!;
    expect(bracketMill.machine).toBe('mill-new');
    expect(Date.parse(weld.start)).toBeGreaterThanOrEqual(Date.parse(bracketMill.end));
    const bracketCut = result.operations.find((op) => op.order === 'bracket' && op.operation === 'cut')!;
    expect(Date.parse(bracketCut.start)).toBeGreaterThanOrEqual(Date.parse(at(3)));
    const latest = Math.max(...result.operations.map((op) => Date.parse(op.end)));
    expect(Date.parse(result.kpis.makespan)).toBe(latest);
    const tardiness = result.orders.reduce((sum, order) => sum + order.lateMinutes * (order.order === 'frame' ? 2 : 1), 0);
    expect(result.kpis.weightedTardiness).toBe(tardiness);
    for (const entry of result.kpis.utilisation) {
      expect(entry.utilisation).toBeGreaterThanOrEqual(0);
      expect(entry.utilisation).toBeLessThanOrEqual(1);
    }
    expect(result.kpis.utilisation.find((entry) => entry.workCenter === 'assembly')!.busyMinutes).toBe(10 + 150);
  });

  it('nothing runs on the Wednesday holiday, in the lunch break or in maintenance', () => {
    const request = smallFactory();
    request.orders.push({ id: 'long', qty: 100, operations: [{ id: 'cut', workCenter: 'saw', runMinutesPerUnit: 30 }] });
    const result = planFactory(request);
    expect(checkFactorySchedule(request, result.operations)).toEqual([]);
    const long = result.operations.find((op) => op.order === 'long')!;
    // 3000 working minutes at 930 a day, Wednesday off: Monday, Tuesday, Thursday and 210 minutes on Friday at the earliest.
    expect(Date.parse(long.end)).toBeGreaterThanOrEqual(Date.parse('2026-03-06T09:30:00.000Z'));
  });

  it('the same seed and iteration limit give the same schedule', () => {
    expect(planFactory(smallFactory())).toEqual(planFactory(smallFactory()));
  });

  it('fixed operations stay where they are', () => {
    const request = smallFactory();
    request.now = at(1);
    request.orders[2]!.operations[0]!.fixed = { machine: 'saw-2', start: at(0.5) };
    const result = planFactory(request);
    expect(checkFactorySchedule(request, result.operations)).toEqual([]);
    const cut = result.operations.find((op) => op.order === 'plate' && op.operation === 'cut')!;
    expect([cut.machine, cut.start, cut.fixed]).toEqual(['saw-2', at(0.5), true]);
    for (const op of result.operations) if (!op.fixed) expect(Date.parse(op.start)).toBeGreaterThanOrEqual(Date.parse(at(1)));
  });

  it('random small factories always get feasible schedules', () => {
    fc.assert(
      fc.property(factoryArbitrary, (request) => {
        const result = planFactory(request);
        expect(checkFactorySchedule(request, result.operations)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
