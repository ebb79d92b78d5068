import type { ExpressionNode } from './expression-node.js';
import type { SourceSpan } from './source-span.js';

/** A call of a whitelisted function; `name` is upper-case and the name starts the span. */
export interface CallNode {
  readonly kind: 'CallNode';
  readonly name: string;
  readonly args: readonly ExpressionNode[];
  readonly span: SourceSpan;
}

export const CallNode = Object.freeze({
  is(node: ExpressionNode): node is CallNode {
    return node.kind === 'CallNode';
  },
  create(name: string, args: readonly ExpressionNode[], span: SourceSpan): CallNode {
    return Object.freeze({ kind: 'CallNode', name, args: Object.freeze([...args]), span });
  },
});
