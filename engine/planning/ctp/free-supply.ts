import type { DayNumber } from '../calendar/index.js';
import { parseDay } from '../calendar/index.js';
import type { MrpPlan } from '../generated/planning-types.js';
import type { ItemNetwork } from './item-network.js';

/** Every supply of one item in the committed plan, sorted by availability date then id. */
export interface ItemSupplies {
  readonly ids: readonly string[];
  readonly days: Int32Array;
  /** What pegging left over: free for anyone the supply is not reserved against. */
  readonly unpegged: Float64Array;
  /** Order-specific supply: usable only by this sales order. */
  readonly salesOrders: readonly (string | undefined)[];
  readonly kinds: readonly string[];
  /** What a request of no sales order may take: unpegged, and not order-specific. */
  readonly openToAll: Float64Array;
}

export interface SupplyIndex {
  readonly byItem: readonly (ItemSupplies | undefined)[];
  readonly position: ReadonlyMap<string, { readonly item: number; readonly entry: number }>;
  /**
   * For each sales order: the quantity its own independent demands hold on each supply. A re-check of
   * that order gets it back, so the order does not compete with itself.
   */
  readonly heldBySalesOrder: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export function buildSupplyIndex(plan: MrpPlan, network: ItemNetwork): SupplyIndex {
  const grouped: { id: string; day: DayNumber; unpegged: number; salesOrder: string | undefined; kind: string }[][] = network.items.map(() => []);
  for (const supply of plan.supplies) {
    const node = network.byId.get(supply.item);
    const day = parseDay(supply.date);
    if (node === undefined || day === undefined) continue;
    grouped[node.index]!.push({ id: supply.id, day, unpegged: Math.max(0, supply.unpeggedQty ?? 0), salesOrder: supply.salesOrder, kind: supply.kind });
  }
  const position = new Map<string, { item: number; entry: number }>();
  const byItem = grouped.map((entries, item) => {
    if (entries.length === 0) return undefined;
    entries.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    entries.forEach((entry, index) => position.set(entry.id, { item, entry: index }));
    return {
      ids: entries.map((entry) => entry.id),
      days: Int32Array.from(entries, (entry) => entry.day),
      unpegged: Float64Array.from(entries, (entry) => entry.unpegged),
      salesOrders: entries.map((entry) => entry.salesOrder),
      kinds: entries.map((entry) => entry.kind),
      openToAll: Float64Array.from(entries, (entry) => (entry.salesOrder === undefined ? entry.unpegged : 0)),
    };
  });

  const ownerOf = new Map<string, string>();
  for (const demand of plan.demands) if (demand.kind === 'sales-order' && demand.salesOrder !== undefined) ownerOf.set(demand.id, demand.salesOrder);
  const heldBySalesOrder = new Map<string, Map<string, number>>();
  for (const peg of plan.pegging) {
    const owner = ownerOf.get(peg.demand);
    if (owner === undefined) continue;
    const held = heldBySalesOrder.get(owner) ?? new Map<string, number>();
    held.set(peg.supply, (held.get(peg.supply) ?? 0) + peg.qty);
    heldBySalesOrder.set(owner, held);
  }
  return { byItem, position, heldBySalesOrder };
}
