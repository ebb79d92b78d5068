/**
 * An item's pegs in the order they were made, as three columns of numbers (supply index, demand
 * index, quantity): a large factory has millions of pegs, and an array of numbers is one object to
 * the garbage collector where an object per peg was millions.
 */
export class PegList {
  readonly supply: number[] = [];
  readonly demand: number[] = [];
  readonly qty: number[] = [];

  get length(): number {
    return this.qty.length;
  }

  push(supply: number, demand: number, qty: number): void {
    this.supply.push(supply);
    this.demand.push(demand);
    this.qty.push(qty);
  }
}
