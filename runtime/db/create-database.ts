import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { OrdoError, isOrdoError } from '../../engine/errors/index.js';
import { lockDataDir } from './data-dir-lock.js';
import { migrateToLatest } from './migrate.js';
import { namedStatementPool } from './prepared-statements.js';
import type { DatabaseSchema } from './schema.js';

export interface OrdoDatabase {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /** A PostgreSQL URL; when absent, PGlite runs embedded in `dataDir`. */
  readonly url?: string;
  /** PGlite data folder (default `.ordo-data` in the cwd); `memory://` keeps it in memory. */
  readonly dataDir?: string;
  /** Refuse a superuser role instead of warning (default: NODE_ENV is production). */
  readonly production?: boolean;
  readonly warn?: (message: string) => void;
}

export const DEFAULT_DATA_DIR = '.ordo-data';

/** Opens the database, migrates it to the latest schema and checks the role is safe to run with. */
export async function createDatabase(options: CreateDatabaseOptions = {}): Promise<OrdoDatabase> {
  const database = options.url !== undefined ? await openPostgres(options.url) : await openPglite(options.dataDir);
  try {
    if (database.dialect === 'postgres') {
      await checkRole(database.db, options.production ?? process.env.NODE_ENV === 'production', options.warn);
    }
    await migrateToLatest(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw isOrdoError(error) ? error : unavailable(error);
  }
}

async function openPostgres(url: string): Promise<OrdoDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server emits 'error' on the pool; without a listener that kills the process.
  pool.on('error', () => undefined);
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool: namedStatementPool(pool) }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw unavailable(error);
  }
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string = DEFAULT_DATA_DIR): Promise<OrdoDatabase> {
  const inMemory = dataDir.startsWith('memory://');
  const location = inMemory ? dataDir : path.resolve(dataDir);
  let unlock = async (): Promise<void> => undefined;
  let pglite: PGlite;
  try {
    if (!inMemory) {
      await mkdir(location, { recursive: true });
      unlock = await lockDataDir(location);
    }
    pglite = await PGlite.create(location);
  } catch (error) {
    await unlock();
    throw isOrdoError(error) ? error : unavailable(error);
  }
  const db = new Kysely<DatabaseSchema>({ dialect: new PGliteDialect(pglite) });
  // Destroying the Kysely instance closes PGlite, which otherwise keeps the event loop alive.
  const close = async () => {
    await db.destroy();
    await unlock();
  };
  return { db, dialect: 'pglite', close };
}

async function checkRole(
  db: Kysely<DatabaseSchema>,
  production: boolean,
  warn: (message: string) => void = (message) => console.warn(message),
): Promise<void> {
  const result = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(db);
  if (result.rows[0]?.rolsuper !== true) return;
  const message = 'The database role is a superuser; run Ordo with a role that owns only its own tables.';
  if (production) throw new OrdoError('ORDO_ERR_UNSAFE_DATABASE_ROLE', message);
  warn(`warning: ${message}`);
}

function unavailable(cause: unknown): OrdoError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new OrdoError('ORDO_ERR_DATABASE_UNAVAILABLE', `The database is not reachable: ${reason}`, { cause });
}
