import type { Peg, PlanDemand, PlanException, PlannedOrder, PlanSupply, RescheduleMessage } from '../generated/planning-types.js';
import type { ItemResult, SubstituteDraw, SupplyRecord } from './item-records.js';
import { EPSILON, round6 } from './lot-sizing.js';
import type { MrpModel } from './mrp-model.js';

/** One item's share of the plan's arrays, in the plan's order: the plan is these concatenated by item id. */
export interface ItemFragment {
  readonly plannedOrders: readonly PlannedOrder[];
  readonly supplies: readonly PlanSupply[];
  readonly demands: readonly PlanDemand[];
  readonly pegging: readonly Peg[];
  readonly rescheduleMessages: readonly RescheduleMessage[];
  readonly exceptions: readonly PlanException[];
  readonly shortages: number;
}

/**
 * Writes an item's result out, with what primaries drew from its supply as substitutes: those draws
 * change its supplies' free quantity and so its reschedule messages, which are decided only here.
 */
export function itemFragment(model: MrpModel, result: ItemResult, draws: readonly SubstituteDraw[]): ItemFragment {
  const item = result.item;
  const drawn = new Map<number, number>();
  const needBy = new Map<number, number>();
  const earliest = (index: number, day: number) => {
    const current = needBy.get(index);
    if (current === undefined || day < current) needBy.set(index, day);
  };
  for (const draw of draws) {
    drawn.set(draw.supplyIndex, round6((drawn.get(draw.supplyIndex) ?? 0) + draw.qty));
    earliest(draw.supplyIndex, draw.due);
  }
  for (const peg of result.pegs) earliest(peg.supply, result.demands[peg.demand]!.due);

  const supplies: PlanSupply[] = [];
  const rescheduleMessages: RescheduleMessage[] = [];
  result.supplies.forEach((record, index) => {
    const unpegged = round6(record.left - (drawn.get(index) ?? 0));
    supplies.push({
      id: record.id,
      item,
      kind: record.kind,
      qty: record.qty,
      date: model.dayText(record.date),
      ...(record.salesOrder === undefined ? {} : { salesOrder: record.salesOrder }),
      ...(record.lot === undefined ? {} : { lot: record.lot }),
      ...(record.location === undefined ? {} : { location: record.location }),
      unpeggedQty: unpegged,
    });
    if (record.open && record.movable) messagesFor(model, item, record, round6(record.qty - unpegged), needBy.get(index), rescheduleMessages);
  });

  const demands: PlanDemand[] = [];
  let shortages = 0;
  for (const demand of result.demands) {
    if (demand.qty <= EPSILON) continue;
    if (demand.short > EPSILON) shortages += 1;
    demands.push({
      id: demand.id,
      item,
      kind: demand.kind,
      qty: demand.qty,
      due: demand.dueText,
      ...(demand.salesOrder === undefined ? {} : { salesOrder: demand.salesOrder }),
      ...(demand.parentSupply === undefined ? {} : { parentSupply: demand.parentSupply, bomLine: demand.bomLine! }),
      ...(demand.short > EPSILON ? { shortQty: demand.short } : {}),
    });
  }
  const pegging: Peg[] = result.pegs.map((peg) => ({ supply: result.supplies[peg.supply]!.id, demand: result.demands[peg.demand]!.id, qty: peg.qty }));
  const substituteDemands = new Map<string, PlanDemand>();
  for (const draw of draws) {
    pegging.push({ supply: draw.supplyId, demand: draw.demandId, qty: draw.qty });
    const known = substituteDemands.get(draw.demandId);
    if (known !== undefined) {
      known.qty = round6(known.qty + draw.qty);
      continue;
    }
    const demand: PlanDemand = {
      id: draw.demandId,
      item,
      kind: 'dependent',
      qty: draw.qty,
      due: model.dayText(draw.due),
      ...(draw.salesOrder === undefined ? {} : { salesOrder: draw.salesOrder }),
      parentSupply: draw.parentSupply,
      bomLine: draw.bomLine,
      substituteFor: draw.primary,
    };
    substituteDemands.set(draw.demandId, demand);
    demands.push(demand);
  }
  return { plannedOrders: result.plannedOrders, supplies, demands, pegging, rescheduleMessages, exceptions: result.exceptions, shortages };
}

/**
 * Messages for open supply that may be moved: cancel what nothing needs, reduce what is partly
 * needed, expedite a receipt that is pegged to an earlier need, defer one that arrives a bucket or
 * more before its first need. Supply due after the horizon end may serve demand not yet known: no
 * cancel or reduce for it.
 */
function messagesFor(model: MrpModel, item: string, record: SupplyRecord, pegged: number, firstNeed: number | undefined, out: RescheduleMessage[]): void {
  const date = model.dayText(record.due);
  const beyond = record.due > model.horizonEnd;
  if (pegged <= EPSILON || firstNeed === undefined) {
    if (!beyond) out.push({ supply: record.id, item, action: 'cancel', date, reason: `no demand in the horizon needs ${record.id}` });
    return;
  }
  const bucket = (day: number) => Math.floor((day - model.horizonStart) / model.bucketDays);
  if (firstNeed < record.date) {
    out.push({ supply: record.id, item, action: 'expedite', date, to: model.dayText(firstNeed), reason: `needed on ${model.dayText(firstNeed)}, due ${date}` });
  } else if (bucket(firstNeed) > bucket(record.date)) {
    out.push({ supply: record.id, item, action: 'defer', date, to: model.dayText(firstNeed), reason: `first needed on ${model.dayText(firstNeed)}` });
  }
  if (!beyond && pegged < record.qty - EPSILON) {
    out.push({ supply: record.id, item, action: 'reduce', date, qty: pegged, reason: `only ${pegged} of ${record.qty} is needed in the horizon` });
  }
}
