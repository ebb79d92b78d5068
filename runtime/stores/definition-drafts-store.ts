import { sql } from 'kysely';
import type { Executor } from './executor.js';

/** The definition kinds the visual designer edits. */
export type DraftKind = 'form' | 'workflow' | 'report' | 'dashboard';

export interface DraftRow {
  kind: DraftKind;
  id: string;
  /** Exactly the text that was saved. */
  body: string;
  basedOnVersion: number | null;
  updatedAt: Date;
  updatedBy: string;
  /**
   * The designer's drawing (engine/workflows/diagram-layout.ts), as read: null when none was saved.
   * On a write, undefined leaves the stored one as it is and null removes it.
   */
  layout?: unknown;
}

/** The layout column's value on a write: undefined when the row's layout stays as it is. */
function layoutValue(row: DraftRow): { layout?: string | null } {
  if (row.layout === undefined) return {};
  return { layout: row.layout === null ? null : JSON.stringify(row.layout) };
}

export async function upsertDraft(db: Executor, row: DraftRow): Promise<void> {
  const values = {
    kind: row.kind,
    id: row.id,
    body: row.body,
    based_on_version: row.basedOnVersion,
    updated_at: row.updatedAt,
    updated_by: row.updatedBy,
    ...layoutValue(row),
  };
  await db
    .insertInto('ordo_definition_drafts')
    .values(values)
    .onConflict((conflict) =>
      conflict.columns(['kind', 'id']).doUpdateSet({ body: values.body, based_on_version: values.based_on_version, updated_at: values.updated_at, updated_by: values.updated_by, ...layoutValue(row) }),
    )
    .execute();
}

/**
 * Saves the draft only if it is still as the designer loaded it: last saved at `expected`, or not saved
 * at all when `expected` is null. One statement each, so two designers saving at once cannot both win.
 * Returns whether it was written.
 */
export async function saveDraftIfUnchanged(db: Executor, row: DraftRow, expected: Date | null): Promise<boolean> {
  const values = { body: row.body, based_on_version: row.basedOnVersion, updated_at: row.updatedAt, updated_by: row.updatedBy, ...layoutValue(row) };
  if (expected === null) {
    const inserted = await db
      .insertInto('ordo_definition_drafts')
      .values({ kind: row.kind, id: row.id, ...values })
      .onConflict((conflict) => conflict.columns(['kind', 'id']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const updated = await db.updateTable('ordo_definition_drafts').set(values).where('kind', '=', row.kind).where('id', '=', row.id).where('updated_at', '=', expected).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

// `body::text`: the json column keeps the saved text, but drivers parse json into objects on the way out.
const draftColumns = [
  'kind',
  'id',
  sql<string>`body::text`.as('body'),
  'based_on_version',
  'updated_at',
  'updated_by',
  'layout',
] as const;

export async function findDraft(db: Executor, kind: DraftKind, id: string): Promise<DraftRow | undefined> {
  const row = await db.selectFrom('ordo_definition_drafts').select(draftColumns).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toDraft(row);
}

export async function listDrafts(db: Executor, kind: DraftKind): Promise<DraftRow[]> {
  const rows = await db.selectFrom('ordo_definition_drafts').select(draftColumns).where('kind', '=', kind).orderBy('id').execute();
  return rows.map(toDraft);
}

function toDraft(row: { kind: DraftKind; id: string; body: string; based_on_version: number | null; updated_at: Date; updated_by: string; layout: unknown }): DraftRow {
  // Drivers hand jsonb back parsed; a string would be a driver that does not.
  const layout = typeof row.layout === 'string' ? (JSON.parse(row.layout) as unknown) : (row.layout ?? null);
  return { kind: row.kind, id: row.id, body: row.body, basedOnVersion: row.based_on_version, updatedAt: row.updated_at, updatedBy: row.updated_by, layout };
}
