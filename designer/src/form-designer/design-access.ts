import type { AppDefinition } from '../../../engine/definitions/generated/definition-types.js';

/** The server's rule (runtime/services/form-access.ts): admin, or a role the app marks canDesign. */
export function mayDesign(roles: readonly string[], app: AppDefinition | undefined): boolean {
  if (roles.includes('admin')) return true;
  return app?.roles.some((role) => role.canDesign === true && roles.includes(role.id)) ?? false;
}
