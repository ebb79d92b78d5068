import type { Selectable } from 'kysely';
import type { UsersTable } from '../db/index.js';
import type { Executor } from './executor.js';

export type UserRow = Selectable<UsersTable>;

export interface NewUserRow {
  id: string;
  username: string;
  displayName: string;
  roles: readonly string[];
  locale: string;
  passwordHash: string;
  at: Date;
}

/** Throws the driver's unique violation (23505) when the username is taken. */
export async function insertUser(db: Executor, row: NewUserRow): Promise<UserRow> {
  return db
    .insertInto('ordo_users')
    .values({
      id: row.id,
      username: row.username,
      display_name: row.displayName,
      roles: JSON.stringify(row.roles),
      locale: row.locale,
      password_hash: row.passwordHash,
      created_at: row.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('ordo_users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Display names by user name, for the user names given; unknown names are left out. */
export async function findDisplayNames(db: Executor, usernames: readonly string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db
    .selectFrom('ordo_users')
    .select(['username', 'display_name'])
    .where('username', 'in', [...new Set(usernames)])
    .execute();
  return new Map(rows.map((row) => [row.username, row.display_name]));
}
