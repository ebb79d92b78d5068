import { Decimal } from 'decimal.js';
import type { Value } from '../types.js';
import { numericText } from './coerce.js';
import { parseTemporal } from './dates.js';
import { formulaError } from './formula-error.js';

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -50, toExpPos: 50 });

const NUMBER_FORMAT = /^([^0#.,]*)([0#,]*)(?:\.([0#]*))?([^0#]*)$/;
const DATE_LETTERS = /[yYdDhHsS]/;
/** Formats are short; a longer one (from a field) is refused before any pattern runs on it. */
const MAX_FORMAT_LENGTH = 255;

/**
 * TEXT(value, format) for the formats factories use: numbers with `0`, `#`, `,`, `.` and `%`
 * plus literal text around them (`¥#,##0.00`, `0.0%`, `0.00元`), and dates with `yyyy yy mm m dd d
 * hh h mm ss` and literal text (`yyyy-mm-dd`, `yyyy年m月d日`, `yyyy-mm-dd hh:mm`), in UTC.
 */
export function formatText(value: Value, format: string): string {
  if (format.length > MAX_FORMAT_LENGTH) {
    throw formulaError('#VALUE!', `TEXT formats have at most ${MAX_FORMAT_LENGTH} characters`);
  }
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    const temporal = parseTemporal(value);
    if (temporal !== null) {
      if (!DATE_LETTERS.test(format)) {
        throw formulaError('#VALUE!', `TEXT of a date needs a date format such as yyyy-mm-dd, not ${JSON.stringify(format)}`);
      }
      return formatDateValue(temporal.ms, format);
    }
    const parsed = numericText(value);
    if (parsed === undefined) return value;
    return formatNumberValue(parsed, format);
  }
  return formatNumberValue(Number(value), format);
}

function formatNumberValue(value: number, format: string): string {
  const parts = NUMBER_FORMAT.exec(format);
  if (parts === null) {
    throw formulaError('#VALUE!', `TEXT cannot read the number format ${JSON.stringify(format)}`);
  }
  const [, prefix = '', integerPattern = '', decimalPattern = '', suffix = ''] = parts;
  if (integerPattern === '' && decimalPattern === '') {
    throw formulaError('#VALUE!', `TEXT of a number needs a number format such as 0.00, not ${JSON.stringify(format)}`);
  }
  const percent = (prefix + suffix).includes('%');
  const minDecimals = decimalPattern.replace(/#/g, '').length;
  const maxDecimals = decimalPattern.length;
  const minInteger = integerPattern.replace(/[#,]/g, '').length;
  let exact = new Exact(value);
  if (percent) exact = exact.times(100);
  const rounded = exact.abs().toDecimalPlaces(maxDecimals, Decimal.ROUND_HALF_UP);
  const [wholeDigits = '0', fractionDigits = ''] = rounded.toFixed(maxDecimals).split('.');
  let fraction = fractionDigits;
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  let whole = wholeDigits === '0' && minInteger === 0 ? '' : wholeDigits.padStart(minInteger, '0');
  if (integerPattern.includes(',')) whole = groupThousands(whole);
  const body = fraction === '' ? whole : `${whole}.${fraction}`;
  const negative = exact.isNegative() && !rounded.isZero();
  return `${negative ? '-' : ''}${prefix}${body === '' ? '0' : body}${suffix}`;
}

function groupThousands(digits: string): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(',');
}

interface DateToken {
  readonly letter: string;
  readonly width: number;
}

function tokenizeDateFormat(format: string): (DateToken | string)[] {
  const tokens: (DateToken | string)[] = [];
  for (let i = 0; i < format.length; ) {
    const letter = (format[i] as string).toLowerCase();
    if ('ymdhs'.includes(letter)) {
      let width = 1;
      while ((format[i + width] ?? '').toLowerCase() === letter) width++;
      tokens.push({ letter, width });
      i += width;
    } else {
      tokens.push(format[i] as string);
      i++;
    }
  }
  return tokens;
}

/** `m`/`mm` right after hours or right before seconds means minutes, as in Excel. */
function isMinutes(tokens: readonly (DateToken | string)[], index: number): boolean {
  const near = (step: number): DateToken | undefined => {
    for (let i = index + step; i >= 0 && i < tokens.length; i += step) {
      const token = tokens[i];
      if (typeof token !== 'string') return token;
    }
    return undefined;
  };
  return near(-1)?.letter === 'h' || near(1)?.letter === 's';
}

function formatDateValue(ms: number, format: string): string {
  const date = new Date(ms);
  const tokens = tokenizeDateFormat(format);
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return tokens
    .map((token, index) => {
      if (typeof token === 'string') return token;
      const twoDigits = token.width >= 2 ? 2 : 1;
      switch (token.letter) {
        case 'y':
          return token.width <= 2 ? pad(date.getUTCFullYear() % 100, 2) : pad(date.getUTCFullYear(), 4);
        case 'm':
          return isMinutes(tokens, index) ? pad(date.getUTCMinutes(), twoDigits) : pad(date.getUTCMonth() + 1, twoDigits);
        case 'd':
          return pad(date.getUTCDate(), twoDigits);
        case 'h':
          return pad(date.getUTCHours(), twoDigits);
        default:
          return pad(date.getUTCSeconds(), twoDigits);
      }
    })
    .join('');
}
