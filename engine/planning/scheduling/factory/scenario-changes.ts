import type { FieldError } from '../../../errors/index.js';
import type { Machine, ScenarioChange, ScheduleRequest, TimeWindow } from '../../generated/planning-types.js';

/**
 * The machine with this id, its work center's `count` spelled out as named machines first (the names
 * compileFactory gives them), so a window can be added to one of several identical machines.
 * Mutates `request`: callers pass a copy.
 */
export function machineOf(request: ScheduleRequest, id: string): Machine | undefined {
  for (const center of request.workCenters) {
    if (center.machines === undefined && center.count !== undefined) {
      const names = Array.from({ length: center.count }, (_, k) => `${center.id}-${k + 1}`);
      if (!names.includes(id)) continue;
      center.machines = names.map((name) => ({ id: name })) as [Machine, ...Machine[]];
      delete center.count;
    }
    const found = center.machines?.find((machine) => machine.id === id);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function addDowntime(machine: Machine, window: TimeWindow): void {
  machine.maintenance = [...(machine.maintenance ?? []), window];
}

/** Applies a scenario's changes to a copy of the request; the problems name the change that does not fit. */
export function applyChanges(request: ScheduleRequest, changes: readonly ScenarioChange[]): { request: ScheduleRequest; problems: FieldError[] } {
  const copy = structuredClone(request);
  const problems: FieldError[] = [];
  changes.forEach((change, k) => {
    const at = `/changes/${k}`;
    if (change.kind === 'rush-order') copy.orders.push(structuredClone(change.order));
    else if (change.kind === 'material-late') {
      const order = copy.orders.find((candidate) => candidate.id === change.order);
      if (order === undefined) problems.push({ pointer: `${at}/order`, code: 'unknown', message: `order ${change.order} does not exist` });
      else order.release = change.release;
    } else if (change.kind === 'machine-down') {
      const machine = machineOf(copy, change.machine);
      if (machine === undefined) problems.push({ pointer: `${at}/machine`, code: 'unknown', message: `machine ${change.machine} does not exist` });
      else addDowntime(machine, { from: change.from, to: change.to });
    } else {
      const window = { from: change.from, to: change.to };
      const center = copy.workCenters.find((candidate) => candidate.id === change.workCenter);
      const ids =
        change.machine !== undefined
          ? [change.machine]
          : center === undefined
            ? []
            : (center.machines?.map((m) => m.id) ?? Array.from({ length: center.count ?? 0 }, (_, n) => `${center.id}-${n + 1}`));
      if (ids.length === 0) problems.push({ pointer: at, code: 'unknown', message: 'overtime needs a work center or a machine that exists' });
      for (const id of ids) {
        const machine = machineOf(copy, id);
        if (machine === undefined) problems.push({ pointer: `${at}/machine`, code: 'unknown', message: `machine ${id} does not exist` });
        else machine.extraWindows = [...(machine.extraWindows ?? []), window];
      }
    }
  });
  return { request: copy, problems };
}
