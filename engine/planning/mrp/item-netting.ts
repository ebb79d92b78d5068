import type { DayNumber } from '../calendar/index.js';
import type { MrpItem } from '../generated/planning-types.js';
import type { DemandTable } from './demand-table.js';
import type { DemandAllocation, PoolEntry, SubstituteDraw, SupplyRecord } from './item-records.js';
import { plannedDates } from './item-supplies.js';
import { applyModifiers, ceil6, EPSILON, lotQuantities, round6 } from './lot-sizing.js';
import type { MrpModel } from './mrp-model.js';
import { NeedGroups } from './need-groups.js';
import { OpenWindows } from './open-windows.js';
import { PegList } from './peg-list.js';
import { plannedOrderId, plannedRestKey, sequenceKey } from './supply-id-key.js';
import { keepShape } from './kept-shapes.js';
import { flatText } from './flat-text.js';

/** The free pool of a substitute as this primary finds it (after primaries planned earlier drew on it). */
export type PoolLookup = (substitute: string) => PoolEntry[] | undefined;

const FREE = '';
// Rounding the order up for yield can leave a millionth over the need; that is not a lot-size excess to hand out.
const NOISE = 1e-5;

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

/**
 * One item's netting: its demands, in allocation order, against its supplies (reserved, free,
 * substitutes, open receipts pulled in), a peg per allocation, and planned orders sized per bucket
 * by the lot rules for what is left. Methods, not functions nested in the planner: those were made
 * again for every item, and a full garbage collection between two updates dropped their optimised
 * code with them, so an update after an idle moment ran unoptimised while it was compiled again.
 */
export class ItemNetting {
  readonly pegs = new PegList();
  readonly draws: SubstituteDraw[] = [];
  readonly plannedIndex: number[] = [];
  // Free supply apart from order-specific pools: most demands only ever look at it, without a lookup.
  private readonly free = newPool();
  private readonly reserved = new Map<string, SupplyPool>();
  private readonly hasBom: boolean;
  private readonly yieldFactor: number;
  private readonly periodic: boolean;
  private readonly openWindows = new OpenWindows();
  // A closing window is rounded by the lot rules but not split: max applied while it grew.
  private readonly unsplit: MrpItem['lotSizing'];
  // The current bucket's net requirements, as two columns (demand index, quantity still to cover): an object each was garbage per demand.
  private readonly pendingDemand: number[] = [];
  private readonly pendingQty: number[] = [];
  // Filled up to this and never shortened: emptying the arrays dropped their storage every bucket.
  private pending = 0;
  // 0, 1, 2, ...: the needs of an item that is not order-specific are the whole bucket, in order.
  private readonly allNeeds: number[] = [];
  private readonly groups = new NeedGroups();
  private pendingBucket = -1;
  private phantoms = 0;
  private readonly plannedPrefix: string;
  private readonly phantomPrefix: string;
  // Orders are made bucket by bucket in ascending order, so one counter that restarts per bucket numbers them.
  private sequenceBucket = -1;
  private sequence = 0;

  constructor(
    private readonly model: MrpModel,
    private readonly item: MrpItem,
    readonly supplies: SupplyRecord[],
    private readonly demands: DemandTable,
    private readonly allocation: DemandAllocation,
    private readonly pools: PoolLookup,
  ) {
    keepShape(this);
    for (let index = 0; index < supplies.length; index++) {
      const pool = this.poolOf(supplies[index]!.salesOrder ?? FREE);
      pool.list.push(index);
      if (supplies[index]!.movable) pool.movable.push(index);
    }
    this.hasBom = model.bomsByItem.has(item.id);
    this.yieldFactor = (1 - (item.scrapPct ?? 0) / 100) * ((item.yieldPct ?? 100) / 100);
    this.periodic = item.lotSizing?.method === 'period';
    this.unsplit = this.periodic ? { ...item.lotSizing!, max: undefined } : undefined;
    this.plannedPrefix = `PL/${item.id}/`;
    this.phantomPrefix = `PHANTOM/${item.id}/`;
  }

  /** Nets every demand, bucket by bucket. */
  run(): void {
    const { model, demands, allocation, free, reserved } = this;
    for (let index = 0; index < demands.length; index++) {
      const due = demands.due[index]!;
      const salesOrder = demands.salesOrder(index);
      const bucket = Math.floor((due - model.horizonStart) / model.bucketDays);
      if (bucket !== this.pendingBucket) {
        this.flush();
        this.pendingBucket = bucket;
        if (this.periodic) this.closeWindows(bucket);
      }
      let need = allocation.qty[index]!;
      // Most items hold nothing reserved to an order: then no lookup.
      if (salesOrder !== undefined && reserved.size > 0) need = this.takeOnTime(reserved.get(salesOrder), index, due, need);
      need = this.takeOnTime(free, index, due, need);
      if (need > EPSILON && demands.substituting && demands.substitutes(index).length > 0) need = this.substitute(index, need);
      if (need > EPSILON && salesOrder !== undefined && reserved.size > 0) need = this.takeLater(reserved.get(salesOrder), index, due, need);
      if (need > EPSILON && free.movable.length > 0) need = this.takeLater(free, index, due, need);
      if (need <= EPSILON) continue;
      if (this.hasBom && demands.phantoms && demands.phantom(index)) this.blowThrough(index, need);
      else {
        this.pendingDemand[this.pending] = index;
        this.pendingQty[this.pending] = need;
        this.pending += 1;
      }
    }
    this.flush();
    if (this.periodic) this.closeWindows(Infinity);
  }

  private poolOf(key: string): SupplyPool {
    if (key === FREE) return this.free;
    let pool = this.reserved.get(key);
    if (pool === undefined) this.reserved.set(key, (pool = newPool()));
    return pool;
  }

  private peg(supply: number, demand: number, qty: number): void {
    const record = this.supplies[supply]!;
    record.left = round6(record.left - qty);
    this.pegs.push(supply, demand, qty);
  }

  // Earliest-first from the head of a list sorted by date; entries before the head are used up.
  private takeOnTime(pool: SupplyPool | undefined, demand: number, due: DayNumber, need: number): number {
    if (pool === undefined) return need;
    const { supplies } = this;
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
      this.peg(list[at]!, demand, qty);
      left = round6(left - qty);
    }
    return left;
  }

  // Classic MRP: a later open receipt that is not firm is pulled in (expedite) before anything new is ordered.
  private takeLater(pool: SupplyPool | undefined, demand: number, due: DayNumber, need: number): number {
    if (pool === undefined) return need;
    const list = pool.movable;
    let left = need;
    for (let at = 0; at < list.length && left > EPSILON; at++) {
      const record = this.supplies[list[at]!]!;
      if (record.date <= due || !record.movable || record.left <= EPSILON) continue;
      const qty = Math.min(record.left, left);
      this.peg(list[at]!, demand, qty);
      left = round6(left - qty);
    }
    return left;
  }

  private substitute(demandIndex: number, need: number): number {
    const { demands, allocation } = this;
    const due = demands.due[demandIndex]!;
    const salesOrder = demands.salesOrder(demandIndex);
    const parentSupply = demands.parentSupply(demandIndex)!;
    let left = need;
    for (const option of demands.substitutes(demandIndex)) {
      const pool = this.pools(option.item);
      if (pool === undefined) continue;
      let units = round6(left * option.ratio);
      for (const entry of pool) {
        if (units <= EPSILON) break;
        if (entry.avail <= EPSILON || entry.date > due) continue;
        if (entry.salesOrder !== undefined && entry.salesOrder !== salesOrder) continue;
        const qty = Math.min(entry.avail, units);
        entry.avail = round6(entry.avail - qty);
        units = round6(units - qty);
        this.draws.push({
          substitute: option.item,
          primary: this.item.id,
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

  private addSupply(record: SupplyRecord): number {
    const index = this.supplies.length;
    this.supplies.push(record);
    this.insert(index);
    return index;
  }

  // An order dated before supply already used up goes in before the list's head: the head moves back
  // to it, or later demands would never see what the order has left over after its lot rounding.
  private insert(index: number): void {
    const { supplies } = this;
    const pool = this.poolOf(supplies[index]!.salesOrder ?? FREE);
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
  private settleDates(index: number): void {
    const record = this.supplies[index]!;
    const before = record.date;
    plannedDates(this.model, this.item, record);
    if (record.date === before) return;
    const { list } = this.poolOf(record.salesOrder ?? FREE);
    list.splice(list.indexOf(index), 1);
    this.insert(index);
  }

  private newPlannedOrder(key: string, orderQty: number, good: number, need: DayNumber, windowEnd: number): number {
    const { model, item } = this;
    const salesOrder = item.mto === true && key !== FREE ? key : undefined;
    if (this.pendingBucket !== this.sequenceBucket) {
      this.sequenceBucket = this.pendingBucket;
      this.sequence = 0;
    }
    this.sequence += 1;
    const record: SupplyRecord = {
      id: plannedOrderId(model, this.plannedPrefix, this.pendingBucket, this.sequence),
      idPrefix: this.plannedPrefix,
      idRest: plannedRestKey(model, model.horizonStart + this.pendingBucket * model.bucketDays, this.sequence),
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
    if (!this.periodic) plannedDates(model, item, record);
    const index = this.addSupply(record);
    this.plannedIndex.push(index);
    return index;
  }

  private pegNeeds(needs: readonly number[], count: number, orders: readonly number[]): void {
    const { pendingQty } = this;
    let at = 0;
    for (let next = 0; next < count; next++) {
      const need = needs[next]!;
      while (pendingQty[need]! > EPSILON && at < orders.length) {
        const record = this.supplies[orders[at]!]!;
        if (record.left <= EPSILON) {
          at += 1;
          continue;
        }
        const qty = Math.min(record.left, pendingQty[need]!);
        this.peg(orders[at]!, this.pendingDemand[need]!, qty);
        pendingQty[need] = round6(pendingQty[need]! - qty);
      }
    }
  }

  private closeWindows(bucket: number): void {
    const { openWindows } = this;
    for (let at = 0; at < openWindows.size; ) {
      const index = openWindows.orderAt(at);
      const record = this.supplies[index]!;
      if (bucket < record.planned!.windowEnd) {
        at += 1;
        continue;
      }
      openWindows.closeAt(at);
      const [rounded] = applyModifiers(record.planned!.orderQty, this.unsplit!);
      if (rounded! <= record.planned!.orderQty + EPSILON) {
        this.settleDates(index);
        continue;
      }
      const extra = round6(round6(rounded! * this.yieldFactor) - record.qty);
      record.planned!.orderQty = rounded!;
      if (extra > NOISE) {
        record.qty = round6(record.qty + extra);
        record.left = round6(record.left + extra);
      }
      this.settleDates(index);
    }
  }

  private growWindow(key: string, need: number, due: DayNumber, bucket: number): void {
    const { pendingQty } = this;
    const max = this.item.lotSizing?.max;
    while (pendingQty[need]! > EPSILON) {
      let index = this.openWindows.orderOf(key);
      if (index < 0) {
        index = this.newPlannedOrder(key, 0, 0, due, bucket + (this.item.lotSizing?.periods ?? 1));
        this.openWindows.open(key, index);
      }
      const record = this.supplies[index]!;
      const room = max === undefined ? Infinity : round6((max - record.planned!.orderQty) * this.yieldFactor);
      const good = Math.min(pendingQty[need]!, room);
      if (good <= EPSILON) {
        this.openWindows.close(key);
        this.settleDates(index);
        continue;
      }
      record.planned!.orderQty = ceil6(record.planned!.orderQty + good / this.yieldFactor);
      record.qty = round6(record.qty + good);
      record.left = round6(record.left + good);
      this.peg(index, this.pendingDemand[need]!, good);
      pendingQty[need] = round6(pendingQty[need]! - good);
    }
  }

  private flush(): void {
    const { pending, allNeeds, groups } = this;
    if (pending === 0) return;
    if (this.item.mto !== true) {
      while (allNeeds.length < pending) allNeeds.push(allNeeds.length);
      this.sizeGroup(FREE, allNeeds, pending);
    } else {
      for (let need = 0; need < pending; need++) groups.add(this.demands.salesOrder(this.pendingDemand[need]!) ?? FREE, need);
      for (let at = 0; at < groups.size; at++) this.sizeGroup(groups.key(at), groups.needs(at), groups.count(at));
      groups.clear();
    }
    this.pending = 0;
  }

  // The first `count` of `needs` (indexes into the pending columns) are one group's.
  private sizeGroup(key: string, needs: readonly number[], count: number): void {
    const due = this.demands.due[this.pendingDemand[needs[0]!]!]!;
    if (this.periodic) {
      for (let at = 0; at < count; at++) this.growWindow(key, needs[at]!, due, this.pendingBucket);
      return;
    }
    let total = 0;
    for (let at = 0; at < count; at++) total = round6(total + this.pendingQty[needs[at]!]!);
    const all = lotQuantities(ceil6(total / this.yieldFactor), this.item.lotSizing);
    const orders: number[] = [];
    for (let at = 0; at < all.length; at++) {
      const good = at === all.length - 1 ? this.lastGood(total, all, all[at]!) : round6(all[at]! * this.yieldFactor);
      orders.push(this.newPlannedOrder(key, all[at]!, good, due, this.pendingBucket + 1));
    }
    this.pegNeeds(needs, count, orders);
  }

  // The last order absorbs rounding so the orders' good quantity never falls short of the need.
  private lastGood(total: number, all: readonly number[], orderQty: number): number {
    let before = 0;
    for (let at = 0; at < all.length - 1; at++) before = round6(before + round6(all[at]! * this.yieldFactor));
    const rest = round6(total - before);
    const good = round6(orderQty * this.yieldFactor);
    return good < rest || good - rest < NOISE ? rest : good;
  }

  private blowThrough(demandIndex: number, qty: number): void {
    const due = this.demands.due[demandIndex]!;
    this.phantoms += 1;
    const index = this.addSupply({
      id: flatText(this.phantomPrefix, this.phantoms),
      idPrefix: this.phantomPrefix,
      idRest: sequenceKey(this.phantoms),
      kind: 'phantom',
      qty,
      date: due,
      due,
      salesOrder: this.demands.salesOrder(demandIndex),
      releasedFrom: undefined,
      movable: false,
      open: false,
      left: qty,
      lot: undefined,
      location: undefined,
      planned: undefined,
    });
    this.peg(index, demandIndex, qty);
  }
}
