import type { ShopState } from './shop-state.js';

export type InsertionVisitor = (alternative: number, prev: number, makespan: number) => void;

/**
 * Moves of a critical operation to another of its machines, after Mastrolilli and Gambardella (2000):
 * take the operation out (its duration set to 0 so its job arcs stay), recompute heads and tails once,
 * then every insertion point on every other machine is evaluated exactly as
 * max(makespan without it, head + duration + tail through the new neighbours). Insertion points that
 * could close a cycle (a path from the operation to the machine predecessor, or from the machine
 * successor to the operation) are skipped, using heads, tails and the topological order as proofs
 * that no such path exists; at least one point per machine always passes.
 */
export function scanReassignments(state: ShopState, v: number, visit: InsertionVisitor): void {
  const { shop, mPrev, mNext, head, tail, dur, topoPos } = state;
  const oldMachine = state.machine[v]!;
  const oldPrev = mPrev[v]!;
  const oldDuration = dur[v]!;
  state.unlink(v);
  dur[v] = 0;
  state.evaluate();
  const without = state.makespan;
  const ready = head[v]!;
  const rest = tail[v]!;
  const position = topoPos[v]!;
  for (let a = shop.altStart[v]!; a < shop.altStart[v + 1]!; a++) {
    const machine = shop.altMachine[a]!;
    if (machine === oldMachine) continue;
    const duration = shop.altDuration[a]!;
    let prev = -1;
    let next = state.mFirst[machine]!;
    while (next >= 0 && state.isFrozen(next)) {
      prev = next;
      next = mNext[next]!;
    }
    for (;;) {
      const prevSafe = prev < 0 || head[prev]! < ready || topoPos[prev]! < position;
      const nextSafe = next < 0 || tail[next]! < rest || topoPos[next]! > position;
      if (prevSafe && nextSafe) {
        const start = prev >= 0 && head[prev]! + dur[prev]! > ready ? head[prev]! + dur[prev]! : ready;
        const after = next >= 0 && tail[next]! + dur[next]! > rest ? tail[next]! + dur[next]! : rest;
        const through = start + duration + after;
        visit(a, prev, through > without ? through : without);
      }
      if (next < 0) break;
      prev = next;
      next = mNext[next]!;
    }
  }
  dur[v] = oldDuration;
  state.insertAfter(v, oldMachine, oldPrev);
}
