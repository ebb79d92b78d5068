import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { createDatabase, type OrdoDatabase } from '../../runtime/db/index.js';

/**
 * The database backends a suite runs against: always an in-memory PGlite, plus PostgreSQL when
 * DATABASE_URL is set (a fresh database `ordo_test_<random>` created on that server and dropped on
 * close). Suites loop over them the way kysely's own tests loop over dialects:
 *
 *   for (const backend of testDatabases()) describe(backend.name, () => { ... backend.open() ... });
 */
export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  /** A migrated, empty database; close() it in afterAll (for PostgreSQL that also drops it). */
  open(): Promise<OrdoDatabase>;
}

export function testDatabases(): TestBackend[] {
  const url = process.env.DATABASE_URL;
  const postgres: TestBackend[] = url === undefined || url === '' ? [] : [{ name: 'postgres', open: () => openFreshPostgres(url) }];
  // CI runs the PGlite suites first on their own, then only the PostgreSQL side (ORDO_TEST_BACKENDS=postgres).
  if (process.env.ORDO_TEST_BACKENDS === 'postgres' && postgres.length > 0) return postgres;
  return [{ name: 'pglite', open: () => createDatabase({ dataDir: 'memory://' }) }, ...postgres];
}

/** Empties every Ordo table, so tests in one file can start from nothing without a new instance. */
export async function resetDatabase(database: OrdoDatabase): Promise<void> {
  await sql`truncate ordo_definitions, ordo_users, ordo_sessions, ordo_records, ordo_record_history, ordo_audit, ordo_idempotency, ordo_serials, ordo_workflow_instances, ordo_workflow_events, ordo_tasks, ordo_timers, ordo_notifications, ordo_outbox, ordo_plan_runs, ordo_plan_firmings, ordo_schedule_runs, ordo_definition_drafts, ordo_attachments restart identity cascade`.execute(
    database.db,
  );
}

/** Empties the record tables only (records, history, audit, idempotency keys, serial counters); users and definitions stay. */
export async function resetRecords(database: OrdoDatabase): Promise<void> {
  await sql`truncate ordo_records, ordo_record_history, ordo_audit, ordo_idempotency, ordo_serials restart identity`.execute(database.db);
}

/** Every table Ordo writes. */
export const ORDO_TABLES = [
  'ordo_definitions',
  'ordo_users',
  'ordo_sessions',
  'ordo_records',
  'ordo_record_history',
  'ordo_audit',
  'ordo_idempotency',
  'ordo_serials',
  'ordo_workflow_instances',
  'ordo_workflow_events',
  'ordo_tasks',
  'ordo_timers',
  'ordo_notifications',
  'ordo_outbox',
  'ordo_plan_runs',
  'ordo_plan_firmings',
  'ordo_schedule_runs',
  'ordo_attachments',
] as const;

export type TableCounts = Record<(typeof ORDO_TABLES)[number], number>;

/** Rows in every Ordo table: a failed write must leave all of them unchanged. */
export async function countRows(database: OrdoDatabase): Promise<TableCounts> {
  const counts = {} as TableCounts;
  for (const table of ORDO_TABLES) {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

async function openFreshPostgres(serverUrl: string): Promise<OrdoDatabase> {
  const name = `ordo_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ url: url.toString(), production: false, warn: () => undefined });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

// The name is generated above from hex digits, so it is safe to place in the statement.
async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
