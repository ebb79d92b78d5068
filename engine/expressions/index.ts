export { analyzeExpression, checkExpression } from './check-expression.js';
export { compileExpression, compiledExpressionCount } from './compile-expression.js';
export { FUNCTION_CATALOGUE, paramAt } from './functions/index.js';
export { EXPRESSION_LIMITS } from './limits.js';
export {
  BinaryNode,
  BooleanNode,
  CallNode,
  FieldNode,
  NumberNode,
  SourceSpan,
  TextNode,
  UnaryNode,
  type ArithmeticOperator,
  type BinaryOperator,
  type ComparisonOperator,
  type ExpressionNode,
  type LogicalOperator,
  type UnaryOperator,
} from './nodes/index.js';
export { parseExpression } from './parse-expression.js';
export { printExpression } from './printer.js';
export { tokenize, type TokenizeResult } from './tokenizer.js';
export type { Token } from './tokens.js';
export type {
  CheckOptions,
  CompiledExpression,
  EvaluateOptions,
  EvaluationContext,
  ExpressionAnalysis,
  ExpressionDiagnostic,
  FieldScope,
  FieldType,
  FunctionDoc,
  FunctionExample,
  FunctionFamily,
  FunctionParam,
  ParamType,
  ScalarType,
  Value,
} from './types.js';
