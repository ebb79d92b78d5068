import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFactorySchedule, moveOperation, planFactory } from '../../../../../engine/planning/scheduling/index.js';
import { at, factoryArbitrary, smallFactory } from './factory-fixtures.js';

describe('moveOperation: a planner drags an operation in the Gantt', () => {
  it('puts a feasible move exactly where it was dragged and pushes only what follows, right', () => {
    fc.assert(
      fc.property(
        factoryArbitrary,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 96 * 60 }),
        fc.option(fc.nat()),
        (request, pick, machinePick, minute, anchor) => {
          const current = planFactory({ ...request, limits: { maxIterations: 30 } }).operations;
          const target = current[pick % current.length]!;
          const center = request.workCenters.find((candidate) => candidate.id === target.workCenter);
          const machines =
            center === undefined
              ? []
              : (center.machines?.map((machine) => machine.id) ?? Array.from({ length: center.count ?? 0 }, (_, k) => `${center.id}-${k + 1}`));
          const machine = machines.length === 0 ? undefined : machines[machinePick % machines.length];
          // Half the time at the start or end of another operation: working minutes, so more moves are feasible.
          const other = anchor === null ? undefined : current[anchor % current.length]!;
          const start = other === undefined ? new Date(Date.parse(request.origin) + minute * 60_000).toISOString() : minute % 2 === 0 ? other.start : other.end;
          const outcome = moveOperation({
            request,
            current,
            order: target.order,
            operation: target.operation,
            ...(machine === undefined ? {} : { machine }),
            start,
          });
          if (!outcome.feasible) {
            expect(outcome.violations.length).toBeGreaterThan(0);
            return;
          }
          const after = outcome.repair.schedule.operations;
          expect(checkFactorySchedule(request, after)).toEqual([]);
          const moved = after.find((placed) => placed.order === target.order && placed.operation === target.operation)!;
          expect(moved.start).toBe(start);
          if (machine !== undefined) expect(moved.machine).toBe(machine);
          for (const placed of after) {
            if (placed === moved) continue;
            const before = current.find((other) => other.order === placed.order && other.operation === placed.operation)!;
            expect(Date.parse(placed.start)).toBeGreaterThanOrEqual(Date.parse(before.start));
            expect(placed.machine).toBe(before.machine);
            const listed = outcome.repair.moved.some((entry) => entry.order === placed.order && entry.operation === placed.operation);
            expect(listed).toBe(placed.start !== before.start || placed.end !== before.end);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('refuses to move a fixed operation, to start before its predecessor ends, or on a machine that cannot do it', () => {
    const request = smallFactory();
    const current = planFactory(request).operations;
    const second = current.find((placed) =>
      current.some((other) => other.order === placed.order && Date.parse(other.end) <= Date.parse(placed.start) && other !== placed),
    )!;
    const first = current.find((placed) => placed.order === second.order && placed !== second)!;
    const early = moveOperation({ request, current, order: second.order, operation: second.operation, start: first.start });
    expect(early).toMatchObject({ feasible: false, violations: [{ kind: expect.stringMatching(/precedence|calendar|overlap/) }] });
    const fixed = current.map((placed) => (placed === second ? { ...placed, fixed: true } : placed));
    expect(moveOperation({ request, current: fixed, order: second.order, operation: second.operation, start: at(30) })).toMatchObject({
      feasible: false,
      violations: [{ kind: 'frozen' }],
    });
    const elsewhere = request.workCenters
      .flatMap((center) => center.machines?.map((machine) => machine.id) ?? Array.from({ length: center.count ?? 0 }, (_, k) => `${center.id}-${k + 1}`))
      .find((machine) => !machine.startsWith(second.workCenter ?? '?'));
    if (second.machine !== undefined && elsewhere !== undefined)
      expect(moveOperation({ request, current, order: second.order, operation: second.operation, machine: elsewhere, start: second.start })).toMatchObject({
        feasible: false,
        violations: [{ kind: 'machine' }],
      });
  });
});
