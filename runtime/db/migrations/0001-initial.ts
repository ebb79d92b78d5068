import type { Kysely, Migration } from 'kysely';

/** The first schema: every table of docs/architecture.md (Runtime / Database). */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ordo_definitions')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      // json, not jsonb: jsonb reorders object keys, and a form's field order is its properties' order.
      .addColumn('body', 'json', (c) => c.notNull())
      .addColumn('checksum', 'text', (c) => c.notNull())
      .addColumn('published_at', 'timestamptz', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ordo_definitions_pk', ['kind', 'id', 'version'])
      .execute();

    await db.schema
      .createTable('ordo_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('roles', 'jsonb', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('ordo_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('ordo_users.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('idle_expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('absolute_expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ordo_sessions_user_idx').on('ordo_sessions').column('user_id').execute();

    await db.schema
      .createTable('ordo_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'timestamptz')
      .addColumn('deleted_by', 'text')
      .execute();
    // Lists filter on form and live rows and default to creation order.
    await db.schema
      .createIndex('ordo_records_form_live_created_idx')
      .on('ordo_records')
      .columns(['form', 'deleted_at', 'created_at'])
      .execute();
    // No index on `data` yet: no query uses containment, and a GIN index over every record's data
    // cost a quarter of the create rate (BENCHMARKS.md). Indexes for filtered and sorted fields come
    // with the reports that need them.

    await db.schema
      .createTable('ordo_record_history')
      .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_username', 'text', (c) => c.notNull())
      .addColumn('actor_display_name', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('changes', 'jsonb', (c) => c.notNull())
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .addUniqueConstraint('ordo_record_history_record_revision_uq', ['record_id', 'revision'])
      .execute();

    await db.schema
      .createTable('ordo_audit')
      .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_username', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text')
      .addColumn('target_id', 'text')
      .addColumn('detail', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ordo_audit_at_idx').on('ordo_audit').column('at').execute();

    await db.schema
      .createTable('ordo_idempotency')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('response', 'jsonb')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('ordo_idempotency_pk', ['user_id', 'key'])
      .execute();

    await db.schema
      .createTable('ordo_serials')
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('ordo_serials_pk', ['form', 'field', 'prefix'])
      .execute();
  },
};
