import type { ValueType } from './report-nodes.js';

/** A member of one entry of the plan's array (engine/planning/schemas/mrp-plan.schema.json). */
export interface PlanEntryField {
  readonly key: string;
  readonly type: ValueType;
}

/** A column of the plan run itself (when it was planned, by whom). */
export interface PlanRunColumn {
  readonly column: string;
  readonly type: ValueType;
}

/** The `code name` the run stored for the entry's item (labels.items), as it was at planning time. */
export interface PlanItemLabel {
  readonly label: 'items';
}

type PlanRunField = PlanEntryField | PlanRunColumn | PlanItemLabel;

const RUN_FIELDS = {
  runId: { column: 'id', type: 'string' },
  plannedAt: { column: 'created_at', type: 'timestamp' },
  plannedBy: { column: 'created_by', type: 'string' },
  itemLabel: { label: 'items' },
} as const;

/**
 * The fields a plan-run source offers, by report field name: the members of a PlanException or a
 * PlannedOrder of mrp-plan.schema.json, plus the run's own columns and the item's label.
 */
export const PLAN_RUN_FIELDS: Readonly<Record<'exceptions' | 'plannedOrders', Readonly<Record<string, PlanRunField>>>> = Object.freeze({
  exceptions: {
    type: { key: 'type', type: 'string' },
    item: { key: 'item', type: 'string' },
    demand: { key: 'demand', type: 'string' },
    supply: { key: 'supply', type: 'string' },
    salesOrder: { key: 'salesOrder', type: 'string' },
    date: { key: 'date', type: 'date' },
    qty: { key: 'qty', type: 'number' },
    message: { key: 'message', type: 'string' },
    ...RUN_FIELDS,
  },
  plannedOrders: {
    id: { key: 'id', type: 'string' },
    item: { key: 'item', type: 'string' },
    kind: { key: 'kind', type: 'string' },
    qty: { key: 'qty', type: 'number' },
    start: { key: 'start', type: 'date' },
    due: { key: 'due', type: 'date' },
    bomVersion: { key: 'bomVersion', type: 'string' },
    salesOrder: { key: 'salesOrder', type: 'string' },
    ...RUN_FIELDS,
  },
});
