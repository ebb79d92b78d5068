import type { Assignee, DepartmentDefinition } from '../../engine/definitions/index.js';
import { compileExpression } from '../../engine/expressions/index.js';
import { departmentManager, matchAssignee, namesIn, type DepartmentScope } from '../../engine/workflows/index.js';
import { findUsersByUsernames, findUsersInDepartment, findUsersWithRoles, type Executor } from '../stores/index.js';
import { ADMIN_ROLE } from '../services/index.js';

/** What assignee rules read besides the users table: the record, the step's time, the app's departments. */
export interface AssigneeScope {
  readonly record: Readonly<Record<string, unknown>>;
  readonly at: Date;
  readonly departments: readonly DepartmentDefinition[];
}

async function inDepartment(exec: Executor, department: string, scope: DepartmentScope, departments: readonly DepartmentDefinition[]): Promise<string[]> {
  if (scope.kind === 'manager') {
    const manager = departmentManager(departments, department);
    return manager === undefined ? [] : [manager];
  }
  return (await findUsersInDepartment(exec, department, scope.role)).map((user) => user.username).sort();
}

async function resolveOne(exec: Executor, assignee: Assignee, scope: AssigneeScope): Promise<string[]> {
  const { record, at, departments } = scope;
  return matchAssignee<Promise<string[]>>(assignee, {
    role: async (role) => (await findUsersWithRoles(exec, [role])).map((user) => user.username).sort(),
    user: async (username) => [username],
    field: async (field) => namesIn(record[field]),
    expression: async (source) => namesIn(compileExpression(source).evaluate({ fields: record }, { now: at })),
    managerOf: async (of) => {
      const users = await findUsersByUsernames(exec, await resolveOne(exec, of, scope));
      return users.flatMap((user) => (user.manager === null ? [] : [user.manager]));
    },
    department: (department, within) => inDepartment(exec, department, within, departments),
    departmentOf: async (field, within) => {
      const found: string[] = [];
      for (const department of namesIn(record[field])) found.push(...(await inDepartment(exec, department, within, departments)));
      return found;
    },
  });
}

/**
 * The users a task, notification or escalation goes to, in the order the rules list them, each once,
 * and only users that exist. Nobody found falls back to the administrators, as 简道云 does, so a
 * role left empty by a departure does not strand the order.
 */
export async function resolveAssignees(exec: Executor, assignees: readonly Assignee[], scope: AssigneeScope): Promise<string[]> {
  const named: string[] = [];
  for (const assignee of assignees) named.push(...(await resolveOne(exec, assignee, scope)));
  const existing = new Set((await findUsersByUsernames(exec, [...new Set(named)])).map((user) => user.username));
  const found = [...new Set(named)].filter((name) => existing.has(name));
  if (found.length > 0) return found;
  return (await findUsersWithRoles(exec, [ADMIN_ROLE])).map((user) => user.username).sort();
}
