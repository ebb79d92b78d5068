import type { FormAccess, FormDefinition } from '../../../engine/definitions/generated/definition-types.js';

/** The role that may do everything, whatever a definition says. */
export const ADMIN_ROLE = 'admin';

export type FormAction = keyof FormAccess;

/**
 * Whether the roles may do an action on a form's records, as the server decides it: admin always may;
 * with no `access`, everyone signed in may read and only admin may write.
 */
export function mayAccess(definition: FormDefinition, roles: readonly string[], action: FormAction): boolean {
  if (roles.includes(ADMIN_ROLE)) return true;
  const allowed = definition.access?.[action];
  if (allowed === undefined) return action === 'read';
  return allowed.some((role) => roles.includes(role));
}
