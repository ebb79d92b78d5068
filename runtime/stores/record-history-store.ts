import type { RecordHistoryTable } from '../db/index.js';
import type { Executor } from './executor.js';
import type { Selectable } from 'kysely';

export type HistoryRow = Omit<Selectable<RecordHistoryTable>, 'seq'>;

export interface NewHistoryRow {
  recordId: string;
  form: string;
  revision: number;
  action: 'create' | 'update' | 'delete';
  actor: { id: string; username: string; displayName: string };
  at: Date;
  changes: unknown[];
  data: Record<string, unknown>;
}

/** The column values of one history row. */
export function historyValues(row: NewHistoryRow) {
  return {
    record_id: row.recordId,
    form: row.form,
    revision: row.revision,
    action: row.action,
    actor_id: row.actor.id,
    actor_username: row.actor.username,
    actor_display_name: row.actor.displayName,
    at: row.at,
    changes: JSON.stringify(row.changes),
    data: JSON.stringify(row.data),
  };
}

export async function insertHistory(db: Executor, row: NewHistoryRow): Promise<void> {
  await db.insertInto('ordo_record_history').values(historyValues(row)).execute();
}

/** Every revision of a record, oldest first. */
export async function listHistory(db: Executor, recordId: string): Promise<HistoryRow[]> {
  return db
    .selectFrom('ordo_record_history')
    .select([
      'record_id',
      'form',
      'revision',
      'action',
      'actor_id',
      'actor_username',
      'actor_display_name',
      'at',
      'changes',
      'data',
    ])
    .where('record_id', '=', recordId)
    .orderBy('revision', 'asc')
    .execute();
}
