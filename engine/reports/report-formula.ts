import { analyzeExpression, parseExpression, type ComparisonOperator, type ExpressionNode, type FieldScope as FormulaScope } from '../expressions/index.js';
import type { FieldNode, ValueType } from './report-nodes.js';
import type { ReportProblemCode } from './report-problem.js';
import type { ResolvedField } from './resolve-field.js';

/**
 * A filter formula translated for the database. Only what PostgreSQL computes exactly as the
 * formula engine does is kept: comparisons, AND/OR/NOT, ISBLANK, + - * over numbers, negation, and
 * TODAY() plus or minus whole days. Blanks follow the formula language (0 in arithmetic and next to
 * a number, "" next to a text, FALSE as a condition).
 */
export type FormulaType = 'number' | 'text' | 'boolean' | 'date';

export type FormulaNode =
  | { readonly kind: 'FormulaValue'; readonly type: FormulaType; readonly value: number | string | boolean }
  | { readonly kind: 'FormulaField'; readonly type: FormulaType; readonly field: FieldNode }
  /** TODAY() moved by whole days: the run's today (Asia/Shanghai), as `today` conditions use. */
  | { readonly kind: 'FormulaToday'; readonly type: 'date'; readonly days: number }
  | { readonly kind: 'FormulaArithmetic'; readonly type: 'number'; readonly op: '+' | '-' | '*'; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly kind: 'FormulaNegate'; readonly type: 'number'; readonly operand: FormulaNode }
  | { readonly kind: 'FormulaCompare'; readonly type: 'boolean'; readonly op: ComparisonOperator; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly kind: 'FormulaLogic'; readonly type: 'boolean'; readonly op: 'AND' | 'OR'; readonly args: readonly FormulaNode[] }
  | { readonly kind: 'FormulaNot'; readonly type: 'boolean'; readonly operand: FormulaNode }
  | { readonly kind: 'FormulaBlank'; readonly type: 'boolean'; readonly operand: FormulaNode };

export interface FormulaConditionNode {
  readonly kind: 'FormulaConditionNode';
  readonly formula: FormulaNode;
  readonly reads: readonly string[];
}

export interface FormulaProblem {
  readonly kind: 'FormulaProblem';
  readonly code: ReportProblemCode;
  readonly message: string;
}

const FORMULA_TYPES: Readonly<Record<ValueType, FormulaType | 'datetime'>> = { number: 'number', string: 'text', boolean: 'boolean', date: 'date', timestamp: 'datetime' };
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;

class Refused extends Error {}

/**
 * Checks a filter formula over the source's fields (by plain name: `qty`, `status`) and translates
 * it, or says why it cannot be: a syntax or type problem (invalidFormula), a result that is not
 * TRUE/FALSE (formulaNotCondition), or a part the database cannot compute as the formula engine
 * does (formulaNotInDatabase: division, text joining, other functions, date-times, date arithmetic
 * on fields).
 */
export function planFormula(source: string, fields: ReadonlyMap<string, ResolvedField>): FormulaConditionNode | FormulaProblem {
  const scope: Record<string, { type: 'number' | 'text' | 'boolean' | 'date' | 'datetime' }> = {};
  for (const [name, field] of fields) scope[name] = { type: FORMULA_TYPES[field.node.type] };
  const analysis = analyzeExpression(source, scope as FormulaScope);
  const first = analysis.diagnostics[0];
  if (first !== undefined) return { kind: 'FormulaProblem', code: 'invalidFormula', message: `${first.message} (line ${first.line}, column ${first.column})` };
  if (analysis.resultType !== 'boolean') return { kind: 'FormulaProblem', code: 'formulaNotCondition', message: `the formula gives ${analysis.resultType ?? 'nothing'}, a filter needs TRUE/FALSE` };
  const reads: string[] = [];
  const refuse = (message: string): never => {
    throw new Refused(message);
  };

  const translate = (node: ExpressionNode): FormulaNode => {
    switch (node.kind) {
      case 'NumberNode':
        return { kind: 'FormulaValue', type: 'number', value: node.value };
      case 'BooleanNode':
        return { kind: 'FormulaValue', type: 'boolean', value: node.value };
      case 'TextNode':
        if (ISO_INSTANT.test(node.value)) refuse(`date-times ("${node.value}") are compared by a condition, not a formula`);
        return { kind: 'FormulaValue', type: ISO_DAY.test(node.value) ? 'date' : 'text', value: node.value };
      case 'FieldNode': {
        const field = node.table === null ? fields.get(node.name) : undefined;
        if (field === undefined) return refuse(`${node.table === null ? node.name : `${node.table}.${node.name}`} is not a field of this report's rows`);
        const type = FORMULA_TYPES[field.node.type];
        if (type === 'datetime') return refuse(`${node.name} is a date and time: compare it with a condition instead`);
        reads.push(...field.reads);
        return { kind: 'FormulaField', type, field: field.node };
      }
      case 'UnaryNode': {
        const operand = translate(node.operand);
        if (node.op === 'NOT') return { kind: 'FormulaNot', type: 'boolean', operand };
        if (operand.type !== 'number') return refuse('only numbers can be negated in a filter');
        return { kind: 'FormulaNegate', type: 'number', operand };
      }
      case 'BinaryNode':
        return binary(node.op, node.left, node.right);
      case 'CallNode':
        return call(node.name, node.args);
    }
  };

  const binary = (op: string, leftNode: ExpressionNode, rightNode: ExpressionNode): FormulaNode => {
    if (op === 'AND' || op === 'OR') return { kind: 'FormulaLogic', type: 'boolean', op, args: [translate(leftNode), translate(rightNode)] };
    if (op === '/' || op === '^' || op === '&') return refuse(`${op} is not computed in the database exactly as in a formula`);
    if (op === '+' || op === '-') {
      const today = todayShift(leftNode, rightNode, op);
      if (today !== undefined) return today;
    }
    const left = translate(leftNode);
    const right = translate(rightNode);
    if (op === '+' || op === '-' || op === '*') {
      if (left.type !== 'number' || right.type !== 'number') return refuse(`${op} in a filter works on numbers (and TODAY() plus or minus days)`);
      return { kind: 'FormulaArithmetic', type: 'number', op, left, right };
    }
    const comparable = left.type === right.type || (left.type !== 'number' && left.type !== 'boolean' && right.type !== 'number' && right.type !== 'boolean');
    if (!comparable) return refuse(`a ${left.type} cannot be compared with a ${right.type}`);
    return { kind: 'FormulaCompare', type: 'boolean', op: op as ComparisonOperator, left, right };
  };

  /** TODAY() + n, TODAY() - n, n + TODAY() with a whole number n: the only date arithmetic kept. */
  const todayShift = (leftNode: ExpressionNode, rightNode: ExpressionNode, op: '+' | '-'): FormulaNode | undefined => {
    const isToday = (node: ExpressionNode) => node.kind === 'CallNode' && node.name === 'TODAY';
    const days = (node: ExpressionNode) => (node.kind === 'NumberNode' && Number.isInteger(node.value) ? node.value : undefined);
    const base = isToday(leftNode) ? translate(leftNode) : undefined;
    if (base !== undefined && base.kind === 'FormulaToday' && days(rightNode) !== undefined) return { ...base, days: base.days + (op === '+' ? days(rightNode)! : -days(rightNode)!) };
    if (op === '+' && isToday(rightNode) && days(leftNode) !== undefined) return { kind: 'FormulaToday', type: 'date', days: days(leftNode)! };
    if (isToday(leftNode) || isToday(rightNode)) return refuse('TODAY() can only be moved by a whole number of days (TODAY() - 7)');
    return undefined;
  };

  const call = (name: string, args: readonly ExpressionNode[]): FormulaNode => {
    switch (name) {
      case 'AND':
      case 'OR':
        return { kind: 'FormulaLogic', type: 'boolean', op: name, args: args.map(translate) };
      case 'NOT':
        return { kind: 'FormulaNot', type: 'boolean', operand: translate(args[0]!) };
      case 'TODAY':
        return { kind: 'FormulaToday', type: 'date', days: 0 };
      case 'ISBLANK': {
        const operand = translate(args[0]!);
        if (operand.kind !== 'FormulaField') return refuse('ISBLANK in a filter takes a field');
        return { kind: 'FormulaBlank', type: 'boolean', operand };
      }
      default:
        return refuse(`${name}() is not computed in the database; filters use comparisons, AND, OR, NOT, ISBLANK, + - * and TODAY()`);
    }
  };

  try {
    const formula = translate(parseExpression(source));
    return Object.freeze({ kind: 'FormulaConditionNode', formula: deepFreeze(formula), reads: Object.freeze([...new Set(reads)]) });
  } catch (error) {
    if (error instanceof Refused) return { kind: 'FormulaProblem', code: 'formulaNotInDatabase', message: error.message };
    throw error;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
