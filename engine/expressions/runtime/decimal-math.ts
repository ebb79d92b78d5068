import { Decimal } from 'decimal.js';
import { formulaError } from './formula-error.js';

/**
 * Decimal arithmetic on JS numbers. Each number is read as the shortest decimal that prints as it
 * (0.1 is 0.1, not 0.1000000000000000055...), the operation is exact, and the result is rounded
 * to 15 significant digits, Excel's precision: so 0.1 + 0.2 is 0.3, 1.005 * 1000 is 1005,
 * ROUND(2.675, 2) is 2.68 and 1/3*3 is 1. Division, SQRT and fractional powers keep the full
 * double, so that a quotient multiplied back comes out whole. Amounts with up to 9 decimals
 * take an exact integer fast path that gives the same results without decimal.js.
 */
/**
 * Sums, differences and products of doubles need at most about 1,300 digits to be exact, so with
 * this precision they are, and the one rounding to 15 digits at the end is the only one. Digits
 * cost only when used: ordinary amounts stay short.
 */
const Exact = Decimal.clone({ precision: 1500, rounding: Decimal.ROUND_HALF_UP, modulo: Decimal.ROUND_FLOOR, toExpNeg: -50, toExpPos: 50 });
type Exact = InstanceType<typeof Exact>;

/** Quotients, roots and powers do not end; 40 digits is ample for a double. */
const Inexact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -50, toExpPos: 50 });

const SIGNIFICANT_DIGITS = 15;
const QUICK_LIMIT = 1e15;

export type RoundingMode = 'half-away' | 'away' | 'toward-zero';

const ROUNDING: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  'half-away': Decimal.ROUND_HALF_UP,
  away: Decimal.ROUND_UP,
  'toward-zero': Decimal.ROUND_DOWN,
};

function finish(result: Decimal, fullPrecision = false): number {
  const value = (fullPrecision ? result : result.toSignificantDigits(SIGNIFICANT_DIGITS)).toNumber();
  if (!Number.isFinite(value)) {
    throw formulaError('#NUM!', 'The result is too large');
  }
  return value === 0 ? 0 : value;
}

const SCALES = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/**
 * The smallest power of ten s for which x is the double nearest to a whole n / s with |n| below
 * 10^15, or 0. Then n / s is the decimal decimal.js would read x as, and integer arithmetic on
 * n is exact: the fast path gives bit for bit what the decimal.js path gives, far sooner.
 */
function scaleOf(x: number): number {
  for (const scale of SCALES) {
    const whole = Math.round(x * scale);
    if (whole / scale === x) return Math.abs(whole) < QUICK_LIMIT ? scale : 0;
  }
  return 0;
}

/** x as a whole number at a scale at least its own, or NaN when that leaves the exact range. */
function scaled(x: number, scale: number): number {
  const whole = Math.round(x * scale);
  return Math.abs(whole) < QUICK_LIMIT ? whole : Number.NaN;
}

/** A whole result at a scale, converted back; NaN when it is too large to be exact. */
function unscaled(whole: number, scale: number): number {
  return Math.abs(whole) < QUICK_LIMIT ? whole / scale + 0 : Number.NaN;
}

function quickAdd(a: number, b: number): number {
  const scaleA = scaleOf(a);
  const scaleB = scaleOf(b);
  if (scaleA === 0 || scaleB === 0) return Number.NaN;
  const scale = Math.max(scaleA, scaleB);
  return unscaled(scaled(a, scale) + scaled(b, scale), scale);
}

export function add(a: number, b: number): number {
  const quick = quickAdd(a, b);
  return Number.isNaN(quick) ? finish(new Exact(a).plus(b)) : quick;
}

export function subtract(a: number, b: number): number {
  const quick = quickAdd(a, -b);
  return Number.isNaN(quick) ? finish(new Exact(a).minus(b)) : quick;
}

export function multiply(a: number, b: number): number {
  const scaleA = scaleOf(a);
  const scaleB = scaleOf(b);
  const quick = scaleA === 0 || scaleB === 0 ? Number.NaN : unscaled(scaled(a, scaleA) * scaled(b, scaleB), scaleA * scaleB);
  return Number.isNaN(quick) ? finish(new Exact(a).times(b)) : quick;
}

export function divide(a: number, b: number): number {
  if (b === 0) {
    throw formulaError('#DIV/0!', 'Division by zero');
  }
  return finish(new Inexact(a).dividedBy(b), true);
}

export function power(base: number, exponent: number): number {
  if (base === 0 && exponent < 0) {
    throw formulaError('#DIV/0!', 'Zero to a negative power is a division by zero');
  }
  if (base < 0 && !Number.isInteger(exponent)) {
    throw formulaError('#NUM!', 'A negative number to a fractional power has no real result');
  }
  return finish(new Inexact(base).pow(exponent), !Number.isInteger(exponent));
}

export function squareRoot(value: number): number {
  if (value < 0) {
    throw formulaError('#NUM!', 'SQRT of a negative number');
  }
  return finish(new Inexact(value).sqrt(), true);
}

/** Rounds to `digits` decimals (negative: tens, hundreds...) on the decimal value. */
export function round(value: number, digits: number, mode: RoundingMode): number {
  // Beyond these a double has no digits left to round, and 10^places would only cost time.
  const places = Math.max(-330, Math.min(Math.trunc(digits), 330));
  const exact = new Exact(value);
  if (places >= 0) {
    return finish(exact.toDecimalPlaces(places, ROUNDING[mode]));
  }
  const scale = new Exact(10).pow(-places);
  return finish(exact.dividedBy(scale).toDecimalPlaces(0, ROUNDING[mode]).times(scale));
}

/** value - divisor * floor(value / divisor): the result has the divisor's sign, as in Excel. */
export function modulo(value: number, divisor: number): number {
  if (divisor === 0) {
    throw formulaError('#DIV/0!', 'MOD by zero');
  }
  return finish(new Exact(value).mod(divisor));
}

/** Rounds to a multiple of a positive `step`, up (`ceil`) or down (`floor`), on the decimal value. */
export function toMultiple(value: number, step: number, direction: 'ceil' | 'floor'): number {
  const exact = new Exact(value);
  const remainder = exact.mod(step);
  const below = exact.minus(remainder);
  return finish(direction === 'ceil' && !remainder.isZero() ? below.plus(step) : below);
}

/** Adds whole numbers at a common scale, raising the scale when an item needs more decimals. */
class ScaledTotal {
  whole = 0;
  scale = 1;
  exact = true;

  add(whole: number, scale: number): void {
    if (scale > this.scale) {
      this.whole *= scale / this.scale;
      this.scale = scale;
    }
    const term = whole * (this.scale / scale);
    this.whole += term;
    // Every intermediate stays below 10^15, far inside the doubles' exact integers (2^53).
    this.exact = this.exact && Math.abs(term) < QUICK_LIMIT && Math.abs(this.whole) < QUICK_LIMIT;
  }
}

/** Exact sum of many numbers, rounded once at the end rather than once per item. */
export function sum(values: readonly number[]): number {
  const total = new ScaledTotal();
  for (let i = 0; i < values.length && total.exact; i++) {
    const value = values[i] as number;
    const scale = scaleOf(value);
    if (scale === 0) total.exact = false;
    else total.add(scaled(value, scale), scale);
  }
  if (total.exact) {
    return total.whole / total.scale + 0;
  }
  let exact = new Exact(0);
  for (const value of values) exact = exact.plus(value);
  return finish(exact);
}

/** Exact sum of products of matching items (SUMPRODUCT of two columns, the usual line total). */
export function sumOfProducts(columns: readonly (readonly number[])[], length: number): number {
  const total = new ScaledTotal();
  for (let i = 0; i < length && total.exact; i++) {
    let whole = 1;
    let scale = 1;
    for (const column of columns) {
      const value = column[i] as number;
      const own = scaleOf(value);
      whole *= own === 0 ? Number.NaN : scaled(value, own);
      scale *= own;
    }
    if (!(Math.abs(whole) < QUICK_LIMIT) || scale > 1e15) total.exact = false;
    else total.add(whole, scale);
  }
  if (total.exact) {
    return total.whole / total.scale + 0;
  }
  let exact = new Exact(0);
  for (let i = 0; i < length; i++) {
    let product = new Exact(1);
    for (const column of columns) product = product.times(column[i] as number);
    exact = exact.plus(product);
  }
  return finish(exact);
}
