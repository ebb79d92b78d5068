import type { MrpPlan, MrpScenario, PlannedOrder, PlanSupply } from '../../../../engine/planning/index.js';

/**
 * A small pump factory and a committed plan written by hand, so each test can say "given this plan,
 * the promise is X" and show the arithmetic. Calendar Monday to Friday; today is Monday 2026-11-02.
 *
 *   PUMP (make, 2 days, routing: ASSY 60 min setup + 30 min per unit)
 *   ├── HOUSING x1 (make, 3 days, routing: MACH 60 min per unit)
 *   │   └── BOLT x4 (buy, 2 days)
 *   ├── MOTOR x1 (buy, 10 days)
 *   └── SEAL x2 (buy, 5 days)
 * ASSY and MACH have 8 hours a day.
 */
export const TODAY = new Date('2026-11-02T08:00:00Z');

export function pumpScenario(): MrpScenario {
  return {
    horizon: { start: '2026-11-02', end: '2027-03-31' },
    items: [
      { id: 'PUMP', makeBuy: 'make', leadTimeDays: 2, routing: 'R-PUMP' },
      { id: 'HOUSING', makeBuy: 'make', leadTimeDays: 3 },
      { id: 'BOLT', makeBuy: 'buy', leadTimeDays: 2 },
      { id: 'MOTOR', makeBuy: 'buy', leadTimeDays: 10 },
      { id: 'SEAL', makeBuy: 'buy', leadTimeDays: 5 },
    ],
    boms: [
      {
        id: 'B-PUMP',
        item: 'PUMP',
        version: 'A',
        lines: [
          { lineNo: 1, component: 'HOUSING', qtyPer: 1 },
          { lineNo: 2, component: 'MOTOR', qtyPer: 1 },
          { lineNo: 3, component: 'SEAL', qtyPer: 2 },
        ],
      },
      { id: 'B-HOUSING', item: 'HOUSING', version: 'A', lines: [{ lineNo: 1, component: 'BOLT', qtyPer: 4 }] },
    ],
    routings: [
      { id: 'R-PUMP', item: 'PUMP', operations: [{ opNo: 10, workCenter: 'ASSY', setupMinutes: 60, runMinutes: 30 }] },
      { id: 'R-HOUSING', item: 'HOUSING', operations: [{ opNo: 10, workCenter: 'MACH', setupMinutes: 0, runMinutes: 60 }] },
    ],
    workCenters: [
      { id: 'ASSY', dailyCapacityHours: 8 },
      { id: 'MACH', dailyCapacityHours: 8 },
    ],
    stock: [],
    supplies: [],
    demands: [],
  };
}

let counter = 0;

/** Free stock of an item: a stock supply nobody in the plan is pegged to. */
export function freeStock(item: string, qty: number, extra: Partial<PlanSupply> = {}): PlanSupply {
  counter += 1;
  return { id: `STOCK/${item}/${counter}`, item, kind: 'stock', qty, date: '2026-11-02', unpeggedQty: qty, ...extra };
}

export function emptyPlan(supplies: PlanSupply[] = [], plannedOrders: PlannedOrder[] = []): MrpPlan {
  return {
    horizon: { start: '2026-11-02', end: '2027-03-31', bucketDays: 1 },
    plannedOrders,
    supplies,
    demands: [],
    pegging: [],
    rescheduleMessages: [],
    exceptions: [],
    summary: { items: 5, levels: 3, plannedOrders: plannedOrders.length, shortages: 0 },
  };
}

/** Components of one PUMP, all free in stock: only PUMP's own lead time and ASSY's hours are left to limit a promise. */
export function componentsInStock(pumps: number): PlanSupply[] {
  return [freeStock('HOUSING', pumps), freeStock('MOTOR', pumps), freeStock('SEAL', 2 * pumps)];
}
