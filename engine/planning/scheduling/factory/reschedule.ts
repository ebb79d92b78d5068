import type { PlannedOperation, ScheduleRepair, ScheduleRequest, ScheduleRescheduleRequest } from '../../generated/planning-types.js';
import { compileFactory, inRequest, invalid } from './compile-factory.js';
import { differences, readCurrent } from './current-schedule.js';
import { frozenUntil, withFixed } from './freeze-current.js';
import { solveFactory } from './plan-factory.js';
import { addDowntime, machineOf } from './scenario-changes.js';
import { scheduleResult } from './schedule-output.js';

/**
 * `schedule.reschedule`: after shop-floor events, schedules again what is not frozen. A breakdown becomes
 * downtime of its machine; a finished operation gets its actual end. An operation kept must have every
 * predecessor kept and ending by its start, and its machine free by then (one planned to start before now
 * behind a late operation has not really started). Kept are: operations that started before now (one running into a breakdown pauses
 * and continues after the repair, the usual rule for work across a break), and operations in the frozen
 * window whose machine does not break down there. All else is planned again by dispatch and search, with
 * the same limits as schedule.plan.
 */
export function reschedule(input: ScheduleRescheduleRequest): ScheduleRepair {
  return rescheduleRun(input).repair;
}

/**
 * reschedule, with the request the new schedule was made for: the input's, with each breakdown as
 * downtime of its machine and every operation kept fixed where it stays. Store this one beside the
 * schedule: the input's request lacks the kept operations, and once the clock passes a kept operation's
 * start the schedule would break that request's `now`.
 */
export function rescheduleRun(input: ScheduleRescheduleRequest): { request: ScheduleRequest; repair: ScheduleRepair } {
  return inRequest(() => rescheduleAfter(input));
}

function rescheduleAfter(input: ScheduleRescheduleRequest): { request: ScheduleRequest; repair: ScheduleRepair } {
  const request = structuredClone(input.request);
  const problems: Array<{ pointer: string; code: string; message: string }> = [];
  const finished = new Map<string, string>();
  const downtime = new Map<string, Array<readonly [number, number]>>();
  input.events.forEach((event, k) => {
    if (event.kind === 'breakdown') {
      const machine = machineOf(request, event.machine);
      if (machine === undefined) problems.push({ pointer: `/events/${k}/machine`, code: 'unknown', message: `machine ${event.machine} does not exist` });
      else {
        addDowntime(machine, { from: event.from, to: event.until });
        downtime.set(event.machine, [...(downtime.get(event.machine) ?? []), [Date.parse(event.from), Date.parse(event.until)]]);
      }
    } else finished.set(`${event.order}\u0000${event.operation}`, event.end);
  });
  if (problems.length > 0) throw invalid(problems);

  const plain = compileFactory(request);
  const before = readCurrent(plain, input.current, request.orders.length);
  const now = Date.parse(request.now ?? request.origin);
  const until = frozenUntil(request);
  const key = (placed: PlannedOperation) => `${placed.order}\u0000${placed.operation}`;
  const keptEnd = new Map<string, number>();
  const kept: Array<{ placed: PlannedOperation; end?: string | null }> = [];
  const predecessors = new Map<string, string[]>();
  for (const [a, b] of plain.precedences) {
    const name = (i: number) => `${plain.orders[plain.operations[i]!.order]!.id}\u0000${plain.operations[i]!.id}`;
    predecessors.set(name(b), [...(predecessors.get(name(b)) ?? []), name(a)]);
  }
  const machineEnd = new Map<string, number>();
  for (const placed of [...input.current].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    const start = Date.parse(placed.start);
    const end = Date.parse(finished.get(key(placed)) ?? placed.end);
    const hit = (downtime.get(placed.machine ?? '') ?? []).some(([from, to]) => from < Math.max(end, until) && to > start);
    const predecessorsDone = (predecessors.get(key(placed)) ?? []).every((p) => (keptEnd.get(p) ?? Number.POSITIVE_INFINITY) <= start);
    const machineFree = placed.machine === undefined || (machineEnd.get(placed.machine) ?? Number.NEGATIVE_INFINITY) <= start;
    if (!predecessorsDone || !machineFree) continue;
    if (start < now) {
      // Started: it stays. Still running into a breakdown, it pauses and its end comes from the calendar.
      const running = end > now && hit && !finished.has(key(placed));
      kept.push({ placed, end: running ? null : new Date(end).toISOString() });
      keptEnd.set(key(placed), running ? Number.POSITIVE_INFINITY : end);
      if (placed.machine !== undefined) machineEnd.set(placed.machine, running ? Number.POSITIVE_INFINITY : end);
    } else if (start < until && !hit) {
      kept.push({ placed, end: new Date(end).toISOString() });
      keptEnd.set(key(placed), end);
      if (placed.machine !== undefined) machineEnd.set(placed.machine, end);
    }
  }
  const solved = withFixed(request, kept);
  const model = compileFactory(solved);
  const { times, search } = solveFactory(model);
  return { request: solved, repair: { schedule: scheduleResult(model, times, search), ...differences(model, before, times) } };
}
