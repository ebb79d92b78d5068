import type { PlannedOperation, ScheduleRepair, ScheduleRequest } from '../../generated/planning-types.js';
import { checkFactorySchedule, type FactoryViolation } from './check-factory-schedule.js';
import { compileFactory, invalid } from './compile-factory.js';
import { differences, readCurrent } from './current-schedule.js';
import { decodeSchedule, sequencesByStart } from './decode-schedule.js';
import { runMinutes, setupMinutes } from './factory-model.js';
import { isInstant, isoAt, minutesFrom } from './factory-time.js';
import { withFixed } from './freeze-current.js';
import { scheduleResult } from './schedule-output.js';

export interface MoveInput {
  /** The request the current schedule was made for. */
  request: ScheduleRequest;
  current: readonly PlannedOperation[];
  order: string;
  operation: string;
  /** Default: the machine it is on. */
  machine?: string;
  start: string;
  /** The clock now, when it has moved on since the schedule was made: nothing may be moved to start before it. */
  now?: string;
}

export interface MoveViolation {
  readonly kind: 'precedence' | 'overlap' | 'calendar' | 'frozen' | 'release' | 'machine';
  readonly message: string;
}

export type MoveOutcome = { feasible: true; repair: ScheduleRepair } | { feasible: false; violations: MoveViolation[] };

/**
 * A planner drags an operation of the current schedule to a machine and a start. Refused (with every rule
 * it breaks) when the operation is fixed (started, locked, in the frozen window), the machine cannot do it,
 * the start is before now or its release, the machine does not work at that minute, or a predecessor or
 * the operation before it on the machine ends later. Otherwise it goes exactly there and everything after
 * it that would overlap (its routing successors, the operations behind it on the machine, and theirs) is
 * pushed right as far as needed, never left; the result must pass checkFactorySchedule (a push into a
 * fixed operation does not). Nothing else moves.
 */
export function moveOperation(input: MoveInput): MoveOutcome {
  const target = input.current.find((placed) => placed.order === input.order && placed.operation === input.operation);
  if (target === undefined) throw invalid([{ pointer: '/operation', code: 'unknown', message: `operation ${input.operation} is not in the schedule` }]);
  const name = `operation ${input.operation}`;
  const refuse = (kind: MoveViolation['kind'], message: string): MoveOutcome => ({ feasible: false, violations: [{ kind, message }] });
  if (target.fixed) return refuse('frozen', `${name} has started or is in the frozen window and does not move`);
  if (!isInstant(input.start)) throw invalid([{ pointer: '/start', code: 'format', message: `${input.start} is not a date-time` }]);

  const request = withFixed(
    input.request,
    input.current.filter((placed) => placed.fixed).map((placed) => ({ placed })),
  );
  const model = compileFactory(request);
  const before = readCurrent(model, input.current, request.orders.length);
  const i = model.operations.findIndex((operation) => operation.id === input.operation && model.orders[operation.order]!.id === input.order);
  const operation = model.operations[i]!;
  const s = minutesFrom(model.originMs, input.start);
  const nowMinute = Math.max(model.now, input.now === undefined ? 0 : minutesFrom(model.originMs, input.now));
  if (s < nowMinute) return refuse('release', `${name} cannot start before now (${isoAt(model.originMs, nowMinute)})`);
  if (s < operation.release) return refuse('release', `${name} cannot start before its order's release (${isoAt(model.originMs, operation.release)})`);

  const machine = Int32Array.from(before.machine);
  const start = Int32Array.from(before.start);
  const end = Int32Array.from(before.end);
  let m = -1;
  if (operation.outsourcedLead === undefined) {
    const wanted = input.machine ?? target.machine ?? '';
    m = model.machineIndex.get(wanted) ?? -1;
    if (!operation.alternatives.some((alternative) => alternative.machine === m)) return refuse('machine', `machine ${wanted} cannot do ${name}`);
    const work = setupMinutes(model, m, -1, i) + runMinutes(model, i, m);
    const placed = model.machines[m]!.calendar.place(s, work);
    if (placed === undefined || placed.start !== s) return refuse('calendar', `machine ${wanted} does not work at ${input.start}`);
    end[i] = placed.end;
  } else {
    if (input.machine !== undefined) return refuse('machine', `${name} is outsourced and runs on no machine`);
    end[i] = s + operation.outsourcedLead;
  }
  machine[i] = m;
  start[i] = s;

  const notBefore = Int32Array.from(before.start, (minute) => Math.max(0, minute));
  notBefore[i] = s;
  const times = decodeSchedule(model, { machine, sequences: sequencesByStart(model, machine, start, end) }, notBefore);
  if (times === undefined) return refuse('precedence', `${name} cannot go before operations that must come first`);
  if (times.start[i]! > s) {
    const late = model.precedences.find(([a, b]) => b === i && times.end[a]! > s);
    if (late !== undefined) {
      const a = late[0];
      return refuse('precedence', `${name} starts before operation ${model.operations[a]!.id} ends at ${isoAt(model.originMs, times.end[a]!)}`);
    }
    return refuse('overlap', `${name} starts before the operation before it on machine ${model.machines[m]?.id ?? ''} ends`);
  }
  const result = scheduleResult(model, times);
  // A schedule that already broke a rule (the clock moved on) is not the move's fault: only new violations count.
  const known = new Set(checkFactorySchedule(request, input.current).map((violation) => violation.message));
  const violations = checkFactorySchedule(request, result.operations).filter((violation) => !known.has(violation.message));
  if (violations.length > 0) return { feasible: false, violations: violations.map((violation) => ({ kind: kindOf(violation), message: violation.message })) };
  return { feasible: true, repair: { schedule: result, ...differences(model, before, times) } };
}

function kindOf(violation: FactoryViolation): MoveViolation['kind'] {
  switch (violation.code) {
    case 'fixed':
      return 'frozen';
    case 'precedence':
    case 'release':
    case 'machine':
    case 'overlap':
      return violation.code;
    default:
      return 'calendar';
  }
}
