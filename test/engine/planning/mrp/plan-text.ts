import type { MrpPlan } from '../../../../engine/planning/index.js';

/** A plan as JSON without `summary.replannedItems`: what a net-change plan must equal the regenerative plan's JSON in. */
export function withoutReplanned(plan: MrpPlan): string {
  const { replannedItems: _, ...summary } = plan.summary;
  return JSON.stringify({ ...plan, summary });
}
