import type { Kysely, Migration } from 'kysely';

/**
 * Where the workflow designer drew a draft's nodes and arrows (engine/workflows/diagram-layout.ts).
 * Beside the body, never in it: the definition's text stays what the designer wrote. `jsonb`, unlike
 * the body: nobody reads this text, only its values.
 */
export const draftLayoutsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('ordo_definition_drafts').addColumn('layout', 'jsonb').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('ordo_definition_drafts').dropColumn('layout').execute();
  },
};
