import type { DayNumber } from '../calendar/index.js';
import { type DemandBlock, lineOf, parentSupply } from './demand-block.js';
import type { DemandRecord, SubstituteOption } from './item-records.js';
import { compareText, type MrpModel } from './mrp-model.js';

const NO_SUBSTITUTES: readonly SubstituteOption[] = [];
const DEPENDENT_RANK = 1;

/**
 * An item's demands (its own records and the rows of its parents' demand blocks) as columns: what the
 * netting loop reads per demand is in typed arrays, the rest is read through the record or block row
 * on request.
 */
export class DemandTable {
  readonly length: number;
  due: Float64Array;
  priority: Float64Array;
  rank: Uint8Array;
  qty: Float64Array;
  salesOrder: (string | undefined)[];
  /** Where each demand comes from: -1 for an own record, else the index of its block; then its row there. */
  source: Int32Array;
  row: Int32Array;
  /** Numbers in the order of the demands' ids (supply-id-key.ts): NaN for own records, and where ids must be compared as text. */
  idKey: Float64Array;
  /** Whether any demand may fall back on substitutes. */
  substituting = false;

  /** The own records first, then each block's rows. */
  constructor(
    readonly records: readonly DemandRecord[],
    readonly blocks: readonly DemandBlock[],
    restSpan: number,
  ) {
    let count = records.length;
    for (const block of blocks) count += block.length;
    this.length = count;
    // Columns in locals: stores through `this` each row were most of building a large table.
    const due = (this.due = new Float64Array(count));
    const priority = (this.priority = new Float64Array(count));
    const rank = (this.rank = new Uint8Array(count));
    const qty = (this.qty = new Float64Array(count));
    const salesOrder = (this.salesOrder = new Array<string | undefined>(count));
    const source = (this.source = new Int32Array(count));
    const rows = (this.row = new Int32Array(count));
    const idKey = (this.idKey = new Float64Array(count).fill(Number.NaN));
    let at = 0;
    for (let row = 0; row < records.length; row++, at++) {
      const record = records[row]!;
      due[at] = record.due;
      priority[at] = record.priority;
      rank[at] = record.rank;
      qty[at] = record.qty;
      salesOrder[at] = record.salesOrder;
      source[at] = -1;
      rows[at] = row;
    }
    const ranks = prefixRanks(blocks, restSpan);
    for (let from = 0; from < blocks.length; from++) {
      const block = blocks[from]!;
      const length = block.length;
      if (block.substituting) this.substituting = true;
      due.set(block.due, at);
      priority.set(block.priority, at);
      qty.set(block.qty, at);
      rank.fill(DEPENDENT_RANK, at, at + length);
      source.fill(from, at, at + length);
      const { supplyOrder, supplyPrefix, supplyRest } = block.parent;
      const supplies = block.supply;
      const prefixRank = ranks?.[from];
      for (let row = 0; row < length; row++, at++) {
        const supply = supplies[row]!;
        salesOrder[at] = supplyOrder[supply];
        rows[at] = row;
        if (prefixRank !== undefined) idKey[at] = prefixRank[supplyPrefix[supply]!]! * restSpan + supplyRest[supply]!;
      }
    }
  }

  /** Puts the demands in this order: order[at] is the index of the demand that goes to position at. */
  reorder(order: Int32Array): void {
    this.due = gatheredFloat(this.due, order);
    this.priority = gatheredFloat(this.priority, order);
    this.qty = gatheredFloat(this.qty, order);
    this.idKey = gatheredFloat(this.idKey, order);
    this.source = gatheredInt(this.source, order);
    this.row = gatheredInt(this.row, order);
    const rank = new Uint8Array(this.length);
    const salesOrder = new Array<string | undefined>(this.length);
    for (let at = 0; at < this.length; at++) {
      const index = order[at]!;
      rank[at] = this.rank[index]!;
      salesOrder[at] = this.salesOrder[index];
    }
    this.rank = rank;
    this.salesOrder = salesOrder;
  }

  private own(index: number): DemandRecord | undefined {
    return this.source[index] === -1 ? this.records[this.row[index]!] : undefined;
  }

  private block(index: number): DemandBlock | undefined {
    return this.source[index] === -1 ? undefined : this.blocks[this.source[index]!];
  }

  id(index: number): string {
    const block = this.block(index);
    if (block === undefined) return this.own(index)!.id;
    const row = this.row[index]!;
    return `${parentSupply(block, row).id}/${lineOf(block, row).lineNo}`;
  }

  dueText(model: MrpModel, index: number): string {
    return this.own(index)?.dueText ?? model.dayText(this.due[index]! as DayNumber);
  }

  parentSupply(index: number): string | undefined {
    const block = this.block(index);
    return block === undefined ? undefined : parentSupply(block, this.row[index]!).id;
  }

  phantom(index: number): boolean {
    const block = this.block(index);
    return block !== undefined && lineOf(block, this.row[index]!).phantom;
  }

  substitutes(index: number): readonly SubstituteOption[] {
    const block = this.block(index);
    return block === undefined ? NO_SUBSTITUTES : lineOf(block, this.row[index]!).substitutes;
  }
}

/**
 * Per block, the rank of each of its id prefixes among all the blocks' prefixes, in text order: a
 * row's id key is its prefix's rank, then its rest. Undefined (ids compared as text) when one prefix
 * starts another (then the rest decides against another prefix's row) or the keys would not be exact.
 */
function prefixRanks(blocks: readonly DemandBlock[], restSpan: number): number[][] | undefined {
  const all = new Set<string>();
  for (const block of blocks) for (const prefix of block.parent.prefixes) all.add(prefix);
  if (all.size * restSpan > Number.MAX_SAFE_INTEGER) return undefined;
  const sorted = [...all].sort(compareText);
  // In text order, a prefix that starts any other starts the one right after it.
  for (let at = 1; at < sorted.length; at++) if (sorted[at]!.startsWith(sorted[at - 1]!)) return undefined;
  const rank = new Map(sorted.map((prefix, at) => [prefix, at]));
  return blocks.map((block) => block.parent.prefixes.map((prefix) => rank.get(prefix)!));
}

// One function per column type: a shared generic one made every element access polymorphic.
function gatheredFloat(column: Float64Array, order: Int32Array): Float64Array {
  const next = new Float64Array(column.length);
  for (let at = 0; at < order.length; at++) next[at] = column[order[at]!]!;
  return next;
}

function gatheredInt(column: Int32Array, order: Int32Array): Int32Array {
  const next = new Int32Array(column.length);
  for (let at = 0; at < order.length; at++) next[at] = column[order[at]!]!;
  return next;
}
