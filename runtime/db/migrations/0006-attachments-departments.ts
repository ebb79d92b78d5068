import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Files uploaded to attachment fields, kept in the database with the records they belong to (one
 * backup, one transaction), and the departments users belong to. An upload is held by its uploader
 * until a saved record refers to it (`record_id`); unreferenced uploads older than a day are purgeable.
 */
export const attachmentsDepartmentsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ordo_attachments')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('record_id', 'uuid')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('content', 'bytea', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ordo_attachments_record').on('ordo_attachments').column('record_id').execute();
    await db.schema
      .createIndex('ordo_attachments_unreferenced')
      .on('ordo_attachments')
      .column('uploaded_at')
      .where(sql.ref('record_id'), 'is', null)
      .execute();
    await db.schema.alterTable('ordo_users').addColumn('departments', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('ordo_users').dropColumn('departments').execute();
    await db.schema.dropTable('ordo_attachments').execute();
  },
};
