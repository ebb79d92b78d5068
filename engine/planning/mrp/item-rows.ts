import type { Peg, PlanDemand } from '../generated/planning-types.js';
import { parentId } from './explosion-list.js';
import type { DemandRecord, ItemDetail, ItemResult } from './item-records.js';
import { EPSILON } from './lot-sizing.js';
import type { MrpModel } from './mrp-model.js';
import { flatText } from './flat-text.js';

/** An item's demands and pegs as plan records (without what primaries drew from it as a substitute). */
export interface ItemRows {
  readonly demands: PlanDemand[];
  readonly pegging: Peg[];
}

/**
 * The records of an item's demands and pegs, made from its detail while it is valid (until the next
 * item is planned): dependent demand is millions of rows in a large plan, read straight from the
 * parents' explosions.
 */
export function itemRows(model: MrpModel, result: ItemResult, detail: ItemDetail): ItemRows {
  const item = result.item;
  const table = detail.demands;
  const ids: string[] = [];
  const demands: PlanDemand[] = [];
  const { allocation, pegs } = detail;
  for (let index = 0; index < table.length; index++) {
    const qty = allocation.qty[index]!;
    const short = allocation.short[index]!;
    const source = table.source[index]!;
    if (source === -1) {
      const own = table.records[table.row[index]!]!;
      ids.push(own.id);
      if (qty <= EPSILON) continue;
      demands.push(ownDemand(item, own, qty, short));
      continue;
    }
    // Dependent rows, millions in a large plan: read from the parent's explosion directly.
    const list = table.incoming[source]!.list;
    const parentSupply = parentId(list, table.row[index]!);
    const bomLine = list.lines[table.line[index]!]!.lineNo;
    const id = flatText(parentSupply, '/', bomLine);
    ids.push(id);
    if (qty <= EPSILON) continue;
    const salesOrder = list.supplies.salesOrder(list.supply[table.row[index]!]!);
    const due = model.dayText(table.due[index]!);
    if (salesOrder === undefined && short <= EPSILON) {
      demands.push({ id, item, kind: 'dependent', qty, due, parentSupply, bomLine });
      continue;
    }
    const out: PlanDemand = { id, item, kind: 'dependent', qty, due };
    if (salesOrder !== undefined) out.salesOrder = salesOrder;
    out.parentSupply = parentSupply;
    out.bomLine = bomLine;
    if (short > EPSILON) out.shortQty = short;
    demands.push(out);
  }
  const pegging: Peg[] = [];
  for (let at = 0; at < pegs.length; at++) {
    pegging.push({ supply: result.supplies.id(pegs.supply[at]!), demand: ids[pegs.demand[at]!]!, qty: pegs.qty[at]! });
  }
  return { demands, pegging };
}

function ownDemand(item: string, demand: DemandRecord, qty: number, short: number): PlanDemand {
  const out: PlanDemand = { id: demand.id, item, kind: demand.kind, qty, due: demand.dueText };
  if (demand.salesOrder !== undefined) out.salesOrder = demand.salesOrder;
  if (short > EPSILON) out.shortQty = short;
  return out;
}
