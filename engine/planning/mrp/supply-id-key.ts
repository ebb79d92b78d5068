import type { MrpModel } from './mrp-model.js';
import { flatText } from './flat-text.js';

/**
 * Numbers that sort like supply ids, so a component's same-day demands (id `<parent supply>/<line
 * no>`) are put in id order without comparing strings. A supply id is a prefix ending in '/' that
 * its item's supplies of one kind share (`PL/<item>/`, `PHANTOM/<item>/`; an open order's own id
 * and '/'), then a rest the planner made: for a planned order the bucket's date (fixed width, so it
 * sorts as its day number) and the order's number, for a phantom its number. The demand table ranks
 * the few distinct prefixes it meets; a row's key is then that rank and the rest's key. Where the
 * rest cannot be put in a number exactly, its key is NaN and ids are compared as strings.
 */

/** Six digits, each 1 to 10, and 0 after the last: text order of the digit strings, shorter first. */
const DIGITS = 6;
export const SEQUENCE_SPAN = 11 ** DIGITS;

// One per planned order and phantom: the small numbers nearly all of them have are worked out once.
const KNOWN_KEYS = 1024;
const knownKeys = new Float64Array(KNOWN_KEYS).fill(-1);

/** The key of a decimal number as text ("10" sorts before "2"); NaN beyond six digits. */
export function sequenceKey(value: number): number {
  if (value >= 0 && value < KNOWN_KEYS && Number.isInteger(value)) {
    const known = knownKeys[value]!;
    return known >= 0 ? known : (knownKeys[value] = keyOf(value));
  }
  return keyOf(value);
}

function keyOf(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value >= 10 ** DIGITS) return Number.NaN;
  // Digits from the last, without making the text (one per planned order).
  let digits = 1;
  while (digits < DIGITS && value >= 10 ** digits) digits += 1;
  let key = 0;
  let rest = value;
  for (let at = digits - 1; at >= 0; at--) {
    key += ((rest % 10) + 1) * 11 ** (DIGITS - 1 - at);
    rest = Math.floor(rest / 10);
  }
  return key;
}

/** How many rest keys there are: one per (horizon day, number). */
export function restSpan(model: MrpModel): number {
  return (model.horizonEnd - model.horizonStart + 1) * SEQUENCE_SPAN;
}

/** `PL/<item>/<bucket date>/<n>` after its prefix. */
export function plannedRestKey(model: MrpModel, bucketDay: number, sequence: number): number {
  const offset = bucketDay - model.horizonStart;
  if (offset < 0 || bucketDay > model.horizonEnd) return Number.NaN;
  return offset * SEQUENCE_SPAN + sequenceKey(sequence);
}

/**
 * `PL/<item>/<bucket start>/<n>`: keyed by the bucket whose needs the order covers and its place
 * among that bucket's orders, so a new order in one bucket does not rename the orders of later
 * buckets, nor, through their exploded demand ids, every component's demand below them.
 */
export function plannedOrderId(model: MrpModel, prefix: string, bucket: number, sequence: number): string {
  return flatText(prefix, model.dayText(model.horizonStart + bucket * model.bucketDays), '/', sequence);
}
