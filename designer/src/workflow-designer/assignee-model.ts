import type { PickableUser } from '../api/api-types.js';
import { isJson, type Json } from './workflow-graph.js';

/**
 * Assignee lists as the properties panel edits them: roles are ticks (the common case), every other
 * assignee is a line of its own — a user, a department (everyone, a role in it, or its head), the
 * person or department a field of the record holds — added from a picker and removed by ×. Kinds the
 * panel does not edit (formulas, managers of someone) are kept where they are and shown as such.
 */
export type AssigneeView =
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'user'; readonly username: string }
  | { readonly kind: 'field'; readonly field: string }
  | { readonly kind: 'managerOfField'; readonly field: string }
  | { readonly kind: 'department' | 'departmentOf'; readonly ref: string; readonly who: DepartmentWho }
  | { readonly kind: 'kept'; readonly what: 'expression' | 'managerOf' | 'unknown' };

/** Who in a department: everyone (''), its head ('@manager'), or the members with that role. */
export type DepartmentWho = string;
export const DEPARTMENT_HEAD = '@manager';

export function viewOf(assignee: unknown): AssigneeView {
  if (!isJson(assignee)) return { kind: 'kept', what: 'unknown' };
  for (const kind of ['department', 'departmentOf'] as const) {
    const ref = assignee[kind];
    if (typeof ref === 'string') return { kind, ref, who: assignee.manager === true ? DEPARTMENT_HEAD : typeof assignee.role === 'string' ? assignee.role : '' };
  }
  if (typeof assignee.role === 'string') return { kind: 'role', role: assignee.role };
  if (typeof assignee.user === 'string') return { kind: 'user', username: assignee.user };
  if (typeof assignee.field === 'string') return { kind: 'field', field: assignee.field };
  if (typeof assignee.expression === 'string') return { kind: 'kept', what: 'expression' };
  if (isJson(assignee.managerOf) && Object.keys(assignee.managerOf).length === 1 && typeof assignee.managerOf.field === 'string') return { kind: 'managerOfField', field: assignee.managerOf.field };
  if (assignee.managerOf !== undefined) return { kind: 'kept', what: 'managerOf' };
  return { kind: 'kept', what: 'unknown' };
}

/** A department assignee: `{department}` or `{departmentOf}`, with `role` or `manager: true` as `who` says. */
export function departmentAssignee(kind: 'department' | 'departmentOf', ref: string, who: DepartmentWho): Json {
  if (who === DEPARTMENT_HEAD) return { [kind]: ref, manager: true };
  return who === '' ? { [kind]: ref } : { [kind]: ref, role: who };
}

/** The roles ticked (role assignees, in order) and every other assignee, in order. */
export function splitAssignees(list: unknown): { roles: string[]; others: unknown[] } {
  const entries = Array.isArray(list) ? list : [];
  const roles: string[] = [];
  const others: unknown[] = [];
  for (const entry of entries) {
    const view = viewOf(entry);
    if (view.kind === 'role') roles.push(view.role);
    else others.push(entry);
  }
  return { roles, others };
}

/** Roles first, then the others: the order sequential approval follows. */
export function joinAssignees(roles: readonly string[], others: readonly unknown[]): unknown[] {
  return [...roles.map((role) => ({ role })), ...others];
}

/** Adds an assignee unless the same one is listed already. */
export function addAssignee(others: readonly unknown[], assignee: Json): unknown[] {
  const key = JSON.stringify(assignee);
  return others.some((entry) => JSON.stringify(entry) === key) ? [...others] : [...others, assignee];
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_entry, at) => at !== index);
}

/** Users whose display name or user name holds the search text (case-insensitively), at most `limit`. */
export function searchUsers(users: readonly PickableUser[], search: string, limit: number): PickableUser[] {
  const text = search.trim().toLowerCase();
  return users.filter((user) => text === '' || user.displayName.toLowerCase().includes(text) || user.username.toLowerCase().includes(text)).slice(0, limit);
}

/**
 * Fields of the form that can name assignees: member fields and plain text fields hold a user name
 * (the shipped sales rep is a text field), department fields a department.
 */
export function assigneeFields<F extends { readonly id: string; readonly type: string; readonly kind?: string | undefined }>(fields: readonly F[]): { people: F[]; departments: F[] } {
  const members = fields.filter((field) => field.kind === 'member');
  const texts = fields.filter((field) => field.kind === undefined && field.type === 'string');
  return { people: [...members, ...texts], departments: fields.filter((field) => field.kind === 'department') };
}

/** The words an assignee's line is made of, in the user's language. */
export interface AssigneeWords {
  role(id: string): string;
  user(username: string): string;
  department(id: string): string;
  field(id: string): string;
  /** "{department} · everyone / head / {role}", "in field {field}", ... from the message catalogue. */
  say(id: AssigneeMessage, values?: Record<string, string>): string;
}

export type AssigneeMessage =
  | 'wd.assignee.everyone'
  | 'wd.assignee.head'
  | 'wd.assignee.inDepartment'
  | 'wd.assignee.fieldPerson'
  | 'wd.assignee.fieldManager'
  | 'wd.assignee.fieldDepartment'
  | 'wd.assignee.keptExpression'
  | 'wd.assignee.keptManager'
  | 'wd.assignee.keptUnknown';

/** One line of the list, as a person reads it: "质量部 · 质量工程师", "「业务员」的上级". */
export function assigneeLabel(view: AssigneeView, words: AssigneeWords): string {
  const who = (value: DepartmentWho) => (value === '' ? words.say('wd.assignee.everyone') : value === DEPARTMENT_HEAD ? words.say('wd.assignee.head') : words.role(value));
  switch (view.kind) {
    case 'role':
      return words.role(view.role);
    case 'user':
      return words.user(view.username);
    case 'field':
      return words.say('wd.assignee.fieldPerson', { field: words.field(view.field) });
    case 'managerOfField':
      return words.say('wd.assignee.fieldManager', { field: words.field(view.field) });
    case 'department':
      return words.say('wd.assignee.inDepartment', { department: words.department(view.ref), who: who(view.who) });
    case 'departmentOf':
      return words.say('wd.assignee.inDepartment', { department: words.say('wd.assignee.fieldDepartment', { field: words.field(view.ref) }), who: who(view.who) });
    case 'kept':
      return words.say(view.what === 'expression' ? 'wd.assignee.keptExpression' : view.what === 'managerOf' ? 'wd.assignee.keptManager' : 'wd.assignee.keptUnknown');
  }
}
