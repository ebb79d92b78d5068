import type { Value } from '../types.js';
import type { EvaluationState } from './evaluation-state.js';

/** An object literal or JSON object: its prototype is Object.prototype or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Whether a plain object has its own property `key`. Inherited names (`constructor`,
 * `__proto__`, `toString`) and containers that are not plain data never match. Contexts are JSON
 * data, so an own property is a plain value (JSON has no getters).
 */
function hasOwnData(container: unknown, key: string): container is Record<string, unknown> {
  return isPlainObject(container) && Object.hasOwn(container, key);
}

/** Data to formula value: functions, objects, arrays, symbols, NaN and infinities are blank. */
export function toScalar(raw: unknown): Value {
  switch (typeof raw) {
    case 'string':
    case 'boolean':
      return raw;
    case 'number':
      return Number.isFinite(raw) ? raw : null;
    default:
      return null;
  }
}

/** A field of the current line first (in a sub-table column's formula), then of the record. */
export function readField(state: EvaluationState, name: string): Value {
  const { row, fields } = state;
  if (hasOwnData(row, name)) return toScalar(row[name]);
  return hasOwnData(fields, name) ? toScalar(fields[name]) : null;
}

/** Column `column` of every line of sub-table `table`; a missing cell or line reads as blank. */
export function readColumn(state: EvaluationState, table: string, column: string): Value[] {
  const { fields } = state;
  const lines = hasOwnData(fields, table) ? fields[table] : undefined;
  if (!Array.isArray(lines)) {
    return [];
  }
  state.chargeList(lines.length);
  const values: Value[] = new Array<Value>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    // JSON arrays have no holes, so every index below length is the array's own item.
    const line: unknown = lines[i];
    values[i] = hasOwnData(line, column) ? toScalar(line[column]) : null;
  }
  return values;
}
