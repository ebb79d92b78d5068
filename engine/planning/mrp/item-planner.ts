import type { DayNumber } from '../calendar/index.js';
import type { PlanException } from '../generated/planning-types.js';
import type { BomGraph } from './bom-graph.js';
import type { Incoming } from './demand-table.js';
import { markLate, needBy, newAllocation, shortagesOf } from './item-allocation.js';
import { itemDemands } from './item-demands.js';
import { explodeSupplies } from './item-explosion.js';
import type { ItemDetail, ItemResult, PoolEntry, Shortage, SubstituteDraw, SupplyRecord } from './item-records.js';
import type { KeptDemand } from './kept-table-patch.js';
import { itemSupplies, plannedDates } from './item-supplies.js';
import { applyModifiers, ceil6, EPSILON, lotQuantities, round6 } from './lot-sizing.js';
import type { MrpModel } from './mrp-model.js';
import { NeedGroups } from './need-groups.js';
import { OpenWindows } from './open-windows.js';
import { PegList } from './peg-list.js';
import { SettledSupplies } from './settled-supplies.js';
import { plannedOrderId, plannedRestKey, sequenceKey } from './supply-id-key.js';

/** The free pool of a substitute as this primary finds it (after primaries planned earlier drew on it). */
export type PoolLookup = (substitute: string) => PoolEntry[] | undefined;

/** What net-change keeps of an item's last planning: its demand table to patch, its shortages to hand on where unchanged. */
export interface PreviousPlanning {
  readonly kept: KeptDemand | undefined;
  readonly shortages: readonly Shortage[];
}

const FREE = '';
// Rounding the order up for yield can leave a millionth over the need; that is not a lot-size excess to hand out.
const NOISE = 1e-5;

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
  const supplies: SupplyRecord[] = itemSupplies(model, itemId, exceptions);
  const demands = itemDemands(model, item, incoming, exceptions, previous?.kept);
  const allocation = newAllocation(demands);
  const pegs = new PegList();
  const draws: SubstituteDraw[] = [];
  const plannedIndex: number[] = [];
  // Free supply apart from order-specific pools: most demands only ever look at it, without a lookup.
  const free = newPool();
  const reserved = new Map<string, SupplyPool>();
  for (let index = 0; index < supplies.length; index++) {
    const pool = poolOf(supplies[index]!.salesOrder ?? FREE);
    pool.list.push(index);
    if (supplies[index]!.movable) pool.movable.push(index);
  }
  const hasBom = model.bomsByItem.has(itemId);
  const yieldFactor = (1 - (item.scrapPct ?? 0) / 100) * ((item.yieldPct ?? 100) / 100);
  const periodic = item.lotSizing?.method === 'period';
  const openWindows = new OpenWindows();
  // A closing window is rounded by the lot rules but not split: max applied while it grew.
  const unsplit = periodic ? { ...item.lotSizing!, max: undefined } : undefined;
  // The current bucket's net requirements, as two columns (demand index, quantity still to cover): an object each was garbage per demand.
  const pendingDemand: number[] = [];
  const pendingQty: number[] = [];
  // Filled up to this and never shortened: emptying the arrays dropped their storage every bucket.
  let pending = 0;
  // 0, 1, 2, ...: the needs of an item that is not order-specific are the whole bucket, in order.
  const allNeeds: number[] = [];
  const groups = new NeedGroups();
  let pendingBucket = -1;
  let phantoms = 0;
  const plannedPrefix = `PL/${itemId}/`;
  const phantomPrefix = `PHANTOM/${itemId}/`;
  // Orders are made bucket by bucket in ascending order, so one counter that restarts per bucket numbers them.
  let sequenceBucket = -1;
  let sequence = 0;

  function poolOf(key: string): SupplyPool {
    if (key === FREE) return free;
    let pool = reserved.get(key);
    if (pool === undefined) reserved.set(key, (pool = newPool()));
    return pool;
  }

  function peg(supply: number, demand: number, qty: number): void {
    const record = supplies[supply]!;
    record.left = round6(record.left - qty);
    pegs.push(supply, demand, qty);
  }

  // Earliest-first from the head of a list sorted by date; entries before the head are used up.
  function takeOnTime(pool: SupplyPool | undefined, demand: number, due: DayNumber, need: number): number {
    if (pool === undefined) return need;
    const { list } = pool;
    let head = pool.head;
    while (head < list.length && supplies[list[head]!]!.left <= EPSILON) head += 1;
    pool.head = head;
    let left = need;
    for (let at = head; at < list.length && left > EPSILON; at++) {
      const record = supplies[list[at]!]!;
      if (record.date > due) break;
      if (record.left <= EPSILON) continue;
      const qty = Math.min(record.left, left);
      peg(list[at]!, demand, qty);
      left = round6(left - qty);
    }
    return left;
  }

  // Classic MRP: a later open receipt that is not firm is pulled in (expedite) before anything new is ordered.
  function takeLater(pool: SupplyPool | undefined, demand: number, due: DayNumber, need: number): number {
    if (pool === undefined) return need;
    const list = pool.movable;
    let left = need;
    for (let at = 0; at < list.length && left > EPSILON; at++) {
      const record = supplies[list[at]!]!;
      if (record.date <= due || !record.movable || record.left <= EPSILON) continue;
      const qty = Math.min(record.left, left);
      peg(list[at]!, demand, qty);
      left = round6(left - qty);
    }
    return left;
  }

  function substitute(demandIndex: number, need: number): number {
    const due = demands.due[demandIndex]!;
    const salesOrder = demands.salesOrder(demandIndex);
    const parentSupply = demands.parentSupply(demandIndex)!;
    let left = need;
    for (const option of demands.substitutes(demandIndex)) {
      const pool = pools(option.item);
      if (pool === undefined) continue;
      let units = round6(left * option.ratio);
      for (const entry of pool) {
        if (units <= EPSILON) break;
        if (entry.avail <= EPSILON || entry.date > due) continue;
        if (entry.salesOrder !== undefined && entry.salesOrder !== salesOrder) continue;
        const qty = Math.min(entry.avail, units);
        entry.avail = round6(entry.avail - qty);
        units = round6(units - qty);
        draws.push({
          substitute: option.item,
          primary: itemId,
          supplyIndex: entry.index,
          supplyId: entry.id,
          demandId: `${parentSupply}/${option.lineNo}`,
          qty,
          due,
          salesOrder,
          parentSupply,
          bomLine: option.lineNo,
        });
        const covered = round6(qty / option.ratio);
        left = round6(Math.max(0, left - covered));
        allocation.qty[demandIndex] = round6(Math.max(0, allocation.qty[demandIndex]! - covered));
      }
      if (left <= EPSILON) break;
    }
    return left;
  }

  function addSupply(record: SupplyRecord): number {
    const index = supplies.length;
    supplies.push(record);
    insert(index);
    return index;
  }

  // An order dated before supply already used up goes in before the list's head: the head moves back
  // to it, or later demands would never see what the order has left over after its lot rounding.
  function insert(index: number): void {
    const pool = poolOf(supplies[index]!.salesOrder ?? FREE);
    const { list } = pool;
    const date = supplies[index]!.date;
    let at = list.length;
    while (at > 0 && supplies[list[at - 1]!]!.date > date) at -= 1;
    // Mostly at the end (orders are made in date order), where splice would still allocate its result.
    if (at === list.length) list.push(index);
    else list.splice(at, 0, index);
    if (at < pool.head) pool.head = at;
  }

  // A period order's date is known when its window closes; moving later keeps its list sorted.
  function settleDates(index: number): void {
    const record = supplies[index]!;
    const before = record.date;
    plannedDates(model, item, record);
    if (record.date === before) return;
    const { list } = poolOf(record.salesOrder ?? FREE);
    list.splice(list.indexOf(index), 1);
    insert(index);
  }

  function newPlannedOrder(key: string, orderQty: number, good: number, need: DayNumber, windowEnd: number): number {
    const salesOrder = item.mto === true && key !== FREE ? key : undefined;
    if (pendingBucket !== sequenceBucket) {
      sequenceBucket = pendingBucket;
      sequence = 0;
    }
    sequence += 1;
    const record: SupplyRecord = {
      id: plannedOrderId(model, plannedPrefix, pendingBucket, sequence),
      idPrefix: plannedPrefix,
      idRest: plannedRestKey(model, model.horizonStart + pendingBucket * model.bucketDays, sequence),
      kind: item.makeBuy === 'make' ? 'planned-make' : 'planned-buy',
      qty: good,
      date: need,
      due: need,
      salesOrder,
      releasedFrom: undefined,
      movable: false,
      open: false,
      left: good,
      lot: undefined,
      location: undefined,
      planned: { orderQty, start: need, need, pastDue: false, windowEnd },
    };
    if (!periodic) plannedDates(model, item, record);
    const index = addSupply(record);
    plannedIndex.push(index);
    return index;
  }

  function pegNeeds(needs: readonly number[], count: number, orders: readonly number[]): void {
    let at = 0;
    for (let next = 0; next < count; next++) {
      const need = needs[next]!;
      while (pendingQty[need]! > EPSILON && at < orders.length) {
        const record = supplies[orders[at]!]!;
        if (record.left <= EPSILON) {
          at += 1;
          continue;
        }
        const qty = Math.min(record.left, pendingQty[need]!);
        peg(orders[at]!, pendingDemand[need]!, qty);
        pendingQty[need] = round6(pendingQty[need]! - qty);
      }
    }
  }

  function closeWindows(bucket: number): void {
    for (let at = 0; at < openWindows.size; ) {
      const index = openWindows.orderAt(at);
      const record = supplies[index]!;
      if (bucket < record.planned!.windowEnd) {
        at += 1;
        continue;
      }
      openWindows.closeAt(at);
      const [rounded] = applyModifiers(record.planned!.orderQty, unsplit!);
      if (rounded! <= record.planned!.orderQty + EPSILON) {
        settleDates(index);
        continue;
      }
      const extra = round6(round6(rounded! * yieldFactor) - record.qty);
      record.planned!.orderQty = rounded!;
      if (extra > NOISE) {
        record.qty = round6(record.qty + extra);
        record.left = round6(record.left + extra);
      }
      settleDates(index);
    }
  }

  function growWindow(key: string, need: number, due: DayNumber, bucket: number): void {
    const max = item.lotSizing?.max;
    while (pendingQty[need]! > EPSILON) {
      let index = openWindows.orderOf(key);
      if (index < 0) {
        index = newPlannedOrder(key, 0, 0, due, bucket + (item.lotSizing?.periods ?? 1));
        openWindows.open(key, index);
      }
      const record = supplies[index]!;
      const room = max === undefined ? Infinity : round6((max - record.planned!.orderQty) * yieldFactor);
      const good = Math.min(pendingQty[need]!, room);
      if (good <= EPSILON) {
        openWindows.close(key);
        settleDates(index);
        continue;
      }
      record.planned!.orderQty = ceil6(record.planned!.orderQty + good / yieldFactor);
      record.qty = round6(record.qty + good);
      record.left = round6(record.left + good);
      peg(index, pendingDemand[need]!, good);
      pendingQty[need] = round6(pendingQty[need]! - good);
    }
  }

  function flush(): void {
    if (pending === 0) return;
    if (item.mto !== true) {
      while (allNeeds.length < pending) allNeeds.push(allNeeds.length);
      sizeGroup(FREE, allNeeds, pending);
    } else {
      for (let need = 0; need < pending; need++) groups.add(demands.salesOrder(pendingDemand[need]!) ?? FREE, need);
      for (let at = 0; at < groups.size; at++) sizeGroup(groups.key(at), groups.needs(at), groups.count(at));
      groups.clear();
    }
    pending = 0;
  }

  // The first `count` of `needs` (indexes into the pending columns) are one group's.
  function sizeGroup(key: string, needs: readonly number[], count: number): void {
    const due = demands.due[pendingDemand[needs[0]!]!]!;
    if (periodic) {
      for (let at = 0; at < count; at++) growWindow(key, needs[at]!, due, pendingBucket);
      return;
    }
    let total = 0;
    for (let at = 0; at < count; at++) total = round6(total + pendingQty[needs[at]!]!);
    const orders = lotQuantities(ceil6(total / yieldFactor), item.lotSizing).map((orderQty, at, all) => {
      const good = at === all.length - 1 ? lastGood(total, all, orderQty) : round6(orderQty * yieldFactor);
      return newPlannedOrder(key, orderQty, good, due, pendingBucket + 1);
    });
    pegNeeds(needs, count, orders);
  }

  // The last order absorbs rounding so the orders' good quantity never falls short of the need.
  function lastGood(total: number, all: readonly number[], orderQty: number): number {
    let before = 0;
    for (let at = 0; at < all.length - 1; at++) before = round6(before + round6(all[at]! * yieldFactor));
    const rest = round6(total - before);
    const good = round6(orderQty * yieldFactor);
    return good < rest || good - rest < NOISE ? rest : good;
  }

  function blowThrough(demandIndex: number, qty: number): void {
    const due = demands.due[demandIndex]!;
    phantoms += 1;
    const index = addSupply({
      id: `${phantomPrefix}${phantoms}`,
      idPrefix: phantomPrefix,
      idRest: sequenceKey(phantoms),
      kind: 'phantom',
      qty,
      date: due,
      due,
      salesOrder: demands.salesOrder(demandIndex),
      releasedFrom: undefined,
      movable: false,
      open: false,
      left: qty,
      lot: undefined,
      location: undefined,
      planned: undefined,
    });
    peg(index, demandIndex, qty);
  }

  for (let index = 0; index < demands.length; index++) {
    const due = demands.due[index]!;
    const salesOrder = demands.salesOrder(index);
    const bucket = Math.floor((due - model.horizonStart) / model.bucketDays);
    if (bucket !== pendingBucket) {
      flush();
      pendingBucket = bucket;
      if (periodic) closeWindows(bucket);
    }
    let need = allocation.qty[index]!;
    // Most items hold nothing reserved to an order: then no lookup.
    if (salesOrder !== undefined && reserved.size > 0) need = takeOnTime(reserved.get(salesOrder), index, due, need);
    need = takeOnTime(free, index, due, need);
    if (need > EPSILON && demands.substituting && demands.substitutes(index).length > 0) need = substitute(index, need);
    if (need > EPSILON && salesOrder !== undefined && reserved.size > 0) need = takeLater(reserved.get(salesOrder), index, due, need);
    if (need > EPSILON && free.movable.length > 0) need = takeLater(free, index, due, need);
    if (need <= EPSILON) continue;
    if (hasBom && demands.phantoms && demands.phantom(index)) blowThrough(index, need);
    else {
      pendingDemand[pending] = index;
      pendingQty[pending] = need;
      pending += 1;
    }
  }
  flush();
  if (periodic) closeWindows(Infinity);

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

/** Supply of one key (free, or reserved to one sales order), as indexes sorted by date, and the open receipts among it that may be pulled in. */
interface SupplyPool {
  readonly list: number[];
  /** Everything before it is used up. */
  head: number;
  // Apart: the expedite scan must not walk every planned order.
  readonly movable: number[];
}

function newPool(): SupplyPool {
  return { list: [], head: 0, movable: [] };
}
