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
    this.due = new Float64Array(count);
    this.priority = new Float64Array(count);
    this.rank = new Uint8Array(count);
    this.qty = new Float64Array(count);
    this.salesOrder = new Array<string | undefined>(count);
    this.source = new Int32Array(count);
    this.row = new Int32Array(count);
    this.idKey = new Float64Array(count).fill(Number.NaN);
    let at = 0;
    for (let row = 0; row < records.length; row++, at++) {
      const record = records[row]!;
      this.due[at] = record.due;
      this.priority[at] = record.priority;
      this.rank[at] = record.rank;
      this.qty[at] = record.qty;
      this.salesOrder[at] = record.salesOrder;
      this.source[at] = -1;
      this.row[at] = row;
    }
    const ranks = prefixRanks(blocks, restSpan);
    for (let source = 0; source < blocks.length; source++) {
      const block = blocks[source]!;
      const rank = ranks?.[source];
      const { supplyOrder, supplyPrefix, supplyRest } = block.parent;
      if (block.substituting) this.substituting = true;
      for (let row = 0; row < block.length; row++, at++) {
        const supply = block.supply[row]!;
        this.due[at] = block.due[row]!;
        this.priority[at] = block.priority[row]!;
        this.rank[at] = DEPENDENT_RANK;
        this.qty[at] = block.qty[row]!;
        this.salesOrder[at] = supplyOrder[supply];
        this.source[at] = source;
        this.row[at] = row;
        if (rank !== undefined) this.idKey[at] = rank[supplyPrefix[supply]!]! * restSpan + supplyRest[supply]!;
      }
    }
  }

  /** Puts the demands in this order: order[at] is the index of the demand that goes to position at. */
  reorder(order: Int32Array): void {
    this.due = gathered(this.due, order);
    this.priority = gathered(this.priority, order);
    this.rank = gathered(this.rank, order);
    this.qty = gathered(this.qty, order);
    this.source = gathered(this.source, order);
    this.row = gathered(this.row, order);
    this.idKey = gathered(this.idKey, order);
    const salesOrder = new Array<string | undefined>(this.length);
    for (let at = 0; at < this.length; at++) salesOrder[at] = this.salesOrder[order[at]!];
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

function gathered<T extends Float64Array | Int32Array | Uint8Array>(column: T, order: Int32Array): T {
  const next = new (column.constructor as new (length: number) => T)(column.length);
  for (let at = 0; at < order.length; at++) next[at] = column[order[at]!]!;
  return next;
}
