import { OrdoError, type FieldError } from '../../engine/errors/index.js';
import type { CompiledForm } from '../../engine/forms/index.js';
import type { MrpPlan, PlannedOrder } from '../../engine/planning/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { requireFormAccess } from '../services/form-access.js';
import { runIdempotent } from '../services/idempotent-command.js';
import { createRecordWithin } from '../services/record-writes.js';
import type { Actor } from '../services/types.js';
import { databaseNow, findPlanRun, insertPlanFirmings, isUniqueViolation, listPlanFirmings, type Executor, type PlanFirmingRow } from '../stores/index.js';
import type { WorkflowService } from '../workflows/types.js';
import type { PlanningLabels } from './scenario-from-records.js';
import type { FirmedOrder } from './types.js';

/** What each kind of planned order becomes: a record of the shipped form, with its workflow started. */
const TARGETS = {
  buy: { form: 'purchase-requisition', workflow: 'purchase-requisition' },
  make: { form: 'production-order', workflow: 'production-order' },
} as const;

export interface FirmingDependencies {
  database: OrdoDatabase;
  form(id: string): CompiledForm;
  workflows: Pick<WorkflowService, 'startWithin'>;
}

/**
 * Firms planned orders of a stored run: each becomes a purchase requisition (buy) or a production
 * order (make) through the form's rules, with its workflow started, and the run remembers which
 * record it became. All in one transaction: one failure leaves no record, no instance, no firming.
 */
export async function firmPlannedOrders(
  deps: FirmingDependencies,
  actor: Actor,
  runId: string,
  plannedOrders: readonly string[],
  options: { idempotencyKey?: string } = {},
): Promise<{ created: FirmedOrder[]; replayed: boolean }> {
  const run = await findPlanRun(deps.database.db, runId);
  if (run === undefined) throw new OrdoError('ORDO_ERR_PLAN_RUN_NOT_FOUND', `No plan run ${runId}`);
  const plan = run.plan as unknown as MrpPlan;
  const labels = run.labels as unknown as PlanningLabels;
  const chosen = requirePlannedOrders(plan, plannedOrders);
  const request = { command: 'firm', runId, plannedOrders: [...plannedOrders] };
  try {
    const { result, replayed } = await runIdempotent(deps.database, actor, options.idempotencyKey, request, async (trx) => {
      await refuseFirmed(trx, runId, plannedOrders);
      const at = await databaseNow(trx);
      const created: FirmedOrder[] = [];
      for (const planned of chosen) created.push(await firmOne(trx, deps, actor, { runId, planned, labels, at }));
      const rows = created.map((order, position): PlanFirmingRow => ({
        run_id: runId,
        planned_order: order.plannedOrder,
        position,
        form: order.form,
        record_id: order.recordId,
        title: order.title,
        created_at: at,
        created_by: actor.username,
      }));
      await insertPlanFirmings(trx, rows);
      return { created };
    });
    return { created: result.created, replayed };
  } catch (error) {
    // Another request firmed one of them between our check and our insert; it committed first.
    if (isUniqueViolation(error)) await refuseFirmed(deps.database.db, runId, plannedOrders);
    throw error;
  }
}

function requirePlannedOrders(plan: MrpPlan, ids: readonly string[]): PlannedOrder[] {
  const byId = new Map(plan.plannedOrders.map((order) => [order.id, order]));
  const unknown: FieldError[] = ids.flatMap((id, i) =>
    byId.has(id) ? [] : [{ pointer: `/body/plannedOrders/${i}`, code: 'unknown', message: `no planned order "${id}" in this plan run` }],
  );
  if (unknown.length > 0) throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${unknown[0]?.pointer}: ${unknown[0]?.message}`, { fields: unknown });
  return ids.map((id) => byId.get(id) as PlannedOrder);
}

async function refuseFirmed(exec: Executor, runId: string, ids: readonly string[]): Promise<void> {
  const wanted = new Set(ids);
  const firmed = (await listPlanFirmings(exec, runId)).filter((row) => wanted.has(row.planned_order));
  if (firmed.length === 0) return;
  const position = new Map(ids.map((id, i) => [id, i]));
  throw new OrdoError('ORDO_ERR_PLANNED_ORDER_FIRMED', `${firmed.map((row) => `${row.planned_order} is ${row.title}`).join('; ')} already`, {
    fields: firmed.map((row) => ({
      pointer: `/body/plannedOrders/${position.get(row.planned_order) ?? 0}`,
      code: 'firmed',
      message: `already firmed as ${row.title}`,
    })),
    extra: { firmed: firmed.map((row) => ({ plannedOrder: row.planned_order, form: row.form, recordId: row.record_id, title: row.title })) },
  });
}

async function firmOne(
  trx: Executor,
  deps: FirmingDependencies,
  actor: Actor,
  place: { runId: string; planned: PlannedOrder; labels: PlanningLabels; at: Date },
): Promise<FirmedOrder> {
  const target = TARGETS[place.planned.kind];
  const form = deps.form(target.form);
  requireFormAccess(form.definition, actor.roles, 'create');
  const data = firmedRecordData(place.planned, place.labels, actor);
  const record = await createRecordWithin(trx, form, actor, data, place.at);
  await deps.workflows.startWithin(trx, actor, target.workflow, record, place.at);
  const titleField = form.definition.titleField;
  const title = titleField === undefined ? record.id : String(record.data[titleField] ?? record.id);
  return { plannedOrder: place.planned.id, form: target.form, recordId: record.id, title };
}

/** The new record's data: a requisition needed by the planned due date, or a production order from start to due, pegged to its sales order. */
export function firmedRecordData(planned: PlannedOrder, labels: PlanningLabels, actor: Actor): Record<string, unknown> {
  const salesOrder = planned.salesOrder === undefined ? undefined : labels.salesOrders[planned.salesOrder]?.recordId;
  const pegged = salesOrder === undefined ? {} : { salesOrder };
  const note = actor.locale === 'en' ? `MRP planned order ${planned.id}` : `MRP 计划订单 ${planned.id}`;
  const forOrder = planned.salesOrder === undefined ? '' : actor.locale === 'en' ? ` for ${planned.salesOrder}` : `，用于 ${planned.salesOrder}`;
  if (planned.kind === 'buy') {
    return {
      requester: actor.username,
      department: 'production',
      neededBy: planned.due,
      ...pegged,
      lines: [{ lineNo: 1, item: planned.item, qty: planned.qty }],
      reason: `${note}${forOrder}`,
    };
  }
  return {
    item: planned.item,
    qty: planned.qty,
    startDate: planned.start,
    dueDate: planned.due,
    ...(planned.bomVersion === undefined ? {} : { bomVersion: planned.bomVersion }),
    ...pegged,
    remarks: `${note}${forOrder}`,
  };
}
