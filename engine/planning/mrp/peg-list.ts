// One item is planned at a time: its pegs go to these, grown as needed and reused, then are copied out.
let scratchSupply = new Int32Array(1024);
let scratchDemand = new Int32Array(1024);
let scratchQty = new Float64Array(1024);

/**
 * An item's pegs in the order they were made, as three typed columns (supply index, demand index,
 * quantity): a large factory has millions of pegs, and typed columns keep their numbers off the
 * garbage collector's heap, where an object per peg was millions of objects. While the item is
 * planned they are written to shared scratch columns, and `seal` copies them out at their size:
 * growing columns per item was a million short-lived buffers.
 */
export class PegList {
  length = 0;
  supply = scratchSupply;
  demand = scratchDemand;
  qty = scratchQty;

  push(supply: number, demand: number, qty: number): void {
    if (this.length === this.qty.length) this.grow();
    const at = this.length++;
    this.supply[at] = supply;
    this.demand[at] = demand;
    this.qty[at] = qty;
  }

  /** Done with planning the item: its own columns, and the scratch free for the next item. */
  seal(): void {
    this.supply = this.supply.slice(0, this.length);
    this.demand = this.demand.slice(0, this.length);
    this.qty = this.qty.slice(0, this.length);
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
