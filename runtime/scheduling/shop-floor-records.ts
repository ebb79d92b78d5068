import { liveRecords, OPEN_PRODUCTION_ORDER, type PlanningRecord } from '../planning/index.js';
import type { Executor } from '../stores/index.js';

/** The records a schedule is made of, one bulk query per form. */
export interface ShopFloorRecords {
  readonly workCenters: readonly PlanningRecord[];
  readonly routings: readonly PlanningRecord[];
  readonly productionOrders: readonly PlanningRecord[];
  readonly salesOrders: readonly PlanningRecord[];
  readonly items: readonly PlanningRecord[];
}

/** Five set queries, each the current revision of the live records of one form; completed and cancelled production orders drop out of the next schedule. */
export async function loadShopFloorRecords(db: Executor): Promise<ShopFloorRecords> {
  const [workCenters, routings, productionOrders, salesOrders, items] = await Promise.all([
    liveRecords(db, 'work-center'),
    liveRecords(db, 'routing', ['released']),
    liveRecords(db, 'production-order', OPEN_PRODUCTION_ORDER),
    liveRecords(db, 'sales-order'),
    liveRecords(db, 'item'),
  ]);
  return { workCenters, routings, productionOrders, salesOrders, items };
}
