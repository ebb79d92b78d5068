import type { DemandTable, Incoming } from './demand-table.js';

/**
 * An item's demand table in allocation order (its own demands and every row its parents' explosions
 * place on it), as the incremental planner keeps it between changes. When net-change replans the item
 * it is patched in place (kept-table-patch.ts): the rows of changed parent supplies and the own
 * demands are dropped, the new ones sorted alone and merged in, and the netting reads these columns
 * directly. Reading and sorting every row again was most of an update: one new order changes a few
 * of a shared component's thousands of rows.
 */
export class KeptTable {
  length: number;
  /** The incoming lists its rows came from (a row's source is an index here). */
  incoming: readonly Incoming[];
  due!: Float64Array;
  priority!: Float64Array;
  qty!: Float64Array;
  order!: Int32Array;
  source!: Int32Array;
  row!: Int32Array;
  line!: Int32Array;
  rank!: Uint8Array;

  /** A copy of the table's rows, with room to grow. */
  constructor(table: DemandTable) {
    this.length = table.length;
    this.incoming = table.incoming;
    this.columns(roomFor(table.length), table);
  }

  /** Room for `count` rows, keeping the first `length`. */
  ensure(count: number): void {
    if (count > this.due.length) this.columns(roomFor(count), this);
  }

  // One buffer per table: a large factory has tens of thousands of tables, and a buffer per column
  // made creating the planner 0.4 s slower at 10k items.
  private columns(capacity: number, from: Rows): void {
    const buffer = new ArrayBuffer(capacity * BYTES_PER_ROW);
    const count = this.length;
    this.due = copied(new Float64Array(buffer, 0, capacity), from.due, count);
    this.priority = copied(new Float64Array(buffer, capacity * 8, capacity), from.priority, count);
    this.qty = copied(new Float64Array(buffer, capacity * 16, capacity), from.qty, count);
    this.order = copied(new Int32Array(buffer, capacity * 24, capacity), from.order, count);
    this.source = copied(new Int32Array(buffer, capacity * 28, capacity), from.source, count);
    this.row = copied(new Int32Array(buffer, capacity * 32, capacity), from.row, count);
    this.line = copied(new Int32Array(buffer, capacity * 36, capacity), from.line, count);
    this.rank = copied(new Uint8Array(buffer, capacity * 40, capacity), from.rank, count);
  }

  /** Moves rows start to end (exclusive) to `target`, in every column. */
  move(target: number, start: number, end: number): void {
    if (target === start || start === end) return;
    this.due.copyWithin(target, start, end);
    this.priority.copyWithin(target, start, end);
    this.rank.copyWithin(target, start, end);
    this.qty.copyWithin(target, start, end);
    this.order.copyWithin(target, start, end);
    this.source.copyWithin(target, start, end);
    this.row.copyWithin(target, start, end);
    this.line.copyWithin(target, start, end);
  }
}

// A patch mostly adds a few rows: an eighth more than needed spares most copies on growing.
const roomFor = (count: number) => count + (count >> 3) + 16;

// Three columns of doubles, four of 32-bit integers, the rank in a byte.
const BYTES_PER_ROW = 3 * 8 + 4 * 4 + 1;

type Column = Float64Array | Int32Array | Uint8Array;

/** The columns a kept table is copied from: a demand table's, or its own before it grows. */
type Rows = Readonly<Record<'due' | 'priority' | 'qty' | 'order' | 'source' | 'row' | 'line' | 'rank', Column>>;

function copied<T extends Column>(into: T, from: Column, count: number): T {
  into.set(from.subarray(0, count));
  return into;
}
