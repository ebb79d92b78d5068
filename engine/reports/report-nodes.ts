/**
 * The report IR: immutable nodes a report definition is planned into once its fields are resolved
 * against the forms. The runtime's SQL compiler visits them; nothing here knows SQL. Each node is an
 * interface plus a frozen factory, in the manner of kysely's operation nodes.
 */

import type { LabelSource } from './dimension-labels.js';
import type { FormulaConditionNode } from './report-formula.js';

export type ValueType = 'string' | 'number' | 'boolean' | 'date' | 'timestamp';

/** The tables a report reads, each under a fixed alias the compiler owns. */
export type RecordTable = { readonly kind: 'source' } | { readonly kind: 'join'; readonly index: number };

/** A top-level field of a record's jsonb `data`, or a column of a sub-table line. */
export interface JsonFieldNode {
  readonly kind: 'JsonFieldNode';
  readonly table: RecordTable | { readonly kind: 'line' };
  readonly key: string;
  readonly type: ValueType;
}

/** A column of a table (record system fields, workflow instance, task and event columns). */
export interface ColumnFieldNode {
  readonly kind: 'ColumnFieldNode';
  readonly table: RecordTable | { readonly kind: 'workflow' } | { readonly kind: 'instance' };
  readonly column: string;
  readonly type: ValueType;
}

/** Seconds between two timestamp columns of the workflow table (a task's cycle time). */
export interface DurationFieldNode {
  readonly kind: 'DurationFieldNode';
  readonly from: string;
  readonly to: string;
  readonly type: 'number';
}

/** A plan run's stored label of a value of the current plan entry (labels.items[entry.item]). */
export interface PlanLabelFieldNode {
  readonly kind: 'PlanLabelFieldNode';
  readonly label: 'items';
  readonly key: string;
  readonly type: 'string';
}

export type FieldNode = JsonFieldNode | ColumnFieldNode | DurationFieldNode | PlanLabelFieldNode;

export type ConditionOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'between' | 'contains' | 'isNull' | 'notNull';

export type OperandNode =
  | { readonly kind: 'ValueOperand'; readonly value: unknown }
  | { readonly kind: 'ParamOperand'; readonly name: string }
  | { readonly kind: 'FieldOperand'; readonly field: FieldNode }
  | { readonly kind: 'TodayOperand' }
  | { readonly kind: 'NoOperand' };

export interface ConditionNode {
  readonly kind: 'ConditionNode';
  readonly field: FieldNode;
  readonly op: ConditionOp;
  readonly operand: OperandNode;
  /** Definition field paths the condition reads, for permission checks. */
  readonly reads: readonly string[];
}

export interface GroupNode {
  readonly kind: 'GroupNode';
  readonly key: string;
  readonly field: FieldNode;
  readonly bucket: 'day' | 'week' | 'month' | undefined;
  readonly reads: readonly string[];
  /** Words for the stored values (a choice's labels, users' names, ...); none for date buckets. */
  readonly labels: LabelSource | undefined;
}

export type Aggregate = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'countDistinct' | 'ratio';

export interface MeasureNode {
  readonly kind: 'MeasureNode';
  readonly key: string;
  readonly agg: Aggregate;
  readonly field: FieldNode | undefined;
  readonly times: FieldNode | undefined;
  readonly where: readonly ConditionNode[];
  /** Every definition field path the measure reads (field, times, conditions): hidden if any is unreadable. */
  readonly reads: readonly string[];
  readonly type: ValueType;
}

export type SourceNode =
  | { readonly kind: 'FormSourceNode'; readonly form: string; readonly lines: string | undefined }
  | { readonly kind: 'WorkflowSourceNode'; readonly table: 'instances' | 'tasks' | 'events'; readonly definition: string | undefined }
  /** The latest plan run's exceptions or planned orders, one row per array entry. */
  | { readonly kind: 'PlanRunSourceNode'; readonly entries: 'exceptions' | 'plannedOrders' };

export interface JoinNode {
  readonly kind: 'JoinNode';
  readonly index: number;
  readonly as: string;
  readonly form: string;
  /** The source field holding the joined record's id (or the value matched against `on`). */
  readonly field: FieldNode;
  readonly on: string | undefined;
}

export interface SortNode {
  readonly kind: 'SortNode';
  readonly key: string;
  readonly dir: 'asc' | 'desc';
}

export interface ReportPlan {
  readonly kind: 'ReportPlan';
  readonly report: string;
  readonly source: SourceNode;
  readonly joins: readonly JoinNode[];
  readonly filters: readonly (ConditionNode | FormulaConditionNode)[];
  readonly groups: readonly GroupNode[];
  readonly measures: readonly MeasureNode[];
  readonly sort: readonly SortNode[];
  readonly limit: number | undefined;
}

const freeze = <T>(value: T): Readonly<T> => Object.freeze(value);

export const JsonFieldNode = freeze({
  create: (table: JsonFieldNode['table'], key: string, type: ValueType): JsonFieldNode => freeze({ kind: 'JsonFieldNode', table, key, type }),
});

export const ColumnFieldNode = freeze({
  create: (table: ColumnFieldNode['table'], column: string, type: ValueType): ColumnFieldNode =>
    freeze({ kind: 'ColumnFieldNode', table, column, type }),
});

export const DurationFieldNode = freeze({
  create: (from: string, to: string): DurationFieldNode => freeze({ kind: 'DurationFieldNode', from, to, type: 'number' }),
});

export const PlanLabelFieldNode = freeze({
  create: (label: 'items', key: string): PlanLabelFieldNode => freeze({ kind: 'PlanLabelFieldNode', label, key, type: 'string' }),
});

export const ConditionNode = freeze({
  create: (field: FieldNode, op: ConditionOp, operand: OperandNode, reads: readonly string[]): ConditionNode =>
    freeze({ kind: 'ConditionNode', field, op, operand: freeze(operand), reads: freeze([...reads]) }),
});

export const GroupNode = freeze({
  create: (key: string, field: FieldNode, bucket: GroupNode['bucket'], reads: readonly string[], labels?: LabelSource): GroupNode =>
    freeze({ kind: 'GroupNode', key, field, bucket, reads: freeze([...reads]), labels: bucket === undefined ? labels : undefined }),
});

export const MeasureNode = freeze({
  create: (fields: Omit<MeasureNode, 'kind'>): MeasureNode =>
    freeze({ kind: 'MeasureNode', ...fields, where: freeze([...fields.where]), reads: freeze([...fields.reads]) }),
});

export const JoinNode = freeze({
  create: (fields: Omit<JoinNode, 'kind'>): JoinNode => freeze({ kind: 'JoinNode', ...fields }),
});

export const ReportPlan = freeze({
  create: (fields: Omit<ReportPlan, 'kind'>): ReportPlan =>
    freeze({
      kind: 'ReportPlan',
      ...fields,
      joins: freeze([...fields.joins]),
      filters: freeze([...fields.filters]),
      groups: freeze([...fields.groups]),
      measures: freeze([...fields.measures]),
      sort: freeze(fields.sort.map((node) => freeze(node))),
    }),
  /** The same plan with some measures left out (those over fields the user may not read). */
  withoutMeasures: (plan: ReportPlan, keys: ReadonlySet<string>): ReportPlan =>
    freeze({ ...plan, measures: freeze(plan.measures.filter((measure) => !keys.has(measure.key))), sort: freeze(plan.sort.filter((sort) => !keys.has(sort.key))) }),
  /** The same plan with more filters (a drill-down's row). */
  withFilters: (plan: ReportPlan, filters: readonly ConditionNode[]): ReportPlan => freeze({ ...plan, filters: freeze([...plan.filters, ...filters]) }),
});
