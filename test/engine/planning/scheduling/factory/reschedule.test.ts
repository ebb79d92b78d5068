import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlannedOperation, ScheduleRequest } from '../../../../../engine/planning/generated/planning-types.js';
import { applyChanges, checkFactorySchedule, insertOrderRun, planFactory, reschedule, rescheduleRun } from '../../../../../engine/planning/scheduling/index.js';
import { at, factoryArbitrary, orderArbitrary, smallFactory } from './factory-fixtures.js';

const key = (op: PlannedOperation) => `${op.order}/${op.operation}`;

/** The request as the reschedule saw it: started operations fixed (their end left to the calendar when `open`), downtime added. */
function asRescheduled(
  request: ScheduleRequest,
  current: readonly PlannedOperation[],
  now: string,
  open: string[],
  down?: { machine: string; from: string; to: string },
) {
  const copy = structuredClone(request);
  for (const order of copy.orders) {
    for (const operation of order.operations) {
      const placed = current.find((op) => op.order === order.id && op.operation === operation.id)!;
      if (Date.parse(placed.start) >= Date.parse(now)) continue;
      const end = open.includes(key(placed)) ? {} : { end: placed.end };
      operation.fixed = { ...(placed.machine === undefined ? {} : { machine: placed.machine }), start: placed.start, ...end };
    }
  }
  if (down !== undefined) {
    for (const center of copy.workCenters) {
      for (const machine of center.machines ?? [])
        if (machine.id === down.machine) machine.maintenance = [...(machine.maintenance ?? []), { from: down.from, to: down.to }];
    }
  }
  return copy;
}

describe('reschedule after shop-floor events', () => {
  it('a breakdown pauses the running operation, keeps what started and moves the rest off the downtime', () => {
    const request = smallFactory();
    const current = planFactory(request).operations;
    const running = current.find((op) => op.machine?.startsWith('mill') && Date.parse(op.end) - Date.parse(op.start) > 30)!;
    const now = new Date(Date.parse(running.start) + 10 * 60_000).toISOString();
    const down = { machine: running.machine!, from: now, to: new Date(Date.parse(now) + 5 * 3_600_000).toISOString() };
    const result = reschedule({
      request: { ...request, now },
      current,
      events: [{ kind: 'breakdown', machine: down.machine, from: down.from, until: down.to }],
    });
    const after = new Map(result.schedule.operations.map((op) => [key(op), op]));
    expect(checkFactorySchedule(asRescheduled({ ...request, now }, current, now, [key(running)], down), result.schedule.operations)).toEqual([]);
    expect(after.get(key(running))!.start).toBe(running.start);
    // It loses the working minutes of the downtime (less than five hours when a shift ends within it).
    expect(Date.parse(after.get(key(running))!.end)).toBeGreaterThan(Date.parse(running.end));
    for (const op of current.filter((op) => Date.parse(op.start) < Date.parse(now))) expect(after.get(key(op))!.start).toBe(op.start);
    expect(result.moved.some((move) => `${move.order}/${move.operation}` === key(running))).toBe(true);
  });

  it('an operation that finished late pushes its successors; finish changes are reported', () => {
    const request = smallFactory();
    const current = planFactory(request).operations;
    const cut = current.find((op) => op.order === 'frame' && op.operation === 'cut')!;
    const lateEnd = new Date(Date.parse(cut.end) + 6 * 3_600_000).toISOString();
    const now = lateEnd;
    const result = reschedule({ request: { ...request, now }, current, events: [{ kind: 'finished', order: 'frame', operation: 'cut', end: lateEnd }] });
    const after = new Map(result.schedule.operations.map((op) => [key(op), op]));
    expect(after.get('frame/cut')!.end).toBe(lateEnd);
    expect(Date.parse(after.get('frame/mill')!.start)).toBeGreaterThanOrEqual(Date.parse(lateEnd));
    expect(result.moved.map((move) => `${move.order}/${move.operation}`)).toEqual(expect.arrayContaining(['frame/cut', 'frame/mill']));
    const finish = (ops: readonly PlannedOperation[], order: string) => Math.max(...ops.filter((op) => op.order === order).map((op) => Date.parse(op.end)));
    const changed = request.orders.map((order) => order.id).filter((id) => finish(current, id) !== finish(result.schedule.operations, id));
    expect(result.finishChanged.map((entry) => entry.order)).toEqual(changed);
  });

  it('events naming a machine that does not exist get a pointer', () => {
    const request = smallFactory();
    const current = planFactory(request).operations;
    expect(() => reschedule({ request, current, events: [{ kind: 'breakdown', machine: 'laser', from: at(1), until: at(2) }] })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ pointer: '/events/0/machine' })] }),
    );
  });

  it('random factories, random breakdowns and frozen windows: feasible, started operations kept, nothing new before now', () => {
    fc.assert(
      fc.property(
        factoryArbitrary,
        fc.record({
          now: fc.integer({ min: 0, max: 40 }),
          frozen: fc.integer({ min: 0, max: 12 }),
          machine: fc.constantFrom('a-1', 'b-fast', 'c-1'),
          hours: fc.integer({ min: 1, max: 30 }),
        }),
        (request, { now, frozen, machine, hours }) => {
          const current = planFactory(request).operations;
          const events = [{ kind: 'breakdown' as const, machine, from: at(now), until: at(now + hours) }];
          const result = reschedule({ request: { ...request, now: at(now), frozenHours: frozen }, current, events });
          // What the reschedule kept is fixed where it now is; the breakdown is downtime; all else obeys the factory rules.
          const { request: down } = applyChanges({ ...request, now: at(now) }, [{ kind: 'machine-down', machine, from: at(now), to: at(now + hours) }]);
          for (const order of down.orders) {
            for (const operation of order.operations) {
              const placed = result.schedule.operations.find((op) => op.order === order.id && op.operation === operation.id)!;
              if (placed.fixed)
                operation.fixed = { ...(placed.machine === undefined ? {} : { machine: placed.machine }), start: placed.start, end: placed.end };
            }
          }
          expect(checkFactorySchedule(down, result.schedule.operations)).toEqual([]);
          const before = new Map(current.map((op) => [key(op), op]));
          for (const op of result.schedule.operations) {
            if (!op.fixed) expect(Date.parse(op.start)).toBeGreaterThanOrEqual(Date.parse(at(now)));
            else expect([op.machine, op.start]).toEqual([before.get(key(op))!.machine, before.get(key(op))!.start]);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('the request a reschedule or an insertion returns is the one its schedule keeps to, however far the clock moved since the plan', () => {
    fc.assert(
      fc.property(
        factoryArbitrary,
        orderArbitrary('rush'),
        fc.record({
          plannedAt: fc.integer({ min: 0, max: 10 }),
          // A minute, a few hours, more than a shift later.
          laterMinutes: fc.constantFrom(1, 180, 540, 1500),
          machine: fc.constantFrom('a-1', 'b-fast', 'c-1'),
          hours: fc.integer({ min: 1, max: 30 }),
        }),
        (request, rush, { plannedAt, laterMinutes, machine, hours }) => {
          const planned = { ...request, now: at(plannedAt), frozenHours: 8 };
          const current = planFactory(planned).operations;
          const now = new Date(Date.parse(at(plannedAt)) + laterMinutes * 60_000).toISOString();
          const events = [{ kind: 'breakdown' as const, machine, from: now, until: new Date(Date.parse(now) + hours * 3_600_000).toISOString() }];
          const run = rescheduleRun({ request: { ...planned, now }, current, events });
          expect(checkFactorySchedule(run.request, run.repair.schedule.operations)).toEqual([]);
          // The next event, later still, reads that request and that schedule.
          const next = new Date(Date.parse(now) + 60_000).toISOString();
          const again = rescheduleRun({ request: { ...run.request, now: next }, current: run.repair.schedule.operations, events: [] });
          expect(checkFactorySchedule(again.request, again.repair.schedule.operations)).toEqual([]);
          const inserted = insertOrderRun({ request: { ...planned, now }, current, order: rush });
          expect(checkFactorySchedule(inserted.request, inserted.repair.schedule.operations)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a finished event ends an operation the request already had fixed at its actual end', () => {
    const request = smallFactory();
    const current = planFactory(request).operations;
    const cut = current.find((op) => op.order === 'frame' && op.operation === 'cut')!;
    const now = new Date(Date.parse(cut.start) + 60_000).toISOString();
    const started = rescheduleRun({ request: { ...request, now }, current, events: [] });
    expect(started.request.orders.find((order) => order.id === 'frame')!.operations.find((operation) => operation.id === 'cut')!.fixed).toBeDefined();
    const lateEnd = new Date(Date.parse(cut.end) + 3 * 3_600_000).toISOString();
    const finished = rescheduleRun({
      request: { ...started.request, now: lateEnd },
      current: started.repair.schedule.operations,
      events: [{ kind: 'finished', order: 'frame', operation: 'cut', end: lateEnd }],
    });
    expect(finished.repair.schedule.operations.find((op) => op.order === 'frame' && op.operation === 'cut')!.end).toBe(lateEnd);
    expect(checkFactorySchedule(finished.request, finished.repair.schedule.operations)).toEqual([]);
  });
});
