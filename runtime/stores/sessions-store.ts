import { CompiledQuery, type Selectable } from 'kysely';
import type { SessionsTable } from '../db/index.js';
import { preparedStatement } from '../db/index.js';
import type { Executor } from './executor.js';
import type { UserRow } from './users-store.js';

export type SessionRow = Selectable<SessionsTable>;

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('ordo_sessions').values(row).execute();
}

/** What a request needs to know of its user. */
export type SessionUser = Pick<UserRow, 'id' | 'username' | 'display_name' | 'roles' | 'locale'>;

/** Plain SQL compiled once: every authenticated request runs it. */
const SESSION_WITH_USER = preparedStatement('ordo_session_with_user', `select s.token_hash, s.user_id, s.created_at, s.idle_expires_at, s.absolute_expires_at,
  u.id as u_id, u.username as u_username, u.display_name as u_display_name, u.roles as u_roles, u.locale as u_locale
from ordo_sessions as s join ordo_users as u on u.id = s.user_id
where s.token_hash = $1::text`);

type SessionWithUserRow = SessionRow & { [K in keyof SessionUser as `u_${K}`]: SessionUser[K] };

/** The session and its user in one round trip: every authenticated request starts here. */
export async function findSessionWithUser(db: Executor, tokenHash: string): Promise<{ session: SessionRow; user: SessionUser } | undefined> {
  const row = (await db.executeQuery<SessionWithUserRow>(CompiledQuery.raw(SESSION_WITH_USER, [tokenHash]))).rows[0];
  if (row === undefined) return undefined;
  const { u_id, u_username, u_display_name, u_roles, u_locale, ...session } = row;
  return { session, user: { id: u_id, username: u_username, display_name: u_display_name, roles: u_roles, locale: u_locale } };
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
