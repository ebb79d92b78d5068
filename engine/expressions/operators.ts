import type { BinaryOperator } from './nodes/index.js';

/**
 * Binding powers, Excel's order from loosest to tightest: OR, AND, NOT, comparisons, `&`, `+ -`,
 * `* /`, `^`, unary minus. As in Excel, unary minus binds tighter than `^` (`-2^2` is 4) and `^`
 * groups to the left (`2^3^2` is 64).
 */
export const BINARY_POWER: Readonly<Record<BinaryOperator, number>> = Object.freeze({
  OR: 10,
  AND: 20,
  '=': 40,
  '<>': 40,
  '<': 40,
  '<=': 40,
  '>': 40,
  '>=': 40,
  '&': 50,
  '+': 60,
  '-': 60,
  '*': 70,
  '/': 70,
  '^': 80,
});

/** NOT's operand stops at AND and OR but takes comparisons: `NOT a = b` is `NOT (a = b)`. */
export const NOT_OPERAND_POWER = BINARY_POWER.AND;

export const NEGATE_POWER = 90;

/** Literals, fields, calls and NOT(...) in call form never need parentheses. */
export const PRIMARY_POWER = 100;

export function isBinaryOperator(value: string): value is BinaryOperator {
  return Object.hasOwn(BINARY_POWER, value);
}

export function isComparison(op: BinaryOperator): boolean {
  return BINARY_POWER[op] === BINARY_POWER['='];
}
