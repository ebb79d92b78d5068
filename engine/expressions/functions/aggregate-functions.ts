import {
  criteriaTest,
  divide,
  formulaError,
  isBlank,
  isList,
  sum,
  sumOfProducts,
  toNumber,
  type EvaluationState,
} from '../runtime/index.js';
import type { Value } from '../types.js';
import { arg, defineFunction, type FunctionDefinition } from './function-definition.js';

/**
 * The numbers an aggregate sees, as in Excel: from a list (sub-table column) only the numbers,
 * blanks and text skipped; a single argument is read as a number (blank is 0, other text fails).
 */
function numbersOf(args: readonly Value[], state: EvaluationState): number[] {
  const numbers: number[] = [];
  for (const value of args) {
    if (isList(value)) {
      state.chargeList(value.length);
      for (const item of value) {
        if (typeof item === 'number') numbers.push(item);
      }
    } else if (!isBlank(value)) {
      numbers.push(toNumber(value));
    }
  }
  return numbers;
}

function extreme(numbers: readonly number[], pick: (a: number, b: number) => number): number {
  let result: number | null = null;
  for (const value of numbers) {
    result = result === null ? value : pick(result, value);
  }
  return result ?? 0;
}

function column(value: Value): readonly Value[] {
  return isList(value) ? value : [value];
}

export const AGGREGATE_FUNCTIONS: readonly FunctionDefinition[] = [
  defineFunction(
    {
      name: 'SUM',
      family: 'aggregate',
      signature: 'SUM(number1, [number2, ...])',
      params: [{ name: 'number', type: 'numbers', repeated: true }],
      returns: 'number',
      help: { 'zh-CN': '求和；子表列中的空值和文本被忽略。', en: 'Adds numbers; blanks and text in a sub-table column are skipped.' },
      example: { source: 'SUM(lines.amount)', fields: { lines: [{ amount: 0.1 }, { amount: 0.2 }, { amount: null }] }, result: 0.3 },
    },
    (args, state) => sum(numbersOf(args, state)),
  ),
  defineFunction(
    {
      name: 'SUMPRODUCT',
      family: 'aggregate',
      signature: 'SUMPRODUCT(list1, [list2, ...])',
      params: [{ name: 'list', type: 'numbers', repeated: true }],
      returns: 'number',
      help: {
        'zh-CN': '对应项相乘后求和，常用于 数量×单价 的合计；各列长度须相同，非数字按 0 计。',
        en: 'Multiplies matching items and adds the products, e.g. quantity x price; lists must be equally long, non-numbers count as 0.',
      },
      example: {
        source: 'SUMPRODUCT(lines.qty, lines.price)',
        fields: { lines: [{ qty: 3, price: 1.1 }, { qty: 2, price: 0.35 }] },
        result: 4,
      },
    },
    (args, state) => {
      const columns = args.map(column);
      const length = columns[0]?.length ?? 0;
      if (columns.some((items) => items.length !== length)) {
        throw formulaError('#VALUE!', 'SUMPRODUCT needs lists of the same length');
      }
      state.chargeList(length * columns.length);
      const numeric = columns.map((items) => items.map((item) => (typeof item === 'number' ? item : 0)));
      return sumOfProducts(numeric, length);
    },
  ),
  defineFunction(
    {
      name: 'AVERAGE',
      family: 'aggregate',
      signature: 'AVERAGE(number1, [number2, ...])',
      params: [{ name: 'number', type: 'numbers', repeated: true }],
      returns: 'number',
      help: {
        'zh-CN': '求平均值；子表列中的空值被忽略，没有数字时出错（#DIV/0!）。',
        en: 'Averages numbers; blanks in a sub-table column are skipped; fails with #DIV/0! when there is no number.',
      },
      example: { source: 'AVERAGE(lines.price)', fields: { lines: [{ price: 10 }, { price: 20 }, { price: null }] }, result: 15 },
    },
    (args, state) => {
      const numbers = numbersOf(args, state);
      if (numbers.length === 0) {
        throw formulaError('#DIV/0!', 'AVERAGE of no numbers');
      }
      return divide(sum(numbers), numbers.length);
    },
  ),
  defineFunction(
    {
      name: 'MIN',
      family: 'aggregate',
      signature: 'MIN(number1, [number2, ...])',
      params: [{ name: 'number', type: 'numbers', repeated: true }],
      returns: 'number',
      help: { 'zh-CN': '返回最小值；没有数字时为 0。', en: 'Returns the smallest number; 0 when there is none.' },
      example: { source: 'MIN(lines.price, 5)', fields: { lines: [{ price: 12 }, { price: 8 }] }, result: 5 },
    },
    (args, state) => extreme(numbersOf(args, state), Math.min),
  ),
  defineFunction(
    {
      name: 'MAX',
      family: 'aggregate',
      signature: 'MAX(number1, [number2, ...])',
      params: [{ name: 'number', type: 'numbers', repeated: true }],
      returns: 'number',
      help: { 'zh-CN': '返回最大值；没有数字时为 0。', en: 'Returns the largest number; 0 when there is none.' },
      example: { source: 'MAX(lines.price)', fields: { lines: [{ price: 12 }, { price: 8 }] }, result: 12 },
    },
    (args, state) => extreme(numbersOf(args, state), Math.max),
  ),
  defineFunction(
    {
      name: 'COUNT',
      family: 'aggregate',
      signature: 'COUNT(value1, [value2, ...])',
      params: [{ name: 'value', type: 'values', repeated: true }],
      returns: 'number',
      help: { 'zh-CN': '统计数字的个数（空值和文本不计）。', en: 'Counts the numbers (blanks and text are not counted).' },
      example: { source: 'COUNT(lines.qty)', fields: { lines: [{ qty: 3 }, { qty: null }, { qty: 5 }] }, result: 2 },
    },
    (args, state) => {
      let count = 0;
      for (const value of args) {
        const items = column(value);
        state.chargeList(items.length);
        for (const item of items) {
          if (typeof item === 'number') count++;
        }
      }
      return count;
    },
  ),
  defineFunction(
    {
      name: 'COUNTIF',
      family: 'aggregate',
      signature: 'COUNTIF(list, criteria)',
      params: [
        { name: 'list', type: 'values' },
        { name: 'criteria', type: 'any' },
      ],
      returns: 'number',
      help: {
        'zh-CN': '统计满足条件的项数。条件如 ">5"、"<>A"、"A*"（* 和 ? 为通配符，不区分大小写），"" 统计空值。',
        en: 'Counts the items that meet the criteria, e.g. ">5", "<>A", "A*" (* and ? are wildcards, case-insensitive); "" counts blanks.',
      },
      example: {
        source: 'COUNTIF(lines.qty, ">5")',
        fields: { lines: [{ qty: 3 }, { qty: 6 }, { qty: 9 }] },
        result: 2,
      },
    },
    (args, state) => {
      const items = column(arg(args, 0));
      state.chargeList(items.length);
      const test = criteriaTest(arg(args, 1), (steps) => state.charge(steps));
      let count = 0;
      for (const item of items) {
        if (test(item)) count++;
      }
      return count;
    },
  ),
];
