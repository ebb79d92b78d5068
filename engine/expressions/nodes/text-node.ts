import type { ExpressionNode } from './expression-node.js';
import type { SourceSpan } from './source-span.js';

export interface TextNode {
  readonly kind: 'TextNode';
  /** The text with escapes resolved. */
  readonly value: string;
  readonly span: SourceSpan;
}

export const TextNode = Object.freeze({
  is(node: ExpressionNode): node is TextNode {
    return node.kind === 'TextNode';
  },
  create(value: string, span: SourceSpan): TextNode {
    return Object.freeze({ kind: 'TextNode', value, span });
  },
});
