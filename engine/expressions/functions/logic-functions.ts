import { formulaError, isBlank, isFormulaError, isList, toBoolean } from '../runtime/index.js';
import type { Value } from '../types.js';
import { arg, defineFunction, defineLazyFunction, type Evaluator, type FunctionDefinition } from './function-definition.js';
import type { EvaluationState } from '../runtime/index.js';

/** AND/OR over arguments that may be lists of TRUE/FALSE; blanks in lists are skipped, as in Excel. */
function everyOrSome(args: readonly Evaluator[], state: EvaluationState, stopAt: boolean): boolean {
  for (const evaluate of args) {
    const value = evaluate(state);
    const items: readonly Value[] = isList(value) ? value.filter((item) => !isBlank(item)) : [value];
    for (const item of items) {
      if (toBoolean(item) === stopAt) return stopAt;
    }
  }
  return !stopAt;
}

function evaluateAt(args: readonly Evaluator[], index: number, state: EvaluationState): Value {
  const evaluate = args[index];
  return evaluate === undefined ? null : evaluate(state);
}

export const LOGIC_FUNCTIONS: readonly FunctionDefinition[] = [
  defineLazyFunction(
    {
      name: 'IF',
      family: 'logic',
      signature: 'IF(condition, valueIfTrue, [valueIfFalse])',
      params: [
        { name: 'condition', type: 'boolean' },
        { name: 'valueIfTrue', type: 'any' },
        { name: 'valueIfFalse', type: 'any', optional: true },
      ],
      returns: 'branch',
      help: {
        'zh-CN': '条件成立时返回第二个参数，否则返回第三个参数（省略时为空）。',
        en: 'Returns the second argument when the condition holds, otherwise the third (blank when left out).',
      },
      example: { source: 'IF(amount > 50000, "大额", "普通")', fields: { amount: 80000 }, result: '大额' },
    },
    (args, state) => (toBoolean(evaluateAt(args, 0, state)) ? evaluateAt(args, 1, state) : evaluateAt(args, 2, state)),
  ),
  defineLazyFunction(
    {
      name: 'IFS',
      family: 'logic',
      signature: 'IFS(condition1, value1, [condition2, value2, ...])',
      params: [
        { name: 'condition', type: 'boolean', repeated: true },
        { name: 'value', type: 'any', repeated: true },
      ],
      returns: 'branch',
      help: {
        'zh-CN': '依次检查条件，返回第一个成立条件对应的值；都不成立时出错（#N/A）。',
        en: 'Checks the conditions in order and returns the value of the first that holds; fails with #N/A when none does.',
      },
      example: { source: 'IFS(score >= 90, "A", score >= 60, "B", TRUE, "C")', fields: { score: 75 }, result: 'B' },
    },
    (args, state) => {
      for (let i = 0; i + 1 < args.length; i += 2) {
        if (toBoolean(evaluateAt(args, i, state))) return evaluateAt(args, i + 1, state);
      }
      throw formulaError('#N/A', 'IFS: no condition holds; add TRUE, value as the last pair');
    },
  ),
  defineLazyFunction(
    {
      name: 'AND',
      family: 'logic',
      signature: 'AND(logical1, [logical2, ...])',
      params: [{ name: 'logical', type: 'booleans', repeated: true }],
      returns: 'boolean',
      help: { 'zh-CN': '所有参数都为 TRUE 时返回 TRUE。也可写作 a AND b。', en: 'TRUE when every argument is TRUE. Also written a AND b.' },
      example: { source: 'AND(qty > 0, price > 0)', fields: { qty: 3, price: 0 }, result: false },
    },
    (args, state) => everyOrSome(args, state, false),
  ),
  defineLazyFunction(
    {
      name: 'OR',
      family: 'logic',
      signature: 'OR(logical1, [logical2, ...])',
      params: [{ name: 'logical', type: 'booleans', repeated: true }],
      returns: 'boolean',
      help: { 'zh-CN': '任一参数为 TRUE 时返回 TRUE。也可写作 a OR b。', en: 'TRUE when any argument is TRUE. Also written a OR b.' },
      example: { source: 'OR(tier = "A", amount > 50000)', fields: { tier: 'B', amount: 60000 }, result: true },
    },
    (args, state) => everyOrSome(args, state, true),
  ),
  defineFunction(
    {
      name: 'NOT',
      family: 'logic',
      signature: 'NOT(logical)',
      params: [{ name: 'logical', type: 'boolean' }],
      returns: 'boolean',
      help: { 'zh-CN': '取反：TRUE 变 FALSE，FALSE 变 TRUE。也可写作 NOT a。', en: 'Negates: TRUE becomes FALSE and FALSE becomes TRUE. Also written NOT a.' },
      example: { source: 'NOT(urgent)', fields: { urgent: true }, result: false },
    },
    (args) => !toBoolean(arg(args, 0)),
  ),
  defineFunction(
    {
      name: 'ISBLANK',
      family: 'logic',
      signature: 'ISBLANK(value)',
      params: [{ name: 'value', type: 'any' }],
      returns: 'boolean',
      help: { 'zh-CN': '值为空（未填写或空文本）时返回 TRUE。', en: 'TRUE when the value is blank (not filled in, or empty text).' },
      example: { source: 'ISBLANK(remark)', fields: { remark: '' }, result: true },
    },
    (args) => isBlank(arg(args, 0)),
  ),
  defineLazyFunction(
    {
      name: 'IFERROR',
      family: 'logic',
      signature: 'IFERROR(value, valueIfError)',
      params: [
        { name: 'value', type: 'any' },
        { name: 'valueIfError', type: 'any' },
      ],
      returns: 'branch',
      help: {
        'zh-CN': '第一个参数计算出错（如除以零）时返回第二个参数。',
        en: 'Returns the second argument when computing the first fails (division by zero, for example).',
      },
      example: { source: 'IFERROR(amount / qty, 0)', fields: { amount: 100, qty: 0 }, result: 0 },
    },
    (args, state) => {
      try {
        return evaluateAt(args, 0, state);
      } catch (error) {
        // Only formula errors: an exhausted step budget must still stop the evaluation.
        if (isFormulaError(error)) return evaluateAt(args, 1, state);
        throw error;
      }
    },
  ),
];
