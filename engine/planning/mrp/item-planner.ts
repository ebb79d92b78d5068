import type { PlanException } from '../generated/planning-types.js';
import type { BomGraph } from './bom-graph.js';
import type { Incoming } from './demand-table.js';
import { markLate, needBy, newAllocation, shortagesOf } from './item-allocation.js';
import { itemDemands } from './item-demands.js';
import { explodeSupplies } from './item-explosion.js';
import { ItemNetting, type PoolLookup } from './item-netting.js';
import type { ItemDetail, ItemResult, PoolEntry, Shortage } from './item-records.js';
import type { KeptDemand } from './kept-table-patch.js';
import { itemSupplies } from './item-supplies.js';
import { EPSILON } from './lot-sizing.js';
import type { MrpModel } from './mrp-model.js';
import { SettledSupplies } from './settled-supplies.js';

/** What net-change keeps of an item's last planning: its demand table to patch, its shortages to hand on where unchanged. */
export interface PreviousPlanning {
  readonly kept: KeptDemand | undefined;
  readonly shortages: readonly Shortage[];
}

/**
 * Plans one item: nets its demands (independent, dependent, safety stock) against its supplies in
 * allocation order, writes a peg for every allocation, sizes planned orders per bucket and lists the
 * make supply its components' demand comes from. Reads nothing of other items but its incoming
 * demand and the substitute pools, which is what lets net-change reuse every other item's result.
 * The result is kept; the detail (its demands and pegs) only until the next item is planned. Given
 * the item's last planning, its kept table is patched to the item's demands (kept-table-patch.ts) and
 * its unchanged shortages are kept.
 */
export function planItem(model: MrpModel, graph: BomGraph, itemId: string, incoming: readonly Incoming[], pools: PoolLookup, previous?: PreviousPlanning): { result: ItemResult; detail: ItemDetail } {
  const item = model.items.get(itemId)!;
  const exceptions: PlanException[] = [];
  // Supplies before demands: their exceptions come first in the plan.
  const records = itemSupplies(model, itemId, exceptions);
  const demands = itemDemands(model, item, incoming, exceptions, previous?.kept);
  const allocation = newAllocation(demands);
  const netting = new ItemNetting(model, item, records, demands, allocation, pools);
  netting.run();
  const { supplies, pegs, draws, plannedIndex } = netting;
  markLate(supplies, demands, allocation, pegs);
  // Shortage and past-due-start exceptions are written out with the item's headline, not here.
  const ownExceptions = exceptions.length;
  const settled = new SettledSupplies(model.orderCodes, supplies);
  const explosions = explodeSupplies(model, graph, item, supplies, settled, demands, pegs, exceptions);
  const pool: PoolEntry[] = [];
  for (let index = 0; index < supplies.length; index++) {
    const record = supplies[index]!;
    if (record.planned === undefined && record.kind !== 'phantom' && record.left > EPSILON) {
      pool.push({ index, id: record.id, date: record.date, salesOrder: record.salesOrder, avail: record.left });
    }
  }
  const { shortages, shortDemands } = shortagesOf(model, supplies, demands, allocation, previous?.shortages);
  const result: ItemResult = {
    item: itemId,
    supplies: settled,
    plannedIndex,
    exceptions,
    ownExceptions,
    shortages,
    shortDemands,
    needBy: needBy(supplies, demands, pegs),
    explosions,
    draws,
    pool,
  };
  return { result, detail: { demands, allocation, pegs } };
}
