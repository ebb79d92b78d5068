import type { FormDefinition } from '../../engine/definitions/index.js';
import { findDisplayNames, findRecordsByIds, type Executor } from '../stores/index.js';
import { mayReadField, mayUseForm } from './form-access.js';
import { isPlainObject } from './plain-object.js';

/** Keys of the display map that are not form ids (which cannot start with `@`): members' and departments' names. */
export const USERS_DISPLAY_KEY = '@users';
export const DEPARTMENTS_DISPLAY_KEY = '@departments';

/**
 * For a page of records, the text naming each record their lookup fields point at (target form ->
 * id -> display field), so a list can show "KBZ Pumps" instead of an id. Only lookups the actor may
 * read, into forms and display fields the actor may read. Member fields add the users' display names
 * under `@users`, department fields the departments' titles (from `departmentTitle`) under `@departments`.
 */
export async function lookupDisplay(
  db: Executor,
  definition: FormDefinition,
  roles: readonly string[],
  pageData: readonly Record<string, unknown>[],
  formDefinition: (id: string) => FormDefinition | undefined,
  departmentTitle?: (id: string) => string | undefined,
): Promise<Record<string, Record<string, string>>> {
  const display = await recordDisplay(db, definition, roles, pageData, formDefinition);
  const members = new Set<string>();
  const departments: Record<string, string> = {};
  for (const [path, schema] of Object.entries(definition.schema.properties)) {
    const kind = schema['x-ordo-field'];
    if ((kind !== 'member' && kind !== 'department') || !mayReadField(definition, path, roles)) continue;
    for (const data of pageData) {
      for (const id of idsAt(data, path)) {
        if (kind === 'member') members.add(id);
        const title = kind === 'department' ? departmentTitle?.(id) : undefined;
        if (title !== undefined) departments[id] = title;
      }
    }
  }
  if (members.size > 0) display[USERS_DISPLAY_KEY] = Object.fromEntries(await findDisplayNames(db, [...members]));
  if (Object.keys(departments).length > 0) display[DEPARTMENTS_DISPLAY_KEY] = departments;
  return display;
}

async function recordDisplay(
  db: Executor,
  definition: FormDefinition,
  roles: readonly string[],
  pageData: readonly Record<string, unknown>[],
  formDefinition: (id: string) => FormDefinition | undefined,
): Promise<Record<string, Record<string, string>>> {
  const wanted = new Map<string, { displayField: string; ids: Set<string> }>();
  for (const [path, lookup] of Object.entries(definition.lookups ?? {})) {
    const target = formDefinition(lookup.form);
    const displayField = lookup.displayField;
    if (target === undefined || displayField.includes('.')) continue;
    if (!mayReadField(definition, path, roles) || !mayUseForm(target, roles, 'read') || !mayReadField(target, displayField, roles)) continue;
    const entry = wanted.get(lookup.form) ?? { displayField, ids: new Set<string>() };
    for (const data of pageData) for (const id of idsAt(data, path)) entry.ids.add(id);
    wanted.set(lookup.form, entry);
  }
  const display: Record<string, Record<string, string>> = {};
  const found = await findRecordsByIds(db, new Map([...wanted].map(([form, entry]) => [form, entry.ids])));
  for (const [form, { displayField, ids }] of wanted) {
    if (ids.size === 0) continue;
    const names: Record<string, string> = {};
    for (const row of found.get(form) ?? []) {
      const value = row.data[displayField];
      if (value !== undefined && value !== null && value !== '') names[row.id] = String(value);
    }
    display[form] = names;
  }
  return display;
}

/** Record ids held at a field path: `customer`, or `lines.product` across every line. */
function idsAt(data: Record<string, unknown>, path: string): string[] {
  const [head, column] = path.split('.', 2) as [string, string | undefined];
  const value = data[head];
  if (column === undefined) return typeof value === 'string' && value !== '' ? [value] : [];
  if (!Array.isArray(value)) return [];
  return value.flatMap((line) => {
    const id = isPlainObject(line) ? line[column] : undefined;
    return typeof id === 'string' && id !== '' ? [id] : [];
  });
}
