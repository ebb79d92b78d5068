import { sql } from 'kysely';
import type { Executor } from './executor.js';

export interface DraftRow {
  kind: 'form';
  id: string;
  /** Exactly the text that was saved. */
  body: string;
  basedOnVersion: number | null;
  updatedAt: Date;
  updatedBy: string;
}

export async function upsertDraft(db: Executor, row: DraftRow): Promise<void> {
  const values = {
    kind: row.kind,
    id: row.id,
    body: row.body,
    based_on_version: row.basedOnVersion,
    updated_at: row.updatedAt,
    updated_by: row.updatedBy,
  };
  await db
    .insertInto('ordo_definition_drafts')
    .values(values)
    .onConflict((conflict) =>
      conflict.columns(['kind', 'id']).doUpdateSet({ body: values.body, based_on_version: values.based_on_version, updated_at: values.updated_at, updated_by: values.updated_by }),
    )
    .execute();
}

// `body::text`: the json column keeps the saved text, but drivers parse json into objects on the way out.
const draftColumns = [
  'kind',
  'id',
  sql<string>`body::text`.as('body'),
  'based_on_version',
  'updated_at',
  'updated_by',
] as const;

export async function findDraft(db: Executor, kind: 'form', id: string): Promise<DraftRow | undefined> {
  const row = await db.selectFrom('ordo_definition_drafts').select(draftColumns).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toDraft(row);
}

export async function listDrafts(db: Executor, kind: 'form'): Promise<DraftRow[]> {
  const rows = await db.selectFrom('ordo_definition_drafts').select(draftColumns).where('kind', '=', kind).orderBy('id').execute();
  return rows.map(toDraft);
}

function toDraft(row: { kind: 'form'; id: string; body: string; based_on_version: number | null; updated_at: Date; updated_by: string }): DraftRow {
  return { kind: row.kind, id: row.id, body: row.body, basedOnVersion: row.based_on_version, updatedAt: row.updated_at, updatedBy: row.updated_by };
}
