import type { MrpPlan } from '../../../engine/planning/generated/planning-types.js';
import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';

/** The forms firming writes: a buy order becomes a purchase requisition, a make order a production order. */
export type FirmedForm = 'purchase-requisition' | 'production-order';

export interface FirmedOrder {
  readonly plannedOrder: string;
  readonly form: FirmedForm;
  readonly recordId: string;
  readonly title: string;
}

/** One stored run of mrp.plan, as `GET /api/plan-runs` lists it (newest first). */
export interface PlanRunSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly loadMs: number;
  readonly planMs: number;
  readonly summary: MrpPlan['summary'];
}

/** Names for the plan's ids: items by id, sales orders with the record to link to. */
export interface PlanLabels {
  readonly items: Readonly<Record<string, string>>;
  readonly salesOrders: Readonly<Record<string, { readonly recordId: string; readonly title: string }>>;
}

export interface PlanRun extends PlanRunSummary {
  readonly plan: MrpPlan;
  readonly firmed: readonly FirmedOrder[];
  readonly labels: PlanLabels;
}

export interface FirmResult {
  readonly created: readonly FirmedOrder[];
}

/** One native function of GET /api/functions: what the workflow designer offers for a function node. */
export interface FunctionInfo {
  readonly name: string;
  readonly title: LocalizedText;
  readonly inputSchema: Readonly<Record<string, unknown>>;
  readonly outputSchema: Readonly<Record<string, unknown>>;
  readonly needs?: 'planning';
}
