import type { DayNumber } from '../calendar/index.js';
import { ALLOCATION_RANK } from './item-demands.js';
import type { DemandRecord, SubstituteOption } from './item-records.js';

/** A primary BOM line as it is exploded: worked out once per BOM version, shared by every demand it places. */
export interface ExplodedLine {
  readonly component: string;
  readonly lineNo: number;
  readonly qtyPer: number;
  /** 1 + the line's scrap share. */
  readonly scrap: number;
  readonly phantom: boolean;
  readonly substitutes: readonly SubstituteOption[];
}

/**
 * Demand one item's plan places on a component: what its planner gets from its parents, used as it
 * is. A large factory has millions, so one holds only what differs per order; what its BOM line
 * decides is read through the shared line, and its id (`<parent supply>/<line no>`) is made only when
 * asked for: the planner compares parent supplies and line numbers instead.
 */
export class DependentDemand implements DemandRecord {
  constructor(
    readonly parentSupply: string,
    readonly line: ExplodedLine,
    readonly qty: number,
    readonly due: DayNumber,
    readonly dueText: string,
    readonly priority: number,
    readonly salesOrder: string | undefined,
  ) {}

  get id(): string {
    return `${this.parentSupply}/${this.line.lineNo}`;
  }

  get kind(): 'dependent' {
    return 'dependent';
  }

  get rank(): number {
    return ALLOCATION_RANK.dependent;
  }

  get bomLine(): number {
    return this.line.lineNo;
  }

  get phantom(): boolean {
    return this.line.phantom;
  }

  get substitutes(): readonly SubstituteOption[] {
    return this.line.substitutes;
  }
}
