import type { DayNumber } from '../calendar/index.js';
import type { PreparedPlan } from './prepared-plan.js';

const FULL_EPSILON = 1e-9;

/**
 * Hours a request uses of one work center per day, and for each day a pointer towards the next day
 * it has not filled (itself when not full): a disjoint-set forest with path halving, so a long
 * operation behind many full days does not scan them one by one on every ask.
 */
interface WorkCenterUsage {
  readonly hours: Float64Array;
  readonly next: Int32Array;
}

function newUsage(length: number): WorkCenterUsage {
  return { hours: new Float64Array(length), next: Int32Array.from({ length: length + 1 }, (_, offset) => offset) };
}

function findOpen(next: Int32Array, offset: number): number {
  let at = offset;
  while (next[at] !== at) {
    next[at] = next[next[at]!]!;
    at = next[at]!;
  }
  return at;
}

export interface Taken {
  readonly qty: number;
  /** The availability date of the latest supply drawn on (-Infinity when nothing was taken). */
  readonly latestDay: DayNumber;
}

const NOTHING_TAKEN: Taken = Object.freeze({ qty: 0, latestDay: -Infinity });

/**
 * What one request has drawn so far: free supply taken per item and hours used per work center and
 * day, on top of the committed plan, which is never changed. Lines of one request share it, so two
 * lines cannot both promise the same free stock; a fork lets a line be tried and dropped.
 */
export class PromiseLedger {
  private readonly remaining = new Map<number, Float64Array>();
  private readonly usage = new Map<number, WorkCenterUsage>();
  /** The root's starting point per item, built once per request rather than on every read. */
  private readonly initial = new Map<number, Float64Array>();

  constructor(
    private readonly prepared: PreparedPlan,
    private readonly salesOrder: string | undefined,
    private readonly parent?: PromiseLedger,
  ) {}

  fork(): PromiseLedger {
    return new PromiseLedger(this.prepared, this.salesOrder, this);
  }

  /** Makes this fork's draws part of its parent's. */
  commit(): void {
    if (this.parent === undefined) return;
    for (const [item, left] of this.remaining) this.parent.remaining.set(item, left);
    for (const [center, usage] of this.usage) this.parent.usage.set(center, usage);
  }

  /** Takes up to `qty` of the item's free supply available by `byDay`, the latest first, so earlier supply stays for earlier needs. */
  takeBy(item: number, byDay: DayNumber, qty: number): Taken {
    const supplies = this.prepared.supplies.byItem[item];
    if (supplies === undefined || qty <= 0) return NOTHING_TAKEN;
    const left = this.readSupply(item);
    let last = supplies.days.length - 1;
    while (last >= 0 && supplies.days[last]! > byDay) last -= 1;
    let writable: Float64Array | undefined;
    let taken = 0;
    let latestDay = -Infinity;
    for (let entry = last; entry >= 0 && taken < qty; entry--) {
      const available = left[entry]!;
      if (available <= 0) continue;
      writable ??= this.writeSupply(item);
      const draw = Math.min(available, qty - taken);
      writable[entry] = available - draw;
      taken += draw;
      if (latestDay === -Infinity) latestDay = supplies.days[entry]!;
    }
    return { qty: taken, latestDay };
  }

  /** The day by which free supply arriving after `afterDay` adds up to `qty`, if it ever does. */
  coverDay(item: number, afterDay: DayNumber, qty: number): DayNumber | undefined {
    const supplies = this.prepared.supplies.byItem[item];
    if (supplies === undefined) return undefined;
    const left = this.readSupply(item);
    let sum = 0;
    for (let entry = 0; entry < supplies.days.length; entry++) {
      if (supplies.days[entry]! <= afterDay) continue;
      sum += left[entry]!;
      if (sum >= qty) return supplies.days[entry]!;
    }
    return undefined;
  }

  /** The first day from `day` on with any hours of the work center free (Infinity: none left in the table). */
  nextOpenDay(center: number, day: DayNumber): DayNumber {
    const { firstDay, length, open } = this.prepared.capacity;
    const usage = this.readUsage(center);
    let offset = Math.max(0, day - firstDay);
    for (;;) {
      if (offset >= length) return Infinity;
      offset = open[center]![offset]!;
      if (offset >= length) return Infinity;
      if (usage === undefined) return firstDay + offset;
      const past = findOpen(usage.next, offset);
      if (past === offset) return firstDay + offset;
      offset = past;
    }
  }

  /** Free hours on a day; none past the end of the table, where a promise stops looking. */
  freeHours(center: number, day: DayNumber): number {
    const { firstDay, length, free } = this.prepared.capacity;
    const offset = day - firstDay;
    if (offset < 0 || offset >= length) return 0;
    const usage = this.readUsage(center);
    return Math.max(0, free[center]![offset]! - (usage === undefined ? 0 : usage.hours[offset]!));
  }

  useHours(center: number, day: DayNumber, hours: number): void {
    const { firstDay, length, free } = this.prepared.capacity;
    let own = this.usage.get(center);
    if (own === undefined) {
      const inherited = this.readUsage(center);
      own = inherited === undefined ? newUsage(length) : { hours: Float64Array.from(inherited.hours), next: Int32Array.from(inherited.next) };
      this.usage.set(center, own);
    }
    const offset = day - firstDay;
    own.hours[offset]! += hours;
    if (free[center]![offset]! - own.hours[offset]! <= FULL_EPSILON) own.next[offset] = offset + 1;
  }

  private readSupply(item: number): Float64Array {
    const own = this.remaining.get(item);
    if (own !== undefined) return own;
    if (this.parent !== undefined) return this.parent.readSupply(item);
    let initial = this.initial.get(item);
    if (initial === undefined) {
      initial = this.initialSupply(item);
      this.initial.set(item, initial);
    }
    return initial;
  }

  private writeSupply(item: number): Float64Array {
    let own = this.remaining.get(item);
    if (own === undefined) {
      own = Float64Array.from(this.readSupply(item));
      this.remaining.set(item, own);
    }
    return own;
  }

  private readUsage(center: number): WorkCenterUsage | undefined {
    return this.usage.get(center) ?? this.parent?.readUsage(center);
  }

  /** Unpegged supply anyone may take, order-specific supply only for its own order, plus what the asking order's own demands hold. */
  private initialSupply(item: number): Float64Array {
    const supplies = this.prepared.supplies.byItem[item]!;
    if (this.salesOrder === undefined) return supplies.openToAll;
    const held = this.prepared.supplies.heldBySalesOrder.get(this.salesOrder);
    const initial = Float64Array.from(supplies.openToAll);
    supplies.ids.forEach((id, entry) => {
      const reservedTo = supplies.salesOrders[entry];
      if (reservedTo === this.salesOrder) initial[entry] = supplies.unpegged[entry]!;
      if (reservedTo === undefined || reservedTo === this.salesOrder) initial[entry]! += held?.get(id) ?? 0;
    });
    return initial;
  }
}
