import type { FieldRule } from '../../../engine/definitions/generated/definition-types.js';
import { computedOf, defaultFormulaOf, firstRules, permissionOf } from './field-logic.js';
import type { DesignForm } from './field-model.js';

/** What the canvas shows of one field's (or column's) logic. */
export interface FieldMark {
  /** Its formula: the computed value's, else the initial value's. */
  readonly formula?: string;
  readonly computed: boolean;
  /** The conditions of its first rule, joined for the badge's tooltip. */
  readonly rule?: string;
  readonly restricted: boolean;
}

/** The marks of a top-level field and its columns, by field path; empty when none has logic. */
export type RowMarks = Readonly<Record<string, FieldMark>>;

const NO_MARKS: RowMarks = Object.freeze({});

function markOf(form: DesignForm, path: string, rules: ReadonlyMap<string, FieldRule>): FieldMark | undefined {
  const computed = computedOf(form, path);
  const formula = computed ?? defaultFormulaOf(form, path);
  const rule = rules.get(path);
  const restricted = permissionOf(form, path) !== undefined;
  if (formula === undefined && rule === undefined && !restricted) return undefined;
  return {
    ...(formula !== undefined ? { formula } : {}),
    computed: computed !== undefined,
    ...(rule !== undefined ? { rule: [rule.visible, rule.required, rule.readOnly].filter((entry) => entry !== undefined).join(' · ') } : {}),
    restricted,
  };
}

function sameMarks(a: RowMarks, b: RowMarks): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const left = a[key];
    const right = b[key];
    return right !== undefined && left !== undefined && left.formula === right.formula && left.computed === right.computed && left.rule === right.rule && left.restricted === right.restricted;
  });
}

/**
 * The marks of every top-level field, by field name. A row whose marks equal those in `previous` keeps
 * that very object, so a memoised canvas row re-renders only when its own marks change (typing a
 * formula changes one field's, not the other 199).
 */
export function rowMarks(form: DesignForm, previous: ReadonlyMap<string, RowMarks> = new Map()): ReadonlyMap<string, RowMarks> {
  const result = new Map<string, RowMarks>();
  const rules = firstRules(form);
  for (const field of form.fields) {
    const entries: Record<string, FieldMark> = {};
    for (const path of [field.name, ...(field.columns ?? []).map((column) => `${field.name}.${column.name}`)]) {
      const mark = markOf(form, path, rules);
      if (mark !== undefined) entries[path] = mark;
    }
    const next = Object.keys(entries).length === 0 ? NO_MARKS : entries;
    const before = previous.get(field.name);
    result.set(field.name, before !== undefined && sameMarks(before, next) ? before : next);
  }
  return result;
}
