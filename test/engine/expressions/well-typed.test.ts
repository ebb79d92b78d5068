import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrdoError } from '../../../engine/errors/index.js';
import { checkExpression, compileExpression, EXPRESSION_LIMITS, type FieldScope } from '../../../engine/expressions/index.js';

/**
 * Random well-typed formulas, written as text by type: the checker must accept every one, and
 * evaluating it over random data must give a value or an OrdoError for a formula failure or the
 * budget, never another exception and never an internal error.
 */
const scope: FieldScope = {
  n1: { type: 'number' },
  n2: { type: 'number' },
  t1: { type: 'text' },
  b1: { type: 'boolean' },
  d1: { type: 'date' },
  lines: { type: 'table', columns: { q: { type: 'number' }, p: { type: 'number' }, c: { type: 'text' }, d: { type: 'date' } } },
};

const call = (name: string, ...args: string[]): string => `${name}(${args.join(', ')})`;

const typed = fc.letrec<{ num: string; text: string; bool: string; date: string }>((tie) => ({
  num: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.nat(1000), fc.double({ min: 0, max: 1e6, noNaN: true }).map((value) => Number(value.toFixed(3)))).map(String),
    fc.constantFrom('n1', 'n2', 'SUM(lines.q)', 'SUMPRODUCT(lines.q, lines.p)', 'COUNT(lines.q)', 'MAX(lines.p)', 'AVERAGE(lines.q)'),
    fc.tuple(tie('num'), fc.constantFrom('+', '-', '*', '/', '^'), tie('num')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('num').map((a) => `-${a}`),
    fc.tuple(fc.constantFrom('ROUND', 'ROUNDUP', 'ROUNDDOWN'), tie('num'), fc.integer({ min: -3, max: 4 })).map(([f, a, d]) => call(f, a, String(d))),
    fc.tuple(fc.constantFrom('ABS', 'INT', 'SQRT'), tie('num')).map(([f, a]) => call(f, a)),
    fc.tuple(fc.constantFrom('MOD', 'CEILING', 'FLOOR', 'POWER', 'MIN', 'SUM'), tie('num'), tie('num')).map(([f, a, b]) => call(f, a, b)),
    tie('text').map((t) => call('LEN', t)),
    tie('text').map((t) => call('VALUE', t)),
    tie('date').map((d) => call('YEAR', d)),
    fc.tuple(tie('date'), tie('date')).map(([a, b]) => call('DAYS', a, b)),
    fc.tuple(tie('date'), tie('date'), fc.constantFrom('"D"', '"M"', '"Y"')).map(([a, b, u]) => call('DATEDIF', a, b, u)),
    fc.tuple(tie('date'), tie('date')).map(([a, b]) => call('NETWORKDAYS', a, b, 'lines.d')),
    fc.tuple(tie('date'), tie('date')).map(([a, b]) => `(${a} - ${b})`),
    fc.tuple(tie('bool'), tie('num'), tie('num')).map(([c, a, b]) => call('IF', c, a, b)),
    fc.tuple(tie('num'), tie('num')).map(([a, b]) => call('IFERROR', a, b)),
    tie('text').map((t) => call('COUNTIF', 'lines.c', t)),
  ),
  text: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 6 }).map((value) => JSON.stringify(value)),
    fc.constantFrom('t1', '">5"', '"A*"', '""', 'CONCAT(lines.c)'),
    fc.tuple(tie('text'), tie('num')).map(([a, b]) => `(${a} & ${b})`),
    fc.tuple(fc.constantFrom('UPPER', 'LOWER', 'TRIM'), tie('text')).map(([f, a]) => call(f, a)),
    fc.tuple(fc.constantFrom('LEFT', 'RIGHT'), tie('text'), tie('num')).map(([f, a, b]) => call(f, a, b)),
    fc.tuple(tie('text'), tie('num'), tie('num')).map(([a, b, c]) => call('MID', a, b, c)),
    fc.tuple(tie('num'), fc.constantFrom('"0.00"', '"#,##0.00"', '"0%"', '"000"')).map(([a, f]) => call('TEXT', a, f)),
    fc.tuple(tie('date'), fc.constantFrom('"yyyy-mm-dd"', '"yyyy年m月d日"')).map(([a, f]) => call('TEXT', a, f)),
    fc.tuple(tie('bool'), tie('text'), tie('text')).map(([c, a, b]) => call('IFS', c, a, 'TRUE', b)),
  ),
  bool: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('TRUE', 'FALSE', 'b1', 'ISBLANK(t1)', 'COUNTIF(lines.q, ">0") > 0'),
    fc.tuple(tie('num'), fc.constantFrom('=', '<>', '<', '<=', '>', '>='), tie('num')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('text'), fc.constantFrom('=', '<>', '<'), tie('text')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('date'), fc.constantFrom('<', '>='), tie('date')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('bool'), fc.constantFrom('AND', 'OR'), tie('bool')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('bool').map((a) => `NOT ${a}`),
    fc.tuple(tie('text'), tie('text')).map(([a, b]) => call('CONTAINS', a, b)),
    fc.tuple(tie('bool'), tie('bool')).map(([a, b]) => call('OR', a, b)),
  ),
  date: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('d1', 'TODAY()', '"2026-02-28"', '"2024-02-29"'),
    fc.tuple(tie('date'), tie('num')).map(([d, n]) => `(${d} + ${n})`),
    fc.tuple(tie('date'), tie('num')).map(([d, n]) => call('EDATE', d, n)),
    fc.tuple(tie('date'), tie('num')).map(([d, n]) => call('WORKDAY', d, n, 'lines.d')),
    fc.tuple(tie('num'), tie('num'), tie('num')).map(([y, m, d]) => call('DATE', y, m, d)),
  ),
}));

const isoDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const data = fc.record({
  n1: fc.oneof(fc.constant(null), fc.integer(), fc.double({ noNaN: false })),
  n2: fc.oneof(fc.constant(null), fc.integer({ min: -100, max: 100 })),
  t1: fc.oneof(fc.constant(null), fc.string({ maxLength: 10 }), fc.constantFrom('12', '2026-01-01')),
  b1: fc.oneof(fc.constant(null), fc.boolean()),
  d1: fc.oneof(fc.constant(null), isoDate),
  lines: fc.array(
    fc.record({
      q: fc.oneof(fc.constant(null), fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })),
      p: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1e4, noNaN: true })),
      c: fc.oneof(fc.constant(null), fc.string({ maxLength: 5 })),
      d: fc.oneof(fc.constant(null), isoDate),
    }),
    { maxLength: 12 },
  ),
});

describe('(4) random well-typed formulas', () => {
  const kinds = [
    ['number', typed.num],
    ['text', typed.text],
    ['boolean', typed.bool],
    ['date', typed.date],
  ] as const;

  it.each(kinds)('of type %s type-check and never throw anything but a formula or budget error', (expectType, formula) => {
    let values = 0;
    fc.assert(
      fc.property(formula, data, (source, fields) => {
        // A deep random formula can outgrow the length limit, which has its own test; it is not well-formed input here.
        fc.pre(source.length <= EXPRESSION_LIMITS.maxSourceLength);
        expect(checkExpression(source, scope, { expect: expectType })).toEqual([]);
        try {
          const value = compileExpression(source).evaluate({ fields }, { now: new Date('2026-11-24T08:30:00Z') });
          expect(value === null || ['number', 'string', 'boolean'].includes(typeof value)).toBe(true);
          values++;
          if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
        } catch (error) {
          expect(isOrdoError(error)).toBe(true);
          if (isOrdoError(error)) expect(['ORDO_ERR_EXPRESSION_RUNTIME', 'ORDO_ERR_EXPRESSION_BUDGET']).toContain(error.code);
        }
      }),
      { numRuns: 500 },
    );
    // Many random formulas compute a value; a generator that only produced failures would prove little.
    expect(values).toBeGreaterThan(150);
  });
});
