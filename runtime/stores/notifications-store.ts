import type { Selectable } from 'kysely';
import type { LocalizedText } from '../../engine/definitions/index.js';
import type { NotificationKind, NotificationsTable } from '../db/index.js';
import type { Executor } from './executor.js';

export type NotificationRow = Selectable<NotificationsTable>;

export interface NewNotificationRow {
  id: string;
  /** The recipient's username. */
  username: string;
  kind: NotificationKind;
  instanceId?: string | null;
  form?: string | null;
  recordId?: string | null;
  message: LocalizedText;
  at: Date;
}

export interface NotificationPageQuery {
  username: string;
  kind?: NotificationKind;
  limit: number;
  offset: number;
}

export async function insertNotifications(db: Executor, rows: readonly NewNotificationRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('ordo_notifications')
    .values(
      rows.map((row) => ({
        id: row.id,
        username: row.username,
        kind: row.kind,
        instance_id: row.instanceId ?? null,
        form: row.form ?? null,
        record_id: row.recordId ?? null,
        message: JSON.stringify(row.message),
        created_at: row.at,
      })),
    )
    .execute();
}

/** A page of the user's notifications, newest first, and how many match in all. */
export async function listNotifications(
  db: Executor,
  query: NotificationPageQuery,
): Promise<{ rows: NotificationRow[]; total: number }> {
  let base = db.selectFrom('ordo_notifications').where('username', '=', query.username);
  if (query.kind !== undefined) base = base.where('kind', '=', query.kind);
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const counted = await base.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  return { rows, total: Number(counted.total) };
}

/**
 * Marks the user's unread notifications among `ids` read at `at`; ids of other users' notifications
 * are ignored, and one read before keeps its first read time. Returns how many were marked.
 */
export async function markNotificationsRead(db: Executor, username: string, ids: readonly string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('ordo_notifications')
    .set({ read_at: at })
    .where('username', '=', username)
    .where((eb) => eb('id', '=', eb.fn.any(eb.val([...ids]))))
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
