import { NATIVE_FUNCTIONS, type NativeFunction } from '../../engine/functions/index.js';
import type { MrpPlan, MrpScenario, PlannedOrder } from '../../engine/planning/index.js';
import { PLANNING_SCHEMAS } from '../../runtime/planning/index.js';

/**
 * A stand-in for mrp.plan in the runtime's tests, so the routes, plan runs and firming are tested
 * on plans whose planned orders the test knows: one planned order per open demand line (make or buy
 * as the item says), due on the demand's date, pegged to its sales order. It reads the snapshot the
 * runtime passes, as the real function does. `withBadOrder` adds a make order of 0.5 units, which
 * the production order form refuses (quantity at least 1): a firming that fails halfway.
 */
export const planDouble: NativeFunction = Object.freeze({
  name: 'mrp.plan',
  title: { 'zh-CN': 'MRP（测试替身）', en: 'MRP (test double)' },
  needs: 'planning' as const,
  inputSchema: { type: 'object', additionalProperties: false, properties: { withBadOrder: { type: 'boolean' } } },
  outputSchema: PLANNING_SCHEMAS.MrpPlan,
  run(input: Readonly<Record<string, unknown>>, context: { planning?: { scenario: MrpScenario } }) {
    const scenario = context.planning?.scenario;
    if (scenario === undefined) throw new Error('mrp.plan needs the planning snapshot');
    const items = new Map(scenario.items.map((item) => [item.id, item]));
    const open = scenario.demands.filter((demand) => demand.status !== 'cancelled');
    const plannedOrders: PlannedOrder[] = open.map((demand, i) => {
      const item = items.get(demand.item);
      const kind = item?.makeBuy === 'make' ? 'make' : 'buy';
      const version = scenario.boms.find((bom) => bom.item === demand.item)?.version;
      return {
        id: `PL/${demand.item}/${i + 1}`,
        item: demand.item,
        kind,
        qty: demand.qty,
        start: scenario.horizon.start,
        due: demand.due,
        ...(kind === 'make' && version !== undefined ? { bomVersion: version } : {}),
        ...(demand.salesOrder === undefined ? {} : { salesOrder: demand.salesOrder }),
      };
    });
    if (input['withBadOrder'] === true) {
      plannedOrders.push({ id: 'PL/item-st-15/bad', item: 'item-st-15', kind: 'make', qty: 0.5, start: scenario.horizon.start, due: scenario.horizon.start });
    }
    const plan: MrpPlan = {
      horizon: { start: scenario.horizon.start, end: scenario.horizon.end, bucketDays: 1 },
      plannedOrders,
      supplies: plannedOrders.map((order) => ({ id: order.id, item: order.item, kind: order.kind === 'make' ? 'planned-make' : 'planned-buy', qty: order.qty, date: order.due })),
      demands: open.map((demand) => ({ id: demand.id, item: demand.item, kind: 'sales-order', qty: demand.qty, due: demand.due })),
      pegging: open.map((demand, i) => ({ supply: plannedOrders[i]?.id ?? '', demand: demand.id, qty: demand.qty })),
      rescheduleMessages: [],
      exceptions: [],
      summary: { items: items.size, levels: 1, plannedOrders: plannedOrders.length, shortages: 0 },
    };
    return plan as unknown as Record<string, unknown>;
  },
});

/** The shipped functions with mrp.plan replaced by the double. */
export const FUNCTIONS_WITH_PLAN_DOUBLE: ReadonlyMap<string, NativeFunction> = new Map([...NATIVE_FUNCTIONS, [planDouble.name, planDouble]]);
