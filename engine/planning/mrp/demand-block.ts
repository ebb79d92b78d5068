import type { DayNumber } from '../calendar/index.js';
import type { SubstituteOption, SupplyRecord } from './item-records.js';

/** A primary BOM line as it is exploded: worked out once per BOM version, shared by every demand it places. */
export interface ExplodedLine {
  /** Its position in the exploding item's list of lines (ParentSupplies.lines). */
  readonly index: number;
  readonly component: string;
  readonly lineNo: number;
  readonly qtyPer: number;
  /** 1 + the line's scrap share. */
  readonly scrap: number;
  readonly phantom: boolean;
  readonly substitutes: readonly SubstituteOption[];
}

/**
 * What the rows of one item's demand blocks point into: its supplies and exploded lines, and per
 * supply its id prefix (an index into `prefixes`) and the key of the rest of its id
 * (supply-id-key.ts), which order the component's same-day demands without comparing strings.
 */
export interface ParentSupplies {
  readonly supplies: readonly SupplyRecord[];
  readonly lines: readonly ExplodedLine[];
  readonly prefixes: readonly string[];
  readonly supplyPrefix: Int32Array;
  readonly supplyRest: Float64Array;
  /** Each supply's sales order, apart from the records: the demand table reads it for every row. */
  readonly supplyOrder: readonly (string | undefined)[];
}

/**
 * The dependent demand one item's plan places on one component, one row per (make supply, BOM line),
 * as typed columns: a large factory has millions of these, and an object each (with its id string
 * and boxed quantity) was most of the planner's garbage. The columns are views into one buffer per
 * exploding item (a buffer each was a million backing stores for the garbage collector to track). A
 * row names its parent supply and its BOM line by index; its id (`<parent supply>/<line no>`) and
 * sales order (the parent supply's) are read on request. The component's planner reads the block as
 * it is; net-change compares blocks.
 */
export interface DemandBlock {
  readonly parent: ParentSupplies;
  readonly length: number;
  /** Whether any of its rows' lines has substitutes (most blocks: none, and netting skips the lookup). */
  readonly substituting: boolean;
  readonly supply: Int32Array;
  readonly line: Int32Array;
  readonly qty: Float64Array;
  readonly due: Float64Array;
  readonly priority: Float64Array;
}

export function lineOf(block: DemandBlock, row: number): ExplodedLine {
  return block.parent.lines[block.line[row]!]!;
}

export function parentSupply(block: DemandBlock, row: number): SupplyRecord {
  return block.parent.supplies[block.supply[row]!]!;
}

/**
 * Blocks for components with these row counts, in one buffer: rows are then written with `put`.
 * Map order is the components' first explosion, as before.
 */
export function allocateBlocks(parent: ParentSupplies, counts: ReadonlyMap<string, number>): Map<string, DemandBlock> {
  let total = 0;
  for (const count of counts.values()) total += count;
  // Doubles first, so every view is aligned.
  const buffer = new ArrayBuffer(total * (3 * 8 + 2 * 4));
  const blocks = new Map<string, DemandBlock>();
  let offset = 0;
  for (const [component, count] of counts) {
    blocks.set(component, {
      parent,
      length: count,
      substituting: parent.lines.some((line) => line.component === component && line.substitutes.length > 0),
      qty: new Float64Array(buffer, offset * 8, count),
      due: new Float64Array(buffer, (total + offset) * 8, count),
      priority: new Float64Array(buffer, (2 * total + offset) * 8, count),
      supply: new Int32Array(buffer, 3 * total * 8 + offset * 4, count),
      line: new Int32Array(buffer, 3 * total * 8 + (total + offset) * 4, count),
    });
    offset += count;
  }
  return blocks;
}

export function putRow(block: DemandBlock, row: number, supply: number, line: ExplodedLine, qty: number, due: DayNumber, priority: number): void {
  block.supply[row] = supply;
  block.line[row] = line.index;
  block.qty[row] = qty;
  block.due[row] = due;
  block.priority[row] = priority;
}
