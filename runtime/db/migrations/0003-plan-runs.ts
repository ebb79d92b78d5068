import { sql, type Kysely, type Migration } from 'kysely';

/** Stored plan runs (who planned when, how long loading and planning took, the plan) and which planned orders became records. */
export const planRunsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ordo_plan_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('load_ms', 'double precision', (c) => c.notNull())
      .addColumn('plan_ms', 'double precision', (c) => c.notNull())
      .addColumn('summary', 'jsonb', (c) => c.notNull())
      .addColumn('plan', 'jsonb', (c) => c.notNull())
      .addColumn('labels', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ordo_plan_runs_created_idx').on('ordo_plan_runs').columns(['created_at', 'id']).execute();

    // One record per planned order of a run: the key is what makes a second firming fail.
    await db.schema
      .createTable('ordo_plan_firmings')
      .addColumn('run_id', 'text', (c) => c.notNull().references('ordo_plan_runs.id'))
      .addColumn('planned_order', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ordo_plan_firmings_pk', ['run_id', 'planned_order'])
      .execute();
    await sql`create index ordo_plan_firmings_record_idx on ordo_plan_firmings (record_id)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('ordo_plan_firmings').execute();
    await db.schema.dropTable('ordo_plan_runs').execute();
  },
};
