import { OrdoError, type FieldError } from '../../../errors/index.js';
import type { Machine, ScheduleRequest, ShiftCalendar } from '../../generated/planning-types.js';
import type { FactoryMachine, FactoryModel, FactoryOperation, FactoryOrder, FactoryWorkCenter } from './factory-model.js';
import { isInstant, minutesFrom } from './factory-time.js';
import { MachineCalendar } from './machine-calendar.js';

/**
 * Checks a factory request and turns it into minutes and indices. Every problem is reported at once as
 * ORDO_ERR_SCHEDULE_MODEL_INVALID with a JSON pointer into the request: unknown references, a work
 * center or machine without working time (zero capacity), an operation no machine can do, cyclic
 * parent links, fixed placements on a machine that cannot do the operation.
 */
export function compileFactory(request: ScheduleRequest): FactoryModel {
  const problems: FieldError[] = [];
  const problem = (pointer: string, code: string, message: string) => problems.push({ pointer, code, message });
  const instant = (iso: string | undefined, pointer: string): number | undefined => {
    if (iso === undefined) return undefined;
    if (!isInstant(iso)) {
      problem(pointer, 'format', `${iso} is not a date-time`);
      return undefined;
    }
    return minutesFrom(originMs, iso);
  };
  const originMs = isInstant(request.origin) ? Date.parse(request.origin) : Number.NaN;
  if (Number.isNaN(originMs)) throw invalid([{ pointer: '/origin', code: 'format', message: `${request.origin} is not a date-time` }]);
  const now = Math.max(0, instant(request.now, '/now') ?? 0);
  const utcOffsetMinutes = request.utcOffsetMinutes ?? 0;

  const calendars = new Map<string, ShiftCalendar>();
  request.calendars.forEach((calendar, c) => {
    if (calendars.has(calendar.id)) problem(`/calendars/${c}/id`, 'duplicate', `calendar ${calendar.id} is defined twice`);
    calendars.set(calendar.id, calendar);
    (calendar.extraWindows ?? []).forEach((w, k) => [w.from, w.to].forEach((t, e) => instant(t, `/calendars/${c}/extraWindows/${k}/${e ? 'to' : 'from'}`)));
  });

  const machines: FactoryMachine[] = [];
  const machineIndex = new Map<string, number>();
  const workCenters: FactoryWorkCenter[] = [];
  const workCenterIndex = new Map<string, number>();
  request.workCenters.forEach((center, w) => {
    const at = `/workCenters/${w}`;
    if (workCenterIndex.has(center.id)) problem(`${at}/id`, 'duplicate', `work center ${center.id} is defined twice`);
    workCenterIndex.set(center.id, w);
    if ((center.count === undefined) === (center.machines === undefined)) {
      problem(at, 'capacity', `work center ${center.id} needs either a machine count or a list of machines`);
    }
    const listed: Machine[] = center.machines ?? Array.from({ length: center.count ?? 0 }, (_, k) => ({ id: `${center.id}-${k + 1}` }));
    const own: number[] = [];
    listed.forEach((machine, k) => {
      const pointer = center.machines === undefined ? at : `${at}/machines/${k}`;
      if (machineIndex.has(machine.id)) problem(`${pointer}/id`, 'duplicate', `machine ${machine.id} is defined twice`);
      const calendarId = machine.calendar ?? center.calendar;
      const calendar = calendars.get(calendarId);
      if (calendar === undefined) {
        problem(`${pointer}/calendar`, 'unknown', `calendar ${calendarId} does not exist`);
        return;
      }
      for (const [list, name] of [
        [machine.maintenance, 'maintenance'],
        [machine.extraWindows, 'extraWindows'],
      ] as const) {
        (list ?? []).forEach((window, m) => [window.from, window.to].forEach((t, e) => instant(t, `${pointer}/${name}/${m}/${e ? 'to' : 'from'}`)));
      }
      const machineCalendar = new MachineCalendar({
        originMs,
        utcOffsetMinutes,
        calendar,
        extraWindows: machine.extraWindows,
        maintenance: machine.maintenance,
      });
      if (!machineCalendar.hasCapacity()) {
        problem(pointer, 'capacity', `machine ${machine.id} of work center ${center.id} has no working time (zero capacity): check calendar ${calendarId}`);
      }
      machineIndex.set(machine.id, machines.length);
      own.push(machines.length);
      machines.push({ id: machine.id, workCenter: w, speed: machine.speed ?? 1, calendar: machineCalendar });
    });
    const setups = new Map((center.setups ?? []).map((setup) => [`${setup.from}\u0000${setup.to}`, setup.minutes] as const));
    workCenters.push({ id: center.id, machines: own, setups });
  });
  if (problems.length > 0) throw invalid(problems);

  const orderIndex = new Map<string, number>();
  request.orders.forEach((order, o) => {
    if (orderIndex.has(order.id)) problem(`/orders/${o}/id`, 'duplicate', `order ${order.id} is listed twice`);
    orderIndex.set(order.id, o);
  });
  const orders: FactoryOrder[] = [];
  const operations: FactoryOperation[] = [];
  const precedences: Array<readonly [number, number]> = [];
  const precedenceOrder: number[] = [];
  request.orders.forEach((order, o) => {
    const at = `/orders/${o}`;
    const release = Math.max(now, instant(order.release, `${at}/release`) ?? 0);
    const due = instant(order.due, `${at}/due`);
    const firstOp = operations.length;
    const ids = new Set<string>();
    order.operations.forEach((operation, k) => {
      const opAt = `${at}/operations/${k}`;
      if (ids.has(operation.id)) problem(`${opAt}/id`, 'duplicate', `order ${order.id} lists operation ${operation.id} twice`);
      ids.add(operation.id);
      const alternatives: Array<{ machine: number; run: number }> = [];
      const outsourced = operation.outsourcedLeadHours;
      if ((operation.workCenter === undefined) === (outsourced === undefined)) {
        problem(opAt, 'no-machine', `operation ${operation.id} of order ${order.id} needs either a work center or an outsourced lead time`);
      } else if (operation.workCenter !== undefined) {
        const w = workCenterIndex.get(operation.workCenter);
        if (w === undefined) problem(`${opAt}/workCenter`, 'no-machine', `work center ${operation.workCenter} does not exist, so no machine can do it`);
        for (const m of w === undefined ? [] : workCenters[w]!.machines) {
          if (operation.machines !== undefined && !operation.machines.includes(machines[m]!.id)) continue;
          const run = Math.ceil(((operation.runMinutesPerUnit ?? 0) * order.qty) / machines[m]!.speed - 1e-9);
          alternatives.push({ machine: m, run });
        }
        if (w !== undefined && alternatives.length === 0) {
          problem(`${opAt}/machines`, 'no-machine', `no machine of work center ${operation.workCenter} can do operation ${operation.id} of order ${order.id}`);
        }
      }
      let fixed: FactoryOperation['fixed'];
      if (operation.fixed !== undefined) {
        const machine = operation.fixed.machine === undefined ? -1 : (machineIndex.get(operation.fixed.machine) ?? -2);
        const start = instant(operation.fixed.start, `${opAt}/fixed/start`);
        const end = instant(operation.fixed.end, `${opAt}/fixed/end`);
        if (outsourced === undefined ? !alternatives.some((alternative) => alternative.machine === machine) : machine !== -1) {
          problem(
            `${opAt}/fixed/machine`,
            'fixed',
            `operation ${operation.id} of order ${order.id} is fixed on ${operation.fixed.machine ?? 'no machine'}, which cannot do it`,
          );
        } else if (start !== undefined && start < 0) {
          problem(`${opAt}/fixed/start`, 'fixed', 'a fixed operation cannot start before the origin');
        } else if (start !== undefined && end !== undefined && end < start) {
          problem(`${opAt}/fixed/end`, 'fixed', 'a fixed operation cannot end before it starts');
        } else if (start !== undefined) fixed = { machine, start, end };
      }
      if (k > 0) {
        precedences.push([operations.length - 1, operations.length]);
        precedenceOrder.push(-1);
      }
      operations.push({
        order: o,
        index: k,
        id: operation.id,
        alternatives,
        setup: Math.ceil(operation.setupMinutes ?? 0),
        family: order.family,
        release,
        outsourcedLead: outsourced === undefined ? undefined : Math.ceil(outsourced * 60),
        fixed,
      });
    });
    orders.push({ id: order.id, due, weight: order.weight ?? 1, firstOp, count: order.operations.length });
  });
  request.orders.forEach((order, o) => {
    if (order.parent === undefined) {
      if (order.parentOperation !== undefined) problem(`/orders/${o}/parentOperation`, 'unknown', 'a parent operation needs a parent order');
      return;
    }
    const p = orderIndex.get(order.parent);
    if (p === undefined || p === o) {
      problem(`/orders/${o}/parent`, 'unknown', p === o ? `order ${order.id} cannot be its own parent` : `parent order ${order.parent} does not exist`);
      return;
    }
    const parent = orders[p]!;
    const k = order.parentOperation === undefined ? 0 : request.orders[p]!.operations.findIndex((operation) => operation.id === order.parentOperation);
    if (k < 0) {
      problem(`/orders/${o}/parentOperation`, 'unknown', `order ${order.parent} has no operation ${order.parentOperation}`);
      return;
    }
    precedences.push([orders[o]!.firstOp + orders[o]!.count - 1, parent.firstOp + k]);
    precedenceOrder.push(o);
  });
  findParentCycles(request, orderIndex, problem);
  if (problems.length > 0) throw invalid(problems);
  return { request, originMs, now, machines, machineIndex, workCenters, orders, orderIndex, operations, precedences, precedenceOrder };
}

/** Each order has at most one parent, so a cycle of operations is a cycle of orders: follow parents. */
function findParentCycles(
  request: ScheduleRequest,
  orderIndex: ReadonlyMap<string, number>,
  problem: (pointer: string, code: string, message: string) => void,
) {
  const state = new Int8Array(request.orders.length);
  request.orders.forEach((_, start) => {
    const path: number[] = [];
    let at: number | undefined = start;
    while (at !== undefined && state[at] === 0) {
      state[at] = 1;
      path.push(at);
      const parent: string | undefined = request.orders[at]!.parent;
      at = parent === undefined ? undefined : orderIndex.get(parent);
    }
    if (at !== undefined && state[at] === 1 && path.includes(at)) {
      const cycle = path.slice(path.indexOf(at)).map((o) => request.orders[o]!.id);
      problem(`/orders/${at}/parent`, 'cycle', `the parent links form a cycle: ${cycle.join(' -> ')} -> ${cycle[0]}`);
    }
    for (const o of path) state[o] = 2;
  });
}

export function invalid(found: FieldError[]): OrdoError {
  // The identical machines of a work center share its problems: say each once.
  const problems = found.filter((problem, k) => found.findIndex((other) => other.pointer === problem.pointer && other.message === problem.message) === k);
  const first = problems[0]!.message;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new OrdoError('ORDO_ERR_SCHEDULE_MODEL_INVALID', `${first}${more}`, { fields: problems });
}

/**
 * Runs `work` for a function whose input wraps the request (`{request, ...}`): pointers into the request
 * get the `/request` prefix, pointers into the rest of the input stay, and `rename` may move others (the
 * inserted order is `/order`, not the last of `/request/orders`).
 */
export function inRequest<T>(work: () => T, rename: (pointer: string) => string | undefined = () => undefined): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof OrdoError) || error.code !== 'ORDO_ERR_SCHEDULE_MODEL_INVALID') throw error;
    const own = /^\/(current|changes|events|order)(\/|$)/;
    const fields = error.fields.map((field) => ({
      ...field,
      pointer: rename(field.pointer) ?? (own.test(field.pointer) ? field.pointer : `/request${field.pointer}`),
    }));
    return invalidThrow(error.message, fields);
  }
}

function invalidThrow(message: string, fields: FieldError[]): never {
  throw new OrdoError('ORDO_ERR_SCHEDULE_MODEL_INVALID', message, { fields });
}
