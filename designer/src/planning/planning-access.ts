/** Who sees the planning pages; the server checks the same roles on mrp.plan and on firming. */
export const PLANNING_ROLES: readonly string[] = ['planner', 'production-manager', 'admin'];

export function mayPlan(roles: readonly string[]): boolean {
  return roles.some((role) => PLANNING_ROLES.includes(role));
}
