import type { Assignee } from '../../definitions/generated/definition-types.js';
import { compileExpression } from '../../expressions/index.js';
import type { SimulatedUser } from './simulation-types.js';

const ROLE_PREFIX = 'role:';
const MANAGER_PREFIX = 'manager:';

/** Who a simulated user name stands for, so the designer can word it ("质量工程师", "zhangsan 的上级"). */
export type StandIn = { readonly kind: 'role'; readonly role: string } | { readonly kind: 'manager'; readonly of: string } | { readonly kind: 'user'; readonly username: string };

export function standInOf(username: string): StandIn {
  if (username.startsWith(ROLE_PREFIX)) return { kind: 'role', role: username.slice(ROLE_PREFIX.length) };
  if (username.startsWith(MANAGER_PREFIX)) return { kind: 'manager', of: username.slice(MANAGER_PREFIX.length) };
  return { kind: 'user', username };
}

function namesIn(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (Array.isArray(value)) return value.flatMap(namesIn);
  return [];
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
): string[] {
  const withRole = (role: string): string[] =>
    directory === undefined ? [`${ROLE_PREFIX}${role}`] : directory.filter((user) => user.roles.includes(role)).map((user) => user.username).sort();
  const managerOf = (username: string): string[] => {
    if (directory === undefined) return [`${MANAGER_PREFIX}${username}`];
    const manager = directory.find((user) => user.username === username)?.manager;
    return manager === undefined ? [] : [manager];
  };
  const one = (assignee: Assignee): string[] => {
    if ('role' in assignee) return withRole(assignee.role);
    if ('user' in assignee) return [assignee.user];
    if ('field' in assignee) return namesIn(record[assignee.field]);
    if ('expression' in assignee) return namesIn(compileExpression(assignee.expression).evaluate({ fields: record }, { now: at }));
    return one(assignee.managerOf).flatMap(managerOf);
  };
  const named = [...new Set(assignees.flatMap(one))];
  const found = directory === undefined ? named : named.filter((name) => directory.some((user) => user.username === name));
  return found.length > 0 ? found : withRole('admin');
}
