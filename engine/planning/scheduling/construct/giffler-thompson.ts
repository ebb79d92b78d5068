import type { CompiledShop } from '../model/index.js';
import type { SeededRandom } from '../search/seeded-random.js';

/** A constructed solution: the alternative chosen for each operation and each machine's sequence. */
export interface ConstructedSchedule {
  readonly alternatives: Int32Array;
  readonly sequences: number[][];
}

/**
 * Giffler and Thompson's (1960) active-schedule generation, extended to alternative machines: find the
 * operation and machine that could finish first (at c*), let every ready operation that could start on
 * that machine before c* compete (the look-ahead that makes the schedule active rather than greedy),
 * pick the one with the highest priority, and put it on whichever of its machines finishes it first.
 * Frozen operations are placed first, where they are. `noise` > 0 perturbs the priorities for
 * randomised restarts.
 */
export function gifflerThompson(shop: CompiledShop, priority: Float64Array, random?: SeededRandom, noise = 0): ConstructedSchedule {
  const n = shop.operationCount;
  const { altStart, altMachine, altDuration, succStart, succList, predStart } = shop;
  const alternatives = new Int32Array(n);
  const sequences: number[][] = Array.from({ length: shop.machineCount }, () => []);
  const machineFree = new Float64Array(shop.machineCount);
  const readyAt = Float64Array.from(shop.release);
  const waiting = new Int32Array(n);
  const scored = Float64Array.from(priority, (value) => (random === undefined || noise === 0 ? value : value * (1 + noise * random.next())));
  for (let i = 0; i < n; i++) waiting[i] = predStart[i + 1]! - predStart[i]!;

  const ready: number[] = [];
  const release = (op: number, end: number) => {
    for (let s = succStart[op]!; s < succStart[op + 1]!; s++) {
      const next = succList[s]!;
      readyAt[next] = Math.max(readyAt[next]!, end);
      if (--waiting[next]! === 0 && shop.frozenAlt[next]! < 0) ready.push(next);
    }
  };
  const frozen = [...Array(n).keys()].filter((i) => shop.frozenAlt[i]! >= 0).sort((a, b) => shop.release[a]! - shop.release[b]!);
  for (const op of frozen) {
    const a = altStart[op]! + shop.frozenAlt[op]!;
    alternatives[op] = a;
    sequences[altMachine[a]!]!.push(op);
    machineFree[altMachine[a]!] = Math.max(machineFree[altMachine[a]!]!, shop.release[op]! + altDuration[a]!);
  }
  for (let i = 0; i < n; i++) if (waiting[i] === 0 && shop.frozenAlt[i]! < 0) ready.push(i);
  for (const op of frozen) release(op, shop.release[op]! + altDuration[altStart[op]! + shop.frozenAlt[op]!]!);

  while (ready.length > 0) {
    let firstEnd = Number.POSITIVE_INFINITY;
    let firstMachine = -1;
    let firstOp = -1;
    for (const op of ready) {
      for (let a = altStart[op]!; a < altStart[op + 1]!; a++) {
        const end = Math.max(readyAt[op]!, machineFree[altMachine[a]!]!) + altDuration[a]!;
        if (end < firstEnd) {
          firstEnd = end;
          firstMachine = altMachine[a]!;
          firstOp = op;
        }
      }
    }
    let chosen = -1;
    for (const op of ready) {
      for (let a = altStart[op]!; a < altStart[op + 1]!; a++) {
        if (altMachine[a] !== firstMachine) continue;
        const competes = op === firstOp || Math.max(readyAt[op]!, machineFree[firstMachine]!) < firstEnd;
        if (competes && (chosen < 0 || scored[op]! > scored[chosen]!)) chosen = op;
      }
    }
    let bestAlt = -1;
    let bestEnd = Number.POSITIVE_INFINITY;
    for (let a = altStart[chosen]!; a < altStart[chosen + 1]!; a++) {
      const end = Math.max(readyAt[chosen]!, machineFree[altMachine[a]!]!) + altDuration[a]!;
      if (end < bestEnd || (end === bestEnd && altMachine[a] === firstMachine)) {
        bestEnd = end;
        bestAlt = a;
      }
    }
    alternatives[chosen] = bestAlt;
    sequences[altMachine[bestAlt]!]!.push(chosen);
    machineFree[altMachine[bestAlt]!] = bestEnd;
    ready.splice(ready.indexOf(chosen), 1);
    release(chosen, bestEnd);
  }
  return { alternatives, sequences };
}
