import { formulaError, modulo, power, round, squareRoot, toMultiple, toNumber, type RoundingMode } from '../runtime/index.js';
import type { FunctionDoc, Value } from '../types.js';
import { arg, defineFunction, type FunctionDefinition } from './function-definition.js';

function rounding(name: string, mode: RoundingMode, help: FunctionDoc['help'], example: FunctionDoc['example']): FunctionDefinition {
  return defineFunction(
    {
      name,
      family: 'math',
      signature: `${name}(number, [digits])`,
      params: [
        { name: 'number', type: 'number' },
        { name: 'digits', type: 'number', optional: true },
      ],
      returns: 'number',
      help,
      example,
    },
    (args) => round(toNumber(arg(args, 0)), toNumber(arg(args, 1)), mode),
  );
}

/** Excel's CEILING/FLOOR: a positive number with a negative step has no answer (#NUM!). */
function toStep(name: string, direction: 'ceil' | 'floor', args: readonly Value[]): number {
  const value = toNumber(arg(args, 0));
  const step = args.length > 1 ? toNumber(arg(args, 1)) : 1;
  if (step === 0 && direction === 'floor') {
    throw formulaError('#DIV/0!', 'FLOOR to a multiple of 0 is a division by zero');
  }
  if (step === 0 || value === 0) return 0;
  if (value > 0 && step < 0) {
    throw formulaError('#NUM!', `${name}: a positive number needs a positive significance`);
  }
  // A negative step rounds away from zero for CEILING and towards zero for FLOOR, as in Excel.
  const flipped = step < 0 ? (direction === 'ceil' ? 'floor' : 'ceil') : direction;
  return toMultiple(value, step < 0 ? -step : step, flipped);
}

export const MATH_FUNCTIONS: readonly FunctionDefinition[] = [
  rounding(
    'ROUND',
    'half-away',
    {
      'zh-CN': '按指定小数位四舍五入（.5 远离零进位）；位数为负时舍入到十位、百位。',
      en: 'Rounds to the given decimals, halves away from zero; negative digits round to tens, hundreds.',
    },
    { source: 'ROUND(2.675, 2)', result: 2.68 },
  ),
  rounding(
    'ROUNDUP',
    'away',
    { 'zh-CN': '按指定小数位向远离零的方向进位。', en: 'Rounds away from zero to the given decimals.' },
    { source: 'ROUNDUP(3.141, 2)', result: 3.15 },
  ),
  rounding(
    'ROUNDDOWN',
    'toward-zero',
    { 'zh-CN': '按指定小数位向零的方向舍去。', en: 'Rounds towards zero to the given decimals.' },
    { source: 'ROUNDDOWN(-3.149, 2)', result: -3.14 },
  ),
  defineFunction(
    {
      name: 'ABS',
      family: 'math',
      signature: 'ABS(number)',
      params: [{ name: 'number', type: 'number' }],
      returns: 'number',
      help: { 'zh-CN': '返回绝对值。', en: 'Returns the absolute value.' },
      example: { source: 'ABS(actual - planned)', fields: { actual: 95, planned: 100 }, result: 5 },
    },
    (args) => Math.abs(toNumber(arg(args, 0))),
  ),
  defineFunction(
    {
      name: 'INT',
      family: 'math',
      signature: 'INT(number)',
      params: [{ name: 'number', type: 'number' }],
      returns: 'number',
      help: { 'zh-CN': '向下取整到不大于它的整数。', en: 'Rounds down to the nearest integer that is not larger.' },
      example: { source: 'INT(-2.5)', result: -3 },
    },
    (args) => Math.floor(toNumber(arg(args, 0))) + 0,
  ),
  defineFunction(
    {
      name: 'MOD',
      family: 'math',
      signature: 'MOD(number, divisor)',
      params: [
        { name: 'number', type: 'number' },
        { name: 'divisor', type: 'number' },
      ],
      returns: 'number',
      help: { 'zh-CN': '返回相除的余数，符号与除数相同。', en: 'Returns the remainder of a division; it has the sign of the divisor.' },
      example: { source: 'MOD(17, 5)', result: 2 },
    },
    (args) => modulo(toNumber(arg(args, 0)), toNumber(arg(args, 1))),
  ),
  defineFunction(
    {
      name: 'CEILING',
      family: 'math',
      signature: 'CEILING(number, [significance])',
      params: [
        { name: 'number', type: 'number' },
        { name: 'significance', type: 'number', optional: true },
      ],
      returns: 'number',
      help: { 'zh-CN': '向上舍入到指定基数的倍数（默认 1）。', en: 'Rounds up to a multiple of the significance (1 by default).' },
      example: { source: 'CEILING(23, 5)', result: 25 },
    },
    (args) => toStep('CEILING', 'ceil', args),
  ),
  defineFunction(
    {
      name: 'FLOOR',
      family: 'math',
      signature: 'FLOOR(number, [significance])',
      params: [
        { name: 'number', type: 'number' },
        { name: 'significance', type: 'number', optional: true },
      ],
      returns: 'number',
      help: { 'zh-CN': '向下舍入到指定基数的倍数（默认 1）。', en: 'Rounds down to a multiple of the significance (1 by default).' },
      example: { source: 'FLOOR(23, 5)', result: 20 },
    },
    (args) => toStep('FLOOR', 'floor', args),
  ),
  defineFunction(
    {
      name: 'POWER',
      family: 'math',
      signature: 'POWER(number, power)',
      params: [
        { name: 'number', type: 'number' },
        { name: 'power', type: 'number' },
      ],
      returns: 'number',
      help: { 'zh-CN': '返回乘幂，与 number ^ power 相同。', en: 'Raises a number to a power, like number ^ power.' },
      example: { source: 'POWER(1.1, 2)', result: 1.21 },
    },
    (args) => power(toNumber(arg(args, 0)), toNumber(arg(args, 1))),
  ),
  defineFunction(
    {
      name: 'SQRT',
      family: 'math',
      signature: 'SQRT(number)',
      params: [{ name: 'number', type: 'number' }],
      returns: 'number',
      help: { 'zh-CN': '返回平方根；负数出错（#NUM!）。', en: 'Returns the square root; fails with #NUM! for a negative number.' },
      example: { source: 'SQRT(area)', fields: { area: 2.25 }, result: 1.5 },
    },
    (args) => squareRoot(toNumber(arg(args, 0))),
  ),
];
