import type { ItemNode } from './item-network.js';

/** Working days to buy or make `qty` (the calendar rounds fractions up). */
export function productionLeadDays(node: ItemNode, qty: number): number {
  return node.item.leadTimeDays + (node.item.leadTimePerUnitDays ?? 0) * qty;
}

/** What an order must start with so that, after assembly scrap and process yield, `good` units come out. */
export function grossOrderQty(node: ItemNode, good: number): number {
  const survives = (1 - (node.item.scrapPct ?? 0) / 100) * ((node.item.yieldPct ?? 100) / 100);
  return good / survives;
}
