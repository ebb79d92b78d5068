import type { DayNumber } from '../calendar/index.js';
import type { SubstituteOption, SupplyRecord } from './item-records.js';

/** A primary BOM line as it is exploded: worked out once per BOM version, shared by every demand it places. */
export interface ExplodedLine {
  /** Its position in the exploding item's list of lines (DemandBlock.lines). */
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
 * The dependent demand one item's plan places on one component, one row per (make supply, BOM line),
 * as columns: a large factory has millions of these, and an object each (with its id string and
 * boxed quantity) was most of the planner's garbage, where an array of numbers is one object. A row
 * names its BOM line by index; its id (`<parent supply>/<line no>`) is made on request. The
 * component's planner reads the block as it is; net-change compares blocks.
 */
export class DemandBlock {
  readonly parentSupply: string[] = [];
  readonly salesOrder: (string | undefined)[] = [];
  readonly line: number[] = [];
  readonly qty: number[] = [];
  readonly due: DayNumber[] = [];
  readonly priority: number[] = [];

  /** The parent's exploded lines, which the rows' line indexes point into. */
  constructor(readonly lines: readonly ExplodedLine[]) {}

  get length(): number {
    return this.qty.length;
  }

  push(supply: SupplyRecord, line: ExplodedLine, qty: number, due: DayNumber, priority: number): void {
    this.parentSupply.push(supply.id);
    this.salesOrder.push(supply.salesOrder);
    this.line.push(line.index);
    this.qty.push(qty);
    this.due.push(due);
    this.priority.push(priority);
  }

  lineOf(row: number): ExplodedLine {
    return this.lines[this.line[row]!]!;
  }
}
