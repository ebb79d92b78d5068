import type { ExpressionNode } from './nodes/index.js';
import { BINARY_POWER, NEGATE_POWER, PRIMARY_POWER } from './operators.js';

const ESCAPED: ReadonlyMap<string, string> = new Map([
  ['\\', '\\\\'], ['"', '\\"'], ['\n', '\\n'], ['\r', '\\r'], ['\t', '\\t'],
]);

function power(node: ExpressionNode): number {
  if (node.kind === 'BinaryNode') return BINARY_POWER[node.op];
  if (node.kind === 'UnaryNode' && node.op === '-') return NEGATE_POWER;
  return PRIMARY_POWER;
}

function wrap(node: ExpressionNode, parenthesize: boolean): string {
  const text = printExpression(node);
  return parenthesize ? `(${text})` : text;
}

function printText(value: string): string {
  let out = '"';
  for (const char of value) {
    out += ESCAPED.get(char) ?? char;
  }
  return `${out}"`;
}

/**
 * Formats a syntax tree as formula text with the fewest parentheses that parse back to the same
 * tree; the designer's condition builder uses it to turn the tree it edits into text.
 */
export function printExpression(node: ExpressionNode): string {
  switch (node.kind) {
    case 'NumberNode':
      return String(node.value);
    case 'TextNode':
      return printText(node.value);
    case 'BooleanNode':
      return node.value ? 'TRUE' : 'FALSE';
    case 'FieldNode':
      return node.table === null ? node.name : `${node.table}.${node.name}`;
    case 'CallNode':
      return `${node.name}(${node.args.map(printExpression).join(', ')})`;
    case 'UnaryNode':
      return node.op === 'NOT'
        ? `NOT(${printExpression(node.operand)})`
        : `-${wrap(node.operand, power(node.operand) < NEGATE_POWER)}`;
    case 'BinaryNode': {
      const own = BINARY_POWER[node.op];
      // Operators group to the left, so an equal-power right operand needs parentheses.
      const left = wrap(node.left, power(node.left) < own);
      const right = wrap(node.right, power(node.right) <= own);
      return `${left} ${node.op} ${right}`;
    }
  }
}
