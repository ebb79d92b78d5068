import type { Kysely, Migration } from 'kysely';

/**
 * Unpublished work of the visual designer, one draft per definition. The body is `json`, not `jsonb`:
 * jsonb reorders keys and drops whitespace, and the designer promises that the JSON a person sees is
 * exactly the text that is stored and later published.
 */
export const definitionDraftsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ordo_definition_drafts')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('body', 'json', (c) => c.notNull())
      .addColumn('based_on_version', 'integer')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ordo_definition_drafts_pk', ['kind', 'id'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('ordo_definition_drafts').execute();
  },
};
