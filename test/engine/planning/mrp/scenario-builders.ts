import type { MrpPlan, MrpScenario } from '../../../../engine/planning/index.js';

/** Every day a working day, so the lead-time arithmetic of the worked examples is plain subtraction. */
export const EVERY_DAY = { workdays: [1, 2, 3, 4, 5, 6, 7] as [number, number, number, number, number, number, number] };

export function scenario(parts: Partial<MrpScenario>): MrpScenario {
  return {
    horizon: { start: '2026-01-01', end: '2026-06-30' },
    calendar: EVERY_DAY,
    items: [],
    boms: [],
    stock: [],
    supplies: [],
    demands: [],
    ...parts,
  };
}

export function ordersOf(plan: MrpPlan, item: string) {
  return plan.plannedOrders.filter((order) => order.item === item).map(({ qty, start, due, salesOrder }) => ({ qty, start, due, ...(salesOrder === undefined ? {} : { salesOrder }) }));
}

export function pegsOf(plan: MrpPlan, demand: string) {
  return plan.pegging.filter((peg) => peg.demand === demand).map(({ supply, qty }) => ({ supply, qty }));
}

export function exceptionsOf(plan: MrpPlan, type: string) {
  return plan.exceptions.filter((exception) => exception.type === type);
}
