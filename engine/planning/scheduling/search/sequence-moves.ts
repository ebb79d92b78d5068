import type { ShopState } from './shop-state.js';

/**
 * Moves of one operation inside a critical block on its machine: forward (u to right after v, u
 * before v today) and backward (v to right before u). Their effect is estimated as in Balas and
 * Vazacopoulos (1998) and Zhang et al. (2007): recompute heads and tails along the reordered block
 * only, taking the rest of the graph as it is, and take the longest path through the block. The
 * safety tests are their sufficient conditions for the move to keep the graph acyclic.
 */
export class SequenceMoves {
  private readonly order: Int32Array;
  private readonly orderHead: Int32Array;

  constructor(operationCount: number) {
    this.order = new Int32Array(operationCount);
    this.orderHead = new Int32Array(operationCount);
  }

  /** No path from a successor of u to v: moving u after v cannot close a cycle (for positive durations). */
  static forwardSafe(state: ShopState, u: number, v: number): boolean {
    const { succStart, succList } = state.shop;
    const reach = state.tail[v]! + state.dur[v]!;
    for (let s = succStart[u]!; s < succStart[u + 1]!; s++) {
      const w = succList[s]!;
      if (state.tail[w]! + state.dur[w]! > reach) return false;
    }
    return true;
  }

  /** No path from u to a predecessor of v: moving v before u cannot close a cycle (for positive durations). */
  static backwardSafe(state: ShopState, u: number, v: number): boolean {
    const { predStart, predList } = state.shop;
    const reach = state.head[u]! + state.dur[u]!;
    for (let p = predStart[v]!; p < predStart[v + 1]!; p++) {
      const w = predList[p]!;
      if (state.head[w]! + state.dur[w]! > reach) return false;
    }
    return true;
  }

  /** Estimated makespan after moving u to right after v. */
  forwardEstimate(state: ShopState, u: number, v: number): number {
    const { order } = this;
    let count = 0;
    for (let x = state.mNext[u]!; ; x = state.mNext[x]!) {
      order[count++] = x;
      if (x === v) break;
    }
    order[count++] = u;
    return this.estimate(state, count, state.mPrev[u]!, state.mNext[v]!);
  }

  /** Estimated makespan after moving v to right before u. */
  backwardEstimate(state: ShopState, u: number, v: number): number {
    const { order } = this;
    let count = 0;
    order[count++] = v;
    for (let x = u; x !== v; x = state.mNext[x]!) order[count++] = x;
    return this.estimate(state, count, state.mPrev[u]!, state.mNext[v]!);
  }

  private estimate(state: ShopState, count: number, before: number, after: number): number {
    const { order, orderHead } = this;
    const { head, tail, dur, jobHead, jobTail } = state;
    let ready = before >= 0 ? head[before]! + dur[before]! : 0;
    for (let i = 0; i < count; i++) {
      const x = order[i]!;
      const start = jobHead[x]! > ready ? jobHead[x]! : ready;
      orderHead[i] = start;
      ready = start + dur[x]!;
    }
    let rest = after >= 0 ? tail[after]! + dur[after]! : 0;
    let longest = 0;
    for (let i = count - 1; i >= 0; i--) {
      const x = order[i]!;
      const tailX = jobTail[x]! > rest ? jobTail[x]! : rest;
      const through = orderHead[i]! + dur[x]! + tailX;
      if (through > longest) longest = through;
      rest = tailX + dur[x]!;
    }
    return longest;
  }
}
