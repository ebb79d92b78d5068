import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrdoError } from '../../engine/errors/index.js';
import { createDatabase, migrateToLatest, type OrdoDatabase } from '../../runtime/db/index.js';
import { testDatabases } from '../support/database.js';

const TABLES = [
  'ordo_attachments',
  'ordo_audit',
  'ordo_definition_drafts',
  'ordo_definitions',
  'ordo_idempotency',
  'ordo_notifications',
  'ordo_outbox',
  'ordo_plan_firmings',
  'ordo_plan_runs',
  'ordo_record_history',
  'ordo_records',
  'ordo_schedule_runs',
  'ordo_serials',
  'ordo_sessions',
  'ordo_tasks',
  'ordo_timers',
  'ordo_users',
  'ordo_workflow_events',
  'ordo_workflow_instances',
];

for (const backend of testDatabases()) {
  describe(`database on ${backend.name}`, () => {
    let database: OrdoDatabase;
    beforeAll(async () => {
      database = await backend.open();
    });
    afterAll(async () => {
      await database.close();
    });

    it('creates every table of the architecture on first open', async () => {
      const result = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = current_schema() and table_name like 'ordo\\_%' and table_name not like 'ordo_migrations%'
        order by table_name`.execute(database.db);
      expect(result.rows.map((row) => row.table_name)).toEqual(TABLES);
    });

    it('has the indexes lists and history need', async () => {
      const result = await sql<{ indexname: string; indexdef: string }>`
        select indexname, indexdef from pg_indexes where schemaname = current_schema()`.execute(database.db);
      const byName = new Map(result.rows.map((row) => [row.indexname, row.indexdef]));
      expect(byName.get('ordo_records_form_live_created_idx')).toMatch(/\(form, deleted_at, created_at\)/);
      expect(byName.get('ordo_record_history_record_revision_uq')).toMatch(/\(record_id, revision\)/);
    });

    it('has the keys and indexes the workflow runtime relies on', async () => {
      const result = await sql<{ indexname: string; indexdef: string }>`
        select indexname, indexdef from pg_indexes where schemaname = current_schema()`.execute(database.db);
      const byName = new Map(result.rows.map((row) => [row.indexname, row.indexdef]));
      expect(byName.get('ordo_workflow_instances_running_uq')).toMatch(/UNIQUE INDEX .*\(workflow, record_id\) WHERE \(status = 'running'::text\)/);
      expect(byName.get('ordo_workflow_instances_record_idx')).toMatch(/\(record_id\)/);
      expect(byName.get('ordo_workflow_instances_initiator_idx')).toMatch(/\(initiator, started_at\)/);
      expect(byName.get('ordo_workflow_events_pk')).toMatch(/UNIQUE INDEX .*\(instance_id, seq\)/);
      expect(byName.get('ordo_tasks_instance_slot_uq')).toMatch(/UNIQUE INDEX .*\(instance_id, slot\)/);
      expect(byName.get('ordo_tasks_assignee_idx')).toMatch(/\(assignee, status, created_at\)/);
      expect(byName.get('ordo_tasks_acted_idx')).toMatch(/\(acted_by, acted_at\)/);
      expect(byName.get('ordo_tasks_instance_idx')).toMatch(/\(instance_id\)/);
      expect(byName.get('ordo_timers_due_idx')).toMatch(/\(due_at, id\)/);
      expect(byName.get('ordo_notifications_user_idx')).toMatch(/\(username, created_at\)/);
      const manager = await sql<{ is_nullable: string }>`
        select is_nullable from information_schema.columns
        where table_schema = current_schema() and table_name = 'ordo_users' and column_name = 'manager'`.execute(database.db);
      expect(manager.rows).toEqual([{ is_nullable: 'YES' }]);
    });

    it('runs again without applying anything or losing data', async () => {
      await database.db
        .insertInto('ordo_serials')
        .values({ form: 'f', field: 'no', prefix: 'X-', value: 7 })
        .execute();
      expect(await migrateToLatest(database.db)).toEqual([]);
      expect(await migrateToLatest(database.db)).toEqual([]);
      const row = await database.db.selectFrom('ordo_serials').select('value').where('form', '=', 'f').executeTakeFirst();
      expect(row?.value).toBe(7);
    });
  });
}

describe('PGlite in a data folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ordo-db-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the folder and keeps the data across a restart', async () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const first = await createDatabase({ dataDir });
    await first.db.insertInto('ordo_serials').values({ form: 'order', field: 'no', prefix: 'SO-', value: 41 }).execute();
    await first.close();
    const second = await createDatabase({ dataDir });
    try {
      const row = await second.db.selectFrom('ordo_serials').select('value').executeTakeFirst();
      expect(row?.value).toBe(41);
      // A second opener (here in the same process, standing in for `ordo user add` beside a server) is refused.
      await expect(createDatabase({ dataDir })).rejects.toMatchObject({ code: 'ORDO_ERR_DATABASE_UNAVAILABLE' });
    } finally {
      await second.close();
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = path.join(dir, 'stale');
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'ordo.lock'), '2147483646');
    const database = await createDatabase({ dataDir });
    await database.close();
  });
});

describe('connection failures', () => {
  it('turn into ORDO_ERR_DATABASE_UNAVAILABLE', async () => {
    const error = await createDatabase({ url: 'postgres://nobody@127.0.0.1:1/none' }).catch((caught: unknown) => caught);
    expect(isOrdoError(error) && error.code).toBe('ORDO_ERR_DATABASE_UNAVAILABLE');
  });
});

const serverUrl = process.env.DATABASE_URL;
describe.runIf(serverUrl !== undefined && serverUrl !== '')('superuser role check on PostgreSQL', () => {
  it('refuses a superuser in production and only warns otherwise', async () => {
    const url = serverUrl ?? '';
    const isSuper = await (async () => {
      const probe = await createDatabase({ url, production: false, warn: () => undefined });
      try {
        const result = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(probe.db);
        return result.rows[0]?.rolsuper === true;
      } finally {
        await probe.close();
      }
    })();
    const warnings: string[] = [];
    const relaxed = await createDatabase({ url, production: false, warn: (message) => warnings.push(message) });
    await relaxed.close();
    expect(warnings.length).toBe(isSuper ? 1 : 0);
    const strict = createDatabase({ url, production: true, warn: () => undefined });
    if (isSuper) await expect(strict).rejects.toMatchObject({ code: 'ORDO_ERR_UNSAFE_DATABASE_ROLE' });
    else await (await strict).close();
  });
});
