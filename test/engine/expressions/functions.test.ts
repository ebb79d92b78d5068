import { describe, expect, it } from 'vitest';
import { isOrdoError } from '../../../engine/errors/index.js';
import { FUNCTION_CATALOGUE, checkExpression, compileExpression, type Value } from '../../../engine/expressions/index.js';

const now = new Date('2026-11-24T08:30:00Z');

function run(source: string, fields: Record<string, unknown> = {}): Value {
  return compileExpression(source).evaluate({ fields }, { now });
}

function errorValue(source: string, fields: Record<string, unknown> = {}): unknown {
  try {
    run(source, fields);
  } catch (error) {
    if (isOrdoError(error) && error.code === 'ORDO_ERR_EXPRESSION_RUNTIME') return error.extra.error;
    throw error;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('FUNCTION_CATALOGUE', () => {
  it('documents every whitelisted function once, with help in both languages', () => {
    const names = FUNCTION_CATALOGUE.map((doc) => doc.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(
      [
        'IF', 'IFS', 'AND', 'OR', 'NOT', 'ISBLANK', 'IFERROR',
        'SUM', 'SUMPRODUCT', 'AVERAGE', 'MIN', 'MAX', 'COUNT', 'COUNTIF',
        'ROUND', 'ROUNDUP', 'ROUNDDOWN', 'ABS', 'INT', 'MOD', 'CEILING', 'FLOOR', 'POWER', 'SQRT',
        'CONCAT', 'CONCATENATE', 'LEN', 'LEFT', 'RIGHT', 'MID', 'UPPER', 'LOWER', 'TRIM', 'TEXT', 'CONTAINS', 'VALUE',
        'TODAY', 'NOW', 'DATE', 'YEAR', 'MONTH', 'DAY', 'DAYS', 'EDATE', 'WORKDAY', 'NETWORKDAYS', 'DATEDIF',
      ].sort(),
    );
    for (const doc of FUNCTION_CATALOGUE) {
      expect(doc.help['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(doc.help.en).toMatch(/^[A-Z]/);
      expect(doc.signature.startsWith(`${doc.name}(`)).toBe(true);
      expect(Object.isFrozen(doc)).toBe(true);
    }
  });

  it.each(FUNCTION_CATALOGUE.map((doc) => [doc.name, doc] as const))('%s: its example gives the documented result', (_name, doc) => {
    expect(run(doc.example.source, { ...doc.example.fields })).toEqual(doc.example.result);
  });

  it.each(FUNCTION_CATALOGUE.map((doc) => [doc.name, doc] as const))('%s: its example type-checks', (_name, doc) => {
    const scope = Object.fromEntries(
      Object.entries(doc.example.fields ?? {}).map(([name, value]) => [
        name,
        Array.isArray(value)
          ? { type: 'table' as const, columns: Object.fromEntries(Object.keys(value[0] as object).map((column) => [column, { type: 'any' as const }])) }
          : { type: 'any' as const },
      ]),
    );
    expect(checkExpression(doc.example.source, scope)).toEqual([]);
  });
});

describe('logic', () => {
  it('IF evaluates only the branch it returns', () => {
    expect(run('IF(b = 0, 0, a / b)', { a: 1, b: 0 })).toBe(0);
    expect(run('IF(b <> 0, a / b)', { a: 1, b: 4 })).toBe(0.25);
  });

  it('IFS fails with #N/A when no condition holds', () => {
    expect(errorValue('IFS(x > 1, "a", x > 2, "b")', { x: 0 })).toBe('#N/A');
  });

  it('AND and OR take lists and skip their blanks', () => {
    const lines = [{ ok: true }, { ok: null }, { ok: true }];
    expect(run('AND(lines.ok)', { lines })).toBe(true);
    expect(run('OR(lines.ok, FALSE)', { lines: [{ ok: false }] })).toBe(false);
    expect(errorValue('AND(TRUE, x)', { x: 'maybe' })).toBe('#VALUE!');
  });

  it('ISBLANK is true for null, missing and "" only', () => {
    expect([run('ISBLANK(x)'), run('ISBLANK(x)', { x: 0 }), run('ISBLANK(x)', { x: ' ' }), run('ISBLANK(x)', { x: false })]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('IFERROR catches formula errors from anywhere inside, but not the step budget', () => {
    expect(run('IFERROR(VALUE("x") + 1, -1)')).toBe(-1);
    expect(run('IFERROR(SQRT(-1), "n/a")')).toBe('n/a');
    const lines = Array.from({ length: 2000 }, () => ({ qty: 1 }));
    expect(() => compileExpression('IFERROR(SUM(lines.qty), 0)').evaluate({ fields: { lines } }, { maxSteps: 1000 })).toThrow(
      expect.objectContaining({ code: 'ORDO_ERR_EXPRESSION_BUDGET' }),
    );
  });
});

describe('math', () => {
  it.each([
    ['ROUND(2.5, 0)', 3],
    ['ROUND(-2.5, 0)', -3],
    ['ROUND(1.005, 2)', 1.01],
    ['ROUND(1234.5678, -2)', 1200],
    ['ROUND(8.345)', 8],
    ['ROUNDUP(-3.141, 2)', -3.15],
    ['ROUNDUP(1250, -2)', 1300],
    ['ROUNDDOWN(3.149, 2)', 3.14],
    ['ABS(-0.1 - 0.2)', 0.3],
    ['INT(2.9)', 2],
    ['MOD(-3, 2)', 1],
    ['MOD(3, -2)', -1],
    ['MOD(5.1, 1)', 0.1],
    ['MOD(1, -3)', -2],
    ['MOD(-1, -1)', 0],
    ['MOD(-4, 3)', 2],
    ['CEILING(2.1)', 3],
    ['CEILING(-2.5, 2)', -2],
    ['CEILING(-2.5, -2)', -4],
    ['CEILING(0.31, 0.05)', 0.35],
    ['CEILING(7, 0)', 0],
    ['FLOOR(-2.5, 2)', -4],
    ['FLOOR(-2.5, -2)', -2],
    ['FLOOR(0.34, 0.05)', 0.3],
    ['POWER(2, -2)', 0.25],
    ['SQRT(16)', 4],
  ])('%s = %d', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it.each([
    ['MOD(5, 0)', '#DIV/0!'],
    ['CEILING(2.5, -2)', '#NUM!'],
    ['FLOOR(2.5, -2)', '#NUM!'],
    ['FLOOR(2.5, 0)', '#DIV/0!'],
    ['SQRT(-4)', '#NUM!'],
    ['POWER(-8, 1/3)', '#NUM!'],
    ['POWER(0, -1)', '#DIV/0!'],
    ['10 ^ 400', '#NUM!'],
  ])('%s fails with %s', (source, error) => {
    expect(errorValue(source)).toBe(error);
  });
});

describe('aggregates', () => {
  const lines = [{ qty: 2, price: 1.25, code: 'A1' }, { qty: null, price: 3, code: 'b2' }, { qty: '7', price: 0.5, code: '' }];

  it('skip blanks and text inside lists but read single arguments as numbers', () => {
    expect(run('SUM(lines.qty)', { lines })).toBe(2);
    expect(run('SUM(lines.qty, "7", x)', { lines, x: null })).toBe(9);
    expect(run('AVERAGE(lines.price)', { lines })).toBe(1.5833333333333333);
    expect(run('MIN(lines.qty)', { lines })).toBe(2);
    expect(run('MAX(lines.qty, -1)', { lines: [] })).toBe(-1);
    expect(run('MAX(lines.qty)', { lines: [] })).toBe(0);
    expect(run('COUNT(lines.qty, 1, "x")', { lines })).toBe(2);
    expect(errorValue('AVERAGE(lines.qty)', { lines: [] })).toBe('#DIV/0!');
    expect(errorValue('SUM(x)', { x: 'abc' })).toBe('#VALUE!');
  });

  it('SUMPRODUCT counts non-numbers as 0 and needs equal lengths', () => {
    expect(run('SUMPRODUCT(lines.qty, lines.price)', { lines })).toBe(2.5);
    expect(run('SUMPRODUCT(lines.price)', { lines })).toBe(4.75);
    expect(errorValue('SUMPRODUCT(lines.qty, other.qty)', { lines, other: [{ qty: 1 }] })).toBe('#VALUE!');
  });

  it.each([
    ['">1"', 2],
    ['"<>2"', 2],
    ['2', 1],
    ['"=7"', 1],
    ['""', 1],
    ['"<>"', 2],
  ])('COUNTIF(lines.qty, %s) = %i', (criteria, count) => {
    expect(run(`COUNTIF(lines.qty, ${criteria})`, { lines })).toBe(count);
  });

  it('COUNTIF matches text case-insensitively with * and ? wildcards, ~ escaping them', () => {
    const codes = [{ c: 'Pump-A' }, { c: 'pump-b' }, { c: 'Valve' }, { c: 'a*b' }, { c: 'axb' }];
    expect(run('COUNTIF(lines.c, "pump*")', { lines: codes })).toBe(2);
    expect(run('COUNTIF(lines.c, "?ump-?")', { lines: codes })).toBe(2);
    expect(run('COUNTIF(lines.c, "VALVE")', { lines: codes })).toBe(1);
    expect(run('COUNTIF(lines.c, "a~*b")', { lines: codes })).toBe(1);
    expect(run('COUNTIF(lines.c, "<>*-*")', { lines: codes })).toBe(3);
    expect(run('COUNTIF(lines.c, ">p")', { lines: codes })).toBe(3);
  });

  it('COUNTIF compares dates as dates', () => {
    const dates = [{ d: '2026-01-05' }, { d: '2026-02-01' }, { d: null }];
    expect(run('COUNTIF(lines.d, ">=2026-01-31")', { lines: dates })).toBe(1);
  });

  it('COUNTIF wildcard matching stays linear on hostile patterns', () => {
    const long = [{ c: 'a'.repeat(20_000) }];
    const started = Date.now();
    expect(run(`COUNTIF(lines.c, "${'*a'.repeat(50)}b")`, { lines: long })).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('text', () => {
  it.each([
    ['LEN("")', 0],
    ['LEN(12.5)', 4],
    ['LEFT("泵体组件", 2)', '泵体'],
    ['LEFT("abc")', 'a'],
    ['RIGHT("abc", 5)', 'abc'],
    ['MID("abcdef", 3, 2)', 'cd'],
    ['MID("abc", 5, 2)', ''],
    ['TRIM(" a \t b ")', 'a b'],
    ['UPPER("straße")', 'STRASSE'],
    ['CONCAT("a", 1, TRUE, x)', 'a1TRUE'],
    ['CONTAINS("ABC", "b")', false],
    ['CONTAINS("ABC", "")', true],
    ['VALUE(" 42 ")', 42],
    ['VALUE("-1,234,567.5")', -1234567.5],
  ])('%s = %j', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it.each([
    ['LEFT("abc", -1)', '#VALUE!'],
    ['MID("abc", 0, 1)', '#VALUE!'],
    ['VALUE("12 kg")', '#VALUE!'],
    ['VALUE("1,23")', '#VALUE!'],
  ])('%s fails with %s', (source, error) => {
    expect(errorValue(source)).toBe(error);
  });

  it.each([
    [1234.5, '0.00', '1234.50'],
    [1234.5, '#,##0.00', '1,234.50'],
    [-1234567.891, '#,##0.00', '-1,234,567.89'],
    [1.005, '0.00', '1.01'],
    [2.675, '0.00', '2.68'],
    [-0.004, '0.00', '0.00'],
    [0.5, '#.##', '.5'],
    [0.125, '0.0%', '12.5%'],
    [7, '000', '007'],
    [1999.5, '¥#,##0', '¥2,000'],
    [3.14159, '0.00元', '3.14元'],
    [1e21, '0', '1000000000000000000000'],
  ])('TEXT(%d, %j) = %j', (value, format, expected) => {
    expect(run('TEXT(v, f)', { v: value, f: format })).toBe(expected);
  });

  it.each([
    ['2026-03-05', 'yyyy-mm-dd', '2026-03-05'],
    ['2026-03-05', 'yyyy年m月d日', '2026年3月5日'],
    ['2026-03-05', 'dd/mm/yy', '05/03/26'],
    ['2026-03-05T14:07:09Z', 'yyyy-mm-dd hh:mm:ss', '2026-03-05 14:07:09'],
    ['2026-03-05T14:07:09+08:00', 'hh:mm', '06:07'],
  ])('TEXT(%j, %j) = %j', (value, format, expected) => {
    expect(run('TEXT(v, f)', { v: value, f: format })).toBe(expected);
  });

  it('TEXT passes other text through, is blank for blank, and refuses mismatched formats', () => {
    expect(run('TEXT("abc", "0.00")')).toBe('abc');
    expect(run('TEXT(x, "0.00")')).toBe('');
    expect(errorValue('TEXT(5, "yyyy-mm-dd")')).toBe('#VALUE!');
    expect(errorValue('TEXT("2026-01-01", "0.00")')).toBe('#VALUE!');
  });
});

describe('dates', () => {
  it.each([
    ['DATE(2026, 2, 29)', '2026-03-01'],
    ['DATE(2026, 0, 1)', '2025-12-01'],
    ['DATE(26, 1, 1)', '1926-01-01'],
    ['YEAR("2026-11-24T23:59:59-02:00")', 2026],
    ['DAY("2026-11-24T23:59:59-02:00")', 25],
    ['MONTH(TODAY())', 11],
    ['DAYS("2026-03-01", "2026-02-01")', 28],
    ['DAYS("2026-02-01", "2026-03-01")', -28],
    ['EDATE("2024-01-31", 1)', '2024-02-29'],
    ['EDATE("2026-03-31", -1)', '2026-02-28'],
    ['EDATE("2026-11-24", 14)', '2028-01-24'],
    ['WORKDAY("2026-11-20", 0)', '2026-11-20'],
    ['WORKDAY("2026-11-23", -1)', '2026-11-20'],
    ['WORKDAY("2026-11-20", 5)', '2026-11-27'],
    ['NETWORKDAYS("2026-11-30", "2026-11-02")', -21],
    ['NETWORKDAYS("2026-11-21", "2026-11-22")', 0],
    ['DATEDIF("2026-01-31", "2026-03-01", "M")', 1],
    ['DATEDIF("2024-02-29", "2025-02-28", "Y")', 0],
    ['DATEDIF("2024-02-29", "2025-03-01", "y")', 1],
    ['DATEDIF("2026-01-01", "2026-12-31", "D")', 364],
  ])('%s = %j', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it('WORKDAY and NETWORKDAYS skip holidays from a list or a single date', () => {
    const holidays = [{ day: '2026-10-01' }, { day: '2026-10-02' }, { day: null }];
    expect(run('WORKDAY("2026-09-30", 1, lines.day)', { lines: holidays })).toBe('2026-10-05');
    expect(run('NETWORKDAYS("2026-09-28", "2026-10-04", lines.day)', { lines: holidays })).toBe(3);
    expect(run('NETWORKDAYS("2026-09-28", "2026-10-04", "2026-10-01")')).toBe(4);
  });

  it.each([
    ['DATEDIF("2026-03-01", "2026-01-01", "D")', '#NUM!'],
    ['DATEDIF("2026-01-01", "2026-03-01", "W")', '#NUM!'],
    ['YEAR("24.11.2026")', '#VALUE!'],
    ['WORKDAY("2026-01-01", 200000)', '#NUM!'],
    ['DATE(10000, 1, 1)', '#NUM!'],
  ])('%s fails with %s', (source, error) => {
    expect(errorValue(source)).toBe(error);
  });
});

describe('text functions count characters as people do', () => {
  it('treats a character outside the Basic Multilingual Plane as one', () => {
    const value = (source: string) => compileExpression(source).evaluate({ fields: {} });
    expect(value('LEN("𠮷野家")')).toBe(3);
    expect(value('LEFT("𠮷野家", 1)')).toBe('𠮷');
    expect(value('RIGHT("野家𠮷", 1)')).toBe('𠮷');
    expect(value('MID("a𠮷b", 2, 1)')).toBe('𠮷');
    expect(value('RIGHT("abc", 0)')).toBe('');
    expect(value('MID("abc", 5, 2)')).toBe('');
  });
});

describe('early years', () => {
  it('keep their year: 0100-01-01 minus a day is 0099-12-31, not 1999', () => {
    const value = (source: string) => compileExpression(source).evaluate({ fields: {} });
    expect(value('"0100-01-01" - 1')).toBe('0099-12-31');
    expect(value('YEAR("0100-01-01" - 1)')).toBe(99);
    expect(value('EDATE("0100-01-15", -1)')).toBe('0099-12-15');
    expect(value('EDATE("2026-01-31", 1)')).toBe('2026-02-28');
  });
});
