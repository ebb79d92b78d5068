import { describe, expect, it } from 'vitest';
import { isOrdoError, type OrdoError } from '../../../engine/errors/index.js';
import {
  EXPRESSION_LIMITS,
  compileExpression,
  compiledExpressionCount,
  type EvaluationContext,
  type Value,
} from '../../../engine/expressions/index.js';

const now = new Date('2026-11-24T08:30:00Z');

function run(source: string, fields: Record<string, unknown> = {}, row?: Record<string, unknown>): Value {
  const context: EvaluationContext = row === undefined ? { fields } : { fields, row };
  return compileExpression(source).evaluate(context, { now });
}

function failure(source: string, fields: Record<string, unknown> = {}): OrdoError {
  try {
    run(source, fields);
  } catch (error) {
    if (isOrdoError(error)) return error;
    throw error;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('decimal-safe arithmetic', () => {
  it.each([
    ['0.1 + 0.2', 0.3],
    ['0.3 - 0.1', 0.2],
    ['1.005 * 1000', 1005],
    ['1.1 * 1.1', 1.21],
    ['0.07 * 100', 7],
    ['4.35 * 100', 435],
    ['1 / 3 * 3', 1],
    ['2 ^ 10', 1024],
    ['1.1 ^ 2', 1.21],
    ['-2 ^ 2', 4],
    ['-(2 ^ 2)', -4],
    ['10 - 4 - 3', 3],
    ['7 / 2', 3.5],
    ['2 / 3 * 3', 2],
    ['10 / 3 * 3', 10],
    ['1 / 3 + 1 / 3 + 1 / 3', 1],
    ['1 / 3', 0.3333333333333333],
    ['123456789012345 + 1', 123456789012346],
    ['1234567890123456 + 1', 1234567890123460],
  ])('%s = %d', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it('keeps the line-item total exact', () => {
    const lines = [{ qty: 3, price: 19.99 }, { qty: 7, price: 0.1 }, { qty: 1, price: 0.2 }];
    expect(run('SUMPRODUCT(lines.qty, lines.price)', { lines })).toBe(60.87);
    expect(run('SUM(lines.price)', { lines })).toBe(20.29);
  });

  it('fails on division by zero with #DIV/0! and the position of the division', () => {
    const error = failure('qty + amount / qty', { amount: 5, qty: 0 });
    expect(error.code).toBe('ORDO_ERR_EXPRESSION_RUNTIME');
    expect(error.message).toBe('Division by zero');
    expect(error.extra).toMatchObject({ error: '#DIV/0!', offset: 6, length: 12 });
  });
});

describe('blanks', () => {
  it('are 0 in arithmetic and "" in text, whether null, missing or ""', () => {
    expect(run('qty * 2 + missing', { qty: null })).toBe(0);
    expect(run('qty + 1', { qty: '' })).toBe(1);
    expect(run('"[" & name & "]"', {})).toBe('[]');
    expect(run('name & qty', { name: null, qty: undefined })).toBe('');
  });

  it('equal 0, "" and FALSE in comparisons and are smaller than text', () => {
    expect(run('a = 0', {})).toBe(true);
    expect(run('a = ""', { a: null })).toBe(true);
    expect(run('a = FALSE', {})).toBe(true);
    expect(run('a < "x"', {})).toBe(true);
    expect(run('a < 0', {})).toBe(false);
    expect(run('a > -1', {})).toBe(true);
  });

  it('make date functions blank instead of failing', () => {
    expect(run('YEAR(due)', {})).toBeNull();
    expect(run('DAYS(due, "2026-01-01")', {})).toBeNull();
    expect(run('IF(FALSE, 1)', {})).toBeNull();
  });
});

describe('text, comparison and logic operators', () => {
  it('joins with & and prints numbers plainly', () => {
    expect(run('"SO-" & no & "/" & (0.1 + 0.2) & TRUE', { no: 7 })).toBe('SO-7/0.3TRUE');
  });

  it('compares numbers, texts (case-sensitive), booleans and dates', () => {
    expect(run('2 < 10')).toBe(true);
    expect(run('"2" < "10"')).toBe(false);
    expect(run('"a" = "A"')).toBe(false);
    expect(run('TRUE > FALSE')).toBe(true);
    expect(run('due > "2026-01-31"', { due: '2026-02-01' })).toBe(true);
    expect(run('at = "2026-02-01T08:00:00+08:00"', { at: '2026-02-01T00:00:00Z' })).toBe(true);
    expect(run('"2026-02-01" < "2026-02-01T00:00:01Z"')).toBe(true);
    expect(run('qty <> name', { qty: 1, name: 'a' })).toBe(true);
    expect(failure('qty < name', { qty: 1, name: 'a' }).message).toBe('Cannot order a number and a text with <');
  });

  it('short-circuits AND and OR', () => {
    expect(run('qty <> 0 AND total / qty > 2', { qty: 0, total: 10 })).toBe(false);
    expect(run('qty = 0 OR total / qty > 2', { qty: 0, total: 10 })).toBe(true);
    expect(run('NOT (qty > 1)', { qty: 2 })).toBe(false);
  });

  it('converts numeric text in arithmetic (data from outside can be text) and fails on other text', () => {
    expect(run('qty * 2', { qty: '21' })).toBe(42);
    const error = failure('qty * 2', { qty: 'abc' });
    expect(error.extra).toMatchObject({ error: '#VALUE!', offset: 0, length: 7 });
    expect(error.message).toBe('The text "abc" is not a number');
  });
});

describe('dates', () => {
  it('adds and subtracts days and subtracts dates', () => {
    expect(run('due + 10', { due: '2026-12-25' })).toBe('2027-01-04');
    expect(run('10 + due', { due: '2026-12-25' })).toBe('2027-01-04');
    expect(run('due - 1', { due: '2026-03-01' })).toBe('2026-02-28');
    expect(run('due - start', { due: '2026-03-01', start: '2026-02-01' })).toBe(28);
    expect(run('TODAY() - DATE(2026, 1, 1)')).toBe(327);
    expect(run('at + 0.5', { at: '2026-11-24T20:00:00Z' })).toBe('2026-11-25T08:00:00Z');
    expect(run('at2 - at1', { at1: '2026-11-24T00:00:00Z', at2: '2026-11-24T18:00:00Z' })).toBe(0.75);
  });

  it('uses options.now for TODAY and NOW, in UTC', () => {
    const late = new Date('2026-11-24T23:30:00-05:00');
    expect(compileExpression('TODAY()').evaluate({ fields: {} }, { now: late })).toBe('2026-11-25');
    expect(compileExpression('NOW()').evaluate({ fields: {} }, { now: late })).toBe('2026-11-25T04:30:00Z');
    const before = Date.now();
    const today = compileExpression('TODAY()').evaluate({ fields: {} });
    expect([new Date(before).toISOString().slice(0, 10), new Date().toISOString().slice(0, 10)]).toContain(today);
  });

  it('reads impossible dates as text, not as dates', () => {
    expect(failure('d + 1', { d: '2026-02-30' }).message).toBe('The text "2026-02-30" is not a number');
    expect(run('d & ""', { d: '2026-02-30' })).toBe('2026-02-30');
  });
});

describe('sub-table scope', () => {
  const fields = {
    discount: 0.1,
    qty: 1000,
    lines: [
      { qty: 2, price: 10 },
      { qty: 3 },
      'not a line',
      { qty: 'x', price: 5 },
    ],
  };

  it('reads a column of every line as a list, missing cells blank', () => {
    expect(run('lines.qty', fields)).toEqual([2, 3, null, 'x']);
    expect(run('lines.price', fields)).toEqual([10, null, null, 5]);
    expect(run('COUNT(lines.qty)', fields)).toBe(2);
    expect(run('SUM(nothing.qty)', fields)).toBe(0);
  });

  it('looks a bare name up in the current line first, then in the record', () => {
    expect(run('qty * price * (1 - discount)', fields, { qty: 2, price: 10 })).toBe(18);
    expect(run('qty', fields, { price: 10 })).toBe(1000);
    expect(run('qty', fields, { qty: null })).toBeNull();
    expect(run('SUM(lines.qty) + qty', { lines: [{ qty: 1 }, { qty: 2 }] }, { qty: 10 })).toBe(13);
  });
});

describe('compiled formulas', () => {
  it('list the field paths they read, once each, in order of use', () => {
    expect(compileExpression('SUMPRODUCT(lines.qty, lines.price) * (1 - discount) + lines.qty + IF(vip, 0, 5)').references).toEqual([
      'lines.qty',
      'lines.price',
      'discount',
      'vip',
    ]);
    expect(compileExpression('1 + 2').references).toEqual([]);
  });

  it('are cached by source text, with a bounded cache', () => {
    const first = compileExpression('qty * 7 + 1');
    expect(compileExpression('qty * 7 + 1')).toBe(first);
    for (let i = 0; i < EXPRESSION_LIMITS.compileCacheSize + 10; i++) {
      compileExpression(`qty + ${i}`);
    }
    expect(compiledExpressionCount()).toBe(EXPRESSION_LIMITS.compileCacheSize);
    expect(compileExpression('qty * 7 + 1')).not.toBe(first);
  });

  it('refuse wrong argument counts at compile time', () => {
    expect(() => compileExpression('ROUND(1, 2, 3)')).toThrow(expect.objectContaining({ code: 'ORDO_ERR_EXPRESSION_TYPE' }));
    expect(() => compileExpression('ROUND(1,')).toThrow(expect.objectContaining({ code: 'ORDO_ERR_EXPRESSION_SYNTAX' }));
  });

  it('are frozen and keep no state between evaluations', () => {
    const compiled = compileExpression('IFERROR(a / b, -1)');
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(compiled.evaluate({ fields: { a: 1, b: 0 } })).toBe(-1);
    expect(compiled.evaluate({ fields: { a: 1, b: 4 } })).toBe(0.25);
  });
});
