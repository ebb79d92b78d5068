import { compareText } from './mrp-model.js';
import { ScratchArray } from './scratch-array.js';

/** What the allocation order reads of an item's demands, by their index before sorting. */
export interface OrderRows {
  readonly length: number;
  readonly due: ArrayLike<number>;
  readonly priority: ArrayLike<number>;
  readonly rank: ArrayLike<number>;
  /** A dependent demand's parent supply (its id is `<parent supply>/<line no>`); undefined for others. */
  parentSupply(index: number): string | undefined;
  id(index: number): string;
  /** Numbers in the order of the ids, where known (NaN: compare the ids). */
  readonly idKey?: ArrayLike<number>;
}

// Priorities are integers 1 to 1000 (safety stock 0); three ranks.
const PRIORITIES = 1001;
const RANKS = 3;

/**
 * The allocation order, as the demands' indexes: due day, then priority (lower first), then rank,
 * then id. A shared component gets thousands of demands on the same day and priority, and comparing
 * their ids is most of a full sort's cost; but its incoming demand arrives parent by parent, mostly in
 * id order already. So: a stable sort by day, priority and rank, then one pass that sorts by id only
 * the ties that are not in id order yet. The order is valid until the next call.
 */
export function allocationOrder(rows: OrderRows): Int32Array {
  const { order, slots } = sortBySlot(rows);
  // Different id keys decide by their difference (a NaN difference is falsy: then the ids do).
  const keys = rows.idKey;
  let start = 0;
  for (let at = 1; at <= rows.length; at++) {
    if (at < rows.length && slots[at - 1] === slots[at]) continue;
    if (at - start > 1 && !idsAscending(rows, order, start, at)) {
      const ties = Array.from(order.subarray(start, at)).sort(keys === undefined ? (a, b) => compareIds(rows, a, b) : (a, b) => keys[a]! - keys[b]! || compareIds(rows, a, b));
      order.set(ties, start);
    }
    start = at;
  }
  return order;
}

/**
 * A stable sort by day, priority and rank: each demand gets one number, its slot, and returns each
 * position's slot too (equal exactly for equal slots), for the pass that orders ties by id. Days lie
 * within the horizon and an item's demands fall in few classes (priority and rank), so mostly the
 * slots, day by class, are few enough to count (a counting sort: no comparisons at all), or else
 * the days are, class and day counted in turn; otherwise a typed array of slot and index sorts
 * natively, and when a slot would not fit a double exactly (priorities out of the schema's range),
 * the comparator sort.
 */
function sortBySlot(rows: OrderRows): { order: Int32Array; slots: ArrayLike<number> } {
  const count = rows.length;
  const { due, priority } = rows;
  let first = Infinity;
  let last = -Infinity;
  for (let index = 0; index < count; index++) {
    const value = priority[index]!;
    if (!Number.isInteger(value) || value < 0 || value >= PRIORITIES) return sortByComparator(rows);
    if (due[index]! < first) first = due[index]!;
    if (due[index]! > last) last = due[index]!;
  }
  const classes = classRanks(rows);
  const days = last - first + 1;
  const slotCount = days * classes;
  if (slotCount <= 2 * count) return countingSort(rows, first, classes, slotCount);
  if (days <= DAYS_PER_ROW * count + FEW_DAYS) return countingSortTwice(rows, first, classes, days);
  clearClassRanks(rows);
  if ((last - first + 1) * PRIORITIES * RANKS * count > Number.MAX_SAFE_INTEGER) return sortByComparator(rows);
  return sortByKeys(rows, first);
}

// Per class (priority, then rank), its place among the item's classes: reused, reset after each item.
const classRank = new Int32Array(PRIORITIES * RANKS).fill(-1);

const classOf = (rows: OrderRows, index: number) => rows.priority[index]! * RANKS + rows.rank[index]!;

/** Ranks the classes that occur (ascending) into classRank; returns how many there are. */
function classRanks(rows: OrderRows): number {
  const seen: number[] = [];
  for (let index = 0; index < rows.length; index++) {
    const value = classOf(rows, index);
    if (classRank[value] === -1) {
      classRank[value] = 0;
      seen.push(value);
    }
  }
  seen.sort((a, b) => a - b);
  seen.forEach((value, at) => (classRank[value] = at));
  return seen.length;
}

function clearClassRanks(rows: OrderRows): void {
  for (let index = 0; index < rows.length; index++) classRank[classOf(rows, index)] = -1;
}

// The sorts' arrays, reused by the next item: the order returned is valid until the next call.
const ints = (length: number) => new Int32Array(length);
const floats = (length: number) => new Float64Array(length);
const counts = new ScratchArray(ints);
const perRow = new ScratchArray(ints);
const byClassRows = new ScratchArray(ints);
const orderRows = new ScratchArray(ints);
const slotNumbers = new ScratchArray(floats);
const keyNumbers = new ScratchArray(floats);

function countsFor(slotCount: number): Int32Array {
  return counts.take(slotCount + 1).fill(0);
}

function countingSort(rows: OrderRows, first: number, classes: number, slotCount: number): { order: Int32Array; slots: Float64Array } {
  const count = rows.length;
  const { due } = rows;
  const starts = countsFor(slotCount);
  const slotOf = perRow.take(count);
  for (let index = 0; index < count; index++) {
    const slot = (due[index]! - first) * classes + classRank[classOf(rows, index)]!;
    slotOf[index] = slot;
    starts[slot + 1] = starts[slot + 1]! + 1;
  }
  clearClassRanks(rows);
  for (let slot = 0; slot < slotCount; slot++) starts[slot + 1] = starts[slot + 1]! + starts[slot]!;
  const order = orderRows.take(count);
  const slots = slotNumbers.take(count);
  for (let index = 0; index < count; index++) {
    const at = starts[slotOf[index]!]!++;
    order[at] = index;
    slots[at] = slotOf[index]!;
  }
  return { order, slots };
}

// Counting by day pays for every day between an item's first and last demand: where those are many
// against its demands, sorting keys costs less.
const DAYS_PER_ROW = 4;
const FEW_DAYS = 1024;

/**
 * Where there are too many slots to count at once (few demands spread over the horizon in several
 * classes): a stable counting sort by class, then one by day, which is the same order.
 */
function countingSortTwice(rows: OrderRows, first: number, classes: number, days: number): { order: Int32Array; slots: Float64Array } {
  const count = rows.length;
  const { due } = rows;
  const classOfRow = perRow.take(count);
  let starts = countsFor(classes);
  for (let index = 0; index < count; index++) {
    const at = classRank[classOf(rows, index)]!;
    classOfRow[index] = at;
    starts[at + 1] = starts[at + 1]! + 1;
  }
  clearClassRanks(rows);
  for (let at = 0; at < classes; at++) starts[at + 1] = starts[at + 1]! + starts[at]!;
  const byClass = byClassRows.take(count);
  for (let index = 0; index < count; index++) byClass[starts[classOfRow[index]!]!++] = index;
  starts = countsFor(days);
  for (let index = 0; index < count; index++) {
    const day = due[index]! - first;
    starts[day + 1] = starts[day + 1]! + 1;
  }
  for (let day = 0; day < days; day++) starts[day + 1] = starts[day + 1]! + starts[day]!;
  const order = orderRows.take(count);
  const slots = slotNumbers.take(count);
  for (let at = 0; at < count; at++) {
    const index = byClass[at]!;
    const to = starts[due[index]! - first]!++;
    order[to] = index;
    slots[to] = (due[index]! - first) * classes + classOfRow[index]!;
  }
  return { order, slots };
}

function sortByKeys(rows: OrderRows, first: number): { order: Int32Array; slots: Float64Array } {
  const count = rows.length;
  const { due, priority, rank } = rows;
  const keys = keyNumbers.take(count);
  for (let index = 0; index < count; index++) keys[index] = (((due[index]! - first) * PRIORITIES + priority[index]!) * RANKS + rank[index]!) * count + index;
  keys.sort();
  const order = orderRows.take(count);
  const slots = slotNumbers.take(count);
  for (let at = 0; at < count; at++) {
    const index = keys[at]! % count;
    order[at] = index;
    slots[at] = (keys[at]! - index) / count;
  }
  return { order, slots };
}

function sortByComparator(rows: OrderRows): { order: Int32Array; slots: number[] } {
  const { due, priority, rank } = rows;
  const bySlot = (a: number, b: number) => due[a]! - due[b]! || priority[a]! - priority[b]! || rank[a]! - rank[b]!;
  const indexes = Array.from({ length: rows.length }, (_, index) => index).sort((a, b) => bySlot(a, b) || a - b);
  const slots: number[] = [];
  let slot = 0;
  for (let at = 0; at < indexes.length; at++) {
    if (at > 0 && bySlot(indexes[at - 1]!, indexes[at]!) !== 0) slot += 1;
    slots.push(slot);
  }
  return { order: Int32Array.from(indexes), slots };
}

function idsAscending(rows: OrderRows, order: Int32Array, from: number, to: number): boolean {
  for (let at = from + 1; at < to; at++) if (idAfter(rows, order[at - 1]!, order[at]!)) return false;
  return true;
}

/**
 * Whether a's id sorts after b's. A dependent demand's id is `${parentSupply}/${bomLine}`, made on
 * request; the parent supply ids are shared by all of a parent's lines and already flat. Comparing
 * those gives the same answer unless one is a prefix of the other; only then are the ids compared.
 */
function idAfter(rows: OrderRows, a: number, b: number): boolean {
  return compareIds(rows, a, b) > 0;
}

/** compareText of the two ids, without making them where their keys or parent supplies decide. */
function compareIds(rows: OrderRows, a: number, b: number): number {
  const keys = rows.idKey;
  if (keys !== undefined) {
    // NaN compares false both ways: then, and for one parent supply's rows, the text decides.
    const x = keys[a]!;
    const y = keys[b]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return compareParents(rows.parentSupply(a), rows.parentSupply(b)) || compareText(rows.id(a), rows.id(b));
}

/**
 * How two dependent demands' ids compare by their parent supplies alone, 0 where those do not decide:
 * an own demand (undefined), the same parent, or one parent's id a prefix of the other's.
 */
export function compareParents(p: string | undefined, q: string | undefined): number {
  if (p !== undefined && q !== undefined && p !== q && !p.startsWith(q) && !q.startsWith(p)) return p < q ? -1 : 1;
  return 0;
}
