import type { DayNumber } from '../calendar/index.js';
import type { ItemNode, SubstituteOption } from './item-network.js';

/** Why a requirement is ready when it is; the passes' kinds before they become the contract's. */
export type LimitKind = 'stock' | 'supply' | 'buy-lead-time' | 'make-lead-time' | 'capacity' | 'unknown-item' | 'bom-cycle' | 'no-capacity';

export interface Limit {
  readonly kind: LimitKind;
  readonly item: string;
  readonly workCenter?: string;
  readonly date: DayNumber;
  /** Working days of the lead time that set the date. */
  readonly leadDays?: number;
}

/** What the parents need of an item by one date. Parents point at their slice: each is ready on its own. */
export interface Slice {
  readonly owner: Requirement;
  readonly needDay: DayNumber;
  qty: number;
  /** Latest free supply drawn on for it (own or a substitute's), and whose. */
  supplyDay: DayNumber;
  supplyItem: string;
  /** What free supply by the need date left uncovered: the new order's share. */
  remainder: number;
  ready: DayNumber;
  limit: Limit | undefined;
}

/**
 * Everything one line needs of one item: time-phased slices, netted against free supply in date
 * order, and at most one new order for what they leave uncovered, as MRP plans an item once all
 * its parents are planned. One node per item rather than per BOM path keeps a six-level BOM, where
 * a finished good reaches most of the factory, to a few thousand nodes.
 */
export interface Requirement {
  readonly node: ItemNode | undefined;
  readonly itemId: string;
  readonly phantom: boolean;
  readonly substitutes: readonly SubstituteOption[];
  readonly slices: Slice[];
  source: 'none' | 'later-supply' | 'buy' | 'make' | 'phantom' | 'unknown-item' | 'bom-cycle';
  /** The earliest need the free supply left short: the new order's due date. */
  shortFrom: DayNumber;
  laterDay: DayNumber;
  orderQty: number;
  leadDays: number;
  /** make: the order's start, backward from `shortFrom`; may be before today. */
  startDay: DayNumber;
  /** The slices the new order's BOM lines need, at `startDay`. */
  readonly children: Slice[];
  /** When the new order's output is there. */
  orderReady: DayNumber;
  orderLimit: Limit | undefined;
  settled: boolean;
}

export function newRequirement(node: ItemNode | undefined, itemId: string, phantom: boolean, substitutes: readonly SubstituteOption[]): Requirement {
  return {
    node,
    itemId,
    phantom,
    substitutes,
    slices: [],
    source: 'none',
    shortFrom: Infinity,
    laterDay: -Infinity,
    orderQty: 0,
    leadDays: 0,
    startDay: Infinity,
    children: [],
    orderReady: -Infinity,
    orderLimit: undefined,
    settled: false,
  };
}

/**
 * The slice of `requirement` needed on `needDay`, added to when another parent needs it the same day.
 * A scan: parents' start days cluster, so even a common fastener has a few dozen slices at most.
 */
export function sliceFor(requirement: Requirement, needDay: DayNumber, qty: number): Slice {
  const { slices } = requirement;
  for (let at = 0; at < slices.length; at++) {
    const slice = slices[at]!;
    if (slice.needDay === needDay) {
      slice.qty += qty;
      return slice;
    }
  }
  const slice: Slice = { owner: requirement, needDay, qty, supplyDay: -Infinity, supplyItem: requirement.itemId, remainder: 0, ready: -Infinity, limit: undefined };
  slices.push(slice);
  return slice;
}
