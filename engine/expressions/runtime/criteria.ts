import type { Value } from '../types.js';
import { formatNumber, isBlank, numericText } from './coerce.js';
import { parseTemporal } from './dates.js';

type Test = (value: Value) => boolean;
type Charge = (steps: number) => void;

/** Character comparisons of wildcard matching that cost one step of the budget. */
const GLOB_WORK_PER_STEP = 64;

const OPERATOR = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/;
function asNumber(value: Value): number | null {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? (numericText(value) ?? null) : null;
}

type GlobToken = { readonly kind: 'char'; readonly char: string } | { readonly kind: 'any-one' } | { readonly kind: 'any-run' };

/** Excel wildcards: `*` any run, `?` one character, `~` escapes the next one. */
function globTokens(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '~' && i + 1 < pattern.length) {
      tokens.push({ kind: 'char', char: pattern[++i] as string });
    } else {
      tokens.push(char === '*' ? { kind: 'any-run' } : char === '?' ? { kind: 'any-one' } : { kind: 'char', char });
    }
  }
  return tokens;
}

/**
 * Greedy wildcard match that backtracks only to the last `*`: O(text x pattern) at worst, unlike a
 * regular expression, which data and criteria both written by users could make backtrack for ages.
 */
function globMatch(tokens: readonly GlobToken[], text: string, charge: Charge): boolean {
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  let work = 0;
  while (t < text.length) {
    if (++work % GLOB_WORK_PER_STEP === 0) charge(1);
    const token = tokens[p];
    if (token !== undefined && (token.kind === 'any-one' || (token.kind === 'char' && token.char === text[t]))) {
      t++;
      p++;
    } else if (token !== undefined && token.kind === 'any-run') {
      starP = p++;
      starT = t;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (tokens[p]?.kind === 'any-run') p++;
  return p === tokens.length;
}

function ordered(op: string, difference: number): boolean {
  switch (op) {
    case '<':
      return difference < 0;
    case '<=':
      return difference <= 0;
    case '>':
      return difference > 0;
    case '>=':
      return difference >= 0;
    case '<>':
      return difference !== 0;
    default:
      return difference === 0;
  }
}

/**
 * COUNTIF's criteria as in Excel: a number or TRUE/FALSE matches equal values; a text may start
 * with an operator (">5", "<>A", ">=2026-01-01") and otherwise matches case-insensitively with
 * `*` and `?` wildcards; "" matches blanks and "<>" everything that is not blank.
 */
export function criteriaTest(criteria: Value, charge: Charge): Test {
  if (typeof criteria === 'number') {
    return (value) => asNumber(value) === criteria;
  }
  if (typeof criteria === 'boolean') {
    return (value) => value === criteria;
  }
  const text = criteria === null ? '' : typeof criteria === 'string' ? criteria : '';
  const [, op = '=', operand = ''] = OPERATOR.exec(text) ?? [];
  if (operand === '') {
    return op === '<>' ? (value) => !isBlank(value) : op === '=' ? isBlank : () => false;
  }
  const number = asNumber(operand);
  if (number !== null) {
    return (value) => {
      const actual = asNumber(value);
      return actual === null ? op === '<>' : ordered(op, actual - number);
    };
  }
  const date = parseTemporal(operand);
  if (date !== null) {
    return (value) => {
      const actual = typeof value === 'string' ? parseTemporal(value) : null;
      return actual === null ? op === '<>' : ordered(op, actual.ms - date.ms);
    };
  }
  if (op === '=' || op === '<>') {
    const tokens = globTokens(operand.toLowerCase());
    return (value) => {
      const actual = typeof value === 'number' ? formatNumber(value) : typeof value === 'string' ? value : '';
      return globMatch(tokens, actual.toLowerCase(), charge) === (op === '=');
    };
  }
  const lower = operand.toLowerCase();
  return (value) => typeof value === 'string' && ordered(op, value.toLowerCase() < lower ? -1 : value.toLowerCase() > lower ? 1 : 0);
}
