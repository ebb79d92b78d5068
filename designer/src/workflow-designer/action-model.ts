import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import type { FieldOption, NamedOption } from './design-context.js';
import { isJson, type Json } from './workflow-graph.js';

/**
 * A transition's `actions` as the properties panel edits them: a list of cards, each one action of
 * the kinds the engine runs, whose field → formula maps keep their key order. Every edit is a pure
 * function from the list to the next list; what an action holds besides what is edited stays.
 */
export const ACTION_KINDS = ['setFields', 'notify', 'createRecord', 'updateRecord', 'emit'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export function actionKind(action: unknown): ActionKind | undefined {
  const type = isJson(action) ? action.type : undefined;
  return ACTION_KINDS.find((kind) => kind === type);
}

export function actionsOf(transition: Json): unknown[] {
  return Array.isArray(transition.actions) ? transition.actions : [];
}

/** The transition with these actions; an empty list removes the key. */
export function withActions(transition: Json, actions: readonly unknown[]): Json {
  if (actions.length > 0) return { ...transition, actions: [...actions] };
  return Object.fromEntries(Object.entries(transition).filter(([key]) => key !== 'actions'));
}

/** What a new action of a kind starts as: valid at once where it can be (a field set to its own value, a notice to the first role). */
export function newAction(
  kind: ActionKind,
  context: { readonly form: string; readonly fields: readonly FieldOption[]; readonly roles: readonly NamedOption[]; readonly forms: readonly (NamedOption & { readonly fields: readonly FieldOption[] })[] },
  message: LocalizedText,
): Json {
  const formId = context.form;
  const first = context.fields[0]?.id;
  const other = context.forms.find((form) => form.id !== formId) ?? context.forms[0];
  const otherField = other?.fields[0]?.id;
  switch (kind) {
    case 'setFields':
      return { type: 'setFields', fields: first === undefined ? {} : { [first]: first } };
    case 'notify': {
      // As a new task does: the app's first business role, so the notice reaches someone from the start.
      const role = context.roles.find((candidate) => candidate.id !== 'admin') ?? context.roles[0];
      return { type: 'notify', to: role === undefined ? [] : [{ role: role.id }], message };
    }
    case 'createRecord':
      return { type: 'createRecord', form: other?.id ?? '', data: otherField === undefined ? {} : { [otherField]: '""' } };
    case 'updateRecord':
      return { type: 'updateRecord', form: other?.id ?? '', record: '""', fields: otherField === undefined ? {} : { [otherField]: '""' } };
    case 'emit':
      return { type: 'emit', event: `${formId}.changed` };
  }
}

export function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((entry, at) => (at === index ? value : entry));
}

/** Moves an entry one place up (-1) or down (+1); at either end nothing moves. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}

/** A field → formula map as rows, in key order. */
export function formulaRows(map: unknown): [string, string][] {
  return isJson(map) ? Object.entries(map).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]) : [];
}

/** Renames a row's key in place (the order stays); a key already used elsewhere leaves the map as it was. */
export function renameKey(rows: readonly [string, string][], index: number, key: string): [string, string][] {
  if (rows.some(([name], at) => at !== index && name === key)) return [...rows];
  return rows.map((row, at) => (at === index ? [key, row[1]] : row));
}

/** The first of `candidates` no row uses yet, for the next row added. */
export function unusedKey(rows: readonly [string, string][], candidates: readonly string[], fallback: string): string {
  const used = new Set(rows.map(([key]) => key));
  const free = candidates.find((candidate) => !used.has(candidate));
  if (free !== undefined) return free;
  let n = rows.length + 1;
  while (used.has(`${fallback}${n}`)) n += 1;
  return `${fallback}${n}`;
}

export function fromRows(rows: readonly [string, string][]): Json {
  return Object.fromEntries(rows);
}

/** The same pattern as EmitAction.event in the workflow meta-schema. */
export function isOutboxEvent(name: string): boolean {
  return /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/.test(name) && name.length <= 100;
}
