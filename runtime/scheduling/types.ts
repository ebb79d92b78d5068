import type { ScenarioChange, ScheduleRepair, ScheduleResult, ScheduleWhatIfResult } from '../../engine/planning/index.js';
import type { Actor } from '../services/types.js';

export type ScheduleRunKind = 'plan' | 'insert' | 'whatif' | 'move' | 'event';
export type ScheduleRunStatus = 'draft' | 'committed' | 'superseded';
export type OrderPriority = 'rush' | 'high' | 'normal';

export interface ScheduleLabels {
  orders: Record<string, { recordId: string; moNo: string; item: string; itemName: string; qty: number; salesOrder?: string; due?: string; priority: OrderPriority }>;
  /** Operation ids are `<order>/<opNo>`. */
  operations: Record<string, { opNo: number; name: string }>;
  workCenters: Record<string, { code: string; name: string; machines: string[] }>;
}

/** An open production order the schedule leaves out, and why. */
export interface UnscheduledOrder {
  recordId: string;
  moNo: string;
  message: string;
}

export type ScheduleChanges = Pick<ScheduleRepair, 'moved' | 'finishChanged'>;

/** What every schedule run route answers with. */
export interface ScheduleRunView {
  id: string;
  kind: ScheduleRunKind;
  status: ScheduleRunStatus;
  baseRunId?: string;
  createdAt: string;
  createdBy: string;
  loadMs: number;
  solveMs: number;
  result: ScheduleResult;
  changes?: ScheduleChanges;
  whatif?: { base: ScheduleResult; comparison: ScheduleWhatIfResult['comparison'] };
  labels: ScheduleLabels;
  /** Open production orders left out of this schedule, with the reason. */
  unscheduled: UnscheduledOrder[];
}

export interface ScheduleRunSummary {
  id: string;
  kind: ScheduleRunKind;
  status: ScheduleRunStatus;
  createdAt: string;
  createdBy: string;
  solveMs: number;
  kpis: ScheduleResult['kpis'];
}

/** A what-if change as the API takes it: a rush order may name a production order record instead of spelling out an order. */
export type ScheduleScenarioChange = ScenarioChange | { kind: 'rush-order'; recordId: string };

export type ScheduleRunCommand =
  | { kind: 'plan'; timeLimitSeconds?: number; seed?: number }
  | { kind: 'insert'; order: string }
  | { kind: 'whatif'; changes: ScheduleScenarioChange[] };

export type ScheduleEvent = { kind: 'machine-down'; machine: string; from: string; to: string } | { kind: 'operation-finished'; operation: string; end: string };

export interface OperationMove {
  operation: string;
  machine?: string;
  start: string;
}

export interface MoveViolation {
  kind: 'precedence' | 'overlap' | 'calendar' | 'frozen' | 'release' | 'machine';
  operation: string;
  message: string;
}

export interface DispatchItem {
  operation: string;
  order: string;
  moNo: string;
  item: string;
  itemName: string;
  qty: number;
  opNo: number;
  opName: string;
  machine: string;
  start: string;
  end: string;
  setupMinutes: number;
  late: boolean;
  fixed: boolean;
}

export interface DispatchList {
  workCenter: string;
  generatedAt: string;
  runId: string;
  items: DispatchItem[];
}

export interface ScheduleService {
  create(actor: Actor, command: ScheduleRunCommand): Promise<ScheduleRunView>;
  runs(actor: Actor, limit: number): Promise<ScheduleRunSummary[]>;
  run(actor: Actor, id: string | 'committed'): Promise<ScheduleRunView>;
  commit(actor: Actor, id: string): Promise<ScheduleRunView>;
  move(actor: Actor, move: OperationMove): Promise<ScheduleRunView>;
  event(actor: Actor, event: ScheduleEvent): Promise<ScheduleRunView>;
  dispatchList(actor: Actor, workCenter: string, machine?: string): Promise<DispatchList>;
}
