import type { ScenarioChange, ScheduleKpis, ScheduleRepair, ScheduleResult, ScheduleWhatIfResult } from '../../../engine/planning/generated/planning-types.js';

export type ScheduleRunKind = 'plan' | 'insert' | 'whatif' | 'move' | 'event';
export type ScheduleRunStatus = 'draft' | 'committed' | 'superseded';
export type OrderPriority = 'rush' | 'high' | 'normal';

/** Names for a schedule's ids: orders with the production order record they come from. */
export interface ScheduleOrderLabel {
  readonly recordId: string;
  readonly moNo: string;
  readonly item: string;
  readonly itemName: string;
  readonly qty: number;
  readonly salesOrder?: string;
  readonly due?: string;
  readonly priority: OrderPriority;
}

export interface ScheduleLabels {
  readonly orders: Readonly<Record<string, ScheduleOrderLabel>>;
  /** Operation ids are `<orderId>/<opNo>`. */
  readonly operations: Readonly<Record<string, { readonly opNo: number | string; readonly name: string }>>;
  readonly workCenters: Readonly<Record<string, { readonly code: string; readonly name: string; readonly machines: readonly string[] }>>;
}

/** One stored schedule run, as every /api/schedule-runs route answers. */
export interface ScheduleRunView {
  readonly id: string;
  readonly kind: ScheduleRunKind;
  readonly status: ScheduleRunStatus;
  readonly baseRunId?: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly loadMs: number;
  readonly solveMs: number;
  readonly result: ScheduleResult;
  readonly changes?: Pick<ScheduleRepair, 'moved' | 'finishChanged'>;
  readonly whatif?: { readonly base: ScheduleResult; readonly comparison: ScheduleWhatIfResult['comparison'] };
  readonly labels: ScheduleLabels;
  /** Open production orders the schedule leaves out (no released routing, an inactive work center), and why. */
  readonly unscheduled?: readonly UnscheduledOrder[];
}

export interface UnscheduledOrder {
  readonly recordId: string;
  readonly moNo: string;
  readonly message: string;
}

export interface ScheduleRunSummary {
  readonly id: string;
  readonly kind: ScheduleRunKind;
  readonly status: ScheduleRunStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly solveMs: number;
  readonly kpis: ScheduleKpis;
}

/** A what-if change; a rush order may name a production order record instead of spelling the order out. */
export type WhatIfChange = ScenarioChange | { readonly kind: 'rush-order'; readonly recordId: string };

export type ScheduleRunRequest =
  | { readonly kind: 'plan'; readonly timeLimitSeconds?: number; readonly seed?: number }
  | { readonly kind: 'insert'; readonly order: string }
  | { readonly kind: 'whatif'; readonly changes: readonly WhatIfChange[] };

/** A drag in the Gantt: the operation to its new start, on another machine when one is named. */
export interface ScheduleMove {
  readonly operation: string;
  readonly machine?: string;
  readonly start: string;
}

/** What the shop floor reports: a machine broke down until its expected repair, or an operation finished. */
export type ScheduleShopEvent =
  | { readonly kind: 'machine-down'; readonly machine: string; readonly from: string; readonly to: string }
  | { readonly kind: 'operation-finished'; readonly operation: string; readonly end: string };

export type MoveViolationKind = 'precedence' | 'overlap' | 'calendar' | 'frozen' | 'release' | 'machine';

export interface MoveViolation {
  readonly kind: MoveViolationKind;
  readonly operation: string;
  readonly message: string;
}

export interface DispatchItem {
  readonly operation: string;
  readonly order: string;
  readonly moNo: string;
  readonly item: string;
  readonly itemName: string;
  readonly qty: number;
  readonly opNo: number | string;
  readonly opName: string;
  readonly machine: string;
  readonly start: string;
  readonly end: string;
  readonly setupMinutes: number;
  readonly late: boolean;
  readonly fixed: boolean;
}

export interface DispatchList {
  readonly workCenter: string;
  readonly generatedAt: string;
  readonly runId: string;
  readonly items: readonly DispatchItem[];
}
