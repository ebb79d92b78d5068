import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlannedOperation, ProductionOrder } from '../../../../../engine/planning/generated/planning-types.js';
import { checkFactorySchedule, insertOrder, planFactory } from '../../../../../engine/planning/scheduling/index.js';
import { at, factoryArbitrary, orderArbitrary, smallFactory } from './factory-fixtures.js';

const key = (op: PlannedOperation) => `${op.order}/${op.operation}`;
const place = (op: PlannedOperation) => [op.machine, op.start, op.end];

/** Operations whose machine or times differ, computed apart from the insertion's own bookkeeping. */
function changed(before: readonly PlannedOperation[], after: readonly PlannedOperation[]): string[] {
  const then = new Map(before.map((op) => [key(op), op]));
  return after
    .filter((op) => then.has(key(op)) && JSON.stringify(place(op)) !== JSON.stringify(place(then.get(key(op))!)))
    .map(key)
    .sort();
}

const rush: ProductionOrder = {
  id: 'rush',
  family: 'alu',
  qty: 5,
  due: at(10),
  weight: 10,
  operations: [
    { id: 'cut', workCenter: 'saw', machines: ['saw-1'], setupMinutes: 5, runMinutesPerUnit: 12 },
    { id: 'mill', workCenter: 'mill', setupMinutes: 10, runMinutesPerUnit: 5 },
  ],
};

describe('schedule.insert: a rush order into the committed schedule', () => {
  it('places the order, keeps the frozen window, and lists exactly what moved and which finishes changed', () => {
    const request = { ...smallFactory(), frozenHours: 1 };
    const current = planFactory(request).operations;
    const result = insertOrder({ request, current, order: rush });
    expect(checkFactorySchedule({ ...request, orders: [...request.orders, rush] }, result.schedule.operations)).toEqual([]);
    expect(result.schedule.operations.filter((op) => op.order === 'rush')).toHaveLength(2);
    for (const op of current.filter((op) => Date.parse(op.start) < Date.parse(at(1)))) {
      expect(place(result.schedule.operations.find((other) => key(other) === key(op))!)).toEqual(place(op));
    }
    expect(result.moved.length).toBeGreaterThan(0);
    expect(result.moved.map((move) => `${move.order}/${move.operation}`).sort()).toEqual(changed(current, result.schedule.operations));
    const finish = (ops: readonly PlannedOperation[], order: string) => Math.max(...ops.filter((op) => op.order === order).map((op) => Date.parse(op.end)));
    const finishChanged = request.orders.map((order) => order.id).filter((id) => finish(current, id) !== finish(result.schedule.operations, id));
    expect(result.finishChanged.map((entry) => entry.order).sort()).toEqual(finishChanged.sort());
    // Nothing is pulled earlier: a repair only shifts right.
    for (const move of result.moved) expect(Date.parse(move.to.start)).toBeGreaterThanOrEqual(Date.parse(move.from.start));
  });

  it('a rush order of the lowest priority moves nothing already planned', () => {
    const request = smallFactory();
    const current = planFactory(request).operations;
    const result = insertOrder({ request, current, order: { ...rush, weight: 0, due: undefined } });
    expect(result.moved).toEqual([]);
    expect(result.finishChanged).toEqual([]);
  });

  it('random factories and random insertions: feasible, frozen operations unmoved, the moved list exact', () => {
    fc.assert(
      fc.property(factoryArbitrary, orderArbitrary('rush'), fc.integer({ min: 0, max: 30 }), (request, order, frozenHours) => {
        const base = { ...request, frozenHours };
        const current = planFactory(base).operations;
        const result = insertOrder({ request: base, current, order });
        expect(checkFactorySchedule({ ...base, orders: [...base.orders, order] }, result.schedule.operations)).toEqual([]);
        const frozenUntil = Date.parse(base.origin) + frozenHours * 3_600_000;
        const after = new Map(result.schedule.operations.map((op) => [key(op), op]));
        for (const op of current) if (Date.parse(op.start) < frozenUntil) expect(place(after.get(key(op))!)).toEqual(place(op));
        expect(result.moved.map((move) => `${move.order}/${move.operation}`).sort()).toEqual(changed(current, result.schedule.operations));
      }),
      { numRuns: 40 },
    );
  });
});
