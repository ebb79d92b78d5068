import type { DayNumber } from '../calendar/index.js';
import { type ExplodedLine, type ExplosionList, parentId } from './explosion-list.js';
import type { DemandRecord, SubstituteOption } from './item-records.js';
import type { KeptTable } from './kept-table.js';
import { round6 } from './lot-sizing.js';
import { compareText, type MrpModel } from './mrp-model.js';
import type { SalesOrderCodes } from './sales-order-codes.js';

const NO_SUBSTITUTES: readonly SubstituteOption[] = [];
const DEPENDENT_RANK = 1;

/** Where an item's dependent demand comes from: a parent's explosion list (rows of its lines to the item). */
export interface Incoming {
  readonly list: ExplosionList;
  /** Per version of the list, its lines to the item. */
  readonly lines: readonly (readonly ExplodedLine[])[];
}

export function incomingFrom(list: ExplosionList, item: string): Incoming | undefined {
  const lines = list.linesTo.get(item);
  return lines === undefined ? undefined : { list, lines };
}

/**
 * The columns one item's demand table lives in. Items are planned one at a time and keep no rows
 * (an item's detail is worked out again when it is written out), so every table is a view into
 * these, grown as needed: a large factory has millions of rows, and columns per item were most of
 * the planner's garbage. Two sets: sorting gathers from one into the other.
 */
class Columns {
  capacity = 0;
  due = new Float64Array(0);
  priority = new Float64Array(0);
  rank = new Uint8Array(0);
  qty = new Float64Array(0);
  order = new Int32Array(0);
  source = new Int32Array(0);
  row = new Int32Array(0);
  line = new Int32Array(0);
  idKey = new Float64Array(0);

  ensure(count: number): void {
    if (count <= this.capacity) return;
    const capacity = Math.max(count, this.capacity * 2, 1024);
    this.capacity = capacity;
    this.due = new Float64Array(capacity);
    this.priority = new Float64Array(capacity);
    this.rank = new Uint8Array(capacity);
    this.qty = new Float64Array(capacity);
    this.order = new Int32Array(capacity);
    this.source = new Int32Array(capacity);
    this.row = new Int32Array(capacity);
    this.line = new Int32Array(capacity);
    this.idKey = new Float64Array(capacity);
  }
}

let filled = new Columns();
let spare = new Columns();

/**
 * An item's demands (its own records and the rows its parents' explosions place on it) as columns:
 * what the netting loop reads per demand is in typed arrays, the rest is read through the record or
 * the parent's explosion on request. The table is valid until the next item's table is made.
 */
export class DemandTable {
  readonly length: number;
  due: Float64Array;
  priority: Float64Array;
  rank: Uint8Array;
  qty: Float64Array;
  /** Each demand's sales order (SalesOrderCodes). */
  order: Int32Array;
  /** Where each demand comes from: -1 for an own record, else the index of its incoming list; then its record or entry there. */
  source: Int32Array;
  row: Int32Array;
  /** A dependent demand's BOM line (an index into its list's lines). */
  line: Int32Array;
  /** Numbers in the order of the demands' ids (supply-id-key.ts): NaN for own records, and where ids must be compared as text. */
  idKey: Float64Array;
  /** Where the rows copied from a kept table start (they run to the end, in allocation order); undefined: none were. */
  readonly keptFrom: number | undefined;
  /** Whether any demand may fall back on substitutes; whether any comes through a phantom line. */
  readonly substituting: boolean;
  readonly phantoms: boolean;

  /**
   * The own records first, then each incoming list's rows: per entry, its lines to the item. Given
   * the item's kept table, the rows of lists it has too are copied from it last, in its order, when
   * they are at least half of the rows.
   */
  constructor(
    readonly records: readonly DemandRecord[],
    readonly incoming: readonly Incoming[],
    private readonly codes: SalesOrderCodes,
    restSpan: number,
    previous?: KeptTable,
  ) {
    let count = records.length;
    let substituting = false;
    let phantoms = false;
    for (const { list, lines } of incoming) {
      for (let version = 0; version < lines.length; version++) count += list.versions[version]!.entries * lines[version]!.length;
      for (const to of lines) {
        for (const line of to) {
          if (line.substitutes.length > 0) substituting = true;
          if (line.phantom) phantoms = true;
        }
      }
    }
    const reused = previous === undefined ? undefined : reusedLists(incoming, previous, count);
    this.length = count;
    this.substituting = substituting;
    this.phantoms = phantoms;
    const columns = filled;
    columns.ensure(count);
    // Columns in locals: stores through `this` each row were most of building a large table.
    const { due, priority, rank, qty, order, source, row: rows, line: lineOf, idKey } = columns;
    let at = 0;
    for (let row = 0; row < records.length; row++, at++) {
      const record = records[row]!;
      due[at] = record.due;
      priority[at] = record.priority;
      rank[at] = record.rank;
      qty[at] = record.qty;
      order[at] = codes.code(record.salesOrder);
      source[at] = -1;
      rows[at] = row;
      lineOf[at] = -1;
      idKey[at] = Number.NaN;
    }
    const ranks = prefixRanks(incoming, restSpan);
    at = pullRows(columns, incoming, ranks, restSpan, at, reused);
    this.keptFrom = reused === undefined ? undefined : at;
    if (reused !== undefined) copyKept(columns, incoming, ranks, restSpan, at, previous!, reused);
    this.due = columns.due.subarray(0, count);
    this.priority = columns.priority.subarray(0, count);
    this.rank = columns.rank.subarray(0, count);
    this.qty = columns.qty.subarray(0, count);
    this.order = columns.order.subarray(0, count);
    this.source = columns.source.subarray(0, count);
    this.row = columns.row.subarray(0, count);
    this.line = columns.line.subarray(0, count);
    this.idKey = columns.idKey.subarray(0, count);
  }

  /** Puts the demands in this order: order[at] is the index of the demand that goes to position at. */
  reorder(order: Int32Array): void {
    const count = this.length;
    const next = spare;
    next.ensure(count);
    const { due, priority, rank, qty, order: orderOf, source, row, line, idKey } = next;
    for (let at = 0; at < count; at++) {
      const index = order[at]!;
      due[at] = this.due[index]!;
      priority[at] = this.priority[index]!;
      rank[at] = this.rank[index]!;
      qty[at] = this.qty[index]!;
      orderOf[at] = this.order[index]!;
      source[at] = this.source[index]!;
      row[at] = this.row[index]!;
      line[at] = this.line[index]!;
      idKey[at] = this.idKey[index]!;
    }
    spare = filled;
    filled = next;
    this.due = due.subarray(0, count);
    this.priority = priority.subarray(0, count);
    this.rank = rank.subarray(0, count);
    this.qty = qty.subarray(0, count);
    this.order = orderOf.subarray(0, count);
    this.source = source.subarray(0, count);
    this.row = row.subarray(0, count);
    this.line = line.subarray(0, count);
    this.idKey = idKey.subarray(0, count);
  }

  salesOrder(index: number): string | undefined {
    return this.codes.name(this.order[index]!);
  }

  own(index: number): DemandRecord | undefined {
    return this.source[index] === -1 ? this.records[this.row[index]!] : undefined;
  }

  private list(index: number): ExplosionList | undefined {
    return this.source[index] === -1 ? undefined : this.incoming[this.source[index]!]!.list;
  }

  id(index: number): string {
    const list = this.list(index);
    if (list === undefined) return this.own(index)!.id;
    return `${parentId(list, this.row[index]!)}/${list.lines[this.line[index]!]!.lineNo}`;
  }

  dueText(model: MrpModel, index: number): string {
    return this.own(index)?.dueText ?? model.dayText(this.due[index]! as DayNumber);
  }

  parentSupply(index: number): string | undefined {
    const list = this.list(index);
    return list === undefined ? undefined : parentId(list, this.row[index]!);
  }

  bomLine(index: number): ExplodedLine | undefined {
    const list = this.list(index);
    return list === undefined ? undefined : list.lines[this.line[index]!];
  }

  phantom(index: number): boolean {
    return this.bomLine(index)?.phantom === true;
  }

  substitutes(index: number): readonly SubstituteOption[] {
    return this.bomLine(index)?.substitutes ?? NO_SUBSTITUTES;
  }
}

/** Entries first to end (exclusive) of one incoming list, which share one id prefix. */
interface Run {
  readonly from: number;
  readonly first: number;
  readonly end: number;
  readonly rank: number;
}

/**
 * The incoming lists' entries cut into runs of one id prefix, in prefix order where the prefixes are
 * ranked: rows are then written in id order within each day and class (a list's entries are in id
 * order within a prefix), so the allocation order rarely has ties to sort. A parent's open production
 * orders (their own prefixes) would otherwise come amid other parents' planned orders.
 */
function pullOrder(incoming: readonly Incoming[], ranks: number[][] | undefined, reused: Reused | undefined): Run[] {
  const runs: Run[] = [];
  for (let from = 0; from < incoming.length; from++) {
    if (reused?.kept[from] === 1) continue;
    const { list } = incoming[from]!;
    let first = 0;
    for (let entry = 1; entry <= list.length; entry++) {
      if (entry < list.length && list.prefix[entry] === list.prefix[first]) continue;
      runs.push({ from, first, end: entry, rank: ranks?.[from]![list.prefix[first]!]! ?? 0 });
      first = entry;
    }
  }
  if (ranks !== undefined) runs.sort((a, b) => a.rank - b.rank || a.from - b.from || a.first - b.first);
  return runs;
}

/** Writes the incoming lists' rows (but those of reused lists) from `from` on, run by run: per entry, a row per line to the item. Returns where they end. */
function pullRows(columns: Columns, incoming: readonly Incoming[], ranks: number[][] | undefined, restSpan: number, from: number, reused: Reused | undefined): number {
  const { due, priority, rank, qty, order, source, row, line: lineOf, idKey } = columns;
  let at = from;
  for (const run of pullOrder(incoming, ranks, reused)) {
    const { list, lines } = incoming[run.from]!;
    for (let entry = run.first; entry < run.end; entry++) {
      const to = lines[list.version[entry]!]!;
      if (to.length === 0) continue;
      const orderQty = list.qty[entry]!;
      const start = list.start[entry]!;
      const urgency = list.urgency[entry]!;
      const code = list.order[entry]!;
      const key = ranks === undefined ? Number.NaN : run.rank * restSpan + list.rest[entry]!;
      for (let next = 0; next < to.length; next++) {
        const line = to[next]!;
        due[at] = start;
        priority[at] = urgency;
        rank[at] = DEPENDENT_RANK;
        qty[at] = round6(orderQty * line.qtyPer * line.scrap);
        order[at] = code;
        source[at] = run.from;
        row[at] = entry;
        lineOf[at] = line.index;
        idKey[at] = key;
        at += 1;
      }
    }
  }
  return at;
}

/** Which incoming lists a kept table has rows of: per incoming list, 1 if kept; per kept source, its incoming index (-1: gone). */
interface Reused {
  readonly kept: Uint8Array;
  readonly to: Int32Array;
}

/** Undefined when the kept table's rows still current are fewer than half of `count`: sorting all is then cheaper than merging. */
function reusedLists(incoming: readonly Incoming[], previous: KeptTable, count: number): Reused | undefined {
  const position = new Map<ExplosionList, number>();
  incoming.forEach(({ list }, at) => position.set(list, at));
  const to = Int32Array.from(previous.lists, (list) => position.get(list) ?? -1);
  let rows = 0;
  for (let at = 0; at < previous.length; at++) if (to[previous.source[at]!] !== -1) rows += 1;
  if (rows * 2 < count) return undefined;
  const kept = new Uint8Array(incoming.length);
  for (const at of to) if (at !== -1) kept[at] = 1;
  return { kept, to };
}

/** The kept table's rows of lists still current, from `from` on in its order, with id keys by this table's prefix ranks. */
function copyKept(columns: Columns, incoming: readonly Incoming[], ranks: number[][] | undefined, restSpan: number, from: number, previous: KeptTable, reused: Reused): void {
  const { due, priority, rank, qty, order, source, row, line, idKey } = columns;
  let at = from;
  for (let index = 0; index < previous.length; index++) {
    const to = reused.to[previous.source[index]!]!;
    if (to === -1) continue;
    const entry = previous.row[index]!;
    const { list } = incoming[to]!;
    due[at] = previous.due[index]!;
    priority[at] = previous.priority[index]!;
    rank[at] = DEPENDENT_RANK;
    qty[at] = previous.qty[index]!;
    order[at] = previous.order[index]!;
    source[at] = to;
    row[at] = entry;
    line[at] = previous.line[index]!;
    idKey[at] = ranks === undefined ? Number.NaN : ranks[to]![list.prefix[entry]!]! * restSpan + list.rest[entry]!;
    at += 1;
  }
}

/**
 * Per incoming list, the rank of each of its id prefixes among all the lists' prefixes, in text
 * order: a row's id key is its prefix's rank, then its rest. Undefined (ids compared as text) when one
 * prefix starts another (then the rest decides against another prefix's row) or the keys would not be exact.
 */
function prefixRanks(incoming: readonly Incoming[], restSpan: number): number[][] | undefined {
  const all = new Set<string>();
  for (const { list } of incoming) for (const prefix of list.prefixes) all.add(prefix);
  if (all.size * restSpan > Number.MAX_SAFE_INTEGER) return undefined;
  const sorted = [...all].sort(compareText);
  // In text order, a prefix that starts any other starts the one right after it.
  for (let at = 1; at < sorted.length; at++) if (sorted[at]!.startsWith(sorted[at - 1]!)) return undefined;
  const rank = new Map(sorted.map((prefix, at) => [prefix, at]));
  return incoming.map(({ list }) => list.prefixes.map((prefix) => rank.get(prefix)!));
}
