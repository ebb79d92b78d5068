import type { DayNumber } from '../calendar/index.js';
import type { PlanException, PlanSupply } from '../generated/planning-types.js';
import type { DemandTable } from './demand-table.js';
import type { ExplosionList } from './explosion-list.js';
import type { PegList } from './peg-list.js';
import type { SettledSupplies } from './settled-supplies.js';

/** A substitute line a dependent demand may fall back on, in the order they are tried. */
export interface SubstituteOption {
  readonly item: string;
  readonly lineNo: number;
  readonly ratio: number;
}

export interface SupplyRecord {
  readonly id: string;
  /** Its id's start up to a '/', shared by the item's supplies of its kind, and the key of the rest (supply-id-key.ts). */
  readonly idPrefix: string;
  readonly idRest: number;
  readonly kind: PlanSupply['kind'];
  /** Good quantity it brings (for planned orders: after scrap and yield). */
  qty: number;
  /** When it is available: stock at the horizon start, open supply at its due date (past due at the start). */
  date: DayNumber;
  /** Open supply: its own due date. */
  readonly due: DayNumber;
  readonly salesOrder: string | undefined;
  /** The cancelled sales order this supply was reserved to. */
  readonly releasedFrom: string | undefined;
  /** Open supply that may be rescheduled (not firm). */
  readonly movable: boolean;
  readonly open: boolean;
  left: number;
  // Always present (undefined where not set): one object shape, so the netting loop's reads stay fast.
  readonly lot: string | undefined;
  readonly location: string | undefined;
  readonly planned: PlannedDetail | undefined;
}

export interface PlannedDetail {
  orderQty: number;
  start: DayNumber;
  need: DayNumber;
  pastDue: boolean;
  windowEnd: number;
}

/** An item's own demand (sales order, forecast, safety stock); dependent demand is read from its parents' explosion lists. */
export interface DemandRecord {
  readonly id: string;
  readonly kind: 'sales-order' | 'forecast' | 'safety-stock';
  readonly qty: number;
  /** The day planned for (a past-due demand is planned for the horizon start). */
  readonly due: DayNumber;
  readonly dueText: string;
  readonly priority: number;
  readonly rank: number;
  readonly salesOrder: string | undefined;
}

/** Per demand, by its index in the allocation order: columns of numbers, not a mutable object per demand. */
export interface DemandAllocation {
  /** Its quantity less what substitutes covered: what the plan lists. */
  readonly qty: Float64Array;
  /** Pegged to supply that arrives after its due date. */
  readonly short: Float64Array;
  /** The latest such arrival (-Infinity: none). */
  readonly lateUntil: Float64Array;
  /** The index of that supply (-1: none). */
  readonly lateSupply: Int32Array;
}

/** A substitute's existing supply a primary may draw on: what the substitute's own demands left. */
export interface PoolEntry {
  readonly index: number;
  readonly id: string;
  readonly date: DayNumber;
  readonly salesOrder: string | undefined;
  avail: number;
}

/** What a primary took from a substitute's free supply for one of its demands. */
export interface SubstituteDraw {
  readonly substitute: string;
  readonly primary: string;
  readonly supplyIndex: number;
  readonly supplyId: string;
  readonly demandId: string;
  readonly qty: number;
  readonly due: DayNumber;
  readonly salesOrder: string | undefined;
  readonly parentSupply: string;
  readonly bomLine: number;
}

/** A demand pegged to supply that arrives after its due date, as its shortage exception is made from it. */
export interface Shortage {
  /** Its id: an own demand's, or made from its parent supply and BOM line. */
  readonly ownId: string | undefined;
  readonly parentSupply: string | undefined;
  readonly bomLine: number;
  readonly salesOrder: string | undefined;
  readonly dueText: string;
  readonly qty: number;
  readonly lateUntil: DayNumber;
  readonly lateSupply: string | undefined;
  /**
   * A dependent demand's row as it came (its parent's explosion list, the entry and the BOM line's
   * index there; undefined for an own demand): lists never change, so the same row has the same id,
   * sales order and due date, and net-change compares those fields only for rows of replaced lists.
   */
  readonly list: ExplosionList | undefined;
  readonly entry: number;
  readonly line: number;
  /**
   * Its exception, once the item's headline is written out. Net-change hands an unchanged shortage
   * on to the item's next result, and with it the exception: most of a replanned item's shortages
   * are the same, and making their messages again was a large share of an update.
   */
  exception: PlanException | undefined;
}

/**
 * One item's planning result: a pure function of its own data, its incoming demand and the substitute
 * pools it saw. It keeps what the headline and the item's components read; its demands and pegs
 * (millions of rows in a large plan) are worked out again when the item is written out (ItemDetail).
 */
export interface ItemResult {
  readonly item: string;
  readonly supplies: SettledSupplies;
  /** Indexes of its planned orders among its supplies. */
  readonly plannedIndex: readonly number[];
  /**
   * Exceptions found while planning: the first `ownExceptions` come from its own records (before
   * its past-due-start and shortage exceptions, which are made when the item is written out), the
   * rest from its explosion.
   */
  readonly exceptions: readonly PlanException[];
  readonly ownExceptions: number;
  readonly shortages: readonly Shortage[];
  /** How many demands with a quantity left to plan are short. */
  readonly shortDemands: number;
  /** Per supply, the earliest due date of the demands pegged to it (Infinity: none); only for items with open supply that may move. */
  readonly needBy: Float64Array | undefined;
  readonly explosions: ExplosionList | undefined;
  readonly draws: readonly SubstituteDraw[];
  readonly pool: readonly PoolEntry[];
}

/** An item's demands, their allocation and its pegs: valid until the next item is planned. */
export interface ItemDetail {
  readonly demands: DemandTable;
  readonly allocation: DemandAllocation;
  readonly pegs: PegList;
}
