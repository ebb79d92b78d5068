/**
 * An order-specific item's net requirements of one bucket, grouped per sales order (or free) in the
 * order the orders first appear, each group its needs in order (indexes into the bucket's pending
 * needs). Kept from bucket to bucket and cleared: a Map and arrays made per bucket were most of the
 * netting's garbage for such items.
 */
export class NeedGroups {
  private readonly groups = new Map<string, { readonly needs: number[]; count: number }>();
  private readonly keys: string[] = [];
  size = 0;

  add(key: string, need: number): void {
    let group = this.groups.get(key);
    if (group === undefined) this.groups.set(key, (group = { needs: [], count: 0 }));
    if (group.count === 0) this.keys[this.size++] = key;
    group.needs[group.count++] = need;
  }

  key(at: number): string {
    return this.keys[at]!;
  }

  /** The group's needs: the first `count(at)` of them are this bucket's. */
  needs(at: number): readonly number[] {
    return this.groups.get(this.keys[at]!)!.needs;
  }

  count(at: number): number {
    return this.groups.get(this.keys[at]!)!.count;
  }

  clear(): void {
    for (let at = 0; at < this.size; at++) this.groups.get(this.keys[at]!)!.count = 0;
    this.size = 0;
  }
}
