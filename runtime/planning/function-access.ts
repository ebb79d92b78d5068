import type { AppDefinition } from '../../engine/definitions/index.js';
import { OrdoError } from '../../engine/errors/index.js';
import { isAdmin } from '../services/form-access.js';

/** The function whose access also governs plan runs and firming: who may plan may read and firm plans. */
export const PLAN_FUNCTION = 'mrp.plan';

/** The app's `functions` names the roles that may call each function; admin may call any. */
export function mayCallFunction(app: AppDefinition | undefined, roles: readonly string[], name: string): boolean {
  if (isAdmin(roles)) return true;
  const allowed = app?.functions?.[name]?.roles ?? [];
  return roles.some((role) => allowed.includes(role));
}

export function requireFunctionAccess(app: AppDefinition | undefined, roles: readonly string[], name: string): void {
  if (!mayCallFunction(app, roles, name)) throw new OrdoError('ORDO_ERR_FORBIDDEN', `You may not call ${name}`);
}
