import { OrdoError } from '../errors/index.js';
import { FUNCTION_TABLE, type Evaluator } from './functions/index.js';
import type { BinaryNode, BinaryOperator, CallNode, ExpressionNode, FieldNode, UnaryNode } from './nodes/index.js';
import {
  compareWith,
  dividedBy,
  join,
  locateError,
  minus,
  negate,
  plus,
  raised,
  readColumn,
  readField,
  times,
  toBoolean,
} from './runtime/index.js';
import type { Value } from './types.js';

type Operation = (left: Value, right: Value) => Value;

const OPERATIONS: Readonly<Record<Exclude<BinaryOperator, 'AND' | 'OR'>, Operation>> = {
  '+': plus,
  '-': minus,
  '*': times,
  '/': dividedBy,
  '^': raised,
  '&': join,
  '=': (left, right) => compareWith('=', left, right),
  '<>': (left, right) => compareWith('<>', left, right),
  '<': (left, right) => compareWith('<', left, right),
  '<=': (left, right) => compareWith('<=', left, right),
  '>': (left, right) => compareWith('>', left, right),
  '>=': (left, right) => compareWith('>=', left, right),
};

/**
 * Compiles a syntax tree into nested closures, once per formula text. No code is generated, so
 * the same compiled formula runs under a strict Content-Security-Policy. The caller has checked
 * that every function exists and gets an acceptable number of arguments.
 */
export function compileNode(node: ExpressionNode): Evaluator {
  switch (node.kind) {
    case 'NumberNode':
    case 'TextNode':
    case 'BooleanNode': {
      const value = node.value;
      return () => value;
    }
    case 'FieldNode':
      return compileField(node);
    case 'UnaryNode':
      return compileUnary(node);
    case 'BinaryNode':
      return compileBinary(node);
    case 'CallNode':
      return compileCall(node);
  }
}

function compileField(node: FieldNode): Evaluator {
  const { table, name } = node;
  return table === null ? (state) => readField(state, name) : (state) => readColumn(state, table, name);
}

function compileUnary(node: UnaryNode): Evaluator {
  const operand = compileNode(node.operand);
  const { span, op } = node;
  return (state) => {
    state.charge(1);
    try {
      const value = operand(state);
      return op === '-' ? negate(value) : !toBoolean(value);
    } catch (error) {
      throw locateError(error, span, op);
    }
  };
}

function compileBinary(node: BinaryNode): Evaluator {
  const left = compileNode(node.left);
  const right = compileNode(node.right);
  const { span, op } = node;
  if (op === 'AND' || op === 'OR') {
    const stopAt = op === 'OR';
    return (state) => {
      state.charge(1);
      try {
        return toBoolean(left(state)) === stopAt ? stopAt : toBoolean(right(state));
      } catch (error) {
        throw locateError(error, span, op);
      }
    };
  }
  const operation = OPERATIONS[op];
  const textResult = op === '&';
  return (state) => {
    state.charge(1);
    try {
      const result = operation(left(state), right(state));
      return textResult ? state.chargeText(result as string) : result;
    } catch (error) {
      throw locateError(error, span, op);
    }
  };
}

function compileCall(node: CallNode): Evaluator {
  const entry = FUNCTION_TABLE.get(node.name);
  if (entry === undefined) {
    throw new OrdoError('ORDO_ERR_INTERNAL', `${node.name} is not a whitelisted function`);
  }
  const args = node.args.map(compileNode);
  const { span, name } = node;
  const { implementation } = entry;
  if (implementation.lazy) {
    const call = implementation.call;
    return (state) => {
      state.charge(1);
      try {
        return call(args, state);
      } catch (error) {
        throw locateError(error, span, name);
      }
    };
  }
  const call = implementation.call;
  return (state) => {
    state.charge(1);
    const values: Value[] = new Array<Value>(args.length);
    try {
      for (let i = 0; i < args.length; i++) {
        values[i] = (args[i] as Evaluator)(state);
      }
      return call(values, state);
    } catch (error) {
      throw locateError(error, span, name);
    }
  };
}
