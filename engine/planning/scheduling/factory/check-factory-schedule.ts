import type { PlannedOperation, ScheduleRequest } from '../../generated/planning-types.js';
import { compileFactory } from './compile-factory.js';
import { runMinutes, setupMinutes } from './factory-model.js';
import { minutesFrom } from './factory-time.js';

export interface FactoryViolation {
  readonly code:
    'unknown-op' | 'duplicate-op' | 'missing-op' | 'machine' | 'fixed' | 'release' | 'precedence' | 'overlap' | 'setup' | 'calendar' | 'outsourced';
  readonly message: string;
}

/**
 * The factory rules, checked on a schedule as the API returns it (ids and ISO times), apart from the
 * decoder that made it: every operation once, on a machine of its work center that may do it (outsourced
 * ones on none, for exactly their lead time), fixed operations where they were, nothing before its
 * release or before `now`, after its predecessors (routing and sub-assembly), no overlap on a machine, the
 * setup the family matrix asks for after the previous operation on the machine (one that took time), and exactly setup + run
 * working minutes between start and end, starting and ending inside working windows.
 */
export function checkFactorySchedule(request: ScheduleRequest, operations: readonly PlannedOperation[]): FactoryViolation[] {
  const model = compileFactory(request);
  const violations: FactoryViolation[] = [];
  const add = (code: FactoryViolation['code'], message: string) => violations.push({ code, message });
  const n = model.operations.length;
  const index = new Map(model.operations.map((operation, i) => [`${model.orders[operation.order]!.id}\u0000${operation.id}`, i]));
  const machine = new Int32Array(n).fill(-2);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const setup = new Int32Array(n);
  for (const placed of operations) {
    const i = index.get(`${placed.order}\u0000${placed.operation}`);
    const name = `order ${placed.order} operation ${placed.operation}`;
    if (i === undefined) {
      add('unknown-op', `${name} is not in the request`);
      continue;
    }
    if (machine[i] !== -2) add('duplicate-op', `${name} is scheduled twice`);
    const operation = model.operations[i]!;
    machine[i] = placed.machine === undefined ? -1 : (model.machineIndex.get(placed.machine) ?? -3);
    start[i] = minutesFrom(model.originMs, placed.start);
    end[i] = minutesFrom(model.originMs, placed.end);
    setup[i] = placed.setupMinutes;
    if (operation.outsourcedLead !== undefined) {
      if (machine[i] !== -1) add('machine', `${name} is outsourced but placed on machine ${placed.machine}`);
      if (operation.fixed?.end === undefined && end[i]! - start[i]! !== operation.outsourcedLead)
        add('outsourced', `${name} takes ${end[i]! - start[i]!} minutes, not its lead time ${operation.outsourcedLead}`);
    } else if (!operation.alternatives.some((alternative) => alternative.machine === machine[i])) {
      add('machine', `${name} is on ${placed.machine ?? 'no machine'}, which cannot do it`);
    }
    if (operation.fixed !== undefined) {
      const { fixed } = operation;
      if (fixed.machine !== machine[i] || fixed.start !== start[i] || (fixed.end !== undefined && fixed.end !== end[i]))
        add('fixed', `${name} is fixed but was moved`);
    } else if (start[i]! < operation.release) add('release', `${name} starts at minute ${start[i]}, before its release (or now) at ${operation.release}`);
  }
  model.operations.forEach((operation, i) => {
    if (machine[i] === -2) add('missing-op', `order ${model.orders[operation.order]!.id} operation ${operation.id} is not scheduled`);
  });
  if (violations.length > 0) return violations;

  const name = (i: number) => `order ${model.orders[model.operations[i]!.order]!.id} operation ${model.operations[i]!.id}`;
  for (const [a, b] of model.precedences) {
    if (start[b]! < end[a]!) add('precedence', `${name(b)} starts at minute ${start[b]}, before ${name(a)} ends at ${end[a]}`);
  }
  const sequences: number[][] = model.machines.map(() => []);
  for (let i = 0; i < n; i++) if (machine[i]! >= 0) sequences[machine[i]!]!.push(i);
  sequences.forEach((sequence, m) => {
    sequence.sort((a, b) => start[a]! - start[b]! || end[a]! - end[b]!);
    const calendar = model.machines[m]!.calendar;
    let previous = -1;
    for (const i of sequence) {
      if (previous >= 0 && start[i]! < end[previous]! && end[i]! > start[i]!)
        add('overlap', `${name(i)} overlaps ${name(previous)} on machine ${model.machines[m]!.id}`);
      const expected = setupMinutes(model, m, previous, i);
      if (setup[i] !== expected)
        add('setup', `${name(i)} has a setup of ${setup[i]} minutes after ${previous < 0 ? 'nothing' : name(previous)}, not ${expected}`);
      const work = expected + runMinutes(model, i, m);
      const factEnd = model.operations[i]!.fixed?.end !== undefined;
      if (!factEnd && work > 0) {
        const worked = calendar.workingBetween(start[i]!, end[i]!);
        const opensAtStart = calendar.workingBetween(start[i]!, start[i]! + 1) === 1;
        const openBeforeEnd = calendar.workingBetween(end[i]! - 1, end[i]!) === 1;
        if (worked !== work || !opensAtStart || !openBeforeEnd) {
          add('calendar', `${name(i)} gets ${worked} working minutes of ${work} between minutes ${start[i]} and ${end[i]} on machine ${model.machines[m]!.id}`);
        }
      } else if (!factEnd && end[i] !== start[i]) add('calendar', `${name(i)} has no work but lasts ${end[i]! - start[i]!} minutes`);
      if (end[i]! > start[i]!) previous = i;
    }
  });
  return violations;
}
