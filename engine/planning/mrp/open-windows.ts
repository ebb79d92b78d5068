import { keepShape } from './kept-shapes.js';

/**
 * A period-sized item's open order windows: per key (free supply, or one sales order), the planned
 * order still growing, in the order the windows opened. An item has one or a few at a time; a Map
 * here allocated an entry per visit and a new table on deletes, for every window of every periodic
 * item (about a third of a generated factory's items).
 */
export class OpenWindows {
  // Filled up to `size` and never shortened, so closing the last window frees no storage.
  private readonly keys: string[] = [];
  private readonly orders: number[] = [];
  size = 0;

  constructor() {
    keepShape(this);
  }

  /** The planned order open for this key, or -1. */
  orderOf(key: string): number {
    for (let at = 0; at < this.size; at++) if (this.keys[at] === key) return this.orders[at]!;
    return -1;
  }

  orderAt(at: number): number {
    return this.orders[at]!;
  }

  open(key: string, order: number): void {
    this.keys[this.size] = key;
    this.orders[this.size] = order;
    this.size += 1;
  }

  close(key: string): void {
    for (let at = 0; at < this.size; at++) if (this.keys[at] === key) return this.closeAt(at);
  }

  /** Later windows move up one, keeping their opening order. */
  closeAt(at: number): void {
    this.size -= 1;
    for (let next = at; next < this.size; next++) {
      this.keys[next] = this.keys[next + 1]!;
      this.orders[next] = this.orders[next + 1]!;
    }
  }
}
