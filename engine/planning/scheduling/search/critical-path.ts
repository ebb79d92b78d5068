import type { SeededRandom } from './seeded-random.js';
import type { ShopState } from './shop-state.js';

/**
 * One critical (longest) path of the current solution and its blocks: maximal runs of consecutive
 * path operations on one machine. Only moves inside blocks can shorten the path (van Laarhoven, Aarts
 * and Lenstra 1992; Nowicki and Smutnicki 1996). Frozen operations end a block: they do not move.
 */
export class CriticalPath {
  readonly path: Int32Array;
  length = 0;
  readonly blockStart: Int32Array;
  readonly blockEnd: Int32Array;
  blockCount = 0;

  constructor(operationCount: number) {
    this.path = new Int32Array(operationCount);
    this.blockStart = new Int32Array(operationCount);
    this.blockEnd = new Int32Array(operationCount);
  }

  /** Finds a path ending at a random operation that ends at the makespan. */
  find(state: ShopState, random: SeededRandom): void {
    const { head, dur, tail, makespan } = state;
    let ends = 0;
    let last = -1;
    for (let i = 0; i < head.length; i++) {
      if (head[i]! + dur[i]! === makespan && tail[i] === 0 && random.below(++ends) === 0) last = i;
    }
    this.findTo(state, last);
  }

  /** Finds a longest path to the end of operation `last` (a late job's last operation); on ties it walks machine arcs first, which makes blocks longer. */
  findTo(state: ShopState, last: number): void {
    const { head, dur, mPrev } = state;
    const { predStart, predList } = state.shop;
    const path = this.path;
    let length = 0;
    for (let at = last; at >= 0; ) {
      path[length++] = at;
      const start = head[at]!;
      const before = mPrev[at]!;
      let next = -1;
      if (before >= 0 && head[before]! + dur[before]! === start) next = before;
      else {
        for (let p = predStart[at]!; p < predStart[at + 1]!; p++) {
          const u = predList[p]!;
          if (head[u]! + dur[u]! === start) {
            next = u;
            break;
          }
        }
      }
      at = next;
    }
    path.subarray(0, length).reverse();
    this.length = length;
    this.findBlocks(state);
  }

  private findBlocks(state: ShopState): void {
    const { path, blockStart, blockEnd } = this;
    let count = 0;
    let i = 0;
    while (i < this.length) {
      let j = i;
      while (j + 1 < this.length && state.mNext[path[j]!] === path[j + 1]) j++;
      let from = i;
      while (from <= j && state.isFrozen(path[from]!)) from++;
      if (j > from) {
        blockStart[count] = from;
        blockEnd[count] = j;
        count++;
      }
      i = j + 1;
    }
    this.blockCount = count;
  }
}
