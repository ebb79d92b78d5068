import type { MrpPlan } from '../generated/planning-types.js';
import type { CompactMrpPlan } from './mrp-planner.js';
import { assembleHeadline } from './plan-state.js';

/**
 * What a planner reads first of a plan: the planned orders, reschedule messages, exceptions and the
 * summary, exactly as in the plan (mrp-plan.schema.json). Supplies, demands and pegs (millions of
 * records in a large factory, against tens of thousands of planned orders) are left to itemPlan, per
 * item, or to toMrpPlan in full, as frePPLe works out pegging on request for display.
 */
export type MrpPlanHeadline = Pick<MrpPlan, 'horizon' | 'plannedOrders' | 'rescheduleMessages' | 'exceptions' | 'summary'>;

/** The headline of a compact plan; written-out items are kept, as with toMrpPlan and itemPlan. */
export function planHeadline(plan: CompactMrpPlan, replannedItems?: number): MrpPlanHeadline {
  return assembleHeadline(plan.state, replannedItems);
}
