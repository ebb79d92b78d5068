import type { DayNumber } from '../calendar/index.js';
import type { ItemNode, SubstituteOption } from './item-network.js';

/** Why a requirement is ready when it is; the material pass's kinds before they become the contract's. */
export type LimitKind = 'stock' | 'supply' | 'buy-lead-time' | 'make-lead-time' | 'capacity' | 'unknown-item' | 'bom-cycle' | 'no-capacity';

export interface Limit {
  readonly kind: LimitKind;
  readonly item: string;
  readonly workCenter?: string;
  readonly date: DayNumber;
  /** Working days of the lead time that set the date. */
  readonly leadDays?: number;
}

/**
 * One item needed by one date, summed over every parent that needs it then: the node of the line's
 * requirement graph. Merging by (item, date) keeps a six-level BOM to one node per item and date
 * instead of one per path, which is what keeps a promise in milliseconds.
 */
export interface Requirement {
  readonly node: ItemNode | undefined;
  readonly itemId: string;
  /** When the parent needs it; before today when the parent's own lead time no longer fits. */
  readonly needDay: DayNumber;
  readonly phantom: boolean;
  readonly substitutes: readonly SubstituteOption[];
  readonly level: number;
  qty: number;
  /** Latest free supply drawn on (own or a substitute's), and whose. */
  supplyDay: DayNumber;
  supplyItem: string;
  /** What free supply by the need date did not cover. */
  remainder: number;
  source: 'none' | 'later-supply' | 'buy' | 'make' | 'phantom' | 'unknown-item' | 'bom-cycle';
  laterDay: DayNumber;
  orderQty: number;
  leadDays: number;
  /** make: the order's start, backward from the need date; may be before today. */
  startDay: DayNumber;
  readonly children: Requirement[];
  ready: DayNumber;
  limit: Limit | undefined;
}

export function newRequirement(
  node: ItemNode | undefined,
  itemId: string,
  needDay: DayNumber,
  qty: number,
  phantom: boolean,
  substitutes: readonly SubstituteOption[],
): Requirement {
  return {
    node,
    itemId,
    needDay,
    phantom,
    substitutes,
    level: node?.lowLevelCode ?? 0,
    qty,
    supplyDay: -Infinity,
    supplyItem: itemId,
    remainder: qty,
    source: 'none',
    laterDay: -Infinity,
    orderQty: 0,
    leadDays: 0,
    startDay: needDay,
    children: [],
    ready: -Infinity,
    limit: undefined,
  };
}
