import type { MrpPlan, PlanDemand, PlanSupply } from '../../engine/planning/generated/planning-types.js';

/*
 * A pump factory's plan, small enough to check by eye. PUMP = 1 CASING + 1 MOTOR; CASING = 2 CASTING.
 * SO-1 wants 10 pumps on 04-20, SO-2 wants 5 on 04-27. 4 pumps are in stock (all to SO-1); one planned
 * make order of 11 pumps serves both orders (6 + 5). Its 11 motors: purchase order PO-9 brings 8, so 3
 * are short. Its 11 casings come from a planned make order needing 22 castings, bought by a planned buy
 * order that arrives 04-06, three days after they are needed (late), and should have been released
 * before the horizon started (past-due).
 */
const demand = (value: PlanDemand) => value;
const supply = (value: PlanSupply) => value;

export const PLAN: MrpPlan = {
  horizon: { start: '2026-03-02', end: '2026-06-30', bucketDays: 1 },
  plannedOrders: [
    { id: 'PL/PUMP/2026-04-17/1', item: 'PUMP', kind: 'make', qty: 11, start: '2026-04-13', due: '2026-04-17', bomVersion: 'A' },
    { id: 'PL/CASING/2026-04-10/1', item: 'CASING', kind: 'make', qty: 11, start: '2026-04-06', due: '2026-04-10', bomVersion: 'A' },
    { id: 'PL/CASTING/2026-04-06/1', item: 'CASTING', kind: 'buy', qty: 22, start: '2026-03-02', due: '2026-04-06' },
  ],
  supplies: [
    supply({ id: 'STOCK/PUMP/1', item: 'PUMP', kind: 'stock', qty: 4, date: '2026-03-02' }),
    supply({ id: 'PL/PUMP/2026-04-17/1', item: 'PUMP', kind: 'planned-make', qty: 11, date: '2026-04-17' }),
    supply({ id: 'PL/CASING/2026-04-10/1', item: 'CASING', kind: 'planned-make', qty: 11, date: '2026-04-10' }),
    supply({ id: 'PO-9', item: 'MOTOR', kind: 'purchase', qty: 8, date: '2026-04-08' }),
    supply({ id: 'PL/CASTING/2026-04-06/1', item: 'CASTING', kind: 'planned-buy', qty: 22, date: '2026-04-06' }),
  ],
  demands: [
    demand({ id: 'SO-1/1', item: 'PUMP', kind: 'sales-order', qty: 10, due: '2026-04-20', salesOrder: 'SO-1' }),
    demand({ id: 'SO-2/1', item: 'PUMP', kind: 'sales-order', qty: 5, due: '2026-04-27', salesOrder: 'SO-2' }),
    demand({ id: 'PL/PUMP/2026-04-17/1/1', item: 'CASING', kind: 'dependent', qty: 11, due: '2026-04-10', parentSupply: 'PL/PUMP/2026-04-17/1', bomLine: 1 }),
    demand({ id: 'PL/PUMP/2026-04-17/1/2', item: 'MOTOR', kind: 'dependent', qty: 11, due: '2026-04-10', parentSupply: 'PL/PUMP/2026-04-17/1', bomLine: 2, shortQty: 3 }),
    demand({ id: 'PL/CASING/2026-04-10/1/1', item: 'CASTING', kind: 'dependent', qty: 22, due: '2026-04-03', parentSupply: 'PL/CASING/2026-04-10/1', bomLine: 1 }),
  ],
  pegging: [
    { supply: 'STOCK/PUMP/1', demand: 'SO-1/1', qty: 4 },
    { supply: 'PL/PUMP/2026-04-17/1', demand: 'SO-1/1', qty: 6 },
    { supply: 'PL/PUMP/2026-04-17/1', demand: 'SO-2/1', qty: 5 },
    { supply: 'PL/CASING/2026-04-10/1', demand: 'PL/PUMP/2026-04-17/1/1', qty: 11 },
    { supply: 'PO-9', demand: 'PL/PUMP/2026-04-17/1/2', qty: 8 },
    { supply: 'PL/CASTING/2026-04-06/1', demand: 'PL/CASING/2026-04-10/1/1', qty: 22 },
  ],
  rescheduleMessages: [{ supply: 'PO-9', item: 'MOTOR', action: 'expedite', date: '2026-04-08', to: '2026-04-03', reason: 'needed earlier' }],
  exceptions: [
    { type: 'past-due-start', item: 'CASTING', supply: 'PL/CASTING/2026-04-06/1', date: '2026-02-20', message: 'PL/CASTING/2026-04-06/1 should have started on 2026-02-20' },
    { type: 'missing-routing', item: 'CASING', message: 'CASING has no routing' },
    { type: 'shortage', item: 'MOTOR', demand: 'PL/PUMP/2026-04-17/1/2', salesOrder: 'SO-1', date: '2026-04-10', qty: 3, message: 'MOTOR short 3' },
  ],
  summary: { items: 4, levels: 3, plannedOrders: 3, shortages: 1 },
};

export const LABELS = {
  items: { PUMP: 'Pump KBZ', CASING: 'Casing', MOTOR: 'Motor 7.5 kW', CASTING: 'Casting HT250' },
  salesOrders: { 'SO-1': { recordId: 'r-so-1', title: 'SO-1 Hangzhou Water' }, 'SO-2': { recordId: 'r-so-2', title: 'SO-2 Ningbo Port' } },
};
