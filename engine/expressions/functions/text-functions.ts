import { LOWER, TRIM, UPPER } from '@formulajs/formulajs';
import { formatText, formulaError, isList, toNumber, toText, type EvaluationState } from '../runtime/index.js';
import type { Value } from '../types.js';
import { arg, defineFunction, type FunctionDefinition } from './function-definition.js';

/**
 * formula.js signals failures by returning Error objects (#VALUE!, ...); turn them into formula
 * errors so they cannot end up stored as data.
 */
function fromFormulajs(name: string, result: unknown): Value {
  if (result instanceof Error) {
    throw formulaError('#VALUE!', `${name} failed: ${result.message}`);
  }
  if (typeof result === 'string' || typeof result === 'number') return result;
  throw formulaError('#VALUE!', `${name} gave an unexpected result`);
}

/** A character count argument: a whole number, not negative. */
function count(name: string, value: Value, fallback: number): number {
  const number = value === null ? fallback : Math.trunc(toNumber(value));
  if (number < 0) {
    throw formulaError('#VALUE!', `${name} needs a count of 0 or more`);
  }
  return number;
}

function textArg(args: readonly Value[], index: number): string {
  return toText(arg(args, index));
}

/**
 * The characters of a text as a person counts them: 𠮷 (outside the Basic Multilingual Plane, two
 * UTF-16 units) is one. formula.js counts units, and cutting between the two leaves text that
 * PostgreSQL refuses to store.
 */
function characters(args: readonly Value[], index: number): string[] {
  return Array.from(textArg(args, index));
}

function built(state: EvaluationState, text: string): string {
  return state.chargeText(text);
}

export const TEXT_FUNCTIONS: readonly FunctionDefinition[] = [
  defineFunction(
    {
      name: 'CONCAT',
      family: 'text',
      signature: 'CONCAT(text1, [text2, ...])',
      params: [{ name: 'text', type: 'values', repeated: true }],
      returns: 'text',
      help: { 'zh-CN': '把文本连接起来；可直接传入子表列。', en: 'Joins texts; a sub-table column may be passed directly.' },
      example: { source: 'CONCAT(lines.code)', fields: { lines: [{ code: 'P-' }, { code: '001' }] }, result: 'P-001' },
    },
    (args, state) => {
      let text = '';
      for (const value of args) {
        if (isList(value)) {
          state.chargeList(value.length);
          for (const item of value) text += toText(item);
        } else {
          text += toText(value);
        }
      }
      return built(state, text);
    },
  ),
  defineFunction(
    {
      name: 'CONCATENATE',
      family: 'text',
      signature: 'CONCATENATE(text1, [text2, ...])',
      params: [{ name: 'text', type: 'any', repeated: true }],
      returns: 'text',
      help: { 'zh-CN': '把多个文本连接起来，与 & 相同。', en: 'Joins several texts, like the & operator.' },
      example: { source: 'CONCATENATE(customer, "-", orderNo)', fields: { customer: 'KBZ', orderNo: 'SO-7' }, result: 'KBZ-SO-7' },
    },
    (args, state) => built(state, args.map(toText).join('')),
  ),
  defineFunction(
    {
      name: 'LEN',
      family: 'text',
      signature: 'LEN(text)',
      params: [{ name: 'text', type: 'text' }],
      returns: 'number',
      help: { 'zh-CN': '返回文本的字符数（一个汉字计 1）。', en: 'Returns the number of characters (a Chinese character counts 1).' },
      example: { source: 'LEN("泵体A")', result: 3 },
    },
    (args) => characters(args, 0).length,
  ),
  defineFunction(
    {
      name: 'LEFT',
      family: 'text',
      signature: 'LEFT(text, [count])',
      params: [
        { name: 'text', type: 'text' },
        { name: 'count', type: 'number', optional: true },
      ],
      returns: 'text',
      help: { 'zh-CN': '返回文本开头的若干字符（默认 1 个）。', en: 'Returns the first characters of a text (1 by default).' },
      example: { source: 'LEFT(orderNo, 2)', fields: { orderNo: 'SO-2026-001' }, result: 'SO' },
    },
    (args) => characters(args, 0).slice(0, count('LEFT', arg(args, 1), 1)).join(''),
  ),
  defineFunction(
    {
      name: 'RIGHT',
      family: 'text',
      signature: 'RIGHT(text, [count])',
      params: [
        { name: 'text', type: 'text' },
        { name: 'count', type: 'number', optional: true },
      ],
      returns: 'text',
      help: { 'zh-CN': '返回文本末尾的若干字符（默认 1 个）。', en: 'Returns the last characters of a text (1 by default).' },
      example: { source: 'RIGHT(orderNo, 3)', fields: { orderNo: 'SO-2026-001' }, result: '001' },
    },
    (args) => {
      const chars = characters(args, 0);
      return chars.slice(Math.max(0, chars.length - count('RIGHT', arg(args, 1), 1))).join('');
    },
  ),
  defineFunction(
    {
      name: 'MID',
      family: 'text',
      signature: 'MID(text, start, count)',
      params: [
        { name: 'text', type: 'text' },
        { name: 'start', type: 'number' },
        { name: 'count', type: 'number' },
      ],
      returns: 'text',
      help: { 'zh-CN': '从第 start 个字符起（从 1 开始）取 count 个字符。', en: 'Returns count characters starting at position start (the first is 1).' },
      example: { source: 'MID(orderNo, 4, 4)', fields: { orderNo: 'SO-2026-001' }, result: '2026' },
    },
    (args) => {
      const start = Math.trunc(toNumber(arg(args, 1)));
      if (start < 1) {
        throw formulaError('#VALUE!', 'MID needs a start of 1 or more');
      }
      const length = count('MID', arg(args, 2), 0);
      return characters(args, 0).slice(start - 1, start - 1 + length).join('');
    },
  ),
  defineFunction(
    {
      name: 'UPPER',
      family: 'text',
      signature: 'UPPER(text)',
      params: [{ name: 'text', type: 'text' }],
      returns: 'text',
      help: { 'zh-CN': '把字母转为大写。', en: 'Converts letters to upper case.' },
      example: { source: 'UPPER("kbz-a1")', result: 'KBZ-A1' },
    },
    (args) => fromFormulajs('UPPER', UPPER(textArg(args, 0))),
  ),
  defineFunction(
    {
      name: 'LOWER',
      family: 'text',
      signature: 'LOWER(text)',
      params: [{ name: 'text', type: 'text' }],
      returns: 'text',
      help: { 'zh-CN': '把字母转为小写。', en: 'Converts letters to lower case.' },
      example: { source: 'LOWER("KBZ-A1")', result: 'kbz-a1' },
    },
    (args) => fromFormulajs('LOWER', LOWER(textArg(args, 0))),
  ),
  defineFunction(
    {
      name: 'TRIM',
      family: 'text',
      signature: 'TRIM(text)',
      params: [{ name: 'text', type: 'text' }],
      returns: 'text',
      help: {
        'zh-CN': '去掉首尾空白，并把中间连续的空白（空格、制表符、换行）合并为一个空格。',
        en: 'Removes leading and trailing whitespace and turns each run of whitespace inside into one space.',
      },
      example: { source: 'TRIM("  泵  壳 ")', result: '泵 壳' },
    },
    (args) => fromFormulajs('TRIM', TRIM(textArg(args, 0))),
  ),
  defineFunction(
    {
      name: 'TEXT',
      family: 'text',
      signature: 'TEXT(value, format)',
      params: [
        { name: 'value', type: 'any' },
        { name: 'format', type: 'text' },
      ],
      returns: 'text',
      help: {
        'zh-CN': '按格式把数字或日期转为文本，如 "0.00"、"#,##0.00"、"0%"、"yyyy-mm-dd"、"yyyy年m月d日"。',
        en: 'Formats a number or date as text, e.g. "0.00", "#,##0.00", "0%", "yyyy-mm-dd", "yyyy年m月d日".',
      },
      example: { source: 'TEXT(amount, "#,##0.00")', fields: { amount: 1234567.891 }, result: '1,234,567.89' },
    },
    (args, state) => built(state, formatText(arg(args, 0), textArg(args, 1))),
  ),
  defineFunction(
    {
      name: 'CONTAINS',
      family: 'text',
      signature: 'CONTAINS(text, search)',
      params: [
        { name: 'text', type: 'text' },
        { name: 'search', type: 'text' },
      ],
      returns: 'boolean',
      help: { 'zh-CN': '文本包含要查找的内容时返回 TRUE（区分大小写）。', en: 'TRUE when the text contains the search text (case-sensitive).' },
      example: { source: 'CONTAINS(remark, "加急")', fields: { remark: '客户要求加急发货' }, result: true },
    },
    (args) => textArg(args, 0).includes(textArg(args, 1)),
  ),
  defineFunction(
    {
      name: 'VALUE',
      family: 'text',
      signature: 'VALUE(text)',
      params: [{ name: 'text', type: 'text' }],
      returns: 'number',
      help: {
        'zh-CN': '把数字文本转为数字，可带千分位逗号；不是数字时出错（#VALUE!）。',
        en: 'Converts numeric text to a number, thousands commas allowed; fails with #VALUE! otherwise.',
      },
      example: { source: 'VALUE("1,250.50")', result: 1250.5 },
    },
    (args) => {
      const text = textArg(args, 0).trim();
      const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text) ? text.replace(/,/g, '') : text;
      return toNumber(plain === '' ? '' : plain);
    },
  ),
];
