import type { CompiledForm, FormContext, LookupRecords } from '../../engine/forms/index.js';
import { findDisplayNames, findRecordsByIds, type Executor, type RecordRow } from '../stores/index.js';
import type { Actor, RecordDto } from './types.js';

export function formContext(actor: Actor, now: Date): FormContext {
  return { roles: actor.roles, locale: actor.locale, now };
}

/** Fetches the records the form's lookups point at, in one query. */
export async function fetchLookups(db: Executor, compiled: CompiledForm, data: unknown): Promise<LookupRecords> {
  const wanted = new Map<string, Set<string>>();
  for (const request of compiled.lookupRequests(data)) {
    const ids = wanted.get(request.form) ?? new Set<string>();
    for (const id of request.ids) ids.add(id);
    wanted.set(request.form, ids);
  }
  const lookups: Record<string, Record<string, Readonly<Record<string, unknown>>>> = {};
  for (const [form, rows] of await findRecordsByIds(db, wanted)) {
    lookups[form] = Object.fromEntries(rows.map((row) => [row.id, row.data]));
  }
  return lookups;
}

/** The record as the API shows it: only the fields the actor may read. */
/**
 * Display names of the users who created and last changed these records. A user name with no user
 * behind it (a removed account) stands for itself.
 */
export async function userNamesOf(db: Executor, rows: readonly RecordRow[], known?: Actor): Promise<ReadonlyMap<string, string>> {
  const wanted = rows.flatMap((row) => [row.created_by, row.updated_by]).filter((name) => name !== known?.username);
  const names = await findDisplayNames(db, wanted);
  if (known !== undefined) names.set(known.username, known.displayName);
  return names;
}

export function recordDto(row: RecordRow, compiled: CompiledForm, context: FormContext, names: ReadonlyMap<string, string>): RecordDto {
  return {
    id: row.id,
    form: row.form,
    formVersion: row.form_version,
    revision: row.revision,
    data: compiled.project(row.data, context),
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    createdByName: names.get(row.created_by) ?? row.created_by,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
    updatedByName: names.get(row.updated_by) ?? row.updated_by,
  };
}
