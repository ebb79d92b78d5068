import { describe, expect, it } from 'vitest';
import { isOrdoError, type OrdoError } from '../../../engine/errors/index.js';
import {
  EXPRESSION_LIMITS,
  parseExpression,
  printExpression,
  type ExpressionDiagnostic,
  type ExpressionNode,
} from '../../../engine/expressions/index.js';

/** The tree as nested arrays without spans, easy to read in assertions. */
function shape(node: ExpressionNode): unknown {
  switch (node.kind) {
    case 'NumberNode':
    case 'TextNode':
    case 'BooleanNode':
      return node.value;
    case 'FieldNode':
      return node.table === null ? `@${node.name}` : `@${node.table}.${node.name}`;
    case 'UnaryNode':
      return [node.op, shape(node.operand)];
    case 'BinaryNode':
      return [node.op, shape(node.left), shape(node.right)];
    case 'CallNode':
      return [`${node.name}()`, ...node.args.map(shape)];
  }
}

function syntaxError(source: string): OrdoError {
  try {
    parseExpression(source);
  } catch (error) {
    if (isOrdoError(error)) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${source}`);
}

function diagnosticsOf(source: string): ExpressionDiagnostic[] {
  return syntaxError(source).extra.diagnostics as ExpressionDiagnostic[];
}

describe('parser: precedence follows Excel', () => {
  it.each([
    ['1 + 2 * 3', ['+', 1, ['*', 2, 3]]],
    ['(1 + 2) * 3', ['*', ['+', 1, 2], 3]],
    ['10 - 4 - 3', ['-', ['-', 10, 4], 3]],
    ['8 / 4 / 2', ['/', ['/', 8, 4], 2]],
    ['2 ^ 3 ^ 2', ['^', ['^', 2, 3], 2]],
    ['-2 ^ 2', ['^', ['-', 2], 2]],
    ['2 * -3', ['*', 2, ['-', 3]]],
    ['a & b + 1', ['&', '@a', ['+', '@b', 1]]],
    ['a & b = "xy"', ['=', ['&', '@a', '@b'], 'xy']],
    ['a = 1 AND b <> 2 OR c', ['OR', ['AND', ['=', '@a', 1], ['<>', '@b', 2]], '@c']],
    ['a OR b AND c', ['OR', '@a', ['AND', '@b', '@c']]],
    ['NOT a = b', ['NOT', ['=', '@a', '@b']]],
    ['NOT a AND b', ['AND', ['NOT', '@a'], '@b']],
    ['NOT(a) = b', ['=', ['NOT', '@a'], '@b']],
    ['a != b', ['<>', '@a', '@b']],
    ['x <= 1 = (y >= 2)', ['=', ['<=', '@x', 1], ['>=', '@y', 2]]],
  ])('%s', (source, expected) => {
    expect(shape(parseExpression(source))).toEqual(expected);
  });

  it('reads keywords and function names in any case and normalises them', () => {
    expect(shape(parseExpression('sum(lines.qty) > 0 and not done or True'))).toEqual([
      'OR',
      ['AND', ['>', ['SUM()', '@lines.qty'], 0], ['NOT', '@done']],
      true,
    ]);
  });

  it('reads AND(...) and OR(...) as functions and keeps field names as written', () => {
    expect(shape(parseExpression('AND(qtyOk, priceOk, OR(x, y))'))).toEqual(['AND()', '@qtyOk', '@priceOk', ['OR()', '@x', '@y']]);
  });

  it('reads numbers, both quote styles and backslash escapes', () => {
    expect(shape(parseExpression('1.5e3 + .25'))).toEqual(['+', 1500, 0.25]);
    expect(shape(parseExpression(`"a\\"b" & 'c\\'d' & "\\n\\t\\\\\\u4e2d"`))).toEqual([
      '&',
      ['&', 'a"b', "c'd"],
      '\n\t\\中',
    ]);
  });
});

describe('parser: spans', () => {
  it('gives every node the offset and length of its source text', () => {
    const source = 'ROUND(lines.qty * 2, 1)';
    const node = parseExpression(source);
    const text = (n: ExpressionNode): string => source.slice(n.span.offset, n.span.offset + n.span.length);
    expect(text(node)).toBe(source);
    if (node.kind !== 'CallNode') throw new Error('expected a call');
    const [product, digits] = node.args;
    expect(product && text(product)).toBe('lines.qty * 2');
    expect(digits && text(digits)).toBe('1');
    if (product?.kind !== 'BinaryNode') throw new Error('expected a product');
    expect(text(product.left)).toBe('lines.qty');
    const negated = parseExpression('  -x ').span;
    expect([negated.offset, negated.length]).toEqual([2, 2]);
    const not = parseExpression('NOT(a) ').span;
    expect([not.offset, not.length]).toEqual([0, 6]);
  });

  it('freezes every node', () => {
    const node = parseExpression('IF(a > 1, "x", "y")');
    expect(Object.isFrozen(node)).toBe(true);
    if (node.kind !== 'CallNode') throw new Error('expected a call');
    expect(Object.isFrozen(node.args)).toBe(true);
    expect(Object.isFrozen(node.args[0])).toBe(true);
    expect(Object.isFrozen(node.span)).toBe(true);
  });
});

describe('parser: errors carry positions', () => {
  it.each([
    ['1 +', 'ends too early', 1, 4],
    ['(1 + 2', 'Expected ) to close the ( at line 1, column 1', 1, 7],
    ['1 + 2)', 'no ( to close', 1, 6],
    ['qty price', 'Expected an operator before `price`', 1, 5],
    ['a +\n  * b', 'Unexpected *', 2, 3],
    ['"abc', 'not closed', 1, 1],
    ['1 # 2', 'Unexpected character "#"', 1, 3],
    ['AND b', 'AND needs a value on its left', 1, 1],
    ['', 'empty', 1, 1],
    ['lines.', 'Expected a column name after lines.', 1, 7],
    ['a.b.c', 'Only one level', 1, 4],
    ['"a\\q"', 'Unknown escape \\q', 1, 3],
    ['SUM(1,)', 'a value is missing', 1, 7],
  ])('%j -> %s at %i:%i', (source, message, line, column) => {
    const [first] = diagnosticsOf(source);
    expect(first?.code).toBe('ORDO_ERR_EXPRESSION_SYNTAX');
    expect(first?.message).toContain(message);
    expect([first?.line, first?.column]).toEqual([line, column]);
  });

  it('names the ASCII character to type for full-width punctuation', () => {
    const diagnostics = diagnosticsOf('SUM（a，b）');
    expect(diagnostics.map((d) => [d.message, d.column])).toEqual([
      ['Full-width character （ is not allowed here; type ( instead', 4],
      ['Full-width character ， is not allowed here; type , instead', 6],
      ['Full-width character ） is not allowed here; type ) instead', 8],
    ]);
  });

  it('reports every unknown function and reserved name in one pass', () => {
    const diagnostics = diagnosticsOf('FOO(1) + bar(constructor, __proto__)');
    expect(diagnostics.map((d) => [d.message, d.offset, d.length])).toEqual([
      ['Unknown function FOO', 0, 3],
      ['Unknown function BAR', 9, 3],
      ['constructor is a reserved name and cannot be used as a field', 13, 11],
      ['__proto__ is a reserved name and cannot be used as a field', 26, 9],
    ]);
    expect(syntaxError('FOO(1)').message).toBe('Unknown function FOO at line 1, column 1');
  });

  it('counts lines after CR LF and lone CR', () => {
    const [first] = diagnosticsOf('1 +\r\n2 +\r3 +');
    expect([first?.line, first?.column]).toEqual([3, 4]);
  });

  it('refuses formulas over the length limit', () => {
    const source = `1${' + 1'.repeat(EXPRESSION_LIMITS.maxSourceLength)}`;
    expect(syntaxError(source).message).toContain(`longer than ${EXPRESSION_LIMITS.maxSourceLength} characters`);
  });

  it('refuses nesting beyond the depth limit instead of overflowing the stack', () => {
    const depth = EXPRESSION_LIMITS.maxDepth;
    expect(() => parseExpression(`${'('.repeat(depth)}1${')'.repeat(depth)}`)).not.toThrow();
    for (const source of [
      `${'('.repeat(depth + 1)}1${')'.repeat(depth + 1)}`,
      `${'-'.repeat(depth + 1)}1`,
      `${'NOT '.repeat(depth + 1)}a`,
      `${'ABS('.repeat(depth + 1)}1${')'.repeat(depth + 1)}`,
      `${'('.repeat(1999)}1${')'.repeat(1999)}`,
    ]) {
      expect(syntaxError(source).message).toContain(`nested more than ${depth} levels`);
    }
  });

  it('parses a long flat chain within the length limit and evaluates it without recursion trouble', () => {
    const source = Array.from({ length: 1300 }, () => 'x').join('+');
    const node = parseExpression(source);
    expect(printExpression(node)).toBe(Array.from({ length: 1300 }, () => 'x').join(' + '));
  });
});
