import { sql } from 'kysely';
import type { Executor } from './executor.js';

export interface NewOutboxRow {
  instanceId: string;
  /** What happened, e.g. `workflow.completed`. */
  event: string;
  data: unknown;
  at: Date;
}

export interface OutboxRow {
  /** The bigint insertion order as text (it may exceed a JS number); pass it back to markOutboxDelivered. */
  seq: string;
  instanceId: string;
  event: string;
  data: unknown;
  createdAt: Date;
}

export async function insertOutbox(db: Executor, rows: readonly NewOutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('ordo_outbox')
    .values(
      rows.map((row) => ({
        instance_id: row.instanceId,
        event: row.event,
        data: JSON.stringify(row.data ?? null),
        created_at: row.at,
      })),
    )
    .execute();
}

/** The oldest `limit` entries not delivered yet, in the order they were written. */
export async function listUndelivered(db: Executor, limit: number): Promise<OutboxRow[]> {
  const rows = await db
    .selectFrom('ordo_outbox')
    .select([sql<string>`seq::text`.as('seq'), 'instance_id', 'event', 'data', 'created_at'])
    .where('delivered_at', 'is', null)
    .orderBy('ordo_outbox.seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ seq: row.seq, instanceId: row.instance_id, event: row.event, data: row.data, createdAt: row.created_at }));
}

export async function markOutboxDelivered(db: Executor, seqs: readonly string[], at: Date): Promise<void> {
  if (seqs.length === 0) return;
  await db
    .updateTable('ordo_outbox')
    .set({ delivered_at: at })
    .where(sql<boolean>`seq = any(cast(${[...seqs]} as bigint[]))`)
    .where('delivered_at', 'is', null)
    .execute();
}
