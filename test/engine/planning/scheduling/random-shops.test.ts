import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule, solveSchedule, type ShopJob, type ShopModel } from '../../../../engine/planning/scheduling/index.js';

/** Small random shops, flexible or not, with releases, zero durations and precedences across jobs. */
function shops(options: { flexible: boolean; minDuration: number }): fc.Arbitrary<ShopModel> {
  return fc.integer({ min: 1, max: 4 }).chain((machineCount) => {
    const alternatives = options.flexible
      ? fc.uniqueArray(fc.record({ machine: fc.integer({ min: 0, max: machineCount - 1 }), duration: fc.integer({ min: options.minDuration, max: 9 }) }), {
          minLength: 1,
          maxLength: machineCount,
          selector: (alternative) => alternative.machine,
        })
      : fc
          .tuple(fc.integer({ min: 0, max: machineCount - 1 }), fc.integer({ min: options.minDuration, max: 9 }))
          .map(([machine, duration]) => [{ machine, duration }]);
    const job: fc.Arbitrary<ShopJob> = fc.record(
      { operations: fc.array(fc.record({ alternatives }), { minLength: 1, maxLength: 4 }), release: fc.integer({ min: 0, max: 10 }) },
      { requiredKeys: ['operations'] },
    );
    return fc.array(job, { minLength: 1, maxLength: 5 }).chain((jobs) => {
      const opOf = (j: number) => fc.record({ job: fc.constant(j), op: fc.integer({ min: 0, max: jobs[j]!.operations.length - 1 }) });
      const ref = (minJob: number, maxJob: number) => fc.integer({ min: minJob, max: maxJob }).chain(opOf);
      // Arcs from a lower job to a higher one: never a cycle with the routings.
      const arc = () =>
        fc.integer({ min: 0, max: jobs.length - 2 }).chain((from) => fc.record({ before: ref(from, from), after: ref(from + 1, jobs.length - 1) }));
      const precedence = jobs.length < 2 ? fc.constant([]) : fc.array(arc(), { maxLength: 3 });
      return precedence.map((precedences) => ({ machineCount, jobs, precedences }));
    });
  });
}

/** Bounds any schedule must respect, computed here without the solver: longest job (with release) and busiest single-machine load. */
function simpleLowerBound(model: ShopModel): number {
  const load = new Array<number>(model.machineCount).fill(0);
  let bound = 0;
  for (const job of model.jobs) {
    let length = job.release ?? 0;
    for (const operation of job.operations) {
      const shortest = Math.min(...operation.alternatives.map((alternative) => alternative.duration));
      length += shortest;
      if (operation.alternatives.length === 1) load[operation.alternatives[0]!.machine]! += shortest;
    }
    bound = Math.max(bound, length);
  }
  return Math.max(bound, ...load);
}

describe('random shops', () => {
  it.each([false, true])('flexible=%s: every schedule is feasible, at least the lower bound, and the same for a seed and iteration limit', (flexible) => {
    fc.assert(
      fc.property(shops({ flexible, minDuration: 0 }), fc.integer({ min: 0, max: 1000 }), (model, seed) => {
        const result = solveSchedule(model, { seed, maxIterations: 150, constructiveRuns: 2 });
        expect(checkSchedule(model, result.schedule)).toEqual([]);
        expect(result.schedule.makespan).toBeGreaterThanOrEqual(Math.max(simpleLowerBound(model), result.lowerBound));
        expect(result.schedule.makespan).toBeLessThanOrEqual(result.constructiveMakespan);
        expect(solveSchedule(model, { seed, maxIterations: 150, constructiveRuns: 2 }).schedule).toEqual(result.schedule);
      }),
      { numRuns: 60 },
    );
  });

  it('rescheduling with the operations started before a cut-off frozen keeps them where they were', () => {
    fc.assert(
      fc.property(shops({ flexible: true, minDuration: 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(1000), (model, cut, seed) => {
        const first = solveSchedule(model, { seed, maxIterations: 50, constructiveRuns: 1 }).schedule;
        const cutoff = Math.floor(cut * first.makespan);
        const placed = new Map(first.operations.map((entry) => [`${entry.job}/${entry.op}`, entry]));
        const frozenModel: ShopModel = {
          ...model,
          jobs: model.jobs.map((job, j) => ({
            ...job,
            operations: job.operations.map((operation, k) => {
              const entry = placed.get(`${j}/${k}`)!;
              return entry.start < cutoff ? { ...operation, frozen: { machine: entry.machine, start: entry.start } } : operation;
            }),
          })),
        };
        const again = solveSchedule(frozenModel, { seed: seed + 1, maxIterations: 100, constructiveRuns: 2 }).schedule;
        expect(checkSchedule(frozenModel, again)).toEqual([]);
        for (const entry of first.operations.filter((candidate) => candidate.start < cutoff)) expect(again.operations).toContainEqual(entry);
      }),
      { numRuns: 60 },
    );
  });
});
