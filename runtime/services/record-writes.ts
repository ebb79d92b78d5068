import { randomUUID } from 'node:crypto';
import { OrdoError } from '../../engine/errors/index.js';
import type { CompiledForm } from '../../engine/forms/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { mergePatch } from './merge-patch.js';
import {
  findRecord,
  insertAudit,
  insertHistory,
  insertRecordWithTrail,
  isUniqueViolation,
  linkAttachments,
  softDeleteRecord,
  updateRecordData,
  type AuditEntry,
  type Executor,
  type NewHistoryRow,
  type RecordRow,
} from '../stores/index.js';
import { findReplay, runIdempotent } from './idempotent-command.js';
import { refuseUnreadableFields, requireFormAccess } from './form-access.js';
import { isPlainObject } from './plain-object.js';
import { checkFieldReferences } from './field-references.js';
import { computeChanges } from './record-changes.js';
import { fetchLookups, formContext, recordDto, userNamesOf } from './record-context.js';
import { assignSerials, serialFields } from './serial-codes.js';
import type { Actor, RecordDto } from './types.js';

export interface WriteDependencies {
  database: OrdoDatabase;
  now: () => Date;
  form: (id: string) => CompiledForm;
  /** Ids of the app definition's departments. */
  departments: () => ReadonlySet<string>;
}

export interface CreateOptions {
  idempotencyKey?: string;
  /** Only the demo loader passes a fixed id; the HTTP API never does. */
  id?: string;
}

export function createRecordWrites(deps: WriteDependencies) {
  const { db } = deps.database;

  async function create(actor: Actor, formId: string, data: unknown, options: CreateOptions = {}): Promise<{ record: RecordDto; replayed: boolean }> {
    const compiled = deps.form(formId);
    const definition = compiled.definition;
    requireFormAccess(definition, actor.roles, 'create');
    const body = requireObject(data, '/data');
    const key = options.idempotencyKey;
    const request = { form: formId, data: body };
    if (key !== undefined) {
      const replay = await findReplay(db, actor, key, request);
      if (replay !== undefined) return { record: replay as RecordDto, replayed: true };
    }

    const candidate = withoutFields(body, serialFields(definition));
    const lookups = await fetchLookups(db, compiled, candidate);
    const at = deps.now();
    const context = formContext(actor, at);
    const id = options.id ?? randomUUID();
    const references = await checkFieldReferences(db, compiled, compiled.prepare({ data: candidate }, context, lookups), {
      actor,
      recordId: id,
      departments: deps.departments(),
    });
    const prepared = references.data;
    // Drawn in a statement of its own before the record is written, like a PostgreSQL sequence:
    // holding the counter's row lock until the record commits serialised every create of the form.
    // A create that fails afterwards leaves a gap in the numbers, as deleting a record does.
    const stored = { ...prepared, ...(await assignSerials(db, definition, at)) };
    const insert = async (exec: Executor) => {
      const inserted = await insertNewRecord(exec, actor, { id, form: formId, formVersion: definition.version, data: stored }, at);
      await linkAttachments(exec, id, references.newAttachments);
      return recordDto(inserted, compiled, context, await userNamesOf(exec, [inserted], actor));
    };
    try {
      if (key === undefined && references.newAttachments.length === 0) return { record: await insert(db), replayed: false };
      if (key === undefined) return { record: await db.transaction().execute(insert), replayed: false };
      const { result, replayed } = await runIdempotent(deps.database, actor, key, request, insert);
      return { record: result, replayed };
    } catch (error) {
      if (isUniqueViolation(error) && options.id !== undefined) throw new OrdoError('ORDO_ERR_DUPLICATE', `A record ${options.id} already exists`);
      throw error;
    }
  }

  async function update(actor: Actor, formId: string, id: string, revision: number, patch: unknown): Promise<RecordDto> {
    const compiled = deps.form(formId);
    const definition = compiled.definition;
    requireFormAccess(definition, actor.roles, 'update');
    const changes = requireObject(patch, '/data');
    refuseUnreadableFields(definition, actor.roles, actor.locale, changes);
    requireRevision(revision);
    const stored = await requireRecord(db, formId, id);
    if (stored.revision !== revision) throw conflict(stored.revision);
    const candidate = mergePatch(stored.data, withoutFields(changes, serialFields(definition)));
    const lookups = await fetchLookups(db, compiled, candidate);
    const at = deps.now();
    const context = formContext(actor, at);
    const checked = compiled.prepare({ data: candidate, previous: stored.data }, context, lookups);
    const references = await checkFieldReferences(db, compiled, checked, { actor, recordId: id, previous: stored.data, departments: deps.departments() });
    const prepared = references.data;
    return db.transaction().execute(async (trx) => {
      const row = await updateRecordData(trx, { id, expectedRevision: revision, formVersion: definition.version, data: prepared, at, by: actor.username });
      if (row === undefined) throw await lostRace(trx, formId, id);
      await linkAttachments(trx, id, references.newAttachments);
      await recordChange(trx, actor, row, 'update', computeChanges(stored.data, prepared), at);
      return recordDto(row, compiled, context, await userNamesOf(trx, [row], actor));
    });
  }

  async function remove(actor: Actor, formId: string, id: string, revision: number): Promise<void> {
    const compiled = deps.form(formId);
    requireFormAccess(compiled.definition, actor.roles, 'delete');
    requireRevision(revision);
    const stored = await requireRecord(db, formId, id);
    if (stored.revision !== revision) throw conflict(stored.revision);
    const at = deps.now();
    await db.transaction().execute(async (trx) => {
      const row = await softDeleteRecord(trx, { id, expectedRevision: revision, at, by: actor.username });
      if (row === undefined) throw await lostRace(trx, formId, id);
      await recordChange(trx, actor, row, 'delete', [], at);
    });
  }

  return { create, update, remove };
}

/** The history row and the audit row that go with one change of a record. */
function trailOf(
  actor: Actor,
  record: { id: string; form: string; revision: number; data: Record<string, unknown> },
  action: 'create' | 'update' | 'delete',
  changes: unknown[],
  at: Date,
): { history: NewHistoryRow; audit: AuditEntry } {
  return {
    history: {
      recordId: record.id,
      form: record.form,
      revision: record.revision,
      action,
      actor: { id: actor.userId, username: actor.username, displayName: actor.displayName },
      at,
      changes,
      data: record.data,
    },
    audit: {
      at,
      actor: { id: actor.userId, username: actor.username },
      action: `record.${action}`,
      target: { kind: 'record', id: record.id },
      detail: { form: record.form, revision: record.revision },
    },
  };
}

/**
 * Creates a record inside the caller's transaction, through the form's rules (lookups, computed
 * fields, permissions) with serial codes, history and audit: for writes that must commit together
 * with others (a workflow's children, planned orders firmed as a batch). The caller checks the
 * actor's access to the form; the serial is drawn in the transaction, so a rollback returns it.
 */
export async function createRecordWithin(
  trx: Executor,
  form: CompiledForm,
  actor: Actor,
  data: Record<string, unknown>,
  at: Date,
): Promise<RecordRow> {
  const context = { roles: actor.roles, locale: actor.locale, now: at };
  const candidate = withoutFields(data, serialFields(form.definition));
  const prepared = form.prepare({ data: candidate }, context, await fetchLookups(trx, form, candidate));
  const stored = { ...prepared, ...(await assignSerials(trx, form.definition, at)) };
  return insertNewRecord(trx, actor, { id: randomUUID(), form: form.definition.id, formVersion: form.definition.version, data: stored }, at);
}

/** Inserts a prepared record (revision 1) with its history and audit rows, in one statement. */
export async function insertNewRecord(
  exec: Executor,
  actor: Actor,
  record: { id: string; form: string; formVersion: number; data: Record<string, unknown> },
  at: Date,
): Promise<RecordRow> {
  const { history, audit } = trailOf(actor, { ...record, revision: 1 }, 'create', computeChanges({}, record.data), at);
  return insertRecordWithTrail(exec, { ...record, at, by: actor.username }, history, audit);
}

/** The history row and the audit row of an update or delete, in the change's transaction. */
export async function recordChange(
  trx: Executor,
  actor: Actor,
  row: RecordRow,
  action: 'update' | 'delete',
  changes: unknown[],
  at: Date,
): Promise<void> {
  const { history, audit } = trailOf(actor, row, action, changes, at);
  await insertHistory(trx, history);
  await insertAudit(trx, audit);
}


async function requireRecord(db: Executor, form: string, id: string): Promise<RecordRow> {
  const row = await findRecord(db, form, id);
  if (row === undefined) throw new OrdoError('ORDO_ERR_RECORD_NOT_FOUND', `No record ${id} in form ${form}`);
  return row;
}

/** The conditional write touched nothing: the record changed or went away since we read it. */
async function lostRace(trx: Executor, form: string, id: string): Promise<OrdoError> {
  const current = await findRecord(trx, form, id);
  return current === undefined ? new OrdoError('ORDO_ERR_RECORD_NOT_FOUND', `No record ${id} in form ${form}`) : conflict(current.revision);
}

function conflict(currentRevision: number): OrdoError {
  return new OrdoError('ORDO_ERR_REVISION_CONFLICT', `The record is at revision ${currentRevision} now`, { extra: { currentRevision } });
}

function requireObject(value: unknown, pointer: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw invalid(pointer, 'must be an object');
  return value;
}

function requireRevision(revision: number): void {
  if (!Number.isInteger(revision) || revision < 1) throw invalid('/revision', 'must be a whole number of at least 1');
}

function invalid(pointer: string, message: string): OrdoError {
  return new OrdoError('ORDO_ERR_REQUEST_INVALID', `${pointer}: ${message}`, { fields: [{ pointer, code: 'type', message }] });
}

function withoutFields(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const copy = { ...data };
  for (const field of fields) delete copy[field];
  return copy;
}
