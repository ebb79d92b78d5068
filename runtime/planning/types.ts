import type { LocalizedText } from '../../engine/definitions/index.js';
import type { Actor } from '../services/types.js';
import type { PlanningLabels } from './scenario-from-records.js';

/** One entry of the function catalogue (GET /api/functions). */
export interface FunctionInfo {
  name: string;
  title: LocalizedText;
  inputSchema: Readonly<Record<string, unknown>>;
  outputSchema: Readonly<Record<string, unknown>>;
  needs?: 'planning';
}

export interface PlanRunSummary {
  id: string;
  createdAt: string;
  createdBy: string;
  loadMs: number;
  planMs: number;
  summary: Record<string, unknown>;
}

/** A planned order of a run and the record it became. */
export interface FirmedOrder {
  plannedOrder: string;
  form: 'purchase-requisition' | 'production-order';
  recordId: string;
  title: string;
}

export interface PlanRunDetail extends PlanRunSummary {
  plan: Record<string, unknown>;
  firmed: FirmedOrder[];
  labels: PlanningLabels;
}

export interface PlanningService {
  functions(): FunctionInfo[];
  /** Runs a function on the live data; `runId` is set when the call stored a plan run. */
  call(actor: Actor, name: string, input: unknown): Promise<{ output: Record<string, unknown>; runId?: string }>;
  runs(actor: Actor, limit: number): Promise<PlanRunSummary[]>;
  run(actor: Actor, id: string | 'latest'): Promise<PlanRunDetail>;
  /** Turns planned orders of a run into purchase requisitions and production orders with their workflows, in one transaction. */
  firm(
    actor: Actor,
    runId: string,
    plannedOrders: readonly string[],
    options?: { idempotencyKey?: string },
  ): Promise<{ created: FirmedOrder[]; replayed: boolean }>;
}
