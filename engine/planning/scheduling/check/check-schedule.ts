import type { Schedule, ScheduledOperation, ShopModel } from '../model/index.js';

export interface ScheduleViolation {
  readonly code:
    | 'unknown-op'
    | 'duplicate-op'
    | 'missing-op'
    | 'wrong-machine'
    | 'wrong-duration'
    | 'release'
    | 'precedence'
    | 'overlap'
    | 'frozen'
    | 'makespan';
  readonly message: string;
}

/**
 * The scheduler's own feasibility check, independent of the solver's data structures: every
 * operation exactly once, on a machine that can do it for that machine's duration, not before its
 * release, after its predecessors (routing and cross-job), frozen operations where they were, no two
 * operations overlapping on a machine (zero-length operations occupy no time), and the makespan the
 * latest end. Returns every violation found; an empty list means feasible.
 */
export function checkSchedule(model: ShopModel, schedule: Schedule): ScheduleViolation[] {
  const violations: ScheduleViolation[] = [];
  const add = (code: ScheduleViolation['code'], message: string) => violations.push({ code, message });
  const placed = model.jobs.map((job) => new Array<ScheduledOperation | undefined>(job.operations.length));
  for (const entry of schedule.operations) {
    const job = model.jobs[entry.job];
    const operation = job?.operations[entry.op];
    const name = `job ${entry.job} op ${entry.op}`;
    if (job === undefined || operation === undefined) {
      add('unknown-op', `${name} does not exist`);
      continue;
    }
    if (placed[entry.job]![entry.op] !== undefined) add('duplicate-op', `${name} is scheduled twice`);
    placed[entry.job]![entry.op] = entry;
    const alternative = operation.alternatives.find((candidate) => candidate.machine === entry.machine);
    if (alternative === undefined) add('wrong-machine', `${name} is on machine ${entry.machine}, which cannot do it`);
    else if (entry.end - entry.start !== alternative.duration) {
      add('wrong-duration', `${name} lasts ${entry.end - entry.start} on machine ${entry.machine}, not ${alternative.duration}`);
    }
    const release = Math.max(job.release ?? 0, operation.release ?? 0, 0);
    if (entry.start < release) add('release', `${name} starts at ${entry.start}, before its release ${release}`);
    if (operation.frozen !== undefined && (operation.frozen.machine !== entry.machine || operation.frozen.start !== entry.start)) {
      const { machine, start } = operation.frozen;
      add('frozen', `${name} is frozen on machine ${machine} at ${start} but was moved to machine ${entry.machine} at ${entry.start}`);
    }
  }
  model.jobs.forEach((job, j) =>
    job.operations.forEach((_, k) => {
      if (placed[j]![k] === undefined) add('missing-op', `job ${j} op ${k} is not scheduled`);
    }),
  );
  if (violations.length > 0) return violations;

  const at = (job: number, op: number) => placed[job]![op]!;
  const arcs = model.jobs.flatMap((job, j) => job.operations.slice(1).map((_, k) => ({ before: { job: j, op: k }, after: { job: j, op: k + 1 } })));
  for (const { before, after } of [...arcs, ...(model.precedences ?? [])]) {
    const [first, then] = [at(before.job, before.op), at(after.job, after.op)];
    if (then.start < first.end) {
      add('precedence', `job ${then.job} op ${then.op} starts at ${then.start}, before job ${first.job} op ${first.op} ends at ${first.end}`);
    }
  }
  const byMachine = new Map<number, ScheduledOperation[]>();
  for (const entry of placed.flat()) {
    if (entry !== undefined && entry.end > entry.start) byMachine.set(entry.machine, [...(byMachine.get(entry.machine) ?? []), entry]);
  }
  for (const [machine, list] of byMachine) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < list.length; i++) {
      const [previous, current] = [list[i - 1]!, list[i]!];
      if (current.start < previous.end) {
        const [a, b] = [previous, current];
        add('overlap', `machine ${machine}: job ${b.job} op ${b.op} starts at ${b.start}, before job ${a.job} op ${a.op} ends at ${a.end}`);
      }
    }
  }
  const latest = Math.max(0, ...placed.flat().map((entry) => entry!.end));
  if (schedule.makespan !== latest) add('makespan', `the makespan is given as ${schedule.makespan}, but the latest operation ends at ${latest}`);
  return violations;
}
