import type { Assignee, DepartmentDefinition } from '../definitions/generated/definition-types.js';

/** Who in a department an assignee means: every member, the members with a role, or its head. */
export type DepartmentScope = { readonly kind: 'members'; readonly role?: string } | { readonly kind: 'manager' };

/**
 * One case per kind of assignee. Readers go through matchAssignee rather than `'role' in assignee`,
 * because `{department, role}` also has a `role`; a new kind then fails the typecheck of every reader.
 */
export interface AssigneeCases<T> {
  role(role: string): T;
  user(username: string): T;
  field(field: string): T;
  expression(source: string): T;
  managerOf(of: Assignee): T;
  department(department: string, scope: DepartmentScope): T;
  departmentOf(field: string, scope: DepartmentScope): T;
}

function scopeOf(assignee: { role?: string; manager?: true }): DepartmentScope {
  if (assignee.manager === true) return { kind: 'manager' };
  return assignee.role === undefined ? { kind: 'members' } : { kind: 'members', role: assignee.role };
}

export function matchAssignee<T>(assignee: Assignee, cases: AssigneeCases<T>): T {
  if ('department' in assignee) return cases.department(assignee.department, scopeOf(assignee));
  if ('departmentOf' in assignee) return cases.departmentOf(assignee.departmentOf, scopeOf(assignee));
  if ('role' in assignee) return cases.role(assignee.role);
  if ('user' in assignee) return cases.user(assignee.user);
  if ('field' in assignee) return cases.field(assignee.field);
  if ('expression' in assignee) return cases.expression(assignee.expression);
  return cases.managerOf(assignee.managerOf);
}

/** The names (user names, department ids) a field or formula value holds: a string, or a list of them; blanks are nobody. */
export function namesIn(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (Array.isArray(value)) return value.flatMap(namesIn);
  return [];
}

/**
 * The head of a department: its `manager`, else the nearest ancestor's (as 钉钉's approvals go up
 * to the next head when a department has none); undefined when no department up the tree has one.
 */
export function departmentManager(departments: readonly DepartmentDefinition[], id: string): string | undefined {
  const byId = new Map(departments.map((department) => [department.id, department]));
  const seen = new Set<string>();
  for (let at = byId.get(id); at !== undefined && !seen.has(at.id); at = at.parent === undefined ? undefined : byId.get(at.parent)) {
    if (at.manager !== undefined) return at.manager;
    seen.add(at.id);
  }
  return undefined;
}

/** A user as the department rule sees one. */
export interface DepartmentMember {
  readonly username: string;
  readonly roles: readonly string[];
  readonly departments: readonly string[];
}

/**
 * The rule a department assignee follows, over a list of users: the users who belong to the
 * department itself (not to its sub-departments), with the role when one is given, by user name.
 * The runtime asks the same of the users table in SQL; a property test holds the two together.
 */
export function departmentMembers(users: readonly DepartmentMember[], department: string, role: string | undefined): string[] {
  return users
    .filter((user) => user.departments.includes(department) && (role === undefined || user.roles.includes(role)))
    .map((user) => user.username)
    .sort();
}
