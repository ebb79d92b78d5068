import type { CompiledShop } from '../model/index.js';

/**
 * A solution as a disjunctive graph: each operation's chosen machine and its place in that machine's
 * sequence (a doubly linked list), with heads (earliest starts) and tails (longest path from an
 * operation's end to the end of the schedule). All arrays are allocated once; the search mutates them.
 */
export class ShopState {
  readonly shop: CompiledShop;
  /** Chosen alternative (index into shop.altMachine / altDuration), its machine and duration. */
  readonly alt: Int32Array;
  readonly machine: Int32Array;
  readonly dur: Int32Array;
  readonly mPrev: Int32Array;
  readonly mNext: Int32Array;
  readonly mFirst: Int32Array;
  readonly mLast: Int32Array;
  readonly head: Int32Array;
  readonly tail: Int32Array;
  /** Head and tail counting only precedence arcs (and releases), not machine arcs: the move estimates need them. */
  readonly jobHead: Int32Array;
  readonly jobTail: Int32Array;
  readonly topo: Int32Array;
  readonly topoPos: Int32Array;
  private readonly indegree: Int32Array;
  makespan = 0;

  constructor(shop: CompiledShop) {
    const n = shop.operationCount;
    const m = shop.machineCount;
    this.shop = shop;
    this.alt = new Int32Array(n);
    this.machine = new Int32Array(n);
    this.dur = new Int32Array(n);
    this.mPrev = new Int32Array(n).fill(-1);
    this.mNext = new Int32Array(n).fill(-1);
    this.mFirst = new Int32Array(m).fill(-1);
    this.mLast = new Int32Array(m).fill(-1);
    this.head = new Int32Array(n);
    this.tail = new Int32Array(n);
    this.jobHead = new Int32Array(n);
    this.jobTail = new Int32Array(n);
    this.topo = new Int32Array(n);
    this.topoPos = new Int32Array(n);
    this.indegree = new Int32Array(n);
  }

  /** Sets the machine sequences (each a list of operations) and the alternatives chosen; then evaluates. */
  load(alternatives: ArrayLike<number>, sequences: readonly (readonly number[])[]): boolean {
    this.mFirst.fill(-1);
    this.mLast.fill(-1);
    for (let i = 0; i < this.alt.length; i++) this.setAlternative(i, alternatives[i]!);
    sequences.forEach((sequence, m) => {
      let prev = -1;
      for (const op of sequence) {
        this.insertAfter(op, m, prev);
        prev = op;
      }
    });
    return this.evaluate();
  }

  setAlternative(op: number, alternative: number): void {
    this.alt[op] = alternative;
    this.machine[op] = this.shop.altMachine[alternative]!;
    this.dur[op] = this.shop.altDuration[alternative]!;
  }

  unlink(op: number): void {
    const prev = this.mPrev[op]!;
    const next = this.mNext[op]!;
    const m = this.machine[op]!;
    if (prev >= 0) this.mNext[prev] = next;
    else this.mFirst[m] = next;
    if (next >= 0) this.mPrev[next] = prev;
    else this.mLast[m] = prev;
    this.mPrev[op] = -1;
    this.mNext[op] = -1;
  }

  /** Links an unlinked operation into machine m's sequence right after prev (-1: first). Does not change its alternative. */
  insertAfter(op: number, m: number, prev: number): void {
    const next = prev >= 0 ? this.mNext[prev]! : this.mFirst[m]!;
    this.mPrev[op] = prev;
    this.mNext[op] = next;
    if (prev >= 0) this.mNext[prev] = op;
    else this.mFirst[m] = op;
    if (next >= 0) this.mPrev[next] = op;
    else this.mLast[m] = op;
  }

  /**
   * Heads, tails and the makespan by one topological pass each way (Kahn's algorithm over precedence
   * and machine arcs). Returns false when the machine sequences made the graph cyclic; the heads and
   * tails are then meaningless until the cause is undone. Without `withTails` only heads and the
   * makespan are brought up to date (enough to score a trial move).
   */
  evaluate(withTails = true): boolean {
    const { predStart, succStart, succList, predList, release } = this.shop;
    const n = this.alt.length;
    const { head, tail, dur, mPrev, mNext, topo, topoPos, indegree, jobHead, jobTail } = this;
    let queued = 0;
    for (let i = 0; i < n; i++) {
      indegree[i] = predStart[i + 1]! - predStart[i]! + (mPrev[i]! >= 0 ? 1 : 0);
      head[i] = release[i]!;
      if (indegree[i] === 0) topo[queued++] = i;
    }
    let makespan = 0;
    for (let q = 0; q < queued; q++) {
      const v = topo[q]!;
      topoPos[v] = q;
      const end = head[v]! + dur[v]!;
      if (end > makespan) makespan = end;
      for (let s = succStart[v]!; s < succStart[v + 1]!; s++) {
        const w = succList[s]!;
        if (head[w]! < end) head[w] = end;
        if (--indegree[w]! === 0) topo[queued++] = w;
      }
      const w = mNext[v]!;
      if (w >= 0) {
        if (head[w]! < end) head[w] = end;
        if (--indegree[w]! === 0) topo[queued++] = w;
      }
    }
    if (queued < n) return false;
    this.makespan = makespan;
    if (!withTails) return true;
    for (let q = n - 1; q >= 0; q--) {
      const v = topo[q]!;
      let after = 0;
      for (let s = succStart[v]!; s < succStart[v + 1]!; s++) {
        const w = succList[s]!;
        const length = tail[w]! + dur[w]!;
        if (length > after) after = length;
      }
      jobTail[v] = after;
      const w = mNext[v]!;
      if (w >= 0 && tail[w]! + dur[w]! > after) after = tail[w]! + dur[w]!;
      tail[v] = after;
      let before = release[v]!;
      for (let p = predStart[v]!; p < predStart[v + 1]!; p++) {
        const u = predList[p]!;
        if (head[u]! + dur[u]! > before) before = head[u]! + dur[u]!;
      }
      jobHead[v] = before;
    }
    return true;
  }

  /** Copies another state's solution (not its heads and tails: evaluate afterwards). */
  copySolution(from: ShopState): void {
    this.alt.set(from.alt);
    this.machine.set(from.machine);
    this.dur.set(from.dur);
    this.mPrev.set(from.mPrev);
    this.mNext.set(from.mNext);
    this.mFirst.set(from.mFirst);
    this.mLast.set(from.mLast);
    this.makespan = from.makespan;
  }

  isFrozen(op: number): boolean {
    return this.shop.frozenAlt[op]! >= 0;
  }
}
