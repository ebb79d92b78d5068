import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Stored schedule runs (plans, insertions, what-ifs, moves, events): the request they were made of, the
 * schedule, what moved and the labels. At most one run is the committed schedule that dispatch lists
 * follow: a partial unique index, so two commits racing from the same base cannot both win.
 */
export const scheduleRunsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ordo_schedule_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('plan', 'insert', 'whatif', 'move', 'event')`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'committed', 'superseded')`))
      .addColumn('base_run_id', 'text', (c) => c.references('ordo_schedule_runs.id'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('load_ms', 'double precision', (c) => c.notNull())
      .addColumn('solve_ms', 'double precision', (c) => c.notNull())
      .addColumn('request', 'jsonb', (c) => c.notNull())
      .addColumn('result', 'jsonb', (c) => c.notNull())
      .addColumn('changes', 'jsonb')
      .addColumn('comparison', 'jsonb')
      .addColumn('labels', 'jsonb', (c) => c.notNull())
      .execute();
    await sql`create unique index ordo_schedule_runs_committed_idx on ordo_schedule_runs ((1)) where status = 'committed'`.execute(db);
    await db.schema.createIndex('ordo_schedule_runs_created_idx').on('ordo_schedule_runs').columns(['created_at', 'id']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('ordo_schedule_runs').execute();
  },
};
