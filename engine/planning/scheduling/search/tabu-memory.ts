const ORDER_SLOTS = 1 << 16;

/**
 * What the tabu search may not undo for a while: orders of two operations on a machine (which one
 * precedes the other) and machine assignments. Orders live in a fixed direct-mapped table, so memory
 * does not grow with the square of the operation count; a collision forgets an older entry, which
 * only shortens its tabu tenure.
 */
export class TabuMemory {
  private readonly orderKey = new Float64Array(ORDER_SLOTS).fill(-1);
  private readonly orderUntil = new Int32Array(ORDER_SLOTS);
  private readonly assignUntil: Int32Array;

  constructor(
    private readonly operationCount: number,
    private readonly machineCount: number,
  ) {
    this.assignUntil = new Int32Array(operationCount * machineCount);
  }

  private slot(before: number, after: number): number {
    return (Math.imul(before, 73856093) ^ Math.imul(after, 19349663)) & (ORDER_SLOTS - 1);
  }

  /** Is putting `before` ahead of `after` on their machine tabu at this iteration? */
  isOrderTabu(before: number, after: number, iteration: number): boolean {
    const slot = this.slot(before, after);
    return this.orderKey[slot] === before * this.operationCount + after && this.orderUntil[slot]! > iteration;
  }

  forbidOrder(before: number, after: number, until: number): void {
    const slot = this.slot(before, after);
    this.orderKey[slot] = before * this.operationCount + after;
    this.orderUntil[slot] = until;
  }

  isAssignTabu(op: number, machine: number, iteration: number): boolean {
    return this.assignUntil[op * this.machineCount + machine]! > iteration;
  }

  forbidAssign(op: number, machine: number, until: number): void {
    this.assignUntil[op * this.machineCount + machine] = until;
  }

  clear(): void {
    this.orderKey.fill(-1);
    this.assignUntil.fill(0);
  }
}
