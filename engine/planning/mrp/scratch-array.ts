/**
 * A typed array reused from one item to the next, grown as needed. A typed array's storage is
 * allocated outside the JS heap, at about half a microsecond each on these machines: sorting each
 * item's demands in fresh arrays cost more than the sorting itself (8,861 of the 10k factory's
 * items have a few hundred demands).
 */
export class ScratchArray<T extends Int32Array | Float64Array> {
  private buffer: T;

  constructor(private readonly make: (length: number) => T) {
    this.buffer = make(0);
  }

  /** The first `count` elements, as left by the last user: valid until the next take. */
  take(count: number): T {
    if (this.buffer.length < count) this.buffer = this.make(Math.max(count, this.buffer.length * 2, 1024));
    return this.buffer.subarray(0, count) as T;
  }
}
