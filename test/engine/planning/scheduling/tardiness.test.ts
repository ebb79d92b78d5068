import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule, solveSchedule, type Schedule, type ShopModel } from '../../../../engine/planning/scheduling/index.js';

function weightedTardiness(model: ShopModel, schedule: Schedule): number {
  return model.jobs.reduce((sum, job, j) => {
    const end = Math.max(...schedule.operations.filter((entry) => entry.job === j).map((entry) => entry.end));
    return sum + (job.weight ?? 1) * Math.max(0, end - (job.due ?? Number.POSITIVE_INFINITY));
  }, 0);
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('weighted tardiness, then makespan', () => {
  it('is the objective once jobs have due dates, and reaches the optimum of a one-machine sequencing problem', () => {
    const jobs = [
      { p: 4, due: 4, weight: 1 },
      { p: 3, due: 6, weight: 2 },
      { p: 2, due: 5, weight: 3 },
      { p: 5, due: 20, weight: 1 },
      { p: 1, due: 3, weight: 1 },
      { p: 6, due: 9, weight: 2 },
    ];
    const model: ShopModel = {
      machineCount: 1,
      jobs: jobs.map((job) => ({ due: job.due, weight: job.weight, operations: [{ alternatives: [{ machine: 0, duration: job.p }] }] })),
    };
    const optimum = Math.min(
      ...permutations(jobs).map((order) => {
        let time = 0;
        return order.reduce((sum, job) => sum + job.weight * Math.max(0, (time += job.p) - job.due), 0);
      }),
    );
    const result = solveSchedule(model, { seed: 1, maxIterations: 300 });
    expect(result.objective).toBe('weighted-tardiness');
    expect(checkSchedule(model, result.schedule)).toEqual([]);
    expect(result.weightedTardiness).toBe(optimum);
    expect(weightedTardiness(model, result.schedule)).toBe(optimum);
    expect(result.weightedTardiness).toBeLessThan(result.constructiveTardiness);
  });

  it('never ends worse than the dispatch it starts from, reports the tardiness of the schedule it returns, and is deterministic', () => {
    const shop = fc.integer({ min: 1, max: 3 }).chain((machineCount) =>
      fc.record({
        machineCount: fc.constant(machineCount),
        jobs: fc.array(
          fc.record({
            due: fc.integer({ min: 0, max: 40 }),
            weight: fc.integer({ min: 0, max: 3 }),
            release: fc.integer({ min: 0, max: 5 }),
            operations: fc.array(
              fc.record({
                alternatives: fc.uniqueArray(fc.record({ machine: fc.integer({ min: 0, max: machineCount - 1 }), duration: fc.integer({ min: 1, max: 9 }) }), {
                  minLength: 1,
                  maxLength: machineCount,
                  selector: (alternative) => alternative.machine,
                }),
              }),
              { minLength: 1, maxLength: 3 },
            ),
          }),
          { minLength: 1, maxLength: 5 },
        ),
      }),
    );
    fc.assert(
      fc.property(shop, fc.integer({ min: 0, max: 100 }), (model, seed) => {
        const result = solveSchedule(model, { seed, maxIterations: 60, constructiveRuns: 2 });
        expect(checkSchedule(model, result.schedule)).toEqual([]);
        expect(result.weightedTardiness).toBe(weightedTardiness(model, result.schedule));
        expect(result.weightedTardiness).toBeLessThanOrEqual(result.constructiveTardiness);
        expect(solveSchedule(model, { seed, maxIterations: 60, constructiveRuns: 2 }).schedule).toEqual(result.schedule);
      }),
      { numRuns: 40 },
    );
  });

  it('can be told to minimise the makespan alone', () => {
    const model: ShopModel = { machineCount: 1, jobs: [{ due: 1, operations: [{ alternatives: [{ machine: 0, duration: 3 }] }] }] };
    const result = solveSchedule(model, { objective: 'makespan', maxIterations: 10 });
    expect(result).toMatchObject({ objective: 'makespan', weightedTardiness: 2, lateJobs: 1 });
  });
});
