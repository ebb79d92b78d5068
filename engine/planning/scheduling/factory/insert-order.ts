import type { ScheduleInsertRequest, ScheduleRepair, ScheduleRequest } from '../../generated/planning-types.js';
import { compileFactory, inRequest, invalid } from './compile-factory.js';
import { differences, readCurrent } from './current-schedule.js';
import { decodeSchedule, sequencesByStart, type FactoryTimes } from './decode-schedule.js';
import type { FactoryModel } from './factory-model.js';
import { frozenUntil, withFixed } from './freeze-current.js';
import { scheduleResult } from './schedule-output.js';

/**
 * `schedule.insert`: adds one order to the committed schedule, moving as little else as possible.
 * Operations in the frozen window (starting before now + frozenHours) and fixed ones never move; the
 * others keep their machine and their place in its sequence and may only shift right. The new order's
 * operations go in routing order, each on the machine and at the place in the sequence where it ends
 * earliest, ties going to the place that moves fewer operations. "At its priority": a place is allowed
 * when it moves only operations of orders with a lower priority (smaller weight, or the same weight and a
 * later due date), so it may take an idle gap anywhere and push lower-priority work aside; the end of a
 * sequence is always allowed, and no place comes before a fixed operation. Everything it displaces is
 * shifted right along the machine sequences and the precedences, nothing else.
 */
export function insertOrder(input: ScheduleInsertRequest): ScheduleRepair {
  return insertOrderRun(input).repair;
}

/**
 * insertOrder, with the request the new schedule was made for: the input's with the new order, and the
 * operations of the frozen window fixed where they are. Store this one beside the schedule (see
 * rescheduleRun: the input's request lacks the frozen operations).
 */
export function insertOrderRun(input: ScheduleInsertRequest): { request: ScheduleRequest; repair: ScheduleRepair } {
  const newOrder = `/orders/${input.request.orders.length}`;
  return inRequest(
    () => insertInto(input),
    (pointer) => (pointer === newOrder || pointer.startsWith(`${newOrder}/`) ? `/order${pointer.slice(newOrder.length)}` : undefined),
  );
}

function insertInto(input: ScheduleInsertRequest): { request: ScheduleRequest; repair: ScheduleRepair } {
  const plain = compileFactory({ ...input.request, orders: [...input.request.orders, input.order] });
  const existing = input.request.orders.length;
  const before = readCurrent(plain, input.current, existing);
  const until = frozenUntil(input.request);
  const frozen = input.current.filter((placed) => Date.parse(placed.start) < until).map((placed) => ({ placed }));
  const solved = withFixed({ ...input.request, orders: [...input.request.orders, input.order] }, frozen);
  const model = compileFactory(solved);

  const n = model.operations.length;
  const machine = Int32Array.from(before.machine);
  const notBefore = Int32Array.from(before.start, (start) => Math.max(0, start));
  const added = model.orders[existing]!;
  for (let i = added.firstOp; i < n; i++) machine[i] = model.operations[i]!.alternatives[0]?.machine ?? -1;
  const sequences = sequencesByStart(model, machine, before.start, before.end).map((sequence) => sequence.filter((i) => i < added.firstOp));

  let times = decode(model, machine, sequences, notBefore);
  if (times === undefined)
    throw invalid([{ pointer: '/current', code: 'current', message: 'the committed schedule contradicts the precedences of the request' }]);
  const outranks = (i: number) => {
    const other = model.orders[model.operations[i]!.order]!;
    return other.weight < added.weight || (other.weight === added.weight && (other.due ?? Infinity) > (added.due ?? Infinity));
  };
  for (let i = added.firstOp; i < n; i++) {
    const operation = model.operations[i]!;
    if (operation.outsourcedLead !== undefined) continue;
    let best: { times: FactoryTimes; machine: number; position: number; moved: number } | undefined;
    for (const { machine: m } of operation.alternatives) {
      const sequence = sequences[m]!;
      let first = sequence.length;
      while (first > 0 && model.operations[sequence[first - 1]!]!.fixed === undefined) first--;
      for (let position = sequence.length; position >= first; position--) {
        sequence.splice(position, 0, i);
        machine[i] = m;
        const trial = decode(model, machine, sequences, notBefore);
        sequence.splice(position, 1);
        if (trial === undefined) continue;
        if (position < sequence.length && delaysPeer(before, trial, added.firstOp, outranks)) continue;
        const moved = movedCount(before, trial, added.firstOp);
        const better = best === undefined || trial.end[i]! < best.times.end[i]! || (trial.end[i] === best.times.end[i] && moved < best.moved);
        if (better) best = { times: trial, machine: m, position, moved };
      }
    }
    if (best === undefined)
      throw invalid([{ pointer: '/order', code: 'insert', message: `operation ${operation.id} cannot be placed without moving a fixed operation` }]);
    sequences[best.machine]!.splice(best.position, 0, i);
    machine[i] = best.machine;
    times = best.times;
  }
  times = decode(model, machine, sequences, notBefore)!;
  return { request: solved, repair: { schedule: scheduleResult(model, times), ...differences(model, before, times) } };
}

/** Decodes, and refuses a result where a shifted operation runs into a fixed one that follows it on its machine. */
function decode(model: FactoryModel, machine: Int32Array, sequences: number[][], notBefore: Int32Array): FactoryTimes | undefined {
  const times = decodeSchedule(model, { machine, sequences }, notBefore);
  if (times === undefined) return undefined;
  for (const sequence of sequences) {
    for (let k = 1; k < sequence.length; k++) {
      const [a, b] = [sequence[k - 1]!, sequence[k]!];
      if (model.operations[b]!.fixed !== undefined && times.end[a]! > times.start[b]! && times.end[b]! > times.start[b]!) return undefined;
    }
  }
  for (const [a, b] of model.precedences) if (model.operations[b]!.fixed !== undefined && times.end[a]! > times.start[b]!) return undefined;
  return times;
}

/** Whether an operation of an order the new one does not outrank would move: appending at the end of a sequence is always allowed. */
function delaysPeer(before: { start: Int32Array; end: Int32Array }, after: FactoryTimes, existingOps: number, outranks: (i: number) => boolean): boolean {
  for (let i = 0; i < existingOps; i++) if ((before.start[i] !== after.start[i] || before.end[i] !== after.end[i]) && !outranks(i)) return true;
  return false;
}

function movedCount(before: { start: Int32Array; end: Int32Array }, after: FactoryTimes, existingOps: number): number {
  let moved = 0;
  for (let i = 0; i < existingOps; i++) if (before.start[i] !== after.start[i] || before.end[i] !== after.end[i]) moved++;
  return moved;
}
