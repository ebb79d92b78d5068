import { compareText } from './mrp-model.js';

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
 * the ties that are not in id order yet.
 */
export function allocationOrder(rows: OrderRows): Int32Array {
  const order = sortBySlot(rows);
  const { due, priority, rank } = rows;
  let start = 0;
  for (let at = 1; at <= rows.length; at++) {
    if (at < rows.length) {
      const a = order[at - 1]!;
      const b = order[at]!;
      if (due[a] === due[b] && priority[a] === priority[b] && rank[a] === rank[b]) continue;
    }
    if (at - start > 1 && !idsAscending(rows, order, start, at)) {
      const ties = Array.from(order.subarray(start, at)).sort((a, b) => compareIds(rows, a, b));
      order.set(ties, start);
    }
    start = at;
  }
  return order;
}

// Wider than this many days per demand, counting by day costs more than it saves.
const DAYS_PER_ROW = 4;

/**
 * A stable sort by day, priority and rank. Demands are counted into their days (a counting sort:
 * days are integers in a horizon, and a comparison sort of a shared component's thousands of
 * demands was a large share of planning); then a day whose demands are not in priority and rank
 * order already is sorted by one number each, priority, rank and index, natively. Days outside a
 * horizon's width, or priorities outside the schema's range, take the comparator sort.
 */
function sortBySlot(rows: OrderRows): Int32Array {
  const count = rows.length;
  const { due, priority, rank } = rows;
  let first = Infinity;
  let last = -Infinity;
  for (let index = 0; index < count; index++) {
    const value = priority[index]!;
    const day = due[index]!;
    if (!Number.isInteger(value) || value < 0 || value >= PRIORITIES || !Number.isInteger(day)) return sortByComparator(rows);
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (count === 0) return new Int32Array(0);
  const days = last - first + 1;
  if (days > DAYS_PER_ROW * count + 1024) return sortByComparator(rows);
  const starts = new Int32Array(days + 1);
  for (let index = 0; index < count; index++) {
    const day = due[index]! - first + 1;
    starts[day] = starts[day]! + 1;
  }
  for (let day = 1; day <= days; day++) starts[day] = starts[day]! + starts[day - 1]!;
  const order = new Int32Array(count);
  const next = starts.slice(0, days);
  for (let index = 0; index < count; index++) {
    const day = due[index]! - first;
    order[next[day]!] = index;
    next[day] = next[day]! + 1;
  }
  // One buffer for every day's keys: a buffer per day was hundreds of thousands of allocations.
  let keys: Float64Array | undefined;
  for (let day = 0; day < days; day++) {
    const from = starts[day]!;
    const to = starts[day + 1]!;
    let sorted = true;
    for (let at = from + 1; at < to && sorted; at++) {
      const a = order[at - 1]!;
      const b = order[at]!;
      sorted = priority[a]! < priority[b]! || (priority[a] === priority[b] && rank[a]! <= rank[b]!);
    }
    if (sorted) continue;
    keys ??= new Float64Array(count);
    const dayKeys = keys.subarray(from, to);
    for (let at = from; at < to; at++) {
      const index = order[at]!;
      dayKeys[at - from] = (priority[index]! * RANKS + rank[index]!) * count + index;
    }
    dayKeys.sort();
    for (let at = from; at < to; at++) order[at] = dayKeys[at - from]! % count;
  }
  return order;
}

function sortByComparator(rows: OrderRows): Int32Array {
  const { due, priority, rank } = rows;
  const bySlot = (a: number, b: number) => due[a]! - due[b]! || priority[a]! - priority[b]! || rank[a]! - rank[b]!;
  return Int32Array.from(Array.from({ length: rows.length }, (_, index) => index).sort((a, b) => bySlot(a, b) || a - b));
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
export function compareIds(rows: OrderRows, a: number, b: number): number {
  const keys = rows.idKey;
  if (keys !== undefined) {
    // NaN compares false both ways: then, and for one parent supply's rows, the text decides.
    const x = keys[a]!;
    const y = keys[b]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  const p = rows.parentSupply(a);
  const q = rows.parentSupply(b);
  if (p !== undefined && q !== undefined && p !== q && !p.startsWith(q) && !q.startsWith(p)) return p < q ? -1 : 1;
  return compareText(rows.id(a), rows.id(b));
}

/**
 * The allocation order of all rows, given `kept`, rows already in allocation order among themselves,
 * and `fresh`, the others (ascending indexes): the fresh rows are sorted alone and merged in, so
 * replanning an item whose incoming demand changed in a few parents' blocks sorts those rows only.
 * Undefined when two rows have the same id (the full sort then orders them by index).
 */
export function mergedOrder(rows: OrderRows, kept: Int32Array, fresh: Int32Array): Int32Array | undefined {
  const { due, priority, rank } = rows;
  const sortedFresh = allocationOrder(subset(rows, fresh));
  const order = new Int32Array(kept.length + fresh.length);
  let k = 0;
  let f = 0;
  let at = 0;
  while (k < kept.length && f < fresh.length) {
    const a = kept[k]!;
    const b = fresh[sortedFresh[f]!]!;
    let cmp = due[a]! - due[b]! || priority[a]! - priority[b]! || rank[a]! - rank[b]!;
    if (cmp === 0) cmp = compareIds(rows, a, b);
    if (cmp === 0) return undefined;
    if (cmp < 0) {
      order[at++] = a;
      k += 1;
    } else {
      order[at++] = b;
      f += 1;
    }
  }
  while (k < kept.length) order[at++] = kept[k++]!;
  while (f < fresh.length) order[at++] = fresh[sortedFresh[f++]!]!;
  return order;
}

function subset(rows: OrderRows, indexes: Int32Array): OrderRows {
  const count = indexes.length;
  const due = new Float64Array(count);
  const priority = new Float64Array(count);
  const rank = new Float64Array(count);
  const idKey = new Float64Array(count).fill(Number.NaN);
  for (let at = 0; at < count; at++) {
    const index = indexes[at]!;
    due[at] = rows.due[index]!;
    priority[at] = rows.priority[index]!;
    rank[at] = rows.rank[index]!;
    if (rows.idKey !== undefined) idKey[at] = rows.idKey[index]!;
  }
  return { length: count, due, priority, rank, idKey, parentSupply: (at) => rows.parentSupply(indexes[at]!), id: (at) => rows.id(indexes[at]!) };
}
