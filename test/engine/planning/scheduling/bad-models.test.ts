import { describe, expect, it } from 'vitest';
import { OrdoError } from '../../../../engine/errors/index.js';
import { compileShop, solveSchedule, type ShopModel } from '../../../../engine/planning/scheduling/index.js';

function problems(model: ShopModel): Array<{ pointer: string; code: string; message: string }> {
  try {
    solveSchedule(model, { maxIterations: 10 });
  } catch (error) {
    expect(error).toBeInstanceOf(OrdoError);
    expect((error as OrdoError).code).toBe('ORDO_ERR_SCHEDULE_MODEL_INVALID');
    return [...(error as OrdoError).fields];
  }
  throw new Error('expected ORDO_ERR_SCHEDULE_MODEL_INVALID');
}

const op = (machine: number, duration: number) => ({ alternatives: [{ machine, duration }] });

describe('shop models the scheduler refuses, with a pointer to each problem', () => {
  it('a shop without machines (zero capacity) or without jobs', () => {
    const noMachines = problems({ machineCount: 0, jobs: [{ operations: [op(0, 1)] }] });
    expect(noMachines).toContainEqual(expect.objectContaining({ pointer: '/machineCount', code: 'capacity' }));
    expect(problems({ machineCount: 1, jobs: [] })).toEqual([expect.objectContaining({ pointer: '/jobs' })]);
  });

  it('an operation no machine can do, a machine that does not exist, a bad duration', () => {
    const found = problems({
      machineCount: 2,
      jobs: [{ operations: [{ alternatives: [] }, op(2, 1), op(0, -1), op(1, 1.5)] }],
    });
    expect(found.map((problem) => [problem.pointer, problem.code])).toEqual([
      ['/jobs/0/operations/0/alternatives', 'no-machine'],
      ['/jobs/0/operations/1/alternatives/0/machine', 'range'],
      ['/jobs/0/operations/2/alternatives/0/duration', 'type'],
      ['/jobs/0/operations/3/alternatives/0/duration', 'type'],
    ]);
    expect(found[0]!.message).toBe('job 0 op 0: no machine can do this operation');
  });

  it('cyclic precedence, naming the cycle', () => {
    const found = problems({
      machineCount: 1,
      jobs: [{ operations: [op(0, 1), op(0, 1)] }, { operations: [op(0, 1)] }],
      precedences: [
        { before: { job: 0, op: 1 }, after: { job: 1, op: 0 } },
        { before: { job: 1, op: 0 }, after: { job: 0, op: 0 } },
      ],
    });
    const cycle = 'job 0 op 0 -> job 0 op 1 -> job 1 op 0 -> job 0 op 0';
    expect(found).toEqual([{ pointer: '/precedences', code: 'cycle', message: expect.stringContaining(cycle) }]);
  });

  it('a precedence naming an operation that does not exist', () => {
    expect(problems({ machineCount: 1, jobs: [{ operations: [op(0, 1)] }], precedences: [{ before: { job: 0, op: 0 }, after: { job: 3, op: 0 } }] })).toEqual([
      expect.objectContaining({ pointer: '/precedences/0/after', code: 'range' }),
    ]);
  });

  it('a frozen operation on a machine that cannot do it', () => {
    expect(problems({ machineCount: 2, jobs: [{ operations: [{ ...op(0, 4), frozen: { machine: 1, start: 0 } }] }] })).toEqual([
      { pointer: '/jobs/0/operations/0/frozen/machine', code: 'frozen', message: 'job 0 op 0 is frozen on machine 1, which cannot do it' },
    ]);
  });

  it('frozen operations that overlap, or that follow an operation that is not frozen', () => {
    const found = problems({
      machineCount: 2,
      jobs: [
        { operations: [{ ...op(1, 4), frozen: { machine: 1, start: 0 } }] },
        { operations: [{ ...op(1, 4), frozen: { machine: 1, start: 2 } }] },
        { operations: [op(0, 1), { ...op(0, 1), frozen: { machine: 0, start: 9 } }] },
      ],
    });
    expect(found.map((problem) => problem.pointer)).toEqual(['/jobs/2/operations/1/frozen', '/jobs/1/operations/0/frozen']);
    expect(found[0]!.message).toMatch(/its predecessor job 2 op 0 is not/);
    expect(found[1]!.message).toMatch(/overlap on machine 1/);
  });

  it('durations that add up past what 32-bit times can count', () => {
    const found = problems({ machineCount: 1, jobs: [{ operations: [op(0, 1e9), op(0, 1e9), op(0, 1e9)] }] });
    expect(found).toEqual([expect.objectContaining({ pointer: '/jobs', code: 'horizon' })]);
  });

  it('compiles a valid model without complaint', () => {
    expect(compileShop({ machineCount: 1, jobs: [{ operations: [op(0, 0)] }] }).operationCount).toBe(1);
  });
});
