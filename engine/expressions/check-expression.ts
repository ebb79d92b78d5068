import { checkTypes } from './checker/index.js';
import { parse } from './parser.js';
import type { CheckOptions, ExpressionDiagnostic, FieldScope } from './types.js';

/**
 * Checks a formula against a form's fields before it is published: syntax, unknown fields and
 * functions, sub-tables used as single values, text mixed with numbers, argument counts and
 * types, and (with `expect`) the type of the result. Returns every problem found; none is thrown.
 *
 * @example checkExpression('qtty * 2', { qty: { type: 'number' } }) // [{ message: 'Unknown field qtty', line: 1, column: 1, ... }]
 */
export function checkExpression(source: string, scope: FieldScope, options: CheckOptions = {}): ExpressionDiagnostic[] {
  const { node, diagnostics } = parse(String(source));
  if (node === null) {
    return [...diagnostics];
  }
  return [...diagnostics, ...checkTypes(String(source), node, scope, options.expect)];
}
