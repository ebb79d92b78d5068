import { OrdoError, type Locale } from '../../engine/errors/index.js';
import type { FormDefinition } from '../../engine/definitions/index.js';
import type { CompiledForm, FormContext } from '../../engine/forms/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { findRecord, listHistory, listRecords } from '../stores/index.js';
import { mayReadField, refuseUnreadableFields, requireFormAccess } from './form-access.js';
import { mergePatch } from './merge-patch.js';
import { isPlainObject } from './plain-object.js';
import { fetchLookups, formContext, recordDto, userNamesOf } from './record-context.js';
import { lookupDisplay } from './record-display.js';
import { translateListQuery } from './record-list-query.js';
import { serialFields } from './serial-codes.js';
import type { Actor, FieldChange, HistoryEntry, ListOptions, RecordDto, RecordListQuery, RecordPage, ValidationResult } from './types.js';

export interface ReadDependencies {
  database: OrdoDatabase;
  now: () => Date;
  form: (id: string) => CompiledForm;
  /** The latest definition of a form, or undefined when none is published. */
  latestDefinition: (id: string) => FormDefinition | undefined;
  /** A department's title in the locale, from the app definition. */
  departmentTitle: (id: string, locale: Locale) => string | undefined;
}

export function createRecordReads(deps: ReadDependencies) {
  const { db } = deps.database;

  async function list(actor: Actor, formId: string, query: RecordListQuery, options: ListOptions = {}): Promise<RecordPage> {
    const compiled = deps.form(formId);
    const definition = compiled.definition;
    requireFormAccess(definition, actor.roles, 'read');
    const translated = translateListQuery(definition, actor.roles, query, options.maxLimit);
    const { rows, total } = await listRecords(db, formId, translated);
    const context = formContext(actor, deps.now());
    const names = await userNamesOf(db, rows);
    const items = rows.map((row) => recordDto(row, compiled, context, names));
    const display = await lookupDisplay(db, definition, actor.roles, rows.map((row) => row.data), deps.latestDefinition, (department) =>
      deps.departmentTitle(department, actor.locale),
    );
    return { items, total, limit: translated.limit, offset: translated.offset, display };
  }

  async function get(actor: Actor, formId: string, id: string): Promise<RecordDto> {
    const compiled = deps.form(formId);
    requireFormAccess(compiled.definition, actor.roles, 'read');
    const row = await findRecord(db, formId, id);
    if (row === undefined) throw notFound(formId, id);
    return recordDto(row, compiled, formContext(actor, deps.now()), await userNamesOf(db, [row]));
  }

  /** The revisions of a record, also once it is deleted (the deletion is its last entry). */
  async function history(actor: Actor, formId: string, id: string): Promise<{ items: HistoryEntry[] }> {
    const compiled = deps.form(formId);
    const definition = compiled.definition;
    requireFormAccess(definition, actor.roles, 'read');
    const row = await findRecord(db, formId, id, { includeDeleted: true });
    if (row === undefined) throw notFound(formId, id);
    const rows = await listHistory(db, id);
    const context = formContext(actor, deps.now());
    return {
      items: rows.map((entry) => ({
        revision: entry.revision,
        action: entry.action,
        at: entry.at.toISOString(),
        actor: { id: entry.actor_id, username: entry.actor_username, displayName: entry.actor_display_name },
        changes: (entry.changes as FieldChange[])
          .filter((change) => mayReadField(definition, fieldPathOf(change.path), actor.roles))
          .map((change) => ({
            path: change.path,
            before: projectChangeValue(compiled, context, change.path, change.before),
            after: projectChangeValue(compiled, context, change.path, change.after),
          })),
      })),
    };
  }

  /** A dry run of create (no id) or update (id): the computed data, field states and every error. */
  async function validate(actor: Actor, formId: string, data: unknown, id?: string): Promise<ValidationResult> {
    const compiled = deps.form(formId);
    const definition = compiled.definition;
    requireFormAccess(definition, actor.roles, id === undefined ? 'create' : 'update');
    if (!isPlainObject(data)) {
      throw new OrdoError('ORDO_ERR_REQUEST_INVALID', '/data: must be an object', { fields: [{ pointer: '/data', code: 'type', message: 'must be an object' }] });
    }
    refuseUnreadableFields(definition, actor.roles, actor.locale, data);
    let previous: Record<string, unknown> | undefined;
    const input = { ...data };
    for (const field of serialFields(definition)) delete input[field];
    if (id !== undefined) {
      const row = await findRecord(db, formId, id);
      if (row === undefined) throw notFound(formId, id);
      previous = row.data;
    }
    const candidate = previous === undefined ? input : mergePatch(previous, input);
    const context = formContext(actor, deps.now());
    const lookups = await fetchLookups(db, compiled, candidate);
    const result = compiled.check(previous === undefined ? { data: candidate } : { data: candidate, previous }, context, lookups);
    return { data: compiled.project(result.data, context), states: result.states, errors: [...result.errors] };
  }

  return { list, get, history, validate };
}

/**
 * A change to a whole sub-table (`/lines`) or a whole line (`/lines/2`) carries every column: the
 * value goes through the form's projection so columns the actor may not read are left out.
 */
function projectChangeValue(compiled: CompiledForm, context: FormContext, pointer: string, value: unknown): unknown {
  const [field = '', index, column] = pointer.split('/').slice(1);
  if (column !== undefined || value === null || typeof value !== 'object') return value;
  if (index === undefined) return compiled.project({ [field]: value }, context)[field] ?? null;
  const lines = compiled.project({ [field]: [value] }, context)[field];
  return Array.isArray(lines) ? (lines[0] ?? null) : null;
}

/** `/lines/2/qty` -> `lines.qty`; `/customer` -> `customer`. */
function fieldPathOf(pointer: string): string {
  const tokens = pointer.split('/').slice(1).map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [field = '', index, column] = tokens;
  return index !== undefined && /^\d+$/.test(index) && column !== undefined ? `${field}.${column}` : field;
}

function notFound(form: string, id: string): OrdoError {
  return new OrdoError('ORDO_ERR_RECORD_NOT_FOUND', `No record ${id} in form ${form}`);
}
