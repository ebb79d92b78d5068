import type { CompiledShop } from './model/index.js';

/**
 * A simple makespan lower bound: the longest precedence chain (with releases and each operation's
 * shortest alternative), the load of each machine from operations that can only run there, and the
 * total shortest work spread over all machines. The search stops when it reaches it.
 */
export function makespanLowerBound(shop: CompiledShop): number {
  const n = shop.operationCount;
  const shortest = new Int32Array(n);
  const load = new Float64Array(shop.machineCount);
  const firstStart = new Float64Array(shop.machineCount).fill(Number.POSITIVE_INFINITY);
  let work = 0;
  for (let i = 0; i < n; i++) {
    let min = Number.POSITIVE_INFINITY;
    for (let a = shop.altStart[i]!; a < shop.altStart[i + 1]!; a++) min = Math.min(min, shop.altDuration[a]!);
    shortest[i] = min;
    work += min;
    if (shop.altStart[i + 1]! - shop.altStart[i]! === 1) {
      const machine = shop.altMachine[shop.altStart[i]!]!;
      load[machine]! += min;
      firstStart[machine] = Math.min(firstStart[machine]!, shop.release[i]!);
    }
  }
  let bound = Math.ceil(work / shop.machineCount);
  for (let m = 0; m < shop.machineCount; m++) if (load[m]! > 0) bound = Math.max(bound, firstStart[m]! + load[m]!);
  const ready = Float64Array.from(shop.release);
  const waiting = new Int32Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    waiting[i] = shop.predStart[i + 1]! - shop.predStart[i]!;
    if (waiting[i] === 0) queue.push(i);
  }
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    const end = ready[i]! + shortest[i]!;
    bound = Math.max(bound, end);
    for (let s = shop.succStart[i]!; s < shop.succStart[i + 1]!; s++) {
      const next = shop.succList[s]!;
      ready[next] = Math.max(ready[next]!, end);
      if (--waiting[next]! === 0) queue.push(next);
    }
  }
  return bound;
}
