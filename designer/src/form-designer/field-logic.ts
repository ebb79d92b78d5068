/**
 * The parts of a form definition that belong to fields but live in top-level maps keyed by field
 * path: `computed` and `defaults` formulas, `rules`, `permissions`, and the form's `access`. They stay
 * in DesignForm.rest, where field-model.ts carries them through in their place, and these pure
 * functions read and change them, so the JSON text keeps its key order whatever the designer edits.
 */
import type { FieldPermission, FieldRule, FormAccess } from '../../../engine/definitions/generated/definition-types.js';
import type { FormulaField } from '../formula-editor/formula-scope.js';
import type { DesignField, DesignForm } from './field-model.js';

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function restMap(form: DesignForm, key: string): Node {
  const value = form.rest[key];
  return isNode(value) ? value : {};
}

function withRest(form: DesignForm, key: string, value: unknown): DesignForm {
  const rest = { ...form.rest };
  const empty = value === undefined || (isNode(value) && Object.keys(value).length === 0) || (Array.isArray(value) && value.length === 0);
  if (empty) delete rest[key];
  else rest[key] = value;
  return { ...form, rest };
}

function withEntry(form: DesignForm, key: string, path: string, value: unknown): DesignForm {
  const next = { ...restMap(form, key) };
  if (value === undefined) delete next[path];
  else next[path] = value;
  return withRest(form, key, next);
}

export function computedOf(form: DesignForm, path: string): string | undefined {
  const formula = restMap(form, 'computed')[path];
  return typeof formula === 'string' ? formula : undefined;
}

/** Sets (or with undefined removes) the formula of a computed field. */
export function withComputed(form: DesignForm, path: string, formula: string | undefined): DesignForm {
  return withEntry(form, 'computed', path, formula);
}

export function defaultFormulaOf(form: DesignForm, path: string): string | undefined {
  const formula = restMap(form, 'defaults')[path];
  return typeof formula === 'string' ? formula : undefined;
}

export function withDefaultFormula(form: DesignForm, path: string, formula: string | undefined): DesignForm {
  return withEntry(form, 'defaults', path, formula);
}

export type RuleKind = 'visible' | 'required' | 'readOnly';
export const RULE_KINDS: readonly RuleKind[] = ['visible', 'required', 'readOnly'];

function rulesOf(form: DesignForm): FieldRule[] {
  const rules = form.rest.rules;
  return Array.isArray(rules) ? (rules.filter(isNode) as unknown as FieldRule[]) : [];
}

/** Every field's first rule by field path, for reading many fields' rules at once. */
export function firstRules(form: DesignForm): ReadonlyMap<string, FieldRule> {
  const byPath = new Map<string, FieldRule>();
  for (const rule of rulesOf(form)) if (!byPath.has(rule.field)) byPath.set(rule.field, rule);
  return byPath;
}

/** The field's first rule, the one the designer edits; further rules for the field are kept as they are. */
export function ruleOf(form: DesignForm, path: string): FieldRule | undefined {
  return rulesOf(form).find((rule) => rule.field === path);
}

/** Replaces the field's first rule (or adds one at the end); a rule without a condition is removed. */
export function withRule(form: DesignForm, path: string, rule: Omit<FieldRule, 'field'>): DesignForm {
  const rules = rulesOf(form);
  const index = rules.findIndex((candidate) => candidate.field === path);
  const current = index === -1 ? { field: path } : rules[index];
  const next: FieldRule = { ...current, ...rule, field: path };
  for (const key of [...RULE_KINDS, 'keepValueWhenHidden'] as const) if (next[key] === undefined || next[key] === false) delete next[key];
  const keep = RULE_KINDS.some((kind) => next[kind] !== undefined);
  const updated = index === -1 ? (keep ? [...rules, next] : rules) : rules.flatMap((candidate, at) => (at !== index ? [candidate] : keep ? [next] : []));
  return withRest(form, 'rules', updated);
}

export function permissionOf(form: DesignForm, path: string): FieldPermission | undefined {
  const permission = restMap(form, 'permissions')[path];
  return isNode(permission) ? (permission as FieldPermission) : undefined;
}

export function withPermission(form: DesignForm, path: string, permission: FieldPermission | undefined): DesignForm {
  return withEntry(form, 'permissions', path, permission);
}

export function accessOf(form: DesignForm): FormAccess {
  return isNode(form.rest.access) ? (form.rest.access as FormAccess) : {};
}

export function withAccess(form: DesignForm, access: FormAccess): DesignForm {
  return withRest(form, 'access', Object.keys(access).length === 0 ? undefined : access);
}

/** The field that names a record in lists, lookups, the inbox and history; without it they show the record's id. */
export function titleFieldOf(form: DesignForm): string | undefined {
  return typeof form.rest.titleField === 'string' ? form.rest.titleField : undefined;
}

export function withTitleField(form: DesignForm, field: string | undefined): DesignForm {
  return withRest(form, 'titleField', field);
}

/** The navigation group (an `id` of the app's `navigation`) the form chose to appear in. */
export function navGroupOf(form: DesignForm): string | undefined {
  return typeof form.rest.navGroup === 'string' ? form.rest.navGroup : undefined;
}

export function withNavGroup(form: DesignForm, group: string | undefined): DesignForm {
  return withRest(form, 'navGroup', group);
}

function renameKey(map: Node, rename: (path: string) => string | null): Node {
  return Object.fromEntries(Object.entries(map).flatMap(([path, value]) => {
    const next = rename(path);
    return next === null ? [] : [[next, value]];
  }));
}

/** Follows a field's new key, or its removal (`to` null), in every map and rule, sub-table columns included. */
export function movePath(form: DesignForm, from: string, to: string | null): DesignForm {
  const rename = (path: string): string | null => {
    if (path === from) return to;
    if (path.startsWith(`${from}.`)) return to === null ? null : `${to}${path.slice(from.length)}`;
    return path;
  };
  let next = form;
  for (const key of ['computed', 'defaults', 'permissions', 'messages']) {
    if (isNode(form.rest[key])) next = withRest(next, key, renameKey(restMap(form, key), rename));
  }
  const titleField = titleFieldOf(form);
  if (titleField !== undefined) next = withTitleField(next, rename(titleField) ?? undefined);
  if (Array.isArray(form.rest.rules)) {
    next = withRest(next, 'rules', rulesOf(form).flatMap((rule) => {
      const path = rename(rule.field);
      return path === null ? [] : [{ ...rule, field: path }];
    }));
  }
  return next;
}

/**
 * The fields a formula at `path` may name, as the engine's scope has them: the form's fields and
 * `table.column` for sub-table columns; for a column's own formula also its line's columns by bare
 * name. The field itself is left out, since a formula cannot read its own value.
 */
export function formulaFields(form: DesignForm, path: string, label: (field: DesignField) => string): FormulaField[] {
  const [table, column] = path.includes('.') ? path.split('.') : [undefined, undefined];
  const fields: FormulaField[] = [];
  if (table !== undefined) {
    const own = form.fields.find((field) => field.name === table);
    for (const entry of own?.columns ?? []) if (entry.name !== column) fields.push({ name: entry.name, label: label(entry), type: entry.type });
  }
  for (const field of form.fields) {
    if (field.name !== path) fields.push({ name: field.name, label: label(field), type: field.type });
  }
  for (const field of form.fields) {
    for (const entry of field.columns ?? []) {
      const columnPath = `${field.name}.${entry.name}`;
      if (columnPath !== path) fields.push({ name: columnPath, label: `${label(field)} · ${label(entry)}`, type: entry.type });
    }
  }
  return fields;
}

/** Replaces the field at `path` (`name` or `table.column`). */
export function updateField(form: DesignForm, path: string, update: (field: DesignField) => DesignField): DesignForm {
  const [head, column] = path.split('.');
  return {
    ...form,
    fields: form.fields.map((field) => {
      if (field.name !== head) return field;
      if (column === undefined) return update(field);
      return { ...field, columns: (field.columns ?? []).map((entry) => (entry.name === column ? update(entry) : entry)) };
    }),
  };
}
