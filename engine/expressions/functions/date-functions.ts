import {
  DAY_MS,
  addMonths,
  dayParts,
  formatDate,
  formatDateTime,
  formulaError,
  isBlank,
  isList,
  isWeekday,
  toDay,
  toNumber,
  toText,
  type EvaluationState,
} from '../runtime/index.js';
import type { Value } from '../types.js';
import { arg, defineFunction, type FunctionDefinition } from './function-definition.js';

/** WORKDAY and NETWORKDAYS walk day by day; this bounds the walk (about 270 years). */
const MAX_DAY_SPAN = 100_000;

/** Date arguments are read in UTC; a blank date makes the result blank instead of failing. */
function dayArg(name: string, args: readonly Value[], index: number): number | null {
  return toDay(arg(args, index), name);
}

function holidays(name: string, value: Value, state: EvaluationState): ReadonlySet<number> {
  const items = isList(value) ? value : [value];
  state.chargeList(items.length);
  const days = new Set<number>();
  for (const item of items) {
    const day = isBlank(item) ? null : toDay(item, name);
    if (day !== null) days.add(day);
  }
  return days;
}

function checkSpan(name: string, days: number, state: EvaluationState): void {
  if (Math.abs(days) > MAX_DAY_SPAN) {
    throw formulaError('#NUM!', `${name} spans more than ${MAX_DAY_SPAN} days`);
  }
  state.charge(Math.abs(days));
}

function dateOf(year: number, month: number, day: number): string {
  // As in Excel, years 0 to 1899 count from 1900 and months and days overflow into the next.
  const fullYear = year >= 0 && year < 1900 ? year + 1900 : year;
  const date = new Date(0);
  date.setUTCFullYear(fullYear, month - 1, day);
  return formatDate(date.getTime());
}

function datedif(start: number, end: number, unit: string): number {
  if (end < start) {
    throw formulaError('#NUM!', 'DATEDIF needs the start date on or before the end date');
  }
  const from = dayParts(start);
  const to = dayParts(end);
  const months = (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0);
  switch (unit.toUpperCase()) {
    case 'D':
      return end - start;
    case 'M':
      return months;
    case 'Y':
      return Math.floor(months / 12);
    default:
      throw formulaError('#NUM!', `DATEDIF unit must be "D", "M" or "Y", not ${JSON.stringify(unit)}`);
  }
}

export const DATE_FUNCTIONS: readonly FunctionDefinition[] = [
  defineFunction(
    {
      name: 'TODAY',
      family: 'date',
      signature: 'TODAY()',
      params: [],
      returns: 'date',
      help: { 'zh-CN': '返回今天的日期（UTC）。', en: "Returns today's date (UTC)." },
      example: { source: 'TODAY()', result: '2026-11-24' },
    },
    (_args, state) => formatDate(state.nowMs),
  ),
  defineFunction(
    {
      name: 'NOW',
      family: 'date',
      signature: 'NOW()',
      params: [],
      returns: 'datetime',
      help: { 'zh-CN': '返回当前日期和时间（UTC）。', en: 'Returns the current date and time (UTC).' },
      example: { source: 'NOW()', result: '2026-11-24T08:30:00Z' },
    },
    (_args, state) => formatDateTime(state.nowMs),
  ),
  defineFunction(
    {
      name: 'DATE',
      family: 'date',
      signature: 'DATE(year, month, day)',
      params: [
        { name: 'year', type: 'number' },
        { name: 'month', type: 'number' },
        { name: 'day', type: 'number' },
      ],
      returns: 'date',
      help: { 'zh-CN': '由年、月、日组成日期；超出的月和日顺延。', en: 'Builds a date from year, month and day; months and days past the end roll over.' },
      example: { source: 'DATE(2026, 13, 1)', result: '2027-01-01' },
    },
    (args) => dateOf(Math.trunc(toNumber(arg(args, 0))), Math.trunc(toNumber(arg(args, 1))), Math.trunc(toNumber(arg(args, 2)))),
  ),
  ...(['YEAR', 'MONTH', 'DAY'] as const).map((name) =>
    defineFunction(
      {
        name,
        family: 'date',
        signature: `${name}(date)`,
        params: [{ name: 'date', type: 'date' }],
        returns: 'number',
        help: {
          'zh-CN': `返回日期的${name === 'YEAR' ? '年份' : name === 'MONTH' ? '月份（1-12）' : '日（1-31）'}。`,
          en: `Returns the ${name === 'YEAR' ? 'year' : name === 'MONTH' ? 'month (1-12)' : 'day of the month (1-31)'} of a date.`,
        },
        example: {
          source: `${name}(dueDate)`,
          fields: { dueDate: '2026-11-24' },
          result: name === 'YEAR' ? 2026 : name === 'MONTH' ? 11 : 24,
        },
      },
      (args) => {
        const day = dayArg(name, args, 0);
        if (day === null) return null;
        const parts = dayParts(day);
        return name === 'YEAR' ? parts.year : name === 'MONTH' ? parts.month : parts.day;
      },
    ),
  ),
  defineFunction(
    {
      name: 'DAYS',
      family: 'date',
      signature: 'DAYS(endDate, startDate)',
      params: [
        { name: 'endDate', type: 'date' },
        { name: 'startDate', type: 'date' },
      ],
      returns: 'number',
      help: { 'zh-CN': '返回两个日期相差的天数（结束日期在前）。', en: 'Returns the days from the start date to the end date (end date first).' },
      example: { source: 'DAYS(dueDate, orderDate)', fields: { dueDate: '2026-12-01', orderDate: '2026-11-24' }, result: 7 },
    },
    (args) => {
      const end = dayArg('DAYS', args, 0);
      const start = dayArg('DAYS', args, 1);
      return end === null || start === null ? null : end - start;
    },
  ),
  defineFunction(
    {
      name: 'EDATE',
      family: 'date',
      signature: 'EDATE(startDate, months)',
      params: [
        { name: 'startDate', type: 'date' },
        { name: 'months', type: 'number' },
      ],
      returns: 'date',
      help: {
        'zh-CN': '返回若干个月之后（负数为之前）的同一天；该月没有这一天时取月末。',
        en: 'Returns the same day some months later (earlier when negative), or the month end when that month is shorter.',
      },
      example: { source: 'EDATE("2026-01-31", 1)', result: '2026-02-28' },
    },
    (args) => {
      const start = dayArg('EDATE', args, 0);
      return start === null ? null : formatDate(addMonths(start, toNumber(arg(args, 1))) * DAY_MS);
    },
  ),
  defineFunction(
    {
      name: 'WORKDAY',
      family: 'date',
      signature: 'WORKDAY(startDate, days, [holidays])',
      params: [
        { name: 'startDate', type: 'date' },
        { name: 'days', type: 'number' },
        { name: 'holidays', type: 'dates', optional: true },
      ],
      returns: 'date',
      help: {
        'zh-CN': '返回若干个工作日之后的日期，跳过周六、周日和节假日列表。',
        en: 'Returns the date some working days later, skipping Saturdays, Sundays and the listed holidays.',
      },
      example: { source: 'WORKDAY("2026-11-20", 3)', result: '2026-11-25' },
    },
    (args, state) => {
      const start = dayArg('WORKDAY', args, 0);
      if (start === null) return null;
      const days = Math.trunc(toNumber(arg(args, 1)));
      checkSpan('WORKDAY', days * 2, state);
      const skip = holidays('WORKDAY', arg(args, 2), state);
      const step = days < 0 ? -1 : 1;
      let day = start;
      for (let left = Math.abs(days); left > 0; ) {
        day += step;
        if (isWeekday(day) && !skip.has(day)) left--;
      }
      return formatDate(day * DAY_MS);
    },
  ),
  defineFunction(
    {
      name: 'NETWORKDAYS',
      family: 'date',
      signature: 'NETWORKDAYS(startDate, endDate, [holidays])',
      params: [
        { name: 'startDate', type: 'date' },
        { name: 'endDate', type: 'date' },
        { name: 'holidays', type: 'dates', optional: true },
      ],
      returns: 'number',
      help: {
        'zh-CN': '返回两个日期之间（含首尾）的工作日数，不计周六、周日和节假日。',
        en: 'Returns the working days between two dates, both included, without Saturdays, Sundays and holidays.',
      },
      example: { source: 'NETWORKDAYS("2026-11-02", "2026-11-30")', result: 21 },
    },
    (args, state) => {
      const start = dayArg('NETWORKDAYS', args, 0);
      const end = dayArg('NETWORKDAYS', args, 1);
      if (start === null || end === null) return null;
      checkSpan('NETWORKDAYS', end - start, state);
      const skip = holidays('NETWORKDAYS', arg(args, 2), state);
      const [from, to, sign] = start <= end ? [start, end, 1] : [end, start, -1];
      let count = 0;
      for (let day = from; day <= to; day++) {
        if (isWeekday(day) && !skip.has(day)) count++;
      }
      return sign * count;
    },
  ),
  defineFunction(
    {
      name: 'DATEDIF',
      family: 'date',
      signature: 'DATEDIF(startDate, endDate, unit)',
      params: [
        { name: 'startDate', type: 'date' },
        { name: 'endDate', type: 'date' },
        { name: 'unit', type: 'text' },
      ],
      returns: 'number',
      help: {
        'zh-CN': '返回两个日期之间完整的天数（"D"）、月数（"M"）或年数（"Y"）。',
        en: 'Returns the whole days ("D"), months ("M") or years ("Y") between two dates.',
      },
      example: { source: 'DATEDIF(hireDate, TODAY(), "Y")', fields: { hireDate: '2019-12-01' }, result: 6 },
    },
    (args) => {
      const start = dayArg('DATEDIF', args, 0);
      const end = dayArg('DATEDIF', args, 1);
      return start === null || end === null ? null : datedif(start, end, toText(arg(args, 2)));
    },
  ),
];
