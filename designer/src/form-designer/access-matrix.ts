/**
 * Field permissions and form access as a business user sees them: per role, a field is editable,
 * read-only or hidden; a role may view, create, change or delete records. The definition keeps
 * lists of roles (`read`/`write`, absent meaning every role); these functions translate both ways.
 * Admin always may do everything and is not part of the lists.
 */
import type { FieldPermission, FormAccess } from '../../../engine/definitions/generated/definition-types.js';

export type FieldAccess = 'write' | 'read' | 'hidden';
export const FIELD_ACCESS: readonly FieldAccess[] = ['write', 'read', 'hidden'];

export type FormAction = 'read' | 'create' | 'update' | 'delete';
export const FORM_ACTIONS: readonly FormAction[] = ['read', 'create', 'update', 'delete'];

const listed = (list: readonly string[] | undefined, role: string) => list === undefined || list.includes(role);

/** What a role may do with a field; write implies read, as in engine/forms/model/permissions.ts. */
export function fieldAccess(permission: FieldPermission | undefined, role: string): FieldAccess {
  if (!listed(permission?.read, role)) return 'hidden';
  return listed(permission?.write, role) ? 'write' : 'read';
}

/** A list that allows exactly `allowed` of `roles`; undefined (everyone) when that is all of them. */
function listFor(roles: readonly string[], allowed: (role: string) => boolean): string[] | undefined {
  const list = roles.filter(allowed);
  return list.length === roles.length ? undefined : list;
}

/**
 * The permission after giving `role` the access `level`, every other role of `roles` keeping its own.
 * Undefined when every role may write, which is the definition without an entry.
 */
export function withFieldAccess(permission: FieldPermission | undefined, roles: readonly string[], role: string, level: FieldAccess): FieldPermission | undefined {
  const levelOf = (candidate: string) => (candidate === role ? level : fieldAccess(permission, candidate));
  const read = listFor(roles, (candidate) => levelOf(candidate) !== 'hidden');
  const write = listFor(roles, (candidate) => levelOf(candidate) === 'write');
  const next: FieldPermission = {};
  if (read !== undefined) next.read = read;
  if (write !== undefined) next.write = write;
  return next.read === undefined && next.write === undefined ? undefined : next;
}

/** Whether a role may take a form action: without a `read` list everyone may view, without the others nobody may. */
export function mayTake(access: FormAccess, action: FormAction, role: string): boolean {
  const list = access[action];
  return action === 'read' ? list === undefined || list.includes(role) : list !== undefined && list.includes(role);
}

export function withFormAction(access: FormAccess, roles: readonly string[], role: string, action: FormAction, allowed: boolean): FormAccess {
  const next: FormAccess = { ...access };
  if (action === 'read') {
    const read = listFor(roles, (candidate) => (candidate === role ? allowed : mayTake(access, 'read', candidate)));
    if (read === undefined) delete next.read;
    else next.read = read;
    return next;
  }
  const current = access[action] ?? [];
  const list = allowed ? (current.includes(role) ? current : [...current, role]) : current.filter((candidate) => candidate !== role);
  if (list.length === 0) delete next[action];
  else next[action] = list;
  return next;
}
