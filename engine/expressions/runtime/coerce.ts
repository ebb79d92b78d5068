import type { Value } from '../types.js';
import { formulaError } from './formula-error.js';

// Each run of digits can be matched one way only, so the test stays linear on hostile text.
const NUMERIC_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** No number a person types is longer; longer text is not read as one. */
const MAX_NUMERIC_TEXT = 400;

/** The number a text spells (`" 12.5 "`, `"1e3"`), or undefined when it is no finite number. */
export function numericText(text: string): number | undefined {
  if (text.length > MAX_NUMERIC_TEXT || !NUMERIC_TEXT.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function isBlank(value: Value): value is null | '' {
  return value === null || value === '';
}

export function isList(value: Value): value is readonly Value[] {
  return Array.isArray(value);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
}

/** Blank is 0, TRUE is 1, numeric text is its number; other text fails with #VALUE!. */
export function toNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (value === null || value === '') return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const parsed = numericText(value);
    if (parsed !== undefined) return parsed;
    throw formulaError('#VALUE!', `The text ${quote(value)} is not a number`);
  }
  throw formulaError('#VALUE!', 'A list (sub-table column) cannot be used as a single number');
}

/** Plain decimal notation for numbers Excel would show, so `1 & ""` is "1" and 0.1+0.2 is "0.3". */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

export function toText(value: Value): string {
  if (typeof value === 'string') return value;
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  throw formulaError('#VALUE!', 'A list (sub-table column) cannot be used as a single text');
}

export function toBoolean(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (value === null || value === '') return false;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const upper = value.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
    throw formulaError('#VALUE!', `The text ${quote(value)} is not TRUE or FALSE`);
  }
  throw formulaError('#VALUE!', 'A list (sub-table column) cannot be used as a single TRUE/FALSE');
}
