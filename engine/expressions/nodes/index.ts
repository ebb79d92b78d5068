export { BinaryNode, type ArithmeticOperator, type BinaryOperator, type ComparisonOperator, type LogicalOperator } from './binary-node.js';
export { BooleanNode } from './boolean-node.js';
export { CallNode } from './call-node.js';
export { withSpan, type ExpressionNode } from './expression-node.js';
export { FieldNode } from './field-node.js';
export { NumberNode } from './number-node.js';
export { SourceSpan } from './source-span.js';
export { TextNode } from './text-node.js';
export { UnaryNode, type UnaryOperator } from './unary-node.js';
