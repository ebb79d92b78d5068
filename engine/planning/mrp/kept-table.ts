import type { DemandTable } from './demand-table.js';
import type { ExplosionList } from './explosion-list.js';

/**
 * An item's dependent demand rows in allocation order, as the incremental planner keeps them between
 * changes for the items it replanned (a regenerative run keeps none). When net-change replans the
 * item again, the rows of parents whose explosion lists are the very same objects are copied from
 * here in this order, and only the other rows are read from their lists and sorted, then merged in
 * (allocation-order.ts): one new order touches a few of a shared component's parents, and reading
 * and sorting every row again was half of an update.
 */
export interface KeptTable {
  /** The lists the rows came from; `source` indexes them. */
  readonly lists: readonly ExplosionList[];
  readonly length: number;
  readonly source: Int32Array;
  readonly row: Int32Array;
  readonly line: Int32Array;
  readonly order: Int32Array;
  readonly due: Float64Array;
  readonly priority: Float64Array;
  readonly qty: Float64Array;
}

/** The table's dependent rows, in its (sorted) order, in one buffer. */
export function keepTable(table: DemandTable): KeptTable {
  let count = 0;
  for (let index = 0; index < table.length; index++) if (table.source[index]! !== -1) count += 1;
  const buffer = new ArrayBuffer(count * (3 * 8 + 4 * 4));
  const kept: KeptTable = {
    lists: table.incoming.map(({ list }) => list),
    length: count,
    due: new Float64Array(buffer, 0, count),
    priority: new Float64Array(buffer, count * 8, count),
    qty: new Float64Array(buffer, count * 16, count),
    source: new Int32Array(buffer, count * 24, count),
    row: new Int32Array(buffer, count * 28, count),
    line: new Int32Array(buffer, count * 32, count),
    order: new Int32Array(buffer, count * 36, count),
  };
  let at = 0;
  for (let index = 0; index < table.length; index++) {
    if (table.source[index]! === -1) continue;
    kept.due[at] = table.due[index]!;
    kept.priority[at] = table.priority[index]!;
    kept.qty[at] = table.qty[index]!;
    kept.source[at] = table.source[index]!;
    kept.row[at] = table.row[index]!;
    kept.line[at] = table.line[index]!;
    kept.order[at] = table.order[index]!;
    at += 1;
  }
  return kept;
}
