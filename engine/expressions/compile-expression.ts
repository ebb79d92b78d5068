import { OrdoError, isOrdoError } from '../errors/index.js';
import { compileNode } from './compiler.js';
import { diagnostic, diagnosticsError } from './diagnostics.js';
import { FUNCTION_TABLE, acceptsArgumentCount, type Evaluator } from './functions/index.js';
import { EXPRESSION_LIMITS } from './limits.js';
import { FieldNode, SourceSpan, type ExpressionNode } from './nodes/index.js';
import { parseExpression } from './parse-expression.js';
import { EvaluationState } from './runtime/index.js';
import type { CompiledExpression, EvaluateOptions, EvaluationContext, ExpressionDiagnostic, Value } from './types.js';

const cache = new Map<string, CompiledExpression>();

function walk(node: ExpressionNode, visit: (node: ExpressionNode) => void): void {
  visit(node);
  if (node.kind === 'UnaryNode') walk(node.operand, visit);
  if (node.kind === 'BinaryNode') {
    walk(node.left, visit);
    walk(node.right, visit);
  }
  if (node.kind === 'CallNode') node.args.forEach((arg) => walk(arg, visit));
}

/** Argument counts are checked here too, since compiling does not need the form's fields. */
function argumentCountProblems(source: string, root: ExpressionNode): ExpressionDiagnostic[] {
  const problems: ExpressionDiagnostic[] = [];
  walk(root, (node) => {
    if (node.kind !== 'CallNode') return;
    const entry = FUNCTION_TABLE.get(node.name);
    if (entry !== undefined && !acceptsArgumentCount(entry.doc, node.args.length)) {
      const message = `${node.name} does not take ${node.args.length} argument${node.args.length === 1 ? '' : 's'}`;
      problems.push(diagnostic(source, 'ORDO_ERR_EXPRESSION_TYPE', message, SourceSpan.create(node.span.offset, node.name.length)));
    }
  });
  return problems;
}

function referencesOf(root: ExpressionNode): readonly string[] {
  const paths = new Set<string>();
  walk(root, (node) => {
    if (FieldNode.is(node)) paths.add(FieldNode.path(node));
  });
  return Object.freeze([...paths]);
}

function instant(options: EvaluateOptions | undefined): number {
  const now = options?.now === undefined ? Date.now() : options.now.getTime();
  if (!Number.isFinite(now)) {
    throw new OrdoError('ORDO_ERR_INTERNAL', 'The evaluation option `now` is not a valid date');
  }
  return now;
}

function stepBudget(options: EvaluateOptions | undefined): number {
  const maxSteps = options?.maxSteps ?? EXPRESSION_LIMITS.defaultMaxSteps;
  if (!(maxSteps > 0)) {
    throw new OrdoError('ORDO_ERR_INTERNAL', 'The evaluation option `maxSteps` must be a positive number');
  }
  return maxSteps;
}

function build(source: string): CompiledExpression {
  const root = parseExpression(source);
  const problems = argumentCountProblems(source, root);
  if (problems.length > 0) {
    throw diagnosticsError(problems);
  }
  const evaluator: Evaluator = compileNode(root);
  return Object.freeze({
    source,
    references: referencesOf(root),
    evaluate(context: EvaluationContext, options?: EvaluateOptions): Value {
      const state = new EvaluationState(context?.fields, context?.row, instant(options), stepBudget(options));
      try {
        return evaluator(state);
      } catch (error) {
        if (isOrdoError(error)) throw error;
        throw new OrdoError('ORDO_ERR_INTERNAL', `Evaluating ${JSON.stringify(source.slice(0, 80))} failed unexpectedly`, { cause: error });
      }
    },
  });
}

/**
 * Compiles a formula once into closures; the result is cached by source text (the least recently
 * used entries are dropped beyond EXPRESSION_LIMITS.compileCacheSize). Throws
 * ORDO_ERR_EXPRESSION_SYNTAX, or ORDO_ERR_EXPRESSION_TYPE for a wrong argument count.
 * `evaluate` throws ORDO_ERR_EXPRESSION_RUNTIME (division by zero, #VALUE!, ...; `extra.error`
 * holds the Excel error value, `extra.offset/length` the failing part) or ORDO_ERR_EXPRESSION_BUDGET.
 *
 * @example compileExpression('SUMPRODUCT(lines.qty, lines.price)').evaluate({ fields: { lines: [{ qty: 2, price: 1.5 }] } }) // 3
 */
export function compileExpression(source: string): CompiledExpression {
  const text = String(source);
  const cached = cache.get(text);
  if (cached !== undefined) {
    cache.delete(text);
    cache.set(text, cached);
    return cached;
  }
  const compiled = build(text);
  cache.set(text, compiled);
  if (cache.size > EXPRESSION_LIMITS.compileCacheSize) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return compiled;
}

/** How many compiled formulas the cache holds; for tests and diagnostics. */
export function compiledExpressionCount(): number {
  return cache.size;
}
