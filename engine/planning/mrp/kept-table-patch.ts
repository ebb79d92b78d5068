import { allocationOrder, compareParents, type OrderRows } from './allocation-order.js';
import { DEPENDENT_RANK, type Incoming, rowQty } from './demand-table.js';
import type { ListDiff } from './explosion-diff.js';
import { type ExplosionList, parentId } from './explosion-list.js';
import type { DemandRecord } from './item-records.js';
import type { KeptTable } from './kept-table.js';
import { compareText } from './mrp-model.js';
import type { SalesOrderCodes } from './sales-order-codes.js';
import { keepShape } from './kept-shapes.js';

/** An item's kept table, and the diffs of the explosion lists net-change has replaced in this update. */
export interface KeptDemand {
  readonly table: KeptTable;
  readonly diffs: ReadonlyMap<ExplosionList, ListDiff>;
}

// What becomes of a kept source's rows: kept (its parent's list is the same object), renumbered
// through the list's diff, or dropped (its parent is gone, or its list changed in a way no diff says).
const KEEP = 0;
const RENUMBER = 1;
const DROP = 2;

// Patching pays while the rows to sort are few; many (a parent replanned whole) sort faster in a full build.
const MOST_FRESH = 1 / 4;

/**
 * Brings the kept table to these own records and incoming lists, in allocation order, as a full
 * build would make it (item-demands.ts): the own demands and the rows of changed parent supplies are
 * dropped, the rest renumbered to the new lists' entries; the own records and the rows of new and
 * changed entries are sorted alone and merged in. False where a full build is cheaper, or two rows
 * have the same id (the full sort then orders them by where they come from): the table must then be
 * built again, as it may be half patched.
 */
export function patchKept(kept: KeptTable, records: readonly DemandRecord[], incoming: readonly Incoming[], diffs: ReadonlyMap<ExplosionList, ListDiff>, codes: SalesOrderCodes): boolean {
  const before = kept.incoming;
  const sources = before.length;
  // Mostly the same parents in the same places, only some lists replaced: then no lookup by parent.
  const at = sameParents(before, incoming) ? undefined : new Map(incoming.map(({ parent }, index) => [parent, index]));
  const target = new Int32Array(sources);
  const fate = new Uint8Array(sources);
  const diffOf: (ListDiff | undefined)[] = new Array(sources);
  // Per incoming list: the entries whose rows the table lacks (undefined: all of them).
  const missing: (Int32Array | undefined)[] = new Array(incoming.length);
  for (let source = 0; source < sources; source++) {
    const to = at === undefined ? source : (at.get(before[source]!.parent) ?? -1);
    target[source] = to;
    fate[source] = DROP;
    if (to === -1) continue;
    const list = incoming[to]!.list;
    const old = before[source]!.list;
    if (list === old) {
      fate[source] = KEEP;
      missing[to] = NONE;
      continue;
    }
    const diff = diffs.get(list);
    if (diff !== undefined && diff.from === old) {
      fate[source] = RENUMBER;
      diffOf[source] = diff;
      missing[to] = diff.fresh;
    }
  }
  const fresh = freshRows(records, incoming, missing, codes);
  if (fresh.length > kept.length * MOST_FRESH) return false;
  dropAndRenumber(kept, target, fate, diffOf);
  return mergeFresh(kept, incoming, fresh);
}

function sameParents(a: readonly Incoming[], b: readonly Incoming[]): boolean {
  if (a.length !== b.length) return false;
  for (let at = 0; at < a.length; at++) if (a[at]!.parent !== b[at]!.parent) return false;
  return true;
}

const NONE = new Int32Array(0);

/** Rows to merge in: the own records and the missing entries' rows, as short columns. */
class FreshRows implements OrderRows {
  length = 0;
  readonly due: number[] = [];
  readonly priority: number[] = [];
  readonly rank: number[] = [];
  readonly qty: number[] = [];
  readonly order: number[] = [];
  readonly source: number[] = [];
  readonly row: number[] = [];
  readonly line: number[] = [];
  readonly parents: (string | undefined)[] = [];

  constructor(
    private readonly records: readonly DemandRecord[],
    private readonly incoming: readonly Incoming[],
  ) {
    keepShape(this);
  }

  push(due: number, priority: number, rank: number, qty: number, order: number, source: number, row: number, line: number, parent: string | undefined): void {
    this.due.push(due);
    this.priority.push(priority);
    this.rank.push(rank);
    this.qty.push(qty);
    this.order.push(order);
    this.source.push(source);
    this.row.push(row);
    this.line.push(line);
    this.parents.push(parent);
    this.length += 1;
  }

  parentSupply(index: number): string | undefined {
    return this.parents[index];
  }

  id(index: number): string {
    const source = this.source[index]!;
    if (source === -1) return this.records[this.row[index]!]!.id;
    return `${this.parents[index]}/${this.incoming[source]!.list.lines[this.line[index]!]!.lineNo}`;
  }
}

function freshRows(records: readonly DemandRecord[], incoming: readonly Incoming[], missing: readonly (Int32Array | undefined)[], codes: SalesOrderCodes): FreshRows {
  const fresh = new FreshRows(records, incoming);
  records.forEach((record, row) => fresh.push(record.due, record.priority, record.rank, record.qty, codes.code(record.salesOrder), -1, row, -1, undefined));
  incoming.forEach(({ list, lines }, source) => {
    const entries = missing[source];
    const count = entries?.length ?? list.length;
    for (let at = 0; at < count; at++) {
      const entry = entries === undefined ? at : entries[at]!;
      const to = lines[list.version[entry]!]!;
      if (to.length === 0) continue;
      const parent = parentId(list, entry);
      for (const line of to) fresh.push(list.start[entry]!, list.urgency[entry]!, DEPENDENT_RANK, rowQty(list, entry, line), list.order[entry]!, source, entry, line.index, parent);
    }
  });
  return fresh;
}

/** Drops the own rows and the rows of changed or gone parent supplies; the rest point at the new lists. */
function dropAndRenumber(kept: KeptTable, target: Int32Array, fate: Uint8Array, diffOf: readonly (ListDiff | undefined)[]): void {
  const { source, row, line } = kept;
  const length = kept.length;
  let write = 0;
  // Rows from `run` up to the one read are kept and not moved yet: moved a run at a time, as memory.
  let run = 0;
  for (let read = 0; read < length; read++) {
    const from = source[read]!;
    if (from !== -1 && fate[from] === KEEP) {
      source[read] = target[from]!;
      continue;
    }
    if (from !== -1 && fate[from] === RENUMBER) {
      const diff = diffOf[from]!;
      const entry = diff.entryTo[row[read]!]!;
      if (entry !== -1) {
        source[read] = target[from]!;
        row[read] = entry;
        line[read] = diff.lineTo[line[read]!]!;
        continue;
      }
    }
    kept.move(write, run, read);
    write += read - run;
    run = read + 1;
  }
  kept.move(write, run, length);
  kept.length = write + length - run;
}

/** Merges the fresh rows in, sorted, from the last back: each kept row moves once, with its run. */
function mergeFresh(kept: KeptTable, incoming: readonly Incoming[], fresh: FreshRows): boolean {
  const order = allocationOrder(fresh);
  for (let at = 1; at < order.length; at++) if (compareFresh(fresh, order[at - 1]!, order[at]!) === 0) return false;
  const add = fresh.length;
  kept.ensure(kept.length + add);
  let end = kept.length;
  for (let next = add - 1; next >= 0; next--) {
    const index = order[next]!;
    // The first kept row that sorts after this one.
    let low = 0;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKept(kept, incoming, middle, fresh, index) < 0) low = middle + 1;
      else high = middle;
    }
    if (low < end && compareKept(kept, incoming, low, fresh, index) === 0) return false;
    kept.move(low + next + 1, low, end);
    const place = low + next;
    kept.due[place] = fresh.due[index]!;
    kept.priority[place] = fresh.priority[index]!;
    kept.rank[place] = fresh.rank[index]!;
    kept.qty[place] = fresh.qty[index]!;
    kept.order[place] = fresh.order[index]!;
    kept.source[place] = fresh.source[index]!;
    kept.row[place] = fresh.row[index]!;
    kept.line[place] = fresh.line[index]!;
    end = low;
  }
  kept.length += add;
  kept.incoming = incoming;
  return true;
}

function compareFresh(fresh: FreshRows, a: number, b: number): number {
  return (
    fresh.due[a]! - fresh.due[b]! ||
    fresh.priority[a]! - fresh.priority[b]! ||
    fresh.rank[a]! - fresh.rank[b]! ||
    compareParents(fresh.parents[a], fresh.parents[b]) ||
    compareText(fresh.id(a), fresh.id(b))
  );
}

/** The allocation order of kept row `row` (a dependent row: own rows are dropped first) against fresh row `index`. */
function compareKept(kept: KeptTable, incoming: readonly Incoming[], row: number, fresh: FreshRows, index: number): number {
  const byKeys = kept.due[row]! - fresh.due[index]! || kept.priority[row]! - fresh.priority[index]! || kept.rank[row]! - fresh.rank[index]!;
  if (byKeys !== 0) return byKeys;
  const list = incoming[kept.source[row]!]!.list;
  const parent = parentId(list, kept.row[row]!);
  return compareParents(parent, fresh.parents[index]) || compareText(`${parent}/${list.lines[kept.line[row]!]!.lineNo}`, fresh.id(index));
}
