import type { ExpressionNode } from './expression-node.js';
import type { SourceSpan } from './source-span.js';

export interface NumberNode {
  readonly kind: 'NumberNode';
  /** Never negative: `-5` is a UnaryNode around 5. */
  readonly value: number;
  readonly span: SourceSpan;
}

export const NumberNode = Object.freeze({
  is(node: ExpressionNode): node is NumberNode {
    return node.kind === 'NumberNode';
  },
  create(value: number, span: SourceSpan): NumberNode {
    return Object.freeze({ kind: 'NumberNode', value, span });
  },
});
