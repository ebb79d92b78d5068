import { Decimal as DefaultDecimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrdoError } from '../../../engine/errors/index.js';
import {
  BinaryNode,
  BooleanNode,
  CallNode,
  FUNCTION_CATALOGUE,
  FieldNode,
  NumberNode,
  SourceSpan,
  TextNode,
  UnaryNode,
  checkExpression,
  compileExpression,
  parseExpression,
  printExpression,
  type BinaryOperator,
  type ExpressionNode,
} from '../../../engine/expressions/index.js';

const AT = SourceSpan.create(0, 0);
/** Precise enough that sums and products below are exact before the final rounding. */
const Decimal = DefaultDecimal.clone({ precision: 1500 });
type Decimal = InstanceType<typeof Decimal>;
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'TRUE', 'FALSE']);

/** The tree without spans, for comparing a tree with its printed-and-parsed copy. */
function strip(node: ExpressionNode): unknown {
  switch (node.kind) {
    case 'UnaryNode':
      return { kind: node.kind, op: node.op, operand: strip(node.operand) };
    case 'BinaryNode':
      return { kind: node.kind, op: node.op, left: strip(node.left), right: strip(node.right) };
    case 'CallNode':
      return { kind: node.kind, name: node.name, args: node.args.map(strip) };
    case 'FieldNode':
      return { kind: node.kind, table: node.table, name: node.name };
    default:
      return { kind: node.kind, value: node.value };
  }
}

function children(node: ExpressionNode): ExpressionNode[] {
  if (node.kind === 'UnaryNode') return [node.operand];
  if (node.kind === 'BinaryNode') return [node.left, node.right];
  if (node.kind === 'CallNode') return [...node.args];
  return [];
}

function allNodes(node: ExpressionNode): ExpressionNode[] {
  return [node, ...children(node).flatMap(allNodes)];
}

const name = fc
  .stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,7}$/)
  .filter((text) => !KEYWORDS.has(text.toUpperCase()) && text !== 'constructor' && text !== 'prototype');

const OPERATORS: BinaryOperator[] = ['+', '-', '*', '/', '^', '&', '=', '<>', '<', '<=', '>', '>=', 'AND', 'OR'];
const CALLABLE = FUNCTION_CATALOGUE.map((doc) => doc.name);

const { tree } = fc.letrec<{ tree: ExpressionNode; leaf: ExpressionNode }>((tie) => ({
  leaf: fc.oneof(
    fc
      .oneof(fc.nat(), fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e21, 5e-7, 0.1))
      .map((value) => NumberNode.create(Math.abs(value), AT)),
    fc.string({ unit: 'grapheme', maxLength: 8 }).map((value) => TextNode.create(value, AT)),
    fc.string({ unit: 'binary', maxLength: 4 }).map((value) => TextNode.create(value, AT)),
    fc.boolean().map((value) => BooleanNode.create(value, AT)),
    fc.tuple(fc.option(name, { nil: null }), name).map(([table, column]) => FieldNode.create(table, column, AT)),
  ),
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.tuple(fc.constantFrom('-' as const, 'NOT' as const), tie('tree')).map(([op, operand]) => UnaryNode.create(op, operand, AT)),
    fc.tuple(fc.constantFrom(...OPERATORS), tie('tree'), tie('tree')).map(([op, left, right]) => BinaryNode.create(op, left, right, AT)),
    fc
      .tuple(fc.constantFrom(...CALLABLE), fc.array(tie('tree'), { maxLength: 3 }))
      // NOT(x) with one argument is the unary NOT, so the call form only appears with other counts.
      .filter(([callee, args]) => callee !== 'NOT' || args.length !== 1)
      .map(([callee, args]) => CallNode.create(callee, args, AT)),
  ),
}));

describe('properties', () => {
  it('(1) printing any syntax tree and parsing it back gives the same tree, and every span holds its node', () => {
    fc.assert(
      fc.property(tree, (node) => {
        const source = printExpression(node);
        const parsed = parseExpression(source);
        expect(strip(parsed)).toEqual(strip(node));
        for (const part of allNodes(parsed)) {
          const slice = source.slice(part.span.offset, part.span.offset + part.span.length);
          expect(strip(parseExpression(slice))).toEqual(strip(part));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('(4b) any parseable formula, well-typed or not, evaluates to plain data or throws only formula and budget errors', () => {
    const pool = fc.oneof(
      fc.constantFrom(null, 0, -1.5, 1e308, '', 'abc', '12', '2026-01-31', '2026-01-31T10:00:00Z', true, false),
      fc.array(fc.record({ qty: fc.oneof(fc.integer(), fc.constant(null), fc.string()), x: fc.double() }), { maxLength: 4 }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(tree, fc.array(pool, { minLength: 8, maxLength: 8 }), (node, values) => {
        const names = [...new Set(allNodes(node).flatMap((part) => (part.kind === 'FieldNode' ? [part.table ?? part.name] : [])))];
        const fields = Object.fromEntries(names.map((field, index) => [field, values[index % values.length]]));
        try {
          const value = compileExpression(printExpression(node)).evaluate({ fields, row: fields }, { maxSteps: 10_000 });
          const plain = (item: unknown): boolean =>
            Array.isArray(item) ? item.every(plain) : item === null || ['string', 'number', 'boolean'].includes(typeof item);
          expect(plain(value)).toBe(true);
        } catch (error) {
          expect(isOrdoError(error)).toBe(true);
          if (isOrdoError(error)) {
            expect(['ORDO_ERR_EXPRESSION_RUNTIME', 'ORDO_ERR_EXPRESSION_BUDGET', 'ORDO_ERR_EXPRESSION_TYPE']).toContain(error.code);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('(2) SUM and + agree with exact integer arithmetic on integer-cent amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { minLength: 1, maxLength: 40 }), (cents) => {
        const amounts = cents.map((value) => value / 100);
        const exact = cents.reduce((total, value) => total + value, 0) / 100;
        const fields: Record<string, unknown> = { lines: amounts.map((amount) => ({ amount })) };
        amounts.forEach((amount, index) => {
          fields[`a${index}`] = amount;
        });
        const plus = amounts.map((_, index) => `a${index}`).join(' + ');
        expect(compileExpression('SUM(lines.amount)').evaluate({ fields })).toBe(exact);
        expect(compileExpression(plus).evaluate({ fields })).toBe(exact);
      }),
      { numRuns: 300 },
    );
  });

  it('(2b) quantity times integer-cent price sums exactly with SUMPRODUCT', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000_000 })), { maxLength: 30 }),
        (pairs) => {
          const exact = pairs.reduce((total, [qty, cents]) => total + qty * cents, 0) / 100;
          const lines = pairs.map(([qty, cents]) => ({ qty, price: cents / 100 }));
          expect(compileExpression('SUMPRODUCT(lines.qty, lines.price)').evaluate({ fields: { lines } })).toBe(exact);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('(2c) + - * SUM and SUMPRODUCT equal exact decimal arithmetic rounded to 15 significant digits', () => {
    const decimalNumber = fc.oneof(
      fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 9 })).map(([whole, places]) => whole / 10 ** places),
      fc.double({ min: -1e20, max: 1e20, noNaN: true }),
      fc.constantFrom(0.1, 0.2, 0.3, 1.005, 2.675, 1e15, 123456789.123456789, 5e-10),
    );
    const exact = (value: Decimal): number => value.toSignificantDigits(15).toNumber() + 0;
    fc.assert(
      fc.property(decimalNumber, decimalNumber, fc.array(decimalNumber, { maxLength: 8 }), (a, b, list) => {
        const fields = { a, b, lines: list.map((x, i) => ({ x, y: i % 2 === 0 ? a : b })) };
        const run = (source: string): unknown => compileExpression(source).evaluate({ fields });
        expect(run('a + b')).toBe(exact(new Decimal(a).plus(b)));
        expect(run('a - b')).toBe(exact(new Decimal(a).minus(b)));
        expect(run('a * b')).toBe(exact(new Decimal(a).times(b)));
        expect(run('SUM(lines.x)')).toBe(exact(list.reduce((total, x) => total.plus(x), new Decimal(0))));
        const products = fields.lines.reduce((total, line) => total.plus(new Decimal(line.x).times(line.y)), new Decimal(0));
        expect(run('SUMPRODUCT(lines.x, lines.y)')).toBe(exact(products));
      }),
      { numRuns: 1000 },
    );
  });

  const fragments = fc.constantFrom(
    '(', ')', ',', '.', '+', '-', '*', '/', '^', '&', '=', '<', '>', '<>', '!=', 'NOT', 'AND', 'OR', 'TRUE', 'SUM', 'IF',
    'x', 'lines', '1', '2.5e3', '"a', '"b"', "'", '\\', '\n', ' ', '（', '__proto__', 'constructor', '`', '[', '{',
  );

  it('(3) the parser and the checker never throw anything but OrdoError, on any text', () => {
    const inputs = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(fragments, { maxLength: 40 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(inputs, (source) => {
        try {
          parseExpression(source);
        } catch (error) {
          expect(isOrdoError(error)).toBe(true);
        }
        expect(Array.isArray(checkExpression(source, { x: { type: 'number' } }))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
