import { Decimal } from 'decimal.js';
import { formulaError } from './formula-error.js';

/**
 * Decimal arithmetic on JS numbers. Each number is read as the shortest decimal that prints as it
 * (0.1 is 0.1, not 0.1000000000000000055...), the operation is exact, and the result is rounded
 * to 15 significant digits, Excel's precision: so 0.1 + 0.2 is 0.3, 1.005 * 1000 is 1005,
 * ROUND(2.675, 2) is 2.68 and 1/3*3 is 1. Division, SQRT and fractional powers keep the full
 * double, so that a quotient multiplied back comes out whole. Integers below 10^15 skip
 * decimal.js because they are exact already.
 */
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -50, toExpPos: 50 });
type Exact = InstanceType<typeof Exact>;

export const SIGNIFICANT_DIGITS = 15;
const QUICK_LIMIT = 1e15;

export type RoundingMode = 'half-away' | 'away' | 'toward-zero';

const ROUNDING: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  'half-away': Decimal.ROUND_HALF_UP,
  away: Decimal.ROUND_UP,
  'toward-zero': Decimal.ROUND_DOWN,
};

function finish(result: Exact, fullPrecision = false): number {
  const value = (fullPrecision ? result : result.toSignificantDigits(SIGNIFICANT_DIGITS)).toNumber();
  if (!Number.isFinite(value)) {
    throw formulaError('#NUM!', 'The result is too large');
  }
  return value === 0 ? 0 : value;
}

function bothSmallIntegers(a: number, b: number, result: number): boolean {
  return Number.isInteger(a) && Number.isInteger(b) && Math.abs(result) < QUICK_LIMIT;
}

export function add(a: number, b: number): number {
  const quick = a + b;
  return bothSmallIntegers(a, b, quick) ? quick : finish(new Exact(a).plus(b));
}

export function subtract(a: number, b: number): number {
  const quick = a - b;
  return bothSmallIntegers(a, b, quick) ? quick : finish(new Exact(a).minus(b));
}

export function multiply(a: number, b: number): number {
  const quick = a * b;
  return bothSmallIntegers(a, b, quick) ? quick + 0 : finish(new Exact(a).times(b));
}

export function divide(a: number, b: number): number {
  if (b === 0) {
    throw formulaError('#DIV/0!', 'Division by zero');
  }
  return finish(new Exact(a).dividedBy(b), true);
}

export function power(base: number, exponent: number): number {
  if (base === 0 && exponent < 0) {
    throw formulaError('#DIV/0!', 'Zero to a negative power is a division by zero');
  }
  if (base < 0 && !Number.isInteger(exponent)) {
    throw formulaError('#NUM!', 'A negative number to a fractional power has no real result');
  }
  return finish(new Exact(base).pow(exponent), !Number.isInteger(exponent));
}

export function squareRoot(value: number): number {
  if (value < 0) {
    throw formulaError('#NUM!', 'SQRT of a negative number');
  }
  return finish(new Exact(value).sqrt(), true);
}

/** Rounds to `digits` decimals (negative: tens, hundreds...) on the decimal value. */
export function round(value: number, digits: number, mode: RoundingMode): number {
  const places = Math.trunc(digits);
  const exact = new Exact(value);
  if (places >= 0) {
    return finish(exact.toDecimalPlaces(Math.min(places, 100), ROUNDING[mode]));
  }
  const scale = new Exact(10).pow(-places);
  return finish(exact.dividedBy(scale).toDecimalPlaces(0, ROUNDING[mode]).times(scale));
}

/** value - divisor * floor(value / divisor): the result has the divisor's sign, as in Excel. */
export function modulo(value: number, divisor: number): number {
  if (divisor === 0) {
    throw formulaError('#DIV/0!', 'MOD by zero');
  }
  const exact = new Exact(value);
  const quotient = exact.dividedBy(divisor).floor();
  return finish(exact.minus(quotient.times(divisor)));
}

/** Rounds to a multiple of `step`, up (`ceil`) or down (`floor`), on the decimal value. */
export function toMultiple(value: number, step: number, direction: 'ceil' | 'floor'): number {
  const units = new Exact(value).dividedBy(step);
  return finish((direction === 'ceil' ? units.ceil() : units.floor()).times(step));
}

/** Exact sum of many numbers in one decimal accumulator (one conversion back, not one per item). */
export function sum(values: readonly number[]): number {
  let quick = 0;
  let i = 0;
  for (; i < values.length; i++) {
    const value = values[i] as number;
    const next = quick + value;
    if (!Number.isInteger(value) || Math.abs(next) >= QUICK_LIMIT) break;
    quick = next;
  }
  if (i === values.length) {
    return quick;
  }
  let total = new Exact(quick);
  for (; i < values.length; i++) {
    total = total.plus(values[i] as number);
  }
  return finish(total);
}

/** Exact sum of products of pairs (SUMPRODUCT of two columns, the usual line-item total). */
export function sumOfProducts(columns: readonly (readonly number[])[], length: number): number {
  let total = new Exact(0);
  for (let i = 0; i < length; i++) {
    let product = new Exact(1);
    for (const column of columns) {
      product = product.times(column[i] as number);
    }
    total = total.plus(product);
  }
  return finish(total);
}
