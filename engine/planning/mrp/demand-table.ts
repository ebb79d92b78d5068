import type { DayNumber } from '../calendar/index.js';
import { type ExplodedLine, type ExplosionList, parentId } from './explosion-list.js';
import type { DemandRecord, SubstituteOption } from './item-records.js';
import type { KeptTable } from './kept-table.js';
import { round6 } from './lot-sizing.js';
import { compareText, type MrpModel } from './mrp-model.js';
import type { SalesOrderCodes } from './sales-order-codes.js';
import { keepShape } from './kept-shapes.js';
import { flatText } from './flat-text.js';

const NO_SUBSTITUTES: readonly SubstituteOption[] = [];
/** The allocation rank of dependent demand: with open sales orders, before forecasts (item-demands.ts). */
export const DEPENDENT_RANK = 1;

/** Where an item's dependent demand comes from: a parent's explosion list (rows of its lines to the item). */
export interface Incoming {
  readonly parent: string;
  readonly list: ExplosionList;
  /** Per version of the list, its lines to the item. */
  readonly lines: readonly (readonly ExplodedLine[])[];
  /** How many rows it places on the item; whether any may fall back on substitutes, any is a phantom's. */
  readonly rows: number;
  readonly substituting: boolean;
  readonly phantoms: boolean;
}

export function incomingFrom(parent: string, list: ExplosionList, item: string): Incoming | undefined {
  const lines = list.linesTo.get(item);
  if (lines === undefined) return undefined;
  let rows = 0;
  let substituting = false;
  let phantoms = false;
  for (let version = 0; version < lines.length; version++) {
    const to = lines[version]!;
    rows += list.versions[version]!.entries * to.length;
    for (const line of to) {
      if (line.substitutes.length > 0) substituting = true;
      if (line.phantom) phantoms = true;
    }
  }
  return { parent, list, lines, rows, substituting, phantoms };
}

/** A dependent row's quantity: the entry's order quantity through the line. */
export function rowQty(list: ExplosionList, entry: number, line: ExplodedLine): number {
  return round6(list.qty[entry]! * line.qtyPer * line.scrap);
}

/**
 * The columns one item's demand table is built in. Items are planned one at a time and a
 * regenerative run keeps no rows (an item's detail is worked out again when it is written out), so
 * every table it builds is a view into these, grown as needed: a large factory has millions of rows,
 * and columns per item were most of the planner's garbage (the incremental planner copies each table
 * out, kept-table.ts). Two sets: sorting gathers from one into the other.
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

/** A table's columns but its id keys: the shared columns', or a kept table's. */
interface RowColumns {
  readonly due: Float64Array;
  readonly priority: Float64Array;
  readonly rank: Uint8Array;
  readonly qty: Float64Array;
  readonly order: Int32Array;
  readonly source: Int32Array;
  readonly row: Int32Array;
  readonly line: Int32Array;
}

let filled = new Columns();
let spare = new Columns();

/**
 * An item's demands (its own records and the rows its parents' explosions place on it) as columns:
 * what the netting loop reads per demand is in typed arrays, the rest is read through the record or
 * the parent's explosion on request. The table is valid until the next item's table is made (one
 * over a kept table, until that table is patched again).
 */
export class DemandTable {
  readonly length: number;
  due!: Float64Array;
  priority!: Float64Array;
  rank!: Uint8Array;
  qty!: Float64Array;
  /** Each demand's sales order (SalesOrderCodes). */
  order!: Int32Array;
  /** Where each demand comes from: -1 for an own record, else the index of its incoming list; then its record or entry there. */
  source!: Int32Array;
  row!: Int32Array;
  /** A dependent demand's BOM line (an index into its list's lines). */
  line!: Int32Array;
  /**
   * Numbers in the order of the demands' ids (supply-id-key.ts): NaN for own records, and where ids
   * must be compared as text. Undefined for a kept table's rows, which are in allocation order already.
   */
  idKey: Float64Array | undefined;
  /** Whether any demand may fall back on substitutes; whether any comes through a phantom line. */
  readonly substituting: boolean;
  readonly phantoms: boolean;

  /**
   * The own records first, then each incoming list's rows: per entry, its lines to the item. Given a
   * kept table patched to these records and lists, its rows, in its columns.
   */
  constructor(
    readonly records: readonly DemandRecord[],
    readonly incoming: readonly Incoming[],
    private readonly codes: SalesOrderCodes,
    restSpan: number,
    readonly kept?: KeptTable,
  ) {
    keepShape(this);
    let count = records.length;
    let substituting = false;
    let phantoms = false;
    for (const from of incoming) {
      count += from.rows;
      if (from.substituting) substituting = true;
      if (from.phantoms) phantoms = true;
    }
    this.length = count;
    this.substituting = substituting;
    this.phantoms = phantoms;
    if (kept !== undefined) {
      this.view(kept, count);
      this.idKey = undefined;
      return;
    }
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
    pullRows(columns, incoming, prefixRanks(incoming, restSpan), restSpan, at);
    this.view(columns, count);
    this.idKey = columns.idKey.subarray(0, count);
  }

  /** Puts the demands in this order: order[at] is the index of the demand that goes to position at. */
  reorder(order: Int32Array): void {
    const count = this.length;
    const keys = this.idKey!;
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
      idKey[at] = keys[index]!;
    }
    spare = filled;
    filled = next;
    this.view(next, count);
    this.idKey = idKey.subarray(0, count);
  }

  /** The first `count` rows of these columns become the table's. */
  private view(columns: RowColumns, count: number): void {
    this.due = columns.due.subarray(0, count);
    this.priority = columns.priority.subarray(0, count);
    this.rank = columns.rank.subarray(0, count);
    this.qty = columns.qty.subarray(0, count);
    this.order = columns.order.subarray(0, count);
    this.source = columns.source.subarray(0, count);
    this.row = columns.row.subarray(0, count);
    this.line = columns.line.subarray(0, count);
  }

  salesOrder(index: number): string | undefined {
    return this.codes.name(this.order[index]!);
  }

  own(index: number): DemandRecord | undefined {
    return this.source[index] === -1 ? this.records[this.row[index]!] : undefined;
  }

  /** A dependent demand's parent explosion list; undefined for an own record. */
  listOf(index: number): ExplosionList | undefined {
    return this.source[index] === -1 ? undefined : this.incoming[this.source[index]!]!.list;
  }

  id(index: number): string {
    const list = this.listOf(index);
    if (list === undefined) return this.own(index)!.id;
    return flatText(parentId(list, this.row[index]!), '/', list.lines[this.line[index]!]!.lineNo);
  }

  dueText(model: MrpModel, index: number): string {
    return this.own(index)?.dueText ?? model.dayText(this.due[index]! as DayNumber);
  }

  parentSupply(index: number): string | undefined {
    const list = this.listOf(index);
    return list === undefined ? undefined : parentId(list, this.row[index]!);
  }

  bomLine(index: number): ExplodedLine | undefined {
    const list = this.listOf(index);
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
function pullOrder(incoming: readonly Incoming[], ranks: number[][] | undefined): Run[] {
  const runs: Run[] = [];
  for (let from = 0; from < incoming.length; from++) {
    const { runStarts, runPrefixes, length } = incoming[from]!.list;
    for (let run = 0; run < runStarts.length; run++) {
      const end = run + 1 < runStarts.length ? runStarts[run + 1]! : length;
      runs.push({ from, first: runStarts[run]!, end, rank: ranks?.[from]![runPrefixes[run]!]! ?? 0 });
    }
  }
  if (ranks !== undefined) runs.sort((a, b) => a.rank - b.rank || a.from - b.from || a.first - b.first);
  return runs;
}

/** Writes the incoming lists' rows from `from` on, run by run: per entry, a row per line to the item. */
function pullRows(columns: Columns, incoming: readonly Incoming[], ranks: number[][] | undefined, restSpan: number, from: number): void {
  const { due, priority, rank, qty, order, source, row, line: lineOf, idKey } = columns;
  let at = from;
  for (const run of pullOrder(incoming, ranks)) {
    const { list, lines } = incoming[run.from]!;
    for (let entry = run.first; entry < run.end; entry++) {
      const to = lines[list.version[entry]!]!;
      if (to.length === 0) continue;
      const start = list.start[entry]!;
      const urgency = list.urgency[entry]!;
      const code = list.order[entry]!;
      const key = ranks === undefined ? Number.NaN : run.rank * restSpan + list.rest[entry]!;
      for (let next = 0; next < to.length; next++) {
        const line = to[next]!;
        due[at] = start;
        priority[at] = urgency;
        rank[at] = DEPENDENT_RANK;
        qty[at] = rowQty(list, entry, line);
        order[at] = code;
        source[at] = run.from;
        row[at] = entry;
        lineOf[at] = line.index;
        idKey[at] = key;
        at += 1;
      }
    }
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
