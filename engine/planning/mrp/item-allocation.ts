import type { DemandTable } from './demand-table.js';
import type { DemandAllocation, Shortage, SupplyRecord } from './item-records.js';
import { EPSILON, round6 } from './lot-sizing.js';
import type { MrpModel } from './mrp-model.js';
import type { PegList } from './peg-list.js';
import { ScratchArray } from './scratch-array.js';

// Allocation columns, like the demand table's, are reused by the next item (ItemDetail).
const allocationQty = new ScratchArray((length) => new Float64Array(length));
const allocationShort = new ScratchArray((length) => new Float64Array(length));
const allocationLateUntil = new ScratchArray((length) => new Float64Array(length));
const allocationLateSupply = new ScratchArray((length) => new Int32Array(length));

export function newAllocation(demands: DemandTable): DemandAllocation {
  const count = demands.length;
  const allocation = {
    qty: allocationQty.take(count),
    short: allocationShort.take(count),
    lateUntil: allocationLateUntil.take(count),
    lateSupply: allocationLateSupply.take(count),
  };
  allocation.qty.set(demands.qty);
  allocation.short.fill(0);
  allocation.lateUntil.fill(-Infinity);
  allocation.lateSupply.fill(-1);
  return allocation;
}

// How far past a shortage that no longer matches the next one is looked for: one removed, or a few.
const RESYNC = 4;

/**
 * The demands pegged to late supply, in allocation order, as their exceptions are made from them.
 * A shortage equal to one of the item's previous shortages is that object, in the same order, so
 * its exception is made once (net-change: most of a replanned item's shortages stay the same). A
 * row of the same explosion list is compared by its quantity and late supply alone.
 */
export function shortagesOf(model: MrpModel, supplies: readonly SupplyRecord[], demands: DemandTable, allocation: DemandAllocation, previous: readonly Shortage[] = []): { shortages: Shortage[]; shortDemands: number } {
  const shortages: Shortage[] = [];
  let shortDemands = 0;
  let next = 0;
  for (let index = 0; index < demands.length; index++) {
    const qty = allocation.short[index]!;
    if (qty <= EPSILON) continue;
    if (allocation.qty[index]! > EPSILON) shortDemands += 1;
    const late = allocation.lateSupply[index]!;
    const lateUntil = allocation.lateUntil[index]!;
    const lateSupply = late === -1 ? undefined : supplies[late]!.id;
    const list = demands.listOf(index);
    const entry = demands.row[index]!;
    const line = demands.line[index]!;
    const end = Math.min(previous.length, next + RESYNC);
    let found = next;
    if (list !== undefined) {
      for (; found < end; found++) {
        const before = previous[found]!;
        if (before.list === list && before.entry === entry && before.line === line && before.qty === qty && before.lateUntil === lateUntil && before.lateSupply === lateSupply) break;
      }
    } else found = end;
    if (found < end) {
      shortages.push(previous[found]!);
      next = found + 1;
      continue;
    }
    const short: Shortage = {
      ownId: demands.own(index)?.id,
      parentSupply: demands.parentSupply(index),
      bomLine: demands.bomLine(index)?.lineNo ?? 0,
      salesOrder: demands.salesOrder(index),
      dueText: demands.dueText(model, index),
      qty,
      lateUntil,
      lateSupply,
      list,
      entry,
      line,
      exception: undefined,
    };
    found = next;
    while (found < end && !sameShortage(previous[found]!, short)) found += 1;
    if (found < end) {
      shortages.push(previous[found]!);
      next = found + 1;
    } else shortages.push(short);
  }
  return { shortages, shortDemands };
}

/** Equal in every field its exception is made from. */
function sameShortage(a: Shortage, b: Shortage): boolean {
  return (
    a.qty === b.qty &&
    a.lateUntil === b.lateUntil &&
    a.bomLine === b.bomLine &&
    a.parentSupply === b.parentSupply &&
    a.ownId === b.ownId &&
    a.salesOrder === b.salesOrder &&
    a.dueText === b.dueText &&
    a.lateSupply === b.lateSupply
  );
}

/** Per supply, the earliest due of the demands pegged to it: for reschedule messages, so only where open supply may move. */
export function needBy(supplies: readonly SupplyRecord[], demands: DemandTable, pegs: PegList): Float64Array | undefined {
  if (!supplies.some((record) => record.open && record.movable)) return undefined;
  const needs = new Float64Array(supplies.length).fill(Infinity);
  for (let at = 0; at < pegs.length; at++) {
    const supply = pegs.supply[at]!;
    const need = demands.due[pegs.demand[at]!]!;
    if (need < needs[supply]!) needs[supply] = need;
  }
  return needs;
}

/** A demand pegged to supply that arrives after its due date is short by that much (expedited receipts excepted). */
export function markLate(supplies: readonly SupplyRecord[], demands: DemandTable, allocation: DemandAllocation, pegs: PegList): void {
  for (let at = 0; at < pegs.length; at++) {
    const supply = supplies[pegs.supply[at]!]!;
    const demand = pegs.demand[at]!;
    if (supply.date <= demands.due[demand]! || supply.movable) continue;
    allocation.short[demand] = round6(allocation.short[demand]! + pegs.qty[at]!);
    if (supply.date > allocation.lateUntil[demand]!) {
      allocation.lateUntil[demand] = supply.date;
      allocation.lateSupply[demand] = pegs.supply[at]!;
    }
  }
}
