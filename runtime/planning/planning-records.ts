import { sql } from 'kysely';
import type { Executor } from '../stores/index.js';

/** A record as the planning snapshot reads it: its id and its current data. */
export interface PlanningRecord {
  readonly id: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The records a plan is made of, one bulk query per form. */
export interface PlanningRecords {
  readonly items: readonly PlanningRecord[];
  readonly boms: readonly PlanningRecord[];
  readonly routings: readonly PlanningRecord[];
  readonly workCenters: readonly PlanningRecord[];
  readonly stockLots: readonly PlanningRecord[];
  readonly purchaseOrders: readonly PlanningRecord[];
  readonly requisitions: readonly PlanningRecord[];
  readonly productionOrders: readonly PlanningRecord[];
  /** Every live sales order: the open ones are demand, and all of them name the orders stock and supply are reserved to. */
  readonly salesOrders: readonly PlanningRecord[];
}

/** Statuses whose records still stand for supply; the others are received, done or given up. */
export const OPEN_PURCHASE_ORDER = ['draft', 'ordered', 'partially-received'] as const;
export const OPEN_REQUISITION = ['draft', 'approval', 'approved'] as const;
export const OPEN_PRODUCTION_ORDER = ['released', 'in-progress'] as const;

/** The live records of one form, optionally of some statuses only, in one set query. */
export async function liveRecords(db: Executor, form: string, status?: readonly string[]): Promise<PlanningRecord[]> {
  let query = db.selectFrom('ordo_records').select(['id', 'data']).where('form', '=', form).where('deleted_at', 'is', null);
  if (status !== undefined) query = query.where(sql<string>`data->>'status'`, 'in', [...status]);
  // Sorted so that the same records give the same plan or schedule, byte for byte.
  return query.orderBy('id').execute();
}

/**
 * Reads everything planning needs in nine set queries, each the current revision of the live
 * records of one form (ordo_records holds only the latest revision; history is elsewhere).
 */
export async function loadPlanningRecords(db: Executor): Promise<PlanningRecords> {
  const [items, boms, routings, workCenters, stockLots, purchaseOrders, requisitions, productionOrders, salesOrders] = await Promise.all([
    liveRecords(db, 'item'),
    liveRecords(db, 'bom', ['released']),
    liveRecords(db, 'routing', ['released']),
    liveRecords(db, 'work-center'),
    liveRecords(db, 'stock-lot'),
    liveRecords(db, 'purchase-order', OPEN_PURCHASE_ORDER),
    liveRecords(db, 'purchase-requisition', OPEN_REQUISITION),
    liveRecords(db, 'production-order', OPEN_PRODUCTION_ORDER),
    liveRecords(db, 'sales-order'),
  ]);
  return { items, boms, routings, workCenters, stockLots, purchaseOrders, requisitions, productionOrders, salesOrders };
}
