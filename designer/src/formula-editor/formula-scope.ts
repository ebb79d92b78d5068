import type { FieldScope, FieldType, ScalarType } from '../../../engine/expressions/index.js';

/**
 * A field a formula may name. `name` is what the formula writes: `qty`, or `lines.qty` for the
 * column qty of sub-table `lines` (a list). `type` is an expression type (number, text, boolean,
 * date, datetime, any, table) or a form designer field type (money, choice, yesNo, ...).
 */
export interface FormulaField {
  name: string;
  label: string;
  type: string;
}

export type FormulaExpectation = 'boolean' | 'number' | 'string' | 'date' | 'any';

const SCALARS: Readonly<Record<string, ScalarType>> = {
  number: 'number',
  integer: 'number',
  money: 'number',
  text: 'text',
  string: 'text',
  textarea: 'text',
  choice: 'text',
  lookup: 'text',
  serial: 'text',
  boolean: 'boolean',
  yesNo: 'boolean',
  date: 'date',
  datetime: 'datetime',
};

/** The expression type of a field type; unknown types accept anything, as the checker's `any` does. */
export function scalarOf(type: string): ScalarType {
  return Object.hasOwn(SCALARS, type) ? (SCALARS[type] as ScalarType) : 'any';
}

/** The scope the engine's checker uses, built from the editor's field list. */
export function formulaScope(fields: readonly FormulaField[]): FieldScope {
  const scope: Record<string, FieldType> = {};
  const columns = new Map<string, Record<string, FieldType>>();
  for (const field of fields) {
    const dot = field.name.indexOf('.');
    if (dot === -1) continue;
    const table = field.name.slice(0, dot);
    const entry = columns.get(table) ?? {};
    entry[field.name.slice(dot + 1)] = { type: scalarOf(field.type) };
    columns.set(table, entry);
  }
  for (const field of fields) {
    if (field.name.includes('.')) continue;
    scope[field.name] = field.type === 'table' ? { type: 'table', columns: { ...columns.get(field.name) } } : { type: scalarOf(field.type) };
  }
  for (const [table, entry] of columns) if (!Object.hasOwn(scope, table)) scope[table] = { type: 'table', columns: entry };
  return scope;
}

/** The checker's expected type for the editor's `expect`. */
export function expectedType(expect: FormulaExpectation | undefined): ScalarType | undefined {
  if (expect === undefined) return undefined;
  return expect === 'string' ? 'text' : expect;
}
