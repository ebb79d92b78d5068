import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import { OrdoError } from '../../engine/errors/index.js';
import type { DatabaseSchema, TimerKind, TimersTable } from '../db/index.js';
import type { Executor } from './executor.js';

export type TimerRow = Selectable<TimersTable>;

export interface NewTimerRow {
  id: string;
  instanceId: string;
  kind: TimerKind;
  node: string;
  round: number;
  payload: Record<string, unknown>;
  /** Compute it from databaseNow(): the database clock is the one every claimer compares with. */
  dueAt: Date;
}

export interface TimerFilter {
  instanceId?: string;
  node?: string;
  kinds?: readonly TimerKind[];
}

export async function insertTimers(db: Executor, rows: readonly NewTimerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('ordo_timers')
    .values(
      rows.map((row) => ({
        id: row.id,
        instance_id: row.instanceId,
        kind: row.kind,
        node: row.node,
        round: row.round,
        payload: JSON.stringify(row.payload),
        due_at: row.dueAt,
        created_at: sql<Date>`now()`,
      })),
    )
    .execute();
}

/** Drops the instance's timers (of one node, of some kinds); returns how many went. */
export async function deleteTimers(db: Executor, filter: TimerFilter & { instanceId: string }): Promise<number> {
  const result = await db.deleteFrom('ordo_timers').where(matching(filter)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Locks up to `limit` timers due by the database's clock, oldest first, together with their
 * instances, skipping any timer or instance another transaction holds. Locking both at once keeps
 * the order of a user command (instance, then its timers) from deadlocking with a timer worker
 * (timer, then its instance): a busy instance's timers wait for the next poll. Call it inside a
 * transaction and delete or retry each timer before committing.
 */
export async function claimDueTimers(db: Executor, limit: number): Promise<TimerRow[]> {
  return db
    .selectFrom('ordo_timers')
    .innerJoin('ordo_workflow_instances', 'ordo_workflow_instances.id', 'ordo_timers.instance_id')
    .selectAll('ordo_timers')
    .where('ordo_timers.due_at', '<=', sql<Date>`now()`)
    .orderBy('ordo_timers.due_at', 'asc')
    .orderBy('ordo_timers.id', 'asc')
    .limit(limit)
    .forUpdate(['ordo_timers', 'ordo_workflow_instances'])
    .skipLocked()
    .execute();
}

export async function deleteTimer(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('ordo_timers').where('id', '=', id).execute();
}

/** Counts the failure and puts the timer back `delaySeconds` after the database's now. */
export async function retryTimer(db: Executor, id: string, retry: { error: string; delaySeconds: number }): Promise<void> {
  await db
    .updateTable('ordo_timers')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: retry.error,
      due_at: sql<Date>`now() + make_interval(secs => ${retry.delaySeconds})`,
    }))
    .where('id', '=', id)
    .execute();
}

export async function countTimers(db: Executor, filter: TimerFilter = {}): Promise<number> {
  const row = await db.selectFrom('ordo_timers').where(matching(filter))
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** The database's clock (the start of the current transaction): the only time source for timers. */
export async function databaseNow(db: Executor): Promise<Date> {
  const result = await sql<{ now: Date }>`select now() as now`.execute(db);
  const now = result.rows[0]?.now;
  if (!(now instanceof Date)) throw new OrdoError('ORDO_ERR_INTERNAL', 'select now() returned no timestamp');
  return now;
}

function matching(filter: TimerFilter) {
  return (eb: ExpressionBuilder<DatabaseSchema, 'ordo_timers'>) => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.instanceId !== undefined) conditions.push(eb('instance_id', '=', filter.instanceId));
    if (filter.node !== undefined) conditions.push(eb('node', '=', filter.node));
    // An empty list matches no timer, never every timer.
    if (filter.kinds !== undefined) conditions.push(eb('kind', '=', eb.fn.any(eb.val([...filter.kinds]))));
    return eb.and(conditions);
  };
}
