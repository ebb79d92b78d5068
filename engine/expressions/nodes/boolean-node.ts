import type { ExpressionNode } from './expression-node.js';
import type { SourceSpan } from './source-span.js';

export interface BooleanNode {
  readonly kind: 'BooleanNode';
  readonly value: boolean;
  readonly span: SourceSpan;
}

export const BooleanNode = Object.freeze({
  is(node: ExpressionNode): node is BooleanNode {
    return node.kind === 'BooleanNode';
  },
  create(value: boolean, span: SourceSpan): BooleanNode {
    return Object.freeze({ kind: 'BooleanNode', value, span });
  },
});
