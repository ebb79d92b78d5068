import { OrdoError, type FieldError } from '../../engine/errors/index.js';
import type { ScenarioChange, ScheduleRequest } from '../../engine/planning/index.js';
import { applyChanges, SCHEDULE_WHATIF_REQUEST_SCHEMA } from '../../engine/planning/scheduling/index.js';
import { schemaProblems } from '../planning/index.js';
import { PRIORITY_WEIGHT } from './shop-floor-from-records.js';
import type { ScheduleLabels, ScheduleScenarioChange } from './types.js';

/**
 * The scenario request of a what-if on the live request. A rush order naming a production order record
 * that is already scheduled makes that order a rush (weight 10): "what if we expedite this one"; a full
 * order is added as it is. Problems point into the body (`/body/changes/2/machine`).
 */
export function scenarioRequest(
  request: ScheduleRequest,
  labels: ScheduleLabels,
  changes: readonly ScheduleScenarioChange[],
): { scenario: ScheduleRequest; labels: ScheduleLabels } {
  const problems: FieldError[] = [];
  const engineChanges: ScenarioChange[] = [];
  const positions: number[] = [];
  const expedite: string[] = [];
  const scenarioLabels = structuredClone(labels);
  changes.forEach((change, k) => {
    if (change.kind === 'rush-order' && 'recordId' in change) {
      if (request.orders.some((order) => order.id === change.recordId)) expedite.push(change.recordId);
      else problems.push({ pointer: `/body/changes/${k}/recordId`, code: 'unknown', message: `${change.recordId} is not an open production order the schedule can take` });
      return;
    }
    if (change.kind === 'rush-order') {
      const { order } = change;
      scenarioLabels.orders[order.id] = { recordId: order.id, moNo: order.id, item: '', itemName: '', qty: order.qty, ...(order.due === undefined ? {} : { due: order.due }), priority: 'rush' };
      for (const operation of order.operations) scenarioLabels.operations[operation.id] = { opNo: Number.parseInt(operation.id.split('/').at(-1) ?? '', 10) || 0, name: operation.id };
    }
    engineChanges.push(change);
    positions.push(k);
  });
  const atBody = (pointer: string) => pointer.replace(/^\/changes\/(\d+)/, (_, j: string) => `/body/changes/${positions[Number(j)]}`);
  // The route checks each change's kind only; a spelt-out order or window is checked against the engine's own schema.
  if (engineChanges.length > 0) {
    for (const problem of schemaProblems(SCHEDULE_WHATIF_REQUEST_SCHEMA, { request, changes: engineChanges })) problems.push({ ...problem, pointer: atBody(problem.pointer) });
  }
  if (problems.length > 0) throw new OrdoError('ORDO_ERR_REQUEST_INVALID', problems[0]!.message, { fields: problems });
  const applied = applyChanges(request, engineChanges);
  for (const problem of applied.problems) {
    problems.push({ ...problem, pointer: atBody(problem.pointer) });
  }
  if (problems.length > 0) throw new OrdoError('ORDO_ERR_REQUEST_INVALID', problems[0]!.message, { fields: problems });
  for (const order of applied.request.orders) {
    if (!expedite.includes(order.id)) continue;
    order.weight = PRIORITY_WEIGHT.rush;
    const label = scenarioLabels.orders[order.id];
    if (label !== undefined) label.priority = 'rush';
  }
  return { scenario: applied.request, labels: scenarioLabels };
}
