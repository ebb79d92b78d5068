import type { BinaryNode } from './binary-node.js';
import type { BooleanNode } from './boolean-node.js';
import type { CallNode } from './call-node.js';
import type { FieldNode } from './field-node.js';
import type { NumberNode } from './number-node.js';
import type { SourceSpan } from './source-span.js';
import type { TextNode } from './text-node.js';
import type { UnaryNode } from './unary-node.js';

/** The immutable syntax tree of a formula; every node is frozen and carries its source span. */
export type ExpressionNode = NumberNode | TextNode | BooleanNode | FieldNode | UnaryNode | BinaryNode | CallNode;

/** The same node at another span: a parenthesised part spans its parentheses too. */
export function withSpan<T extends ExpressionNode>(node: T, span: SourceSpan): T {
  const moved: T = { ...node, span };
  return Object.freeze(moved);
}
