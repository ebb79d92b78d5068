import type { Selectable } from 'kysely';
import type { DefinitionsTable } from '../db/index.js';
import type { Executor } from './executor.js';

export type DefinitionRow = Selectable<DefinitionsTable>;

export interface NewDefinitionRow {
  kind: DefinitionsTable['kind'];
  id: string;
  version: number;
  body: unknown;
  checksum: string;
  at: Date;
  by: string;
}

export async function insertDefinition(db: Executor, row: NewDefinitionRow): Promise<void> {
  await db
    .insertInto('ordo_definitions')
    .values({
      kind: row.kind,
      id: row.id,
      version: row.version,
      body: JSON.stringify(row.body),
      checksum: row.checksum,
      published_at: row.at,
      published_by: row.by,
    })
    .execute();
}

/** Every published version of every definition, oldest version first. */
export async function listDefinitions(db: Executor): Promise<DefinitionRow[]> {
  return db.selectFrom('ordo_definitions').selectAll().orderBy('kind').orderBy('id').orderBy('version').execute();
}

export async function latestDefinition(
  db: Executor,
  kind: DefinitionsTable['kind'],
  id: string,
): Promise<DefinitionRow | undefined> {
  return db
    .selectFrom('ordo_definitions')
    .selectAll()
    .where('kind', '=', kind)
    .where('id', '=', id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
