import { describe, expect, it } from 'vitest';
import { checkExpression, type FieldScope, type ScalarType } from '../../../engine/expressions/index.js';

const scope: FieldScope = {
  qty: { type: 'number' },
  price: { type: 'number' },
  customer: { type: 'text' },
  urgent: { type: 'boolean' },
  dueDate: { type: 'date' },
  shippedAt: { type: 'datetime' },
  extra: { type: 'any' },
  lines: {
    type: 'table',
    columns: { qty: { type: 'number' }, price: { type: 'number' }, code: { type: 'text' }, due: { type: 'date' } },
  },
};

function check(source: string, expect?: ScalarType): [string, string, number, number][] {
  return checkExpression(source, scope, expect === undefined ? {} : { expect }).map((d) => [
    d.code === 'ORDO_ERR_EXPRESSION_TYPE' ? 'type' : 'syntax',
    d.message,
    d.line,
    d.column,
  ]);
}

describe('checkExpression accepts well-typed formulas', () => {
  it.each([
    ['qty * price'],
    ['SUMPRODUCT(lines.qty, lines.price) * (1 - 0.05)'],
    ['IF(urgent, qty * 2, 0)'],
    ['IF(qty > 0, customer, "")'],
    ['dueDate + 7'],
    ['dueDate - TODAY() > 3'],
    ['shippedAt > dueDate'],
    ['dueDate >= "2026-01-01"'],
    ['customer & " x" & qty'],
    ['COUNTIF(lines.code, "A*") > 0 AND NOT urgent'],
    ['extra + 1'],
    ['LEN(qty) + YEAR(dueDate)'],
    ['WORKDAY(dueDate, 3, lines.due)'],
    ['CONCAT(lines.code) = "AB"'],
    ['AND(urgent, qty > 1)'],
    ['IFERROR(qty / price, 0)'],
  ])('%s', (source) => {
    expect(check(source)).toEqual([]);
  });
});

describe('checkExpression reports each kind of problem with its position', () => {
  it('unknown fields and columns', () => {
    expect(check('qtty + lines.qtty + orders.qty')).toEqual([
      ['type', 'Unknown field qtty', 1, 1],
      ['type', 'Sub-table lines has no column qtty', 1, 8],
      ['type', 'Unknown sub-table orders', 1, 21],
    ]);
  });

  it('a sub-table used as a single value, and a column used as one', () => {
    expect(check('lines + 1')).toEqual([['type', 'lines is a sub-table; name one of its columns, such as lines.column', 1, 1]]);
    expect(check('1 + lines.qty')).toEqual([
      ['type', 'lines.qty is a sub-table column (a list) and cannot be used in the + operator; wrap it in SUM, COUNT or another list function', 1, 5],
    ]);
    expect(check('customer.name')).toEqual([['type', 'customer is not a sub-table, so customer.name cannot be read', 1, 1]]);
  });

  it('text mixed with numbers in arithmetic, naming the field', () => {
    expect(check('qty +\n  customer * 2')).toEqual([
      ['type', 'The * operator needs a number, but field customer (text) was given; text and numbers do not mix, convert with VALUE()', 2, 3],
    ]);
    expect(check('"5" + 1')).toEqual([
      ['type', 'The + operator needs a number, but the text "5" was given; text and numbers do not mix, convert with VALUE()', 1, 1],
    ]);
    expect(check('-customer')).toEqual([['type', 'The minus sign needs a number, but field customer (text) was given; text and numbers do not mix, convert with VALUE()', 1, 2]]);
  });

  it('comparisons of unrelated types and non-boolean conditions', () => {
    expect(check('qty = customer')).toEqual([['type', 'Cannot compare field qty (number) with field customer (text)', 1, 1]]);
    expect(check('qty AND urgent')).toEqual([['type', 'AND needs TRUE/FALSE, but field qty (number) was given', 1, 1]]);
    expect(check('NOT customer')).toEqual([['type', 'NOT needs TRUE/FALSE, but field customer (text) was given', 1, 5]]);
  });

  it('date arithmetic that makes no sense', () => {
    expect(check('dueDate + dueDate')).toEqual([['type', 'Two dates cannot be added; subtract them to get the days between', 1, 1]]);
    expect(check('5 - dueDate')).toEqual([['type', 'The - operator cannot combine number and date', 1, 1]]);
  });

  it('wrong argument counts', () => {
    expect(check('ROUND(1, 2, 3)')).toEqual([['type', 'ROUND takes 1 to 2 arguments, but 3 were given', 1, 1]]);
    expect(check('IFS(urgent, 1, qty > 1)')).toEqual([['type', 'IFS takes 2 or more (in groups of 2) arguments, but 3 were given', 1, 1]]);
    expect(check('1 + TODAY(1)')).toEqual([['type', 'TODAY takes 0 arguments, but 1 were given', 1, 5]]);
    expect(check('SUM()')).toEqual([['type', 'SUM takes 1 or more arguments, but 0 were given', 1, 1]]);
  });

  it('wrong argument types, naming the function and the parameter', () => {
    expect(check('ROUND(customer, 2)')).toEqual([
      ['type', 'ROUND expects a number for number (argument 1), but field customer (text) was given', 1, 7],
    ]);
    expect(check('SUM(lines.code)')).toEqual([
      ['type', 'SUM expects numbers (a number or a number column) for number (argument 1), but field lines.code (a list of text) was given', 1, 5],
    ]);
    expect(check('IF(qty, 1, 2)')).toEqual([['type', 'IF expects TRUE/FALSE for condition (argument 1), but field qty (number) was given', 1, 4]]);
    expect(check('YEAR(customer)')).toEqual([['type', 'YEAR expects a date for date (argument 1), but field customer (text) was given', 1, 6]]);
    expect(check('IF(urgent, 1, "x")')).toEqual([
      ['type', 'IF gives values of different types in its branches; make them all numbers, texts, dates or TRUE/FALSE', 1, 1],
    ]);
  });

  it('a result that does not match the expected type', () => {
    expect(check('qty * 2', 'boolean')).toEqual([['type', 'The formula gives number, but TRUE/FALSE is expected', 1, 1]]);
    expect(check('lines.qty', 'number')).toEqual([
      ['type', 'The formula gives a list of number, but a single number is expected; wrap it in SUM, COUNT or another list function', 1, 1],
    ]);
    expect(check('qty > 2', 'boolean')).toEqual([]);
    expect(check('extra', 'date')).toEqual([]);
    expect(check('TODAY()', 'date')).toEqual([]);
  });

  it('reports all problems, syntax and type together, each once', () => {
    expect(check('FOO(qtty) + customer * 2 + lines')).toEqual([
      ['syntax', 'Unknown function FOO', 1, 1],
      ['type', 'Unknown field qtty', 1, 5],
      ['type', 'The * operator needs a number, but field customer (text) was given; text and numbers do not mix, convert with VALUE()', 1, 13],
      ['type', 'lines is a sub-table; name one of its columns, such as lines.column', 1, 28],
    ]);
  });

  it('stops at a syntax error it cannot read past', () => {
    expect(check('qtty + (1')).toEqual([['syntax', 'Expected ) to close the ( at line 1, column 8, found the end of the formula', 1, 10]]);
  });

  it('does not find inherited names in the scope', () => {
    expect(check('toString + valueOf')).toEqual([
      ['type', 'Unknown field toString', 1, 1],
      ['type', 'Unknown field valueOf', 1, 12],
    ]);
  });
});
