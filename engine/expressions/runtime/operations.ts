import type { ComparisonOperator } from '../nodes/index.js';
import type { Value } from '../types.js';
import { isList, toNumber, toText } from './coerce.js';
import { add, divide, multiply, power, subtract } from './decimal-math.js';
import { DAY_MS, formatTemporal, parseTemporal, type Temporal } from './dates.js';
import { formulaError } from './formula-error.js';

function temporalOf(value: Value): Temporal | null {
  return typeof value === 'string' ? parseTemporal(value) : null;
}

function shift(temporal: Temporal, days: number): string {
  // A date stays a whole day; a datetime moves by fractions of a day too.
  const ms = temporal.kind === 'date' ? Math.trunc(days) * DAY_MS : Math.round(days * DAY_MS);
  return formatTemporal(temporal.kind, temporal.ms + ms);
}

/** number + number, or date + days (either order). */
export function plus(left: Value, right: Value): Value {
  const leftDate = temporalOf(left);
  if (leftDate !== null) {
    if (temporalOf(right) !== null) {
      throw formulaError('#VALUE!', 'Two dates cannot be added; subtract them to get the days between');
    }
    return shift(leftDate, toNumber(right));
  }
  const rightDate = temporalOf(right);
  return rightDate !== null ? shift(rightDate, toNumber(left)) : add(toNumber(left), toNumber(right));
}

/** number - number, date - days, or date - date (the days between, fractional for datetimes). */
export function minus(left: Value, right: Value): Value {
  const leftDate = temporalOf(left);
  const rightDate = temporalOf(right);
  if (leftDate !== null && rightDate !== null) {
    return divide(leftDate.ms - rightDate.ms, DAY_MS);
  }
  if (leftDate !== null) {
    return shift(leftDate, -toNumber(right));
  }
  if (rightDate !== null) {
    throw formulaError('#VALUE!', 'A date cannot be subtracted from a number');
  }
  return subtract(toNumber(left), toNumber(right));
}

export function times(left: Value, right: Value): Value {
  return multiply(toNumber(left), toNumber(right));
}

export function dividedBy(left: Value, right: Value): Value {
  return divide(toNumber(left), toNumber(right));
}

export function raised(left: Value, right: Value): Value {
  return power(toNumber(left), toNumber(right));
}

export function negate(value: Value): Value {
  return multiply(toNumber(value), -1);
}

export function join(left: Value, right: Value): string {
  return toText(left) + toText(right);
}

/**
 * -1, 0 or 1; null when the two cannot be ordered (a number and a text). Blank compares as 0 with
 * a number, as "" with a text and as FALSE with a boolean; two dates compare as instants.
 */
export function compare(left: Value, right: Value): number | null {
  if (isList(left) || isList(right)) {
    throw formulaError('#VALUE!', 'A list (sub-table column) cannot be compared; use SUM, COUNTIF or similar');
  }
  const a = left === '' ? null : left;
  const b = right === '' ? null : right;
  if (a === null && b === null) return 0;
  if (a === null) return -sign(b as string | number | boolean);
  if (b === null) return sign(a);
  if (typeof a === 'number' && typeof b === 'number') return order(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return order(Number(a), Number(b));
  if (typeof a === 'string' && typeof b === 'string') {
    const dateA = parseTemporal(a);
    const dateB = dateA === null ? null : parseTemporal(b);
    return dateA !== null && dateB !== null ? order(dateA.ms, dateB.ms) : order(a, b);
  }
  return null;
}

/** How a non-blank value compares with blank. */
function sign(value: string | number | boolean): number {
  if (typeof value === 'number') return order(value, 0);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return 1;
}

function order<T extends number | string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareWith(op: ComparisonOperator, left: Value, right: Value): boolean {
  const result = compare(left, right);
  if (result === null) {
    if (op === '=') return false;
    if (op === '<>') return true;
    throw formulaError('#VALUE!', `Cannot order ${describe(left)} and ${describe(right)} with ${op}`);
  }
  switch (op) {
    case '=':
      return result === 0;
    case '<>':
      return result !== 0;
    case '<':
      return result < 0;
    case '<=':
      return result <= 0;
    case '>':
      return result > 0;
    case '>=':
      return result >= 0;
  }
}

function describe(value: Value): string {
  return typeof value === 'string' ? 'a text' : typeof value === 'number' ? 'a number' : 'a TRUE/FALSE';
}
