import type { Selectable } from 'kysely';
import type { RecordsTable } from '../db/index.js';
import type { Executor } from './executor.js';
import { applyRecordConditions, orderRecords, type RecordCondition, type RecordSort } from './record-query.js';

export type RecordRow = Selectable<RecordsTable>;

export interface NewRecordRow {
  id: string;
  form: string;
  formVersion: number;
  data: Record<string, unknown>;
  at: Date;
  by: string;
}

/** The column values of a new record (revision 1). */
export function newRecordValues(row: NewRecordRow) {
  return {
    id: row.id,
    form: row.form,
    form_version: row.formVersion,
    revision: 1,
    data: JSON.stringify(row.data),
    created_at: row.at,
    created_by: row.by,
    updated_at: row.at,
    updated_by: row.by,
  };
}

/** A live (not deleted) record of the form, unless includeDeleted. */
export async function findRecord(
  db: Executor,
  form: string,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<RecordRow | undefined> {
  let query = db.selectFrom('ordo_records').selectAll().where('form', '=', form).where('id', '=', id);
  if (options.includeDeleted !== true) query = query.where('deleted_at', 'is', null);
  return query.executeTakeFirst();
}

export async function recordIdExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('ordo_records').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** Live records of one form among `ids`, in one query. */
/**
 * Live records by form and id, for lookups into several forms at once: one query for all of them
 * (ids are unique across forms), keeping only rows of the form each id was asked for.
 */
export async function findRecordsByIds(
  db: Executor,
  wanted: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, RecordRow[]>> {
  const ids = [...wanted.values()].flatMap((set) => [...set]);
  const found = new Map<string, RecordRow[]>([...wanted.keys()].map((form) => [form, []]));
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('ordo_records')
    .selectAll()
    .where((eb) => eb('id', '=', eb.fn.any(eb.val(ids))))
    .where('deleted_at', 'is', null)
    .execute();
  for (const row of rows) {
    if (wanted.get(row.form)?.has(row.id) === true) found.get(row.form)?.push(row);
  }
  return found;
}

export interface RecordChange {
  id: string;
  expectedRevision: number;
  at: Date;
  by: string;
}

/** Writes the new data only when the stored revision is still `expectedRevision`; undefined otherwise. */
export async function updateRecordData(
  db: Executor,
  change: RecordChange & { formVersion: number; data: Record<string, unknown> },
): Promise<RecordRow | undefined> {
  return db
    .updateTable('ordo_records')
    .set((eb) => ({
      data: JSON.stringify(change.data),
      form_version: change.formVersion,
      revision: eb('revision', '+', 1),
      updated_at: change.at,
      updated_by: change.by,
    }))
    .where('id', '=', change.id)
    .where('revision', '=', change.expectedRevision)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Marks the record deleted (a new revision) when the stored revision is still `expectedRevision`. */
export async function softDeleteRecord(db: Executor, change: RecordChange): Promise<RecordRow | undefined> {
  return db
    .updateTable('ordo_records')
    .set((eb) => ({
      revision: eb('revision', '+', 1),
      updated_at: change.at,
      updated_by: change.by,
      deleted_at: change.at,
      deleted_by: change.by,
    }))
    .where('id', '=', change.id)
    .where('revision', '=', change.expectedRevision)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export interface RecordPageQuery {
  conditions: readonly RecordCondition[];
  sort: RecordSort;
  limit: number;
  offset: number;
}

export async function listRecords(
  db: Executor,
  form: string,
  query: RecordPageQuery,
): Promise<{ rows: RecordRow[]; total: number }> {
  const base = applyRecordConditions(
    db.selectFrom('ordo_records').where('form', '=', form).where('deleted_at', 'is', null),
    query.conditions,
  );
  const rows = await orderRecords(base.selectAll(), query.sort).limit(query.limit).offset(query.offset).execute();
  const counted = await base.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  return { rows, total: Number(counted.total) };
}

/** Ids of records (deleted ones too) that are not among `ids`: tells a database in use from a demo one. */
export async function findRecordIdsOutside(db: Executor, ids: readonly string[], limit: number): Promise<string[]> {
  let query = db.selectFrom('ordo_records').select('id');
  if (ids.length > 0) query = query.where((eb) => eb.not(eb('id', '=', eb.fn.any(eb.val([...ids])))));
  const rows = await query.limit(limit).execute();
  return rows.map((row) => row.id);
}
