import { escapePointer, type AppDefinition, type FormDefinition } from '../../engine/definitions/index.js';
import { OrdoError, type FieldError, type Locale } from '../../engine/errors/index.js';
import { isPlainObject } from './plain-object.js';

export const ADMIN_ROLE = 'admin';

/** Admin, or a role the app marks `canDesign`: who may see drafts and publish definitions. */
export function mayDesign(actor: { roles: readonly string[] }, app: AppDefinition | undefined): boolean {
  if (isAdmin(actor.roles)) return true;
  return app?.roles.some((role) => role.canDesign === true && actor.roles.includes(role.id)) ?? false;
}

export type FormAction = 'read' | 'create' | 'update' | 'delete';

export function isAdmin(roles: readonly string[]): boolean {
  return roles.includes(ADMIN_ROLE);
}

/**
 * FormDefinition.access: admin may do anything; without a list for an action, everyone signed in may
 * read and only admin may write. A role that may create, update or delete may also read what it wrote.
 */
export function mayUseForm(definition: FormDefinition, roles: readonly string[], action: FormAction): boolean {
  if (isAdmin(roles)) return true;
  const access = definition.access ?? {};
  const allowed = (list: readonly string[] | undefined): boolean => list !== undefined && list.some((role) => roles.includes(role));
  if (action !== 'read') return allowed(access[action]);
  return access.read === undefined || allowed(access.read) || allowed(access.create) || allowed(access.update) || allowed(access.delete);
}

export function requireFormAccess(definition: FormDefinition, roles: readonly string[], action: FormAction): void {
  if (!mayUseForm(definition, roles, action)) {
    throw new OrdoError('ORDO_ERR_FORBIDDEN', `You may not ${action} records of form ${definition.id}`);
  }
}

/** A field is readable unless a read list on it (or on its sub-table) leaves out every role of the user. */
export function mayReadField(definition: FormDefinition, fieldPath: string, roles: readonly string[]): boolean {
  if (isAdmin(roles)) return true;
  const permissions = definition.permissions ?? {};
  const paths = fieldPath.includes('.') ? [fieldPath.slice(0, fieldPath.indexOf('.')), fieldPath] : [fieldPath];
  return paths.every((path) => {
    const read = permissions[path]?.read;
    return read === undefined || read.some((role) => roles.includes(role));
  });
}

const UNREADABLE = { en: 'You may not see this field, so you cannot send it', 'zh-CN': '您无权查看此字段，不能提交它' } as const;

/**
 * Refuses a change that names a field the roles may not read (also a sub-table column in any line).
 * Such a value can only be a guess, and answering whether it equals the stored one would leak it.
 */
export function refuseUnreadableFields(definition: FormDefinition, roles: readonly string[], locale: Locale, patch: Record<string, unknown>): void {
  const fields: FieldError[] = [];
  const refuse = (pointer: string) => fields.push({ pointer, code: 'forbidden', message: UNREADABLE[locale] });
  for (const [field, value] of Object.entries(patch)) {
    if (!mayReadField(definition, field, roles)) {
      refuse(`/data/${escapePointer(field)}`);
      continue;
    }
    if (!Array.isArray(value)) continue;
    value.forEach((line: unknown, index) => {
      if (!isPlainObject(line)) return;
      for (const column of Object.keys(line)) {
        if (!mayReadField(definition, `${field}.${column}`, roles)) refuse(`/data/${escapePointer(field)}/${index}/${escapePointer(column)}`);
      }
    });
  }
  if (fields.length > 0) throw new OrdoError('ORDO_ERR_FIELD_FORBIDDEN', 'The request names fields you may not see', { fields });
}
