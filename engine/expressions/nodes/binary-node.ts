import type { ExpressionNode } from './expression-node.js';
import type { SourceSpan } from './source-span.js';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '^';
export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type LogicalOperator = 'AND' | 'OR';
/** `!=` is read as `<>`. */
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator | '&';

export interface BinaryNode {
  readonly kind: 'BinaryNode';
  readonly op: BinaryOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
  readonly span: SourceSpan;
}

export const BinaryNode = Object.freeze({
  is(node: ExpressionNode): node is BinaryNode {
    return node.kind === 'BinaryNode';
  },
  create(op: BinaryOperator, left: ExpressionNode, right: ExpressionNode, span: SourceSpan): BinaryNode {
    return Object.freeze({ kind: 'BinaryNode', op, left, right, span });
  },
});
