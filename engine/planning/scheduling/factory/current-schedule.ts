import type { FieldError } from '../../../errors/index.js';
import type { PlannedOperation, ScheduleRepair } from '../../generated/planning-types.js';
import { invalid } from './compile-factory.js';
import type { FactoryTimes } from './decode-schedule.js';
import type { FactoryModel } from './factory-model.js';
import { isoAt, minutesFrom } from './factory-time.js';
import { factoryCost } from './schedule-output.js';

/** The committed schedule in minutes, by operation of `model` (-1 machine: outsourced; operations it lacks: start -1). */
export interface CurrentTimes {
  readonly machine: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * Reads the committed schedule against the request it was made for: every operation of the first
 * `orderCount` orders must be there once, on a machine that exists; else ORDO_ERR_SCHEDULE_MODEL_INVALID
 * with pointers into `current`.
 */
export function readCurrent(model: FactoryModel, current: readonly PlannedOperation[], orderCount: number): CurrentTimes {
  const n = model.operations.length;
  const index = new Map(model.operations.map((operation, i) => [`${model.orders[operation.order]!.id}\u0000${operation.id}`, i]));
  const machine = new Int32Array(n).fill(-1);
  const start = new Int32Array(n).fill(-1);
  const end = new Int32Array(n).fill(-1);
  const problems: FieldError[] = [];
  current.forEach((placed, k) => {
    const i = index.get(`${placed.order}\u0000${placed.operation}`);
    if (i === undefined || start[i]! >= 0) {
      problems.push({
        pointer: `/current/${k}`,
        code: 'current',
        message: `order ${placed.order} operation ${placed.operation} is ${i === undefined ? 'not in the request' : 'listed twice'}`,
      });
      return;
    }
    const m = placed.machine === undefined ? -1 : (model.machineIndex.get(placed.machine) ?? -2);
    if (m === -2) problems.push({ pointer: `/current/${k}/machine`, code: 'current', message: `machine ${placed.machine} does not exist` });
    machine[i] = m;
    start[i] = minutesFrom(model.originMs, placed.start);
    end[i] = minutesFrom(model.originMs, placed.end);
  });
  model.operations.forEach((operation, i) => {
    if (operation.order < orderCount && start[i]! < 0) {
      problems.push({
        pointer: '/current',
        code: 'current',
        message: `order ${model.orders[operation.order]!.id} operation ${operation.id} is missing from the schedule`,
      });
    }
  });
  if (problems.length > 0) throw invalid(problems);
  return { machine, start, end };
}

/** What moved between the committed schedule and the new one: operations with other times or machine, orders with another finish. */
export function differences(model: FactoryModel, before: CurrentTimes, after: FactoryTimes): Pick<ScheduleRepair, 'moved' | 'finishChanged'> {
  const at = (minute: number) => isoAt(model.originMs, minute);
  const machineId = (m: number) => (m < 0 ? {} : { machine: model.machines[m]!.id });
  const moved: ScheduleRepair['moved'] = [];
  model.operations.forEach((operation, i) => {
    if (before.start[i]! < 0) return;
    if (before.machine[i] === after.machine[i] && before.start[i] === after.start[i] && before.end[i] === after.end[i]) return;
    moved.push({
      order: model.orders[operation.order]!.id,
      operation: operation.id,
      from: { ...machineId(before.machine[i]!), start: at(before.start[i]!), end: at(before.end[i]!) },
      to: { ...machineId(after.machine[i]!), start: at(after.start[i]!), end: at(after.end[i]!) },
    });
  });
  const finishAfter = factoryCost(model, after).finish;
  const finishChanged: ScheduleRepair['finishChanged'] = [];
  model.orders.forEach((order, o) => {
    let finishBefore = -1;
    for (let i = order.firstOp; i < order.firstOp + order.count; i++) finishBefore = Math.max(finishBefore, before.end[i]!);
    if (before.start[order.firstOp]! >= 0 && finishBefore !== finishAfter[o])
      finishChanged.push({ order: order.id, before: at(finishBefore), after: at(finishAfter[o]!) });
  });
  return { moved, finishChanged };
}
