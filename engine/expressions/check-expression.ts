import { inferTypes } from './checker/index.js';
import { parse } from './parser.js';
import type { CheckOptions, ExpressionAnalysis, ExpressionDiagnostic, FieldScope } from './types.js';

/**
 * Checks a formula against a form's fields before it is published: syntax, unknown fields and
 * functions, sub-tables used as single values, text mixed with numbers, argument counts and
 * types, and (with `expect`) the type of the result. Returns every problem found; none is thrown.
 *
 * @example checkExpression('qtty * 2', { qty: { type: 'number' } }) // [{ message: 'Unknown field qtty', line: 1, column: 1, ... }]
 */
export function checkExpression(source: string, scope: FieldScope, options: CheckOptions = {}): ExpressionDiagnostic[] {
  return [...analyzeExpression(source, scope, options).diagnostics];
}

/**
 * checkExpression's problems plus the type the formula gives, for editors that show it as the
 * author types. `resultType` is null while a problem hides it, `list` for a sub-table column.
 *
 * @example analyzeExpression('qty * 2', { qty: { type: 'number' } }) // { diagnostics: [], resultType: 'number' }
 */
export function analyzeExpression(source: string, scope: FieldScope, options: CheckOptions = {}): ExpressionAnalysis {
  const text = String(source);
  const { node, diagnostics } = parse(text);
  if (node === null) return { diagnostics: [...diagnostics], resultType: null };
  const checked = inferTypes(text, node, scope, options.expect);
  const all = [...diagnostics, ...checked.diagnostics];
  const { type } = checked;
  const resultType = all.length > 0 || type.kind === 'error' ? null : type.kind === 'list' ? 'list' : type.type === 'blank' ? 'any' : type.type;
  return { diagnostics: all, resultType };
}
