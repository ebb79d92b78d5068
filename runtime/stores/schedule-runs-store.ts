import type { Selectable } from 'kysely';
import type { ScheduleRunsTable } from '../db/index.js';
import type { Executor } from './executor.js';

export type ScheduleRunRow = Selectable<ScheduleRunsTable>;
export type ScheduleRunSummaryRow = Pick<ScheduleRunRow, 'id' | 'kind' | 'status' | 'created_at' | 'created_by' | 'solve_ms'> & {
  kpis: unknown;
};

export interface NewScheduleRunRow {
  id: string;
  kind: ScheduleRunRow['kind'];
  status: 'draft' | 'committed';
  baseRunId: string | null;
  at: Date;
  by: string;
  loadMs: number;
  solveMs: number;
  request: Record<string, unknown>;
  result: Record<string, unknown>;
  changes?: Record<string, unknown>;
  comparison?: Record<string, unknown>;
  labels: Record<string, unknown>;
}

export async function insertScheduleRun(db: Executor, row: NewScheduleRunRow): Promise<void> {
  await db
    .insertInto('ordo_schedule_runs')
    .values({
      id: row.id,
      kind: row.kind,
      status: row.status,
      base_run_id: row.baseRunId,
      created_at: row.at,
      created_by: row.by,
      load_ms: row.loadMs,
      solve_ms: row.solveMs,
      request: JSON.stringify(row.request),
      result: JSON.stringify(row.result),
      changes: row.changes === undefined ? null : JSON.stringify(row.changes),
      comparison: row.comparison === undefined ? null : JSON.stringify(row.comparison),
      labels: JSON.stringify(row.labels),
    })
    .execute();
}

/** Newest first, with the KPIs of each schedule but not the schedules. */
export async function listScheduleRuns(db: Executor, limit: number): Promise<ScheduleRunSummaryRow[]> {
  return db
    .selectFrom('ordo_schedule_runs')
    .select(['id', 'kind', 'status', 'created_at', 'created_by', 'solve_ms'])
    .select((eb) => eb.ref('result', '->').key('kpis').as('kpis'))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** One run by id, or the committed one. */
export async function findScheduleRun(db: Executor, id: string | 'committed'): Promise<ScheduleRunRow | undefined> {
  const query = db.selectFrom('ordo_schedule_runs').selectAll();
  return (id === 'committed' ? query.where('status', '=', 'committed') : query.where('id', '=', id)).executeTakeFirst();
}

export async function findCommittedRunId(db: Executor): Promise<string | undefined> {
  return (await db.selectFrom('ordo_schedule_runs').select('id').where('status', '=', 'committed').executeTakeFirst())?.id;
}

/**
 * Makes `id` the committed run in place of `previous` (none: nothing was committed). False when
 * `previous` is no longer the committed run: another commit came first, and nothing was changed by
 * this call's first statement. Run it in a transaction so both updates stand or fall together.
 */
export async function commitScheduleRun(db: Executor, id: string, previous: string | null): Promise<boolean> {
  if (previous !== null) {
    const superseded = await db
      .updateTable('ordo_schedule_runs')
      .set({ status: 'superseded' })
      .where('id', '=', previous)
      .where('status', '=', 'committed')
      .executeTakeFirst();
    if (Number(superseded.numUpdatedRows) !== 1) return false;
  }
  await db.updateTable('ordo_schedule_runs').set({ status: 'committed' }).where('id', '=', id).execute();
  return true;
}
