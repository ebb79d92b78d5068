import type { Assignee } from '../../engine/definitions/index.js';
import { compileExpression } from '../../engine/expressions/index.js';
import { findUsersByUsernames, findUsersWithRoles, type Executor } from '../stores/index.js';
import { ADMIN_ROLE } from '../services/index.js';

function namesIn(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (Array.isArray(value)) return value.flatMap(namesIn);
  return [];
}

async function resolveOne(exec: Executor, assignee: Assignee, record: Readonly<Record<string, unknown>>, at: Date): Promise<string[]> {
  if ('role' in assignee) return (await findUsersWithRoles(exec, [assignee.role])).map((user) => user.username).sort();
  if ('user' in assignee) return [assignee.user];
  if ('field' in assignee) return namesIn(record[assignee.field]);
  if ('expression' in assignee) return namesIn(compileExpression(assignee.expression).evaluate({ fields: record }, { now: at }));
  const people = await resolveOne(exec, assignee.managerOf, record, at);
  const users = await findUsersByUsernames(exec, people);
  return users.flatMap((user) => (user.manager === null ? [] : [user.manager]));
}

/**
 * The users a task, notification or escalation goes to, in the order the rules list them, each once,
 * and only users that exist. Nobody found falls back to the administrators, as 简道云 does, so a
 * role left empty by a departure does not strand the order.
 */
export async function resolveAssignees(exec: Executor, assignees: readonly Assignee[], record: Readonly<Record<string, unknown>>, at: Date): Promise<string[]> {
  const named: string[] = [];
  for (const assignee of assignees) named.push(...(await resolveOne(exec, assignee, record, at)));
  const existing = new Set((await findUsersByUsernames(exec, [...new Set(named)])).map((user) => user.username));
  const found = [...new Set(named)].filter((name) => existing.has(name));
  if (found.length > 0) return found;
  return (await findUsersWithRoles(exec, [ADMIN_ROLE])).map((user) => user.username).sort();
}
