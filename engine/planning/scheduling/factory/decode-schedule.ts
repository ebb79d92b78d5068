import { OrdoError } from '../../../errors/index.js';
import { runMinutes, setupMinutes, type FactoryModel } from './factory-model.js';

/** Exact times of every operation, in minutes from the origin; machine -1 for an outsourced operation. */
export interface FactoryTimes {
  readonly machine: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly setup: Int32Array;
}

/** A solution as the search sees it: each operation's machine and each machine's sequence. */
export interface FactorySequences {
  readonly machine: ArrayLike<number>;
  readonly sequences: ReadonlyArray<readonly number[]>;
}

/**
 * The truth about a solution: times on the calendars. Each operation starts as early as its release,
 * its predecessors (routing and sub-assembly), the previous operation on its machine and `notBefore`
 * (the old start, for a repair that only shifts right) allow; its setup (by family, from the previous
 * operation on the machine) and run are working minutes placed on the machine's calendar, across breaks.
 * Fixed operations stay at their start; outsourced ones take their lead time in elapsed minutes. The
 * result is the semi-active schedule of the sequences: no operation could start earlier without
 * changing a sequence. Undefined when the sequences contradict the precedences (a cycle).
 */
export function decodeSchedule(model: FactoryModel, solution: FactorySequences, notBefore?: ArrayLike<number>): FactoryTimes | undefined {
  const n = model.operations.length;
  const machine = Int32Array.from({ length: n }, (_, i) => solution.machine[i]!);
  const previous = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  for (const sequence of solution.sequences) {
    for (let k = 1; k < sequence.length; k++) {
      previous[sequence[k]!] = sequence[k - 1]!;
      next[sequence[k - 1]!] = sequence[k]!;
    }
  }
  const successors: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Int32Array(n);
  for (const [a, b] of model.precedences) {
    successors[a]!.push(b);
    indegree[b]!++;
  }
  for (let i = 0; i < n; i++) if (previous[i]! >= 0) indegree[i]!++;
  const ready = new Int32Array(n);
  for (let i = 0; i < n; i++) ready[i] = Math.max(model.operations[i]!.release, notBefore?.[i] ?? 0);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const setup = new Int32Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    const operation = model.operations[i]!;
    const m = machine[i]!;
    if (operation.outsourcedLead !== undefined) {
      start[i] = operation.fixed?.start ?? ready[i]!;
      end[i] = operation.fixed?.end ?? start[i]! + operation.outsourcedLead;
    } else {
      // An operation that took no time leaves the machine as it was: the setup follows the last one that did.
      let before = previous[i]!;
      while (before >= 0 && end[before] === start[before]) before = previous[before]!;
      setup[i] = setupMinutes(model, m, before, i);
      const work = setup[i]! + runMinutes(model, i, m);
      const calendar = model.machines[m]!.calendar;
      const placed = operation.fixed !== undefined ? calendar.place(operation.fixed.start, work) : calendar.place(ready[i]!, work);
      if (placed === undefined) {
        throw new OrdoError('ORDO_ERR_SCHEDULE_MODEL_INVALID', `machine ${model.machines[m]!.id} has not enough working time for the schedule`, {
          fields: [{ pointer: `/orders/${operation.order}/operations/${operation.index}`, code: 'capacity', message: 'no working time left to finish it' }],
        });
      }
      start[i] = operation.fixed?.start ?? placed.start;
      end[i] = operation.fixed?.end ?? placed.end;
    }
    for (const w of successors[i]!) {
      if (ready[w]! < end[i]!) ready[w] = end[i]!;
      if (--indegree[w]! === 0) queue.push(w);
    }
    const w = next[i]!;
    if (w >= 0) {
      if (ready[w]! < end[i]!) ready[w] = end[i]!;
      if (--indegree[w]! === 0) queue.push(w);
    }
  }
  if (queue.length < n) return undefined;
  return { machine, start, end, setup };
}

/** Machine sequences of placed operations: by start, ties in the order of `rank` (a topological order of the precedences). */
export function sequencesByStart(model: FactoryModel, machine: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>): number[][] {
  const rank = topologicalRank(model);
  const sequences: number[][] = model.machines.map(() => []);
  for (let i = 0; i < model.operations.length; i++) if (machine[i]! >= 0) sequences[machine[i]!]!.push(i);
  for (const sequence of sequences) sequence.sort((a, b) => start[a]! - start[b]! || end[a]! - end[b]! || rank[a]! - rank[b]!);
  return sequences;
}

function topologicalRank(model: FactoryModel): Int32Array {
  const n = model.operations.length;
  const successors: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Int32Array(n);
  for (const [a, b] of model.precedences) {
    successors[a]!.push(b);
    indegree[b]!++;
  }
  const rank = new Int32Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    rank[queue[q]!] = q;
    for (const w of successors[queue[q]!]!) if (--indegree[w]! === 0) queue.push(w);
  }
  return rank;
}
