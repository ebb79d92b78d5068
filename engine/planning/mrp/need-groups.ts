import { keepShape } from './kept-shapes.js';

interface NeedGroup {
  readonly key: string;
  readonly needs: number[];
  count: number;
}

/**
 * An order-specific item's net requirements of one bucket, grouped per sales order (or free) in the
 * order the orders first appear, each group its needs in order (indexes into the bucket's pending
 * needs). Kept from bucket to bucket and cleared: a Map and arrays made per bucket were most of the
 * netting's garbage for such items.
 */
export class NeedGroups {
  private readonly byKey = new Map<string, NeedGroup>();
  // This bucket's groups, in the order their keys first appeared; filled up to `size`.
  private readonly active: NeedGroup[] = [];
  size = 0;

  constructor() {
    keepShape(this);
  }

  add(key: string, need: number): void {
    let group = this.byKey.get(key);
    if (group === undefined) this.byKey.set(key, (group = { key, needs: [], count: 0 }));
    if (group.count === 0) this.active[this.size++] = group;
    group.needs[group.count++] = need;
  }

  key(at: number): string {
    return this.active[at]!.key;
  }

  /** The group's needs: the first `count(at)` of them are this bucket's. */
  needs(at: number): readonly number[] {
    return this.active[at]!.needs;
  }

  count(at: number): number {
    return this.active[at]!.count;
  }

  clear(): void {
    for (let at = 0; at < this.size; at++) this.active[at]!.count = 0;
    this.size = 0;
  }
}
