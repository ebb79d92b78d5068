import { sql } from 'kysely';
import type { PlanningRecord } from '../planning/index.js';
import type { Executor } from '../stores/index.js';

/** The records a schedule is made of, one bulk query per form. */
export interface ShopFloorRecords {
  readonly workCenters: readonly PlanningRecord[];
  readonly routings: readonly PlanningRecord[];
  readonly productionOrders: readonly PlanningRecord[];
  readonly salesOrders: readonly PlanningRecord[];
  readonly items: readonly PlanningRecord[];
}

/** Production orders that still have work for the shop floor; completed and cancelled ones drop out of the next schedule. */
export const SCHEDULED_PRODUCTION_ORDER = ['released', 'in-progress'] as const;

async function live(db: Executor, form: string, status?: readonly string[]): Promise<PlanningRecord[]> {
  let query = db.selectFrom('ordo_records').select(['id', 'data']).where('form', '=', form).where('deleted_at', 'is', null);
  if (status !== undefined) query = query.where(sql<string>`data->>'status'`, 'in', [...status]);
  // Sorted so that the same records give the same request, byte for byte.
  return query.orderBy('id').execute();
}

/** Five set queries, each the current revision of the live records of one form. */
export async function loadShopFloorRecords(db: Executor): Promise<ShopFloorRecords> {
  const [workCenters, routings, productionOrders, salesOrders, items] = await Promise.all([
    live(db, 'work-center'),
    live(db, 'routing', ['released']),
    live(db, 'production-order', SCHEDULED_PRODUCTION_ORDER),
    live(db, 'sales-order'),
    live(db, 'item'),
  ]);
  return { workCenters, routings, productionOrders, salesOrders, items };
}
