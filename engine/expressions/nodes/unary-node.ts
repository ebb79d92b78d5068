import type { ExpressionNode } from './expression-node.js';
import type { SourceSpan } from './source-span.js';

export type UnaryOperator = '-' | 'NOT';

export interface UnaryNode {
  readonly kind: 'UnaryNode';
  readonly op: UnaryOperator;
  readonly operand: ExpressionNode;
  readonly span: SourceSpan;
}

export const UnaryNode = Object.freeze({
  is(node: ExpressionNode): node is UnaryNode {
    return node.kind === 'UnaryNode';
  },
  create(op: UnaryOperator, operand: ExpressionNode, span: SourceSpan): UnaryNode {
    return Object.freeze({ kind: 'UnaryNode', op, operand, span });
  },
});
