import { sql, type Selectable } from 'kysely';
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
  /** The username of the user's manager. */
  manager?: string | null;
  /** Ids of the app's departments the user belongs to. */
  departments?: readonly string[];
  at: Date;
}

/** A user as pickers show one. */
export interface PickableUser {
  username: string;
  displayName: string;
  departments: string[];
}

/** A user as assignee rules see one. */
export interface DirectoryUser {
  username: string;
  displayName: string;
  roles: string[];
  manager: string | null;
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
      manager: row.manager ?? null,
      departments: JSON.stringify(row.departments ?? []),
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

/** Every user, by display name then user name: few enough in one factory to pick from in the browser. */
export async function listPickableUsers(db: Executor): Promise<PickableUser[]> {
  const rows = await db.selectFrom('ordo_users').select(['username', 'display_name', 'departments']).orderBy('display_name').orderBy('username').execute();
  return rows.map((row) => ({ username: row.username, displayName: row.display_name, departments: [...row.departments] }));
}

/** Users having any of the roles, by username. */
export async function findUsersWithRoles(db: Executor, roles: readonly string[]): Promise<DirectoryUser[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('ordo_users')
    .select(['username', 'display_name', 'roles', 'manager'])
    .where(sql<boolean>`roles ?| cast(${[...new Set(roles)]} as text[])`)
    .orderBy('username', 'asc')
    .execute();
  return rows.map(directoryUser);
}

/** The users who belong to the department itself (not to its sub-departments), with the role when one is given; by username. */
export async function findUsersInDepartment(db: Executor, department: string, role: string | undefined): Promise<DirectoryUser[]> {
  let query = db
    .selectFrom('ordo_users')
    .select(['username', 'display_name', 'roles', 'manager'])
    .where(sql<boolean>`departments ? ${department}`);
  if (role !== undefined) query = query.where(sql<boolean>`roles ? ${role}`);
  return (await query.orderBy('username', 'asc').execute()).map(directoryUser);
}

/** The users named, by username; unknown names are left out. */
export async function findUsersByUsernames(db: Executor, usernames: readonly string[]): Promise<DirectoryUser[]> {
  if (usernames.length === 0) return [];
  const rows = await db
    .selectFrom('ordo_users')
    .select(['username', 'display_name', 'roles', 'manager'])
    .where((eb) => eb('username', '=', eb.fn.any(eb.val([...new Set(usernames)]))))
    .orderBy('username', 'asc')
    .execute();
  return rows.map(directoryUser);
}

function directoryUser(row: Pick<UserRow, 'username' | 'display_name' | 'roles' | 'manager'>): DirectoryUser {
  return { username: row.username, displayName: row.display_name, roles: [...row.roles], manager: row.manager };
}
