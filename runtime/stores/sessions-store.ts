import type { Selectable } from 'kysely';
import type { SessionsTable } from '../db/index.js';
import type { Executor } from './executor.js';

export type SessionRow = Selectable<SessionsTable>;

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('ordo_sessions').values(row).execute();
}

export async function findSession(db: Executor, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('ordo_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function extendSession(db: Executor, tokenHash: string, idleExpiresAt: Date): Promise<void> {
  await db
    .updateTable('ordo_sessions')
    .set({ idle_expires_at: idleExpiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('ordo_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Drops sessions whose idle or absolute expiry has passed, so the table does not grow without bound. */
export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db
    .deleteFrom('ordo_sessions')
    .where((eb) => eb.or([eb('idle_expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
    .execute();
}
