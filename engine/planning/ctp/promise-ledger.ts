import type { DayNumber } from '../calendar/index.js';
import type { PreparedPlan } from './prepared-plan.js';

export interface Taken {
  readonly qty: number;
  /** The availability date of the latest supply drawn on (-Infinity when nothing was taken). */
  readonly latestDay: DayNumber;
}

/**
 * What one request has drawn so far: free supply taken per item and hours used per work center and
 * day, on top of the committed plan, which is never changed. Lines of one request share it, so two
 * lines cannot both promise the same free stock; a fork lets a line be tried and dropped.
 */
export class PromiseLedger {
  private readonly remaining = new Map<number, Float64Array>();
  private readonly used = new Map<number, Map<DayNumber, number>>();

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
    for (const [center, hours] of this.used) this.parent.used.set(center, hours);
  }

  /** Takes up to `qty` of the item's free supply available by `byDay`, the latest first, so earlier supply stays for earlier needs. */
  takeBy(item: number, byDay: DayNumber, qty: number): Taken {
    const supplies = this.prepared.supplies.byItem[item];
    if (supplies === undefined || qty <= 0) return { qty: 0, latestDay: -Infinity };
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

  freeHours(center: number, day: DayNumber): number {
    return Math.max(0, this.prepared.capacity.baseFree(center, day) - (this.readUsed(center)?.get(day) ?? 0));
  }

  useHours(center: number, day: DayNumber, hours: number): void {
    let own = this.used.get(center);
    if (own === undefined) {
      own = new Map(this.readUsed(center));
      this.used.set(center, own);
    }
    own.set(day, (own.get(day) ?? 0) + hours);
  }

  private readSupply(item: number): Float64Array {
    return this.remaining.get(item) ?? this.parent?.readSupply(item) ?? this.initialSupply(item);
  }

  private writeSupply(item: number): Float64Array {
    let own = this.remaining.get(item);
    if (own === undefined) {
      own = Float64Array.from(this.readSupply(item));
      this.remaining.set(item, own);
    }
    return own;
  }

  private readUsed(center: number): ReadonlyMap<DayNumber, number> | undefined {
    return this.used.get(center) ?? this.parent?.readUsed(center);
  }

  /** Unpegged supply anyone may take, order-specific supply only for its own order, plus what the asking order's own demands hold. */
  private initialSupply(item: number): Float64Array {
    const supplies = this.prepared.supplies.byItem[item]!;
    const held = this.salesOrder === undefined ? undefined : this.prepared.supplies.heldBySalesOrder.get(this.salesOrder);
    return Float64Array.from(supplies.ids, (id, entry) => {
      const reservedTo = supplies.salesOrders[entry];
      if (reservedTo !== undefined && reservedTo !== this.salesOrder) return 0;
      return supplies.unpegged[entry]! + (held?.get(id) ?? 0);
    });
  }
}
