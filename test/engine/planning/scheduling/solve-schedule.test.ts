import { describe, expect, it } from 'vitest';
import { checkSchedule, parseInstance, solveSchedule, type ShopModel } from '../../../../engine/planning/scheduling/index.js';
import { HAS_SHARED, benchmarkText, sharedChecker } from '../../../support/shared-benchmarks.js';

describe.skipIf(!HAS_SHARED)('solveSchedule on benchmark instances', () => {
  it('finds the optimum 55 of ft06 within 3000 iterations, and the shared checker accepts it', async () => {
    const text = benchmarkText('jobshop/ft06.txt');
    const model = parseInstance(text, 'jsplib');
    const result = solveSchedule(model, { seed: 1, maxIterations: 3000 });
    expect(result.schedule.makespan).toBe(55);
    expect(result.constructiveMakespan).toBeGreaterThan(55);
    expect(checkSchedule(model, result.schedule)).toEqual([]);
    const checker = await sharedChecker();
    expect(checker.checkSchedule(checker.parseInstance(text, 'jsplib'), result.schedule)).toEqual({ ok: true, makespan: 55 });
  });

  it('brings ft10 within 3% of 930 in 20000 iterations', () => {
    const model = parseInstance(benchmarkText('jobshop/ft10.txt'), 'jsplib');
    const result = solveSchedule(model, { seed: 1, maxIterations: 20_000 });
    expect(result.schedule.makespan).toBeLessThanOrEqual(957);
    expect(checkSchedule(model, result.schedule)).toEqual([]);
  });

  it.each([
    ['mk01', 40, 42],
    ['mk04', 60, 64],
  ])('schedules the flexible shop %s within a few percent (optimum %i) and the shared checker accepts it', async (name, _optimum, bound) => {
    const text = benchmarkText(`fjsp/${name}.fjs`);
    const model = parseInstance(text, 'fjs');
    const result = solveSchedule(model, { seed: 3, maxIterations: 1500 });
    expect(result.schedule.makespan).toBeLessThanOrEqual(bound);
    const checker = await sharedChecker();
    expect(checker.checkSchedule(checker.parseInstance(text, 'fjs'), result.schedule)).toMatchObject({ ok: true });
  });
});

describe('solveSchedule', () => {
  const shop: ShopModel = {
    machineCount: 2,
    jobs: [
      { operations: [{ alternatives: [{ machine: 0, duration: 3 }] }, { alternatives: [{ machine: 1, duration: 2 }] }] },
      {
        release: 4,
        operations: [{ alternatives: [{ machine: 1, duration: 4 }] }, { alternatives: [{ machine: 0, duration: 1 }, { machine: 1, duration: 1 }] }],
      },
      { operations: [{ alternatives: [{ machine: 0, duration: 2 }], frozen: { machine: 0, start: 0 } }, { alternatives: [{ machine: 1, duration: 5 }] }] },
    ],
    precedences: [{ before: { job: 0, op: 1 }, after: { job: 1, op: 1 } }],
  };

  it('keeps frozen operations, releases and cross-job precedences', () => {
    const result = solveSchedule(shop, { seed: 5, maxIterations: 200 });
    expect(checkSchedule(shop, result.schedule)).toEqual([]);
    expect(result.schedule.operations).toContainEqual({ job: 2, op: 0, machine: 0, start: 0, end: 2 });
    const at = (job: number, op: number) => result.schedule.operations.find((entry) => entry.job === job && entry.op === op)!;
    expect(at(1, 0).start).toBeGreaterThanOrEqual(4);
    expect(at(1, 1).start).toBeGreaterThanOrEqual(at(0, 1).end);
  });

  it('stops at the time limit with the best schedule so far (anytime), on the clock it is given', () => {
    let clock = 0;
    const model = parseInstance('3 3\n0 3 1 2 2 2\n0 2 2 1 1 4\n1 4 2 3 0 1\n', 'jsplib');
    const result = solveSchedule(model, { seed: 2, timeLimitMs: 500, now: () => (clock += 1) });
    expect(['time', 'lower-bound']).toContain(result.stoppedBy);
    expect(checkSchedule(model, result.schedule)).toEqual([]);
    expect(result.schedule.makespan).toBeLessThanOrEqual(result.constructiveMakespan);
    expect(result.schedule.makespan).toBeGreaterThanOrEqual(result.lowerBound);
  });

  it('stops at a makespan equal to its lower bound', () => {
    const model = parseInstance('2 2\n0 5 1 1\n1 5 0 1\n', 'jsplib');
    const result = solveSchedule(model, { maxIterations: 1000 });
    expect(result.schedule.makespan).toBe(6);
    expect(result.stoppedBy).toBe('lower-bound');
  });
});
