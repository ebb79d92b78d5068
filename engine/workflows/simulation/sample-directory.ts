import type { Assignee, DepartmentDefinition } from '../../definitions/generated/definition-types.js';
import { compileExpression } from '../../expressions/index.js';
import { departmentManager, departmentMembers, matchAssignee, namesIn, type DepartmentScope } from '../assignees.js';
import type { SimulatedUser } from './simulation-types.js';

const ROLE_PREFIX = 'role:';
const MANAGER_PREFIX = 'manager:';
const DEPARTMENT_PREFIX = 'department:';

/** Who a simulated user name stands for, so the designer can word it ("质量工程师", "zhangsan 的上级", "质量部 · 质量工程师"). */
export type StandIn =
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'manager'; readonly of: string }
  | { readonly kind: 'department'; readonly department: string; readonly role?: string }
  | { readonly kind: 'user'; readonly username: string };

export function standInOf(username: string): StandIn {
  if (username.startsWith(ROLE_PREFIX)) return { kind: 'role', role: username.slice(ROLE_PREFIX.length) };
  if (username.startsWith(MANAGER_PREFIX)) return { kind: 'manager', of: username.slice(MANAGER_PREFIX.length) };
  if (username.startsWith(DEPARTMENT_PREFIX)) {
    const [department = '', role] = username.slice(DEPARTMENT_PREFIX.length).split('/');
    return role === undefined ? { kind: 'department', department } : { kind: 'department', department, role };
  }
  return { kind: 'user', username };
}

/**
 * Resolves assignees as runtime/workflows/assignee-resolver.ts does against the users table: in the
 * listed order, each once, only existing users, the administrators when nobody is left. Without a
 * directory each role is one stand-in user and every named user exists.
 */
export function resolveSampleAssignees(
  assignees: readonly Assignee[],
  record: Readonly<Record<string, unknown>>,
  at: Date,
  directory: readonly SimulatedUser[] | undefined,
  departments: readonly DepartmentDefinition[] = [],
): string[] {
  const withRole = (role: string): string[] =>
    directory === undefined ? [`${ROLE_PREFIX}${role}`] : directory.filter((user) => user.roles.includes(role)).map((user) => user.username).sort();
  const managerOf = (username: string): string[] => {
    if (directory === undefined) return [`${MANAGER_PREFIX}${username}`];
    const manager = directory.find((user) => user.username === username)?.manager;
    return manager === undefined ? [] : [manager];
  };
  const inDepartment = (department: string, scope: DepartmentScope): string[] => {
    if (scope.kind === 'manager') {
      const manager = departmentManager(departments, department);
      return manager === undefined ? [] : [manager];
    }
    if (directory !== undefined) return departmentMembers(directory.map((user) => ({ ...user, departments: user.departments ?? [] })), department, scope.role);
    return [`${DEPARTMENT_PREFIX}${department}${scope.role === undefined ? '' : `/${scope.role}`}`];
  };
  const one = (assignee: Assignee): string[] =>
    matchAssignee(assignee, {
      role: withRole,
      user: (username) => [username],
      field: (field) => namesIn(record[field]),
      expression: (source) => namesIn(compileExpression(source).evaluate({ fields: record }, { now: at })),
      managerOf: (of) => one(of).flatMap(managerOf),
      department: inDepartment,
      departmentOf: (field, scope) => namesIn(record[field]).flatMap((department) => inDepartment(department, scope)),
    });
  const named = [...new Set(assignees.flatMap(one))];
  const found = directory === undefined ? named : named.filter((name) => directory.some((user) => user.username === name));
  return found.length > 0 ? found : withRole('admin');
}
