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

export interface OwnValue {
  readonly found: boolean;
  readonly value: unknown;
}

const MISSING: OwnValue = Object.freeze({ found: false, value: undefined });

/**
 * Reads an own data property of a plain object (or an item of an array). Inherited names
 * (`constructor`, `__proto__`), getters and containers that are not plain data are not read.
 */
export function readOwn(container: unknown, key: string): OwnValue {
  return isPlainObject(container) ? readDescriptor(container, key) : MISSING;
}

function readItem(list: readonly unknown[], index: number): unknown {
  return readDescriptor(list, index).value;
}

function readDescriptor(container: object, key: string | number): OwnValue {
  const descriptor = Object.getOwnPropertyDescriptor(container, key);
  return descriptor !== undefined && 'value' in descriptor ? { found: true, value: descriptor.value } : MISSING;
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
  const inRow = readOwn(state.row, name);
  return toScalar(inRow.found ? inRow.value : readOwn(state.fields, name).value);
}

/** Column `column` of every line of sub-table `table`; a missing cell or line reads as blank. */
export function readColumn(state: EvaluationState, table: string, column: string): Value[] {
  const lines = readOwn(state.fields, table).value;
  if (!Array.isArray(lines)) {
    return [];
  }
  state.chargeList(lines.length);
  const values: Value[] = new Array<Value>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    values[i] = toScalar(readOwn(readItem(lines, i), column).value);
  }
  return values;
}
