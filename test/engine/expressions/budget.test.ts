import { describe, expect, it } from 'vitest';
import { EXPRESSION_LIMITS, compileExpression, type EvaluateOptions } from '../../../engine/expressions/index.js';

function run(source: string, fields: Record<string, unknown>, options: EvaluateOptions = {}): unknown {
  return compileExpression(source).evaluate({ fields }, options);
}

const BUDGET = expect.objectContaining({ code: 'ORDO_ERR_EXPRESSION_BUDGET' });

function lines(count: number): { qty: number }[] {
  return Array.from({ length: count }, (_, i) => ({ qty: i % 7 }));
}

describe('step budget', () => {
  it('lets ordinary formulas over ordinary data finish', () => {
    expect(run('SUM(lines.qty) + SUMPRODUCT(lines.qty, lines.qty) + COUNTIF(lines.qty, ">3")', { lines: lines(500) })).toBeTypeOf('number');
  });

  it('stops many sums over a large sub-table', () => {
    const source = Array.from({ length: 30 }, () => 'SUM(lines.qty)').join(' + ');
    expect(() => run(source, { lines: lines(5000) })).toThrow(BUDGET);
  });

  it('stops deeply nested sums over a large list', () => {
    const source = `${'SUM('.repeat(40)}lines.qty, lines.qty${')'.repeat(40)}`;
    expect(() => run(source, { lines: lines(30_000) })).toThrow(BUDGET);
    const small = lines(100);
    expect(run(source, { lines: small })).toBe(2 * small.reduce((total, line) => total + line.qty, 0));
  });

  it('stops text that keeps growing', () => {
    const source = Array.from({ length: 60 }, () => 't').join(' & ');
    expect(() => run(source, { t: 'x'.repeat(10_000) })).toThrow(BUDGET);
    expect(() => run(`CONCAT(${Array.from({ length: 60 }, () => 'lines.t').join(', ')})`, { lines: Array.from({ length: 2000 }, () => ({ t: 'y'.repeat(100) })) })).toThrow(BUDGET);
  });

  it('stops a huge TEXT repetition built by nesting', () => {
    const source = `${'CONCATENATE('.repeat(30)}t${', t)'.repeat(30)}`;
    expect(() => run(source, { t: 'z'.repeat(100_000) })).toThrow(BUDGET);
  });

  it('honours options.maxSteps and reports it', () => {
    try {
      run('1 + 2 + 3 + 4', {}, { maxSteps: 2 });
      throw new Error('expected the budget to run out');
    } catch (error) {
      expect(error).toMatchObject({ code: 'ORDO_ERR_EXPRESSION_BUDGET', extra: { maxSteps: 2 } });
    }
    expect(run('1 + 2 + 3 + 4', {}, { maxSteps: 3 })).toBe(10);
  });

  it('refuses lists longer than the list cap whatever the budget', () => {
    const big = lines(EXPRESSION_LIMITS.maxListLength + 1);
    expect(() => run('COUNT(lines.qty)', { lines: big }, { maxSteps: 1e9 })).toThrow(BUDGET);
  });

  it('bounds working-day walks', () => {
    expect(() => run('NETWORKDAYS("1800-01-01", "2200-01-01")', {})).toThrow(expect.objectContaining({ code: 'ORDO_ERR_EXPRESSION_RUNTIME' }));
    expect(run('WORKDAY("2026-01-01", 40000)', {})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => run('WORKDAY("2026-01-01", 40000)', {}, { maxSteps: 50_000 })).toThrow(BUDGET);
  });
});

describe('hostile text in data', () => {
  // With a backtracking number pattern each of these took minutes; the suite's timeout guards them.
  const digits = '1'.repeat(200_000);
  const RUNTIME = expect.objectContaining({ code: 'ORDO_ERR_EXPRESSION_RUNTIME' });

  it('reads a long run of digits as no number, in linear time', () => {
    expect(() => run('qty * 2', { qty: `${digits}x` })).toThrow(RUNTIME);
    expect(() => run('qty * 2', { qty: digits })).toThrow(RUNTIME);
    expect(() => run('VALUE(t)', { t: `${digits}x` })).toThrow(RUNTIME);
    expect(run('COUNTIF(lines.c, ">5")', { lines: [{ c: `${digits}x` }, { c: 7 }] })).toBe(1);
  });

  it('refuses numbers beyond what a field can store', () => {
    expect(() => run('VALUE("1e400")', {})).toThrow(RUNTIME);
  });

  it('refuses a TEXT format longer than any real one, and still groups thousands', () => {
    expect(() => run('TEXT(1, f)', { f: `${'0'.repeat(100_000)},` })).toThrow(RUNTIME);
    expect(run('TEXT(1234567.891, "#,##0.00")', {})).toBe('1,234,567.89');
    expect(run('TEXT(-999, "#,##0")', {})).toBe('-999');
  });
});

describe('failures that are not the formula\'s own', () => {
  it('are not swallowed by IFERROR: text longer than the engine can hold is a budget error', () => {
    const source = `IFERROR(LEN(CONCAT(${Array.from({ length: 1400 }, () => 'x').join(',')})), -1)`;
    expect(() => run(source, { x: 'a'.repeat(400_000) })).toThrow(BUDGET);
  });
});
