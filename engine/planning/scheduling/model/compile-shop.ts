import { OrdoError, type FieldError } from '../../../errors/index.js';
import type { ShopModel } from './shop-model.js';

/**
 * A validated shop model flattened into typed arrays for the solver: operations are numbered job by
 * job (operation k of job j is `jobStart[j] + k`), alternatives and precedence arcs are in CSR form
 * (`xStart[i]..xStart[i+1]` index `xList`).
 */
export interface CompiledShop {
  readonly model: ShopModel;
  readonly operationCount: number;
  readonly machineCount: number;
  readonly jobCount: number;
  readonly jobStart: Int32Array;
  readonly opJob: Int32Array;
  readonly opIndex: Int32Array;
  readonly altStart: Int32Array;
  readonly altMachine: Int32Array;
  readonly altDuration: Int32Array;
  readonly predStart: Int32Array;
  readonly predList: Int32Array;
  readonly succStart: Int32Array;
  readonly succList: Int32Array;
  /** max(job release, operation release, frozen start). */
  readonly release: Int32Array;
  /** Alternative index of a frozen operation, -1 for the others. */
  readonly frozenAlt: Int32Array;
  readonly jobDue: Float64Array;
  readonly jobWeight: Float64Array;
}

const MAX_HORIZON = 2 ** 31 - 1;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1e9;

/**
 * Checks the model and compiles it. Every problem is reported at once, each with a JSON pointer into
 * the model, as ORDO_ERR_SCHEDULE_MODEL_INVALID.
 */
export function compileShop(model: ShopModel): CompiledShop {
  const problems: FieldError[] = [];
  const problem = (pointer: string, code: string, message: string) => problems.push({ pointer, code, message });
  const machineCount = model.machineCount;
  if (!Number.isInteger(machineCount) || machineCount < 1) problem('/machineCount', 'capacity', `the shop needs at least one machine, got ${machineCount}`);
  if (model.jobs.length === 0) problem('/jobs', 'minItems', 'there is nothing to schedule: the model has no jobs');

  const jobCount = model.jobs.length;
  const jobStart = new Int32Array(jobCount + 1);
  model.jobs.forEach((job, j) => {
    if (job.operations.length === 0) problem(`/jobs/${j}/operations`, 'minItems', `job ${j} has no operations`);
    jobStart[j + 1] = jobStart[j]! + job.operations.length;
  });
  const n = jobStart[jobCount]!;
  const opJob = new Int32Array(n);
  const opIndex = new Int32Array(n);
  const release = new Int32Array(n);
  const frozenAlt = new Int32Array(n).fill(-1);
  const jobDue = new Float64Array(jobCount);
  const jobWeight = new Float64Array(jobCount);
  const altStart = new Int32Array(n + 1);
  const machines: number[] = [];
  const durations: number[] = [];

  model.jobs.forEach((job, j) => {
    const at = `/jobs/${j}`;
    if (job.release !== undefined && !isTime(job.release)) problem(`${at}/release`, 'type', 'a release must be a whole number >= 0');
    if (job.due !== undefined && !Number.isFinite(job.due)) problem(`${at}/due`, 'type', 'a due date must be a finite number');
    if (job.weight !== undefined && !(Number.isFinite(job.weight) && job.weight >= 0)) problem(`${at}/weight`, 'type', 'a weight must be a number >= 0');
    jobDue[j] = job.due ?? Number.POSITIVE_INFINITY;
    jobWeight[j] = job.weight ?? 1;
    job.operations.forEach((operation, k) => {
      const i = jobStart[j]! + k;
      const opAt = `${at}/operations/${k}`;
      opJob[i] = j;
      opIndex[i] = k;
      if (operation.release !== undefined && !isTime(operation.release)) problem(`${opAt}/release`, 'type', 'a release must be a whole number >= 0');
      release[i] = Math.max(job.release ?? 0, operation.release ?? 0);
      if (operation.alternatives.length === 0) problem(`${opAt}/alternatives`, 'no-machine', `job ${j} op ${k}: no machine can do this operation`);
      const seen = new Set<number>();
      operation.alternatives.forEach((alternative, a) => {
        if (!Number.isInteger(alternative.machine) || alternative.machine < 0 || alternative.machine >= machineCount) {
          problem(`${opAt}/alternatives/${a}/machine`, 'range', `job ${j} op ${k}: machine ${alternative.machine} is not one of 0..${machineCount - 1}`);
        } else if (seen.has(alternative.machine)) {
          problem(`${opAt}/alternatives/${a}/machine`, 'duplicate', `job ${j} op ${k}: machine ${alternative.machine} is listed twice`);
        }
        seen.add(alternative.machine);
        if (!isTime(alternative.duration)) problem(`${opAt}/alternatives/${a}/duration`, 'type', `job ${j} op ${k}: a duration must be a whole number >= 0`);
        machines.push(alternative.machine);
        durations.push(alternative.duration);
      });
      altStart[i + 1] = machines.length;
      if (operation.frozen !== undefined) {
        const a = operation.alternatives.findIndex((alternative) => alternative.machine === operation.frozen?.machine);
        if (a < 0) problem(`${opAt}/frozen/machine`, 'frozen', `job ${j} op ${k} is frozen on machine ${operation.frozen.machine}, which cannot do it`);
        if (!isTime(operation.frozen.start)) problem(`${opAt}/frozen/start`, 'type', 'a frozen start must be a whole number >= 0');
        frozenAlt[i] = a;
      }
    });
  });

  const arcs: Array<[number, number]> = [];
  for (let j = 0; j < jobCount; j++) for (let i = jobStart[j]! + 1; i < jobStart[j + 1]!; i++) arcs.push([i - 1, i]);
  (model.precedences ?? []).forEach((precedence, p) => {
    const ends = [precedence.before, precedence.after].map((ref, side) => {
      const job = Number.isInteger(ref.job) && ref.job >= 0 && ref.job < jobCount ? model.jobs[ref.job] : undefined;
      const inRange = job !== undefined && Number.isInteger(ref.op) && ref.op >= 0 && ref.op < job.operations.length;
      if (!inRange) problem(`/precedences/${p}/${side === 0 ? 'before' : 'after'}`, 'range', `job ${ref.job} op ${ref.op} does not exist`);
      return inRange ? jobStart[ref.job]! + ref.op : -1;
    });
    if (ends[0]! >= 0 && ends[1]! >= 0) arcs.push([ends[0]!, ends[1]!]);
  });
  if (problems.length > 0) throw invalid(problems);

  // Heads and tails are 32-bit integers: no schedule may reach past 2^31 - 1 time units.
  let horizon = 0;
  let latestRelease = 0;
  for (let i = 0; i < n; i++) {
    let longest = 0;
    for (let a = altStart[i]!; a < altStart[i + 1]!; a++) longest = Math.max(longest, durations[a]!);
    horizon += longest;
    latestRelease = Math.max(latestRelease, release[i]!);
  }
  horizon += latestRelease;
  if (horizon > MAX_HORIZON) {
    problem('/jobs', 'horizon', `the durations and releases add up to ${horizon} time units, more than the ${MAX_HORIZON} the scheduler can count`);
  }
  if (problems.length > 0) throw invalid(problems);

  const { start: predStart, list: predList } = csr(n, arcs, 1, 0);
  const { start: succStart, list: succList } = csr(n, arcs, 0, 1);
  const cycle = findCycle(n, succStart, succList, predStart);
  if (cycle !== undefined) {
    const names = cycle.map((i) => `job ${opJob[i]} op ${opIndex[i]}`);
    problem('/precedences', 'cycle', `the precedences form a cycle: ${names.join(' -> ')} -> ${names[0]}`);
  }
  checkFrozen(model, { jobStart, opJob, opIndex, predStart, predList, release, frozenAlt, altStart, durations }, problem);
  if (problems.length > 0) throw invalid(problems);

  return {
    model,
    operationCount: n,
    machineCount,
    jobCount,
    jobStart,
    opJob,
    opIndex,
    altStart,
    altMachine: Int32Array.from(machines),
    altDuration: Int32Array.from(durations),
    predStart,
    predList,
    succStart,
    succList,
    release,
    frozenAlt,
    jobDue,
    jobWeight,
  };
}

function invalid(problems: FieldError[]): OrdoError {
  const first = problems[0]!.message;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new OrdoError('ORDO_ERR_SCHEDULE_MODEL_INVALID', `${first}${more}`, { fields: problems });
}

function csr(n: number, arcs: ReadonlyArray<readonly [number, number]>, keySide: 0 | 1, valueSide: 0 | 1) {
  const start = new Int32Array(n + 1);
  for (const arc of arcs) start[arc[keySide] + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const list = new Int32Array(arcs.length);
  for (const arc of arcs) list[fill[arc[keySide]]!++] = arc[valueSide];
  return { start, list };
}

/** Kahn's algorithm; when some operations are never freed, walks predecessors among them to name one cycle. */
function findCycle(n: number, succStart: Int32Array, succList: Int32Array, predStart: Int32Array): number[] | undefined {
  const indegree = new Int32Array(n);
  for (let i = 0; i < n; i++) indegree[i] = predStart[i + 1]! - predStart[i]!;
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    for (let s = succStart[i]!; s < succStart[i + 1]!; s++) if (--indegree[succList[s]!]! === 0) queue.push(succList[s]!);
  }
  if (queue.length === n) return undefined;
  // Every operation left has a successor left: following successors must come back to one already seen.
  let at = indegree.findIndex((d) => d > 0);
  const seenAt = new Map<number, number>();
  const path: number[] = [];
  while (!seenAt.has(at)) {
    seenAt.set(at, path.length);
    path.push(at);
    for (let s = succStart[at]!; s < succStart[at + 1]!; s++) {
      if (indegree[succList[s]!]! > 0) {
        at = succList[s]!;
        break;
      }
    }
  }
  return path.slice(seenAt.get(at));
}

interface FrozenContext {
  jobStart: Int32Array;
  opJob: Int32Array;
  opIndex: Int32Array;
  predStart: Int32Array;
  predList: Int32Array;
  release: Int32Array;
  frozenAlt: Int32Array;
  altStart: Int32Array;
  durations: number[];
}

/**
 * Frozen operations stay where they are and come first on their machines, so each must follow only
 * frozen predecessors that end before it starts, and frozen operations on one machine must not overlap.
 */
function checkFrozen(model: ShopModel, c: FrozenContext, problem: (pointer: string, code: string, message: string) => void): void {
  const byMachine = new Map<number, Array<{ i: number; start: number; end: number }>>();
  const frozenEnd = (i: number) => model.jobs[c.opJob[i]!]!.operations[c.opIndex[i]!]!.frozen!.start + c.durations[c.altStart[i]! + c.frozenAlt[i]!]!;
  for (let i = 0; i < c.frozenAlt.length; i++) {
    if (c.frozenAlt[i]! < 0) continue;
    const frozen = model.jobs[c.opJob[i]!]!.operations[c.opIndex[i]!]!.frozen!;
    const at = `/jobs/${c.opJob[i]}/operations/${c.opIndex[i]}/frozen`;
    const name = `job ${c.opJob[i]} op ${c.opIndex[i]}`;
    for (let p = c.predStart[i]!; p < c.predStart[i + 1]!; p++) {
      const pred = c.predList[p]!;
      if (c.frozenAlt[pred]! < 0) problem(at, 'frozen', `${name} is frozen but its predecessor job ${c.opJob[pred]} op ${c.opIndex[pred]} is not`);
      else if (frozenEnd(pred) > frozen.start) problem(`${at}/start`, 'frozen', `${name} is frozen to start before its predecessor ends`);
    }
    c.release[i] = Math.max(c.release[i]!, frozen.start);
    if (c.release[i] !== frozen.start) problem(`${at}/start`, 'frozen', `${name} is frozen to start before its release`);
    const list = byMachine.get(frozen.machine) ?? [];
    list.push({ i, start: frozen.start, end: frozenEnd(i) });
    byMachine.set(frozen.machine, list);
  }
  for (const [machine, list] of byMachine) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let k = 1; k < list.length; k++) {
      const { i } = list[k]!;
      if (list[k]!.start < list[k - 1]!.end) {
        problem(`/jobs/${c.opJob[i]}/operations/${c.opIndex[i]}/frozen`, 'frozen', `frozen operations overlap on machine ${machine}`);
      }
    }
  }
}
