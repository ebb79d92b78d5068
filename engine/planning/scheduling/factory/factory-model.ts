import type { ScheduleRequest } from '../../generated/planning-types.js';
import type { MachineCalendar } from './machine-calendar.js';

export interface FactoryMachine {
  readonly id: string;
  readonly workCenter: number;
  readonly speed: number;
  readonly calendar: MachineCalendar;
}

export interface FactoryWorkCenter {
  readonly id: string;
  readonly machines: readonly number[];
  /** Setup minutes by `${fromFamily}\u0000${toFamily}`. */
  readonly setups: ReadonlyMap<string, number>;
}

export interface FactoryAlternative {
  readonly machine: number;
  /** Run minutes on this machine (working time, after its speed factor); the setup comes on top. */
  readonly run: number;
}

export interface FactoryOperation {
  readonly order: number;
  readonly index: number;
  readonly id: string;
  /** Empty for an outsourced operation. */
  readonly alternatives: readonly FactoryAlternative[];
  readonly setup: number;
  readonly family: string | undefined;
  /** Earliest start in minutes: now, the order's release. */
  readonly release: number;
  /** Elapsed minutes of an outsourced operation; undefined when it is done in house. */
  readonly outsourcedLead: number | undefined;
  readonly fixed: { readonly machine: number; readonly start: number; readonly end: number | undefined } | undefined;
}

export interface FactoryOrder {
  readonly id: string;
  readonly due: number | undefined;
  readonly weight: number;
  /** Operations firstOp .. firstOp + count - 1, in routing order. */
  readonly firstOp: number;
  readonly count: number;
}

/**
 * A validated factory request in minutes from the origin, with operations numbered order by order.
 * `precedences` are every arc: routing order inside orders and sub-assembly to parent.
 */
export interface FactoryModel {
  readonly request: ScheduleRequest;
  readonly originMs: number;
  readonly now: number;
  readonly machines: readonly FactoryMachine[];
  readonly machineIndex: ReadonlyMap<string, number>;
  readonly workCenters: readonly FactoryWorkCenter[];
  readonly orders: readonly FactoryOrder[];
  readonly orderIndex: ReadonlyMap<string, number>;
  readonly operations: readonly FactoryOperation[];
  readonly precedences: ReadonlyArray<readonly [number, number]>;
  /** The order whose parent link made each cross-order precedence, by precedence index (routing arcs: -1). */
  readonly precedenceOrder: readonly number[];
}

/** Setup minutes before operation `op` when `previous` (or nothing, -1) ran before it on `machine`. */
export function setupMinutes(model: FactoryModel, machine: number, previous: number, op: number): number {
  const own = model.operations[op]!;
  if (previous < 0 || own.family === undefined) return own.setup;
  const before = model.operations[previous]!.family;
  if (before === undefined) return own.setup;
  return model.workCenters[model.machines[machine]!.workCenter]!.setups.get(`${before}\u0000${own.family}`) ?? own.setup;
}

export function runMinutes(model: FactoryModel, op: number, machine: number): number {
  return model.operations[op]!.alternatives.find((alternative) => alternative.machine === machine)?.run ?? 0;
}
