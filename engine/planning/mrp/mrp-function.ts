import { OrdoError } from '../../errors/index.js';
import type { FunctionContext, NativeFunction } from '../../functions/native-function.js';
import mrpPlanSchema from '../schemas/mrp-plan.schema.json' with { type: 'json' };
import { planMrp } from './mrp-planner.js';

/**
 * `mrp.plan`: the plan of the factory's planning snapshot: the committed plan the caller made of it
 * (the runtime plans successive snapshots by net-change), else its regenerative plan. It takes no
 * options yet; the input stays an object so options (a horizon override, items to include) can be
 * added without breaking callers.
 */
export const mrpPlanFunction: NativeFunction = Object.freeze({
  name: 'mrp.plan',
  title: { 'zh-CN': '物料需求计划（MRP）', en: 'Material requirements plan (MRP)' },
  needs: 'planning',
  inputSchema: { type: 'object', additionalProperties: false, properties: {} },
  outputSchema: mrpPlanSchema,
  run(_input: Readonly<Record<string, unknown>>, context: FunctionContext) {
    if (context.planning === undefined) throw new OrdoError('ORDO_ERR_INTERNAL', 'mrp.plan needs the planning snapshot in its context');
    return { ...(context.planning.plan ?? planMrp(context.planning.scenario)) };
  },
});
