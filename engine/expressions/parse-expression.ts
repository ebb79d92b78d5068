import { diagnosticsError } from './diagnostics.js';
import type { ExpressionNode } from './nodes/index.js';
import { parse } from './parser.js';

/**
 * Parses a formula into its immutable syntax tree.
 * Throws OrdoError ORDO_ERR_EXPRESSION_SYNTAX listing every problem in `extra.diagnostics`.
 *
 * @example parseExpression('ROUND(qty * price, 2)') // CallNode ROUND with a BinaryNode argument
 */
export function parseExpression(source: string): ExpressionNode {
  const { node, diagnostics } = parse(String(source));
  if (node === null || diagnostics.length > 0) {
    throw diagnosticsError(diagnostics);
  }
  return node;
}
