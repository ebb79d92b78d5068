import type { Selectable } from 'kysely';
import type { PlanFirmingsTable, PlanRunsTable } from '../db/index.js';
import type { Executor } from './executor.js';

export type PlanRunRow = Selectable<PlanRunsTable>;
export type PlanRunSummaryRow = Omit<PlanRunRow, 'plan' | 'labels'>;
export type PlanFirmingRow = Selectable<PlanFirmingsTable>;

export interface NewPlanRunRow {
  id: string;
  at: Date;
  by: string;
  loadMs: number;
  planMs: number;
  summary: Record<string, unknown>;
  plan: Record<string, unknown>;
  labels: Record<string, unknown>;
}

export async function insertPlanRun(db: Executor, row: NewPlanRunRow): Promise<void> {
  await db
    .insertInto('ordo_plan_runs')
    .values({
      id: row.id,
      created_at: row.at,
      created_by: row.by,
      load_ms: row.loadMs,
      plan_ms: row.planMs,
      summary: JSON.stringify(row.summary),
      plan: JSON.stringify(row.plan),
      labels: JSON.stringify(row.labels),
    })
    .execute();
}

/** Newest first, without the plans themselves. */
export async function listPlanRuns(db: Executor, limit: number): Promise<PlanRunSummaryRow[]> {
  return db
    .selectFrom('ordo_plan_runs')
    .select(['id', 'created_at', 'created_by', 'load_ms', 'plan_ms', 'summary'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** One run, or the newest with `latest`. */
export async function findPlanRun(db: Executor, id: string | 'latest'): Promise<PlanRunRow | undefined> {
  let query = db.selectFrom('ordo_plan_runs').selectAll();
  query = id === 'latest' ? query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1) : query.where('id', '=', id);
  return query.executeTakeFirst();
}

export async function listPlanFirmings(db: Executor, runId: string): Promise<PlanFirmingRow[]> {
  return db.selectFrom('ordo_plan_firmings').selectAll().where('run_id', '=', runId).orderBy('created_at').orderBy('position').execute();
}

/** Fails with a unique violation when one of the planned orders was firmed already (by a request that committed first). */
export async function insertPlanFirmings(db: Executor, rows: readonly PlanFirmingRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('ordo_plan_firmings')
    .values([...rows])
    .execute();
}
