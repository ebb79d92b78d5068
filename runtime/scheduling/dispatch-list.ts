import { OrdoError } from '../../engine/errors/index.js';
import type { ScheduleResult } from '../../engine/planning/index.js';
import type { DispatchList, ScheduleLabels } from './types.js';

/**
 * The work list of a work center (record id or code), or of one of its machines, from the committed
 * schedule: its operations in start order with what the shop floor needs to know about each.
 */
export function dispatchList(
  run: { id: string; result: ScheduleResult; labels: ScheduleLabels; generatedAt: Date },
  workCenter: string,
  machine?: string,
): DispatchList {
  const id = Object.hasOwn(run.labels.workCenters, workCenter)
    ? workCenter
    : Object.entries(run.labels.workCenters).find(([, label]) => label.code === workCenter)?.[0];
  if (id === undefined) throw new OrdoError('ORDO_ERR_RECORD_NOT_FOUND', `The committed schedule has no work center ${workCenter}`);
  if (machine !== undefined && !run.labels.workCenters[id]!.machines.includes(machine))
    throw new OrdoError('ORDO_ERR_RECORD_NOT_FOUND', `Work center ${workCenter} has no machine ${machine}`);
  const items = run.result.operations
    .filter((placed) => placed.workCenter === id && placed.machine !== undefined && (machine === undefined || placed.machine === machine))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.machine!.localeCompare(b.machine!) || a.operation.localeCompare(b.operation))
    .map((placed) => {
      const order = run.labels.orders[placed.order];
      const operation = run.labels.operations[placed.operation];
      return {
        operation: placed.operation,
        order: placed.order,
        moNo: order?.moNo ?? placed.order,
        item: order?.item ?? '',
        itemName: order?.itemName ?? '',
        qty: order?.qty ?? 0,
        opNo: operation?.opNo ?? 0,
        opName: operation?.name ?? placed.operation,
        machine: placed.machine!,
        start: placed.start,
        end: placed.end,
        setupMinutes: placed.setupMinutes,
        late: placed.late,
        fixed: placed.fixed,
      };
    });
  return { workCenter: id, generatedAt: run.generatedAt.toISOString(), runId: run.id, items };
}
