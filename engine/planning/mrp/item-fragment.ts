import type { Peg, PlanDemand, PlanException, PlannedOrder, PlanSupply, RescheduleMessage } from '../generated/planning-types.js';
import type { ItemResult, Shortage, SubstituteDraw, SupplyRecord } from './item-records.js';
import type { ItemRows } from './item-rows.js';
import { EPSILON, round6 } from './lot-sizing.js';
import type { MrpModel } from './mrp-model.js';
import type { SettledSupplies } from './settled-supplies.js';
import { flatText } from './flat-text.js';

/** What a planner reads first of one item: its planned orders, reschedule messages and exceptions. */
export interface ItemHeadline {
  readonly plannedOrders: readonly PlannedOrder[];
  readonly rescheduleMessages: readonly RescheduleMessage[];
  readonly exceptions: readonly PlanException[];
  readonly shortages: number;
}

/** One item's share of the plan's arrays, in the plan's order: the plan is these concatenated by item id. */
export interface ItemFragment extends ItemHeadline {
  readonly supplies: readonly PlanSupply[];
  readonly demands: readonly PlanDemand[];
  readonly pegging: readonly Peg[];
}

/**
 * Per supply, what primaries drew from it as substitutes and its first need (Infinity: none): those
 * draws change its free quantity and so its reschedule messages, which are decided only here.
 */
function supplyUse(result: ItemResult, draws: readonly SubstituteDraw[]): { drawn: Float64Array; needBy: Float64Array } {
  const count = result.supplies.length;
  const drawn = drawnFrom(count, draws);
  const needBy = result.needBy === undefined ? new Float64Array(count).fill(Infinity) : result.needBy.slice();
  for (const draw of draws) if (draw.due < needBy[draw.supplyIndex]!) needBy[draw.supplyIndex] = draw.due;
  return { drawn, needBy };
}

const NO_USE = { drawn: new Float64Array(0), needBy: new Float64Array(0) };

function drawnFrom(count: number, draws: readonly SubstituteDraw[]): Float64Array {
  const drawn = new Float64Array(count);
  for (const draw of draws) drawn[draw.supplyIndex] = round6(drawn[draw.supplyIndex]! + draw.qty);
  return drawn;
}

/**
 * An item's planned orders, reschedule messages and exceptions, without its supplies, demands and
 * pegs (millions of records in a large plan): a demand's id is made only for a shortage exception.
 */
export function itemHeadline(model: MrpModel, result: ItemResult, draws: readonly SubstituteDraw[]): ItemHeadline {
  const rescheduleMessages: RescheduleMessage[] = [];
  // Open supply is among the existing supplies, which keep their records.
  const existing = result.supplies.existing;
  // Most items have no open receipt that may move: then their pegs need not be read at all.
  const movable = existing.some((record) => record.open && record.movable);
  const { drawn, needBy } = movable ? supplyUse(result, draws) : NO_USE;
  for (let index = 0; movable && index < existing.length; index++) {
    const record = existing[index]!;
    if (!record.open || !record.movable) continue;
    const unpegged = round6(record.left - drawn[index]!);
    const firstNeed = needBy[index] === Infinity ? undefined : needBy[index];
    messagesFor(model, result.item, record, round6(record.qty - unpegged), firstNeed, rescheduleMessages);
  }
  const plannedOrders = result.plannedIndex.map((index) => plannedOrder(model, result.item, result.supplies, index));
  return { plannedOrders, rescheduleMessages, exceptions: itemExceptions(model, result), shortages: result.shortDemands };
}

/**
 * The item's whole share: its headline, its supplies and its demands and pegs (from its rows, which
 * the fragment takes over), with what primaries drew from it as a substitute.
 */
export function itemFragment(model: MrpModel, result: ItemResult, rows: ItemRows, draws: readonly SubstituteDraw[], headline: ItemHeadline): ItemFragment {
  const item = result.item;
  const count = result.supplies.length;
  const drawn = drawnFrom(count, draws);
  const supplies: PlanSupply[] = [];
  for (let index = 0; index < count; index++) supplies.push(planSupply(model, item, result.supplies, index, round6(result.supplies.left(index) - drawn[index]!)));
  const { demands, pegging } = rows;
  const substituteDemands = new Map<string, PlanDemand>();
  for (const draw of draws) {
    pegging.push({ supply: draw.supplyId, demand: draw.demandId, qty: draw.qty });
    const known = substituteDemands.get(draw.demandId);
    if (known !== undefined) {
      known.qty = round6(known.qty + draw.qty);
      continue;
    }
    const demand: PlanDemand = { id: draw.demandId, item, kind: 'dependent', qty: draw.qty, due: model.dayText(draw.due) };
    if (draw.salesOrder !== undefined) demand.salesOrder = draw.salesOrder;
    demand.parentSupply = draw.parentSupply;
    demand.bomLine = draw.bomLine;
    demand.substituteFor = draw.primary;
    substituteDemands.set(draw.demandId, demand);
    demands.push(demand);
  }
  return { ...headline, supplies, demands, pegging };
}

/** In the order the planner met them: its own records', past-due starts, shortages, then its explosion's. */
function itemExceptions(model: MrpModel, result: ItemResult): PlanException[] {
  const exceptions = result.exceptions.slice(0, result.ownExceptions);
  const { supplies } = result;
  for (let index = supplies.existing.length; index < supplies.length; index++) if (supplies.pastDue(index)) exceptions.push(pastDueStart(model, result.item, supplies, index));
  for (const short of result.shortages) exceptions.push((short.exception ??= shortage(model, result.item, short)));
  for (let at = result.ownExceptions; at < result.exceptions.length; at++) exceptions.push(result.exceptions[at]!);
  return exceptions;
}

// One literal per combination of the optional fields, in the schema's order: a spread per field
// made a throw-away object per record, and a field set after the literal went to a separate
// property store, one more object per record, and the headline has hundreds of thousands.
function plannedOrder(model: MrpModel, item: string, supplies: SettledSupplies, index: number): PlannedOrder {
  const id = supplies.id(index);
  const kind = supplies.kind(index) === 'planned-make' ? 'make' : 'buy';
  const qty = supplies.orderQty(index);
  const start = model.dayText(supplies.start(index));
  const due = model.dayText(supplies.date(index));
  const bomVersion = supplies.bomVersion(index);
  const salesOrder = supplies.salesOrder(index);
  if (bomVersion === undefined) {
    return salesOrder === undefined ? { id, item, kind, qty, start, due } : { id, item, kind, qty, start, due, salesOrder };
  }
  return salesOrder === undefined ? { id, item, kind, qty, start, due, bomVersion } : { id, item, kind, qty, start, due, bomVersion, salesOrder };
}

function pastDueStart(model: MrpModel, item: string, supplies: SettledSupplies, index: number): PlanException {
  const id = supplies.id(index);
  const need = model.dayText(supplies.need(index));
  const due = model.dayText(supplies.date(index));
  return {
    type: 'past-due-start',
    item,
    supply: id,
    date: due,
    qty: supplies.qty(index),
    message: flatText(id, ': needed on ', need, ', it should have started before the horizon start ', model.dayText(model.horizonStart), '; starting then, it is due ', due),
  };
}

function shortage(model: MrpModel, item: string, short: Shortage): PlanException {
  const id = short.ownId ?? flatText(short.parentSupply!, '/', short.bomLine);
  const until = model.dayText(short.lateUntil);
  const { salesOrder, lateSupply, qty } = short;
  const message = flatText(id, ': ', qty, ' of ', item, ' due ', short.dueText, ' cannot be covered in time; the earliest supply (', lateSupply ?? 'none', ') arrives ', until);
  // One literal per combination of the optional fields (see plannedOrder).
  if (lateSupply === undefined) {
    return salesOrder === undefined ? { type: 'shortage', item, demand: id, date: until, qty, message } : { type: 'shortage', item, demand: id, salesOrder, date: until, qty, message };
  }
  return salesOrder === undefined
    ? { type: 'shortage', item, demand: id, supply: lateSupply, date: until, qty, message }
    : { type: 'shortage', item, demand: id, supply: lateSupply, salesOrder, date: until, qty, message };
}

// Most records have none of the optional fields: they get one object literal, not a spread per field.
function planSupply(model: MrpModel, item: string, supplies: SettledSupplies, index: number, unpeggedQty: number): PlanSupply {
  const id = supplies.id(index);
  const kind = supplies.kind(index);
  const qty = supplies.qty(index);
  const date = model.dayText(supplies.date(index));
  const salesOrder = supplies.salesOrder(index);
  const record = supplies.existing[index];
  if (salesOrder === undefined && record?.lot === undefined && record?.location === undefined) return { id, item, kind, qty, date, unpeggedQty };
  return {
    id,
    item,
    kind,
    qty,
    date,
    ...(salesOrder === undefined ? {} : { salesOrder }),
    ...(record?.lot === undefined ? {} : { lot: record.lot }),
    ...(record?.location === undefined ? {} : { location: record.location }),
    unpeggedQty,
  };
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
