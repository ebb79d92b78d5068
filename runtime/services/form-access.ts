import type { FormDefinition } from '../../engine/definitions/index.js';
import { OrdoError } from '../../engine/errors/index.js';

export const ADMIN_ROLE = 'admin';

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
