import { keepShape } from './kept-shapes.js';

// One item is planned at a time: its pegs go to these, grown as needed and reused by the next item.
let scratchSupply = new Int32Array(1024);
let scratchDemand = new Int32Array(1024);
let scratchQty = new Float64Array(1024);

/**
 * An item's pegs in the order they were made, as three typed columns (supply index, demand index,
 * quantity): a large factory has millions of pegs, and typed columns keep their numbers off the
 * garbage collector's heap, where an object per peg was millions of objects. They are written to
 * shared scratch columns, valid until the next item is planned: an item keeps no pegs (ItemDetail),
 * and columns per item were a million short-lived buffers.
 */
export class PegList {
  length = 0;
  supply = scratchSupply;
  demand = scratchDemand;
  qty = scratchQty;

  constructor() {
    keepShape(this);
  }

  push(supply: number, demand: number, qty: number): void {
    if (this.length === this.qty.length) this.grow();
    const at = this.length++;
    this.supply[at] = supply;
    this.demand[at] = demand;
    this.qty[at] = qty;
  }

  private grow(): void {
    const capacity = this.length * 2;
    scratchSupply = grown(this.supply, new Int32Array(capacity));
    scratchDemand = grown(this.demand, new Int32Array(capacity));
    scratchQty = grown(this.qty, new Float64Array(capacity));
    this.supply = scratchSupply;
    this.demand = scratchDemand;
    this.qty = scratchQty;
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
