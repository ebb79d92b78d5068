import type { BinaryNode } from './binary-node.js';
import type { BooleanNode } from './boolean-node.js';
import type { CallNode } from './call-node.js';
import type { FieldNode } from './field-node.js';
import type { NumberNode } from './number-node.js';
import type { TextNode } from './text-node.js';
import type { UnaryNode } from './unary-node.js';

/** The immutable syntax tree of a formula; every node is frozen and carries its source span. */
export type ExpressionNode = NumberNode | TextNode | BooleanNode | FieldNode | UnaryNode | BinaryNode | CallNode;
