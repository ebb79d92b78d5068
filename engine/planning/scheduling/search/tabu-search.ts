import { CriticalPath } from './critical-path.js';
import { scanReassignments } from './reassign-moves.js';
import type { SeededRandom } from './seeded-random.js';
import { SequenceMoves } from './sequence-moves.js';
import { ShopState } from './shop-state.js';
import { TabuMemory } from './tabu-memory.js';
import { TardinessCost } from './tardiness-cost.js';

/** Benchmark instances minimise the makespan; factory schedules the weighted tardiness, then the makespan. */
export type SearchObjective = 'makespan' | 'weighted-tardiness';

export interface TabuSearchOptions {
  readonly random: SeededRandom;
  readonly objective?: SearchObjective;
  /** Stop after this many iterations (Infinity: only the deadline stops it). */
  readonly maxIterations: number;
  /** Stop when now() reaches this (Infinity: only the iteration limit stops it). */
  readonly deadline: number;
  readonly now: () => number;
  /** A proven makespan bound: the search stops when it reaches it (with no tardiness left). */
  readonly lowerBound: number;
  /** Good enough: stop when the objective is at or below this (a known optimum, say). */
  readonly target?: number;
  /** Iterations without a new best before the search restarts from the best with a small shake. */
  readonly stallIterations?: number;
  /** Called with each new best makespan, the iteration and the milliseconds since the search started. */
  readonly onImprove?: (makespan: number, iteration: number, elapsedMs: number) => void;
}

export type StopReason = 'iterations' | 'time' | 'lower-bound' | 'target' | 'no-moves';

export interface TabuSearchOutcome {
  readonly best: ShopState;
  readonly iterations: number;
  readonly bestIteration: number;
  readonly bestAt: number;
  readonly stoppedBy: StopReason;
}

const FORWARD = 0;
const BACKWARD = 1;
const REASSIGN = 2;
/** Late jobs whose paths feed the neighbourhood in one iteration of the tardiness search. */
const LATE_PATHS = 3;

/**
 * Tabu search over critical blocks, in the line of Nowicki and Smutnicki (1996) with the larger
 * neighbourhood of Zhang et al. (2007): move an operation of a block to the block's front or end, or
 * the block's first or last operation into it; for flexible shops, also move a critical operation to
 * another machine (Mastrolilli and Gambardella 2000). For the makespan, moves are ranked by their
 * estimated makespan; for weighted tardiness, the blocks come from the paths to a few late jobs'
 * ends and every move is evaluated exactly. Each iteration takes the best move that is not tabu (or
 * beats the best so far), breaking ties at random; a long stall restarts from the best solution with
 * a few random swaps. The start state is changed in place; the best solution is returned, evaluated.
 */
export function tabuSearch(state: ShopState, options: TabuSearchOptions): TabuSearchOutcome {
  const { shop } = state;
  const { random, now } = options;
  const n = shop.operationCount;
  const started = now();
  const best = new ShopState(shop);
  best.copySolution(state);
  const path = new CriticalPath(n);
  const moves = new SequenceMoves(n);
  const memory = new TabuMemory(n, shop.machineCount);
  const tardiness = options.objective === 'weighted-tardiness' ? new TardinessCost(shop) : undefined;
  const costOf = (solution: ShopState) => (tardiness === undefined ? solution.makespan : tardiness.cost(solution));
  const tenure = 10 + Math.floor(shop.jobCount / shop.machineCount);
  const stallIterations = options.stallIterations ?? Math.max(2000, 20 * n);
  const flexible = shop.altStart[n]! > n;
  const jumped = new Int32Array(n);
  const lateEnds = new Int32Array(shop.jobCount);
  // Moves gathered for exact evaluation (tardiness objective): kind, u, v, prev and whether tabu.
  const gathered: number[] = [];

  let bestCost = costOf(state);
  let iteration = 0;
  let bestIteration = 0;
  let bestAt = 0;
  let lastImprovement = 0;
  // The chosen move, and a random tabu one in case every move is tabu. A move is (kind, u, v, prev):
  // forward and backward moves use u and v; a reassignment moves operation u to alternative v after prev.
  let kind = -1;
  let moveU = -1;
  let moveV = -1;
  let movePrev = -1;
  let value = Number.POSITIVE_INFINITY;
  let ties = 0;
  let fallbackKind = -1;
  let fallbackU = -1;
  let fallbackV = -1;
  let fallbackPrev = -1;
  let fallbacks = 0;
  let reassignOp = -1;

  const consider = (candidateKind: number, u: number, v: number, prev: number, estimate: number, tabu: boolean) => {
    if (tabu && estimate >= bestCost) {
      if (random.below(++fallbacks) === 0) {
        fallbackKind = candidateKind;
        fallbackU = u;
        fallbackV = v;
        fallbackPrev = prev;
      }
      return;
    }
    if (estimate < value) {
      value = estimate;
      ties = 1;
    } else if (estimate > value || random.below(++ties) !== 0) return;
    kind = candidateKind;
    moveU = u;
    moveV = v;
    movePrev = prev;
  };
  const gather = (candidateKind: number, u: number, v: number, prev: number, tabu: boolean) => {
    gathered.push(candidateKind, u, v, prev, tabu ? 1 : 0);
  };
  const forward = (u: number, v: number) => {
    if (!SequenceMoves.forwardSafe(state, u, v)) return;
    let tabu = false;
    for (let x = state.mNext[u]!; !tabu; x = state.mNext[x]!) {
      tabu = memory.isOrderTabu(x, u, iteration);
      if (x === v) break;
    }
    if (tardiness === undefined) consider(FORWARD, u, v, -1, moves.forwardEstimate(state, u, v), tabu);
    else gather(FORWARD, u, v, -1, tabu);
  };
  const backward = (u: number, v: number) => {
    if (!SequenceMoves.backwardSafe(state, u, v)) return;
    let tabu = false;
    for (let x = u; x !== v && !tabu; x = state.mNext[x]!) tabu = memory.isOrderTabu(v, x, iteration);
    if (tardiness === undefined) consider(BACKWARD, u, v, -1, moves.backwardEstimate(state, u, v), tabu);
    else gather(BACKWARD, u, v, -1, tabu);
  };
  const visitInsertion = (alternative: number, prev: number, makespan: number) => {
    const tabu = memory.isAssignTabu(reassignOp, shop.altMachine[alternative]!, iteration);
    if (tardiness === undefined) consider(REASSIGN, reassignOp, alternative, prev, makespan, tabu);
    else gather(REASSIGN, reassignOp, alternative, prev, tabu);
  };

  /** Moves in the blocks of the current path; `towardsMakespan` applies Nowicki and Smutnicki's cuts for the makespan path. */
  const blockMoves = (towardsMakespan: boolean) => {
    const { path: ops, blockStart, blockEnd, length } = path;
    for (let b = 0; b < path.blockCount; b++) {
      const first = blockStart[b]!;
      const last = blockEnd[b]!;
      // The path's first block only shortens it if its last operation changes, its last block if its first does.
      const mustChangeLast = towardsMakespan && first === 0;
      const mustChangeFirst = towardsMakespan && last === length - 1;
      if (mustChangeLast && mustChangeFirst) continue;
      const head = ops[first]!;
      const tail = ops[last]!;
      for (let i = first; i < last; i++) if (!mustChangeFirst || i === first) forward(ops[i]!, tail);
      for (let i = first + 1; i <= last; i++) if (!mustChangeLast || i === last) backward(head, ops[i]!);
      if (!mustChangeLast) for (let i = first + 1; i < last; i++) forward(head, ops[i]!);
      if (!mustChangeFirst) for (let i = first + 1; i < last; i++) backward(ops[i]!, tail);
    }
  };
  /** Machine changes of the path's operations; leaves the heads and tails of the current solution in place. */
  const reassignMoves = () => {
    if (!flexible) return;
    let scanned = false;
    for (let i = 0; i < path.length; i++) {
      const op = path.path[i]!;
      if (state.isFrozen(op) || shop.altStart[op + 1]! - shop.altStart[op]! < 2) continue;
      reassignOp = op;
      scanReassignments(state, op, visitInsertion);
      scanned = true;
    }
    if (scanned) state.evaluate();
  };

  let undoOp = -1;
  let undoPrev = -1;
  let undoAlt = -1;
  let jumps = 0;
  const apply = (moveKind: number, u: number, v: number, prev: number) => {
    undoOp = moveKind === BACKWARD ? v : u;
    undoPrev = state.mPrev[undoOp]!;
    undoAlt = state.alt[undoOp]!;
    const machine = state.machine[undoOp]!;
    jumps = 0;
    if (moveKind === FORWARD) {
      for (let x = state.mNext[u]!; ; x = state.mNext[x]!) {
        jumped[jumps++] = x;
        if (x === v) break;
      }
      state.unlink(u);
      state.insertAfter(u, machine, v);
    } else if (moveKind === BACKWARD) {
      for (let x = u; x !== v; x = state.mNext[x]!) jumped[jumps++] = x;
      const before = state.mPrev[u]!;
      state.unlink(v);
      state.insertAfter(v, machine, before);
    } else {
      state.unlink(u);
      state.setAlternative(u, v);
      state.insertAfter(u, state.machine[u]!, prev);
    }
  };
  const undo = () => {
    state.unlink(undoOp);
    state.setAlternative(undoOp, undoAlt);
    state.insertAfter(undoOp, state.machine[undoOp]!, undoPrev);
  };

  const lateNeighbourhood = () => {
    gathered.length = 0;
    const late = tardiness!.lateEnds(state, lateEnds);
    if (late === 0) {
      path.find(state, random);
      blockMoves(true);
      reassignMoves();
    }
    for (let k = 0; k < Math.min(late, LATE_PATHS); k++) {
      const pick = k + random.below(late - k);
      const end = lateEnds[pick]!;
      lateEnds[pick] = lateEnds[k]!;
      path.findTo(state, end);
      blockMoves(false);
      reassignMoves();
    }
    for (let c = 0; c < gathered.length; c += 5) {
      apply(gathered[c]!, gathered[c + 1]!, gathered[c + 2]!, gathered[c + 3]!);
      if (state.evaluate(false)) consider(gathered[c]!, gathered[c + 1]!, gathered[c + 2]!, gathered[c + 3]!, costOf(state), gathered[c + 4] === 1);
      undo();
    }
    state.evaluate();
  };

  let stoppedBy: StopReason;
  for (;;) {
    if (bestCost <= options.lowerBound) {
      stoppedBy = 'lower-bound';
      break;
    }
    if (options.target !== undefined && bestCost <= options.target) {
      stoppedBy = 'target';
      break;
    }
    if (iteration >= options.maxIterations) {
      stoppedBy = 'iterations';
      break;
    }
    if ((iteration & 31) === 0 && options.deadline !== Number.POSITIVE_INFINITY && now() >= options.deadline) {
      stoppedBy = 'time';
      break;
    }
    kind = -1;
    value = Number.POSITIVE_INFINITY;
    ties = 0;
    fallbackKind = -1;
    fallbacks = 0;
    if (tardiness === undefined) {
      path.find(state, random);
      blockMoves(true);
      reassignMoves();
    } else lateNeighbourhood();
    if (kind < 0) {
      if (fallbackKind < 0) {
        stoppedBy = 'no-moves';
        break;
      }
      kind = fallbackKind;
      moveU = fallbackU;
      moveV = fallbackV;
      movePrev = fallbackPrev;
    }
    const oldMachine = state.machine[kind === BACKWARD ? moveV : moveU]!;
    apply(kind, moveU, moveV, movePrev);
    iteration++;
    const until = iteration + tenure + random.below(Math.ceil(tenure / 2) + 1);
    if (!state.evaluate()) {
      // Zero durations can defeat the acyclicity tests: undo, and keep the move from being tried again soon.
      undo();
      state.evaluate();
      if (kind !== REASSIGN) memory.forbidOrder(moveV, moveU, until);
      else memory.forbidAssign(moveU, shop.altMachine[moveV]!, until);
      continue;
    }
    if (kind === FORWARD) for (let j = 0; j < jumps; j++) memory.forbidOrder(moveU, jumped[j]!, until);
    else if (kind === BACKWARD) for (let j = 0; j < jumps; j++) memory.forbidOrder(jumped[j]!, moveV, until);
    else memory.forbidAssign(moveU, oldMachine, until);

    const cost = costOf(state);
    if (cost < bestCost) {
      bestCost = cost;
      best.copySolution(state);
      bestIteration = iteration;
      bestAt = now() - started;
      lastImprovement = iteration;
      options.onImprove?.(best.makespan, iteration, bestAt);
    } else if (iteration - lastImprovement > stallIterations) {
      restart(state, best, path, random, memory);
      lastImprovement = iteration;
    }
  }
  best.evaluate();
  return { best, iterations: iteration, bestIteration, bestAt, stoppedBy };
}

/** Back to the best solution, shaken by a few random swaps of adjacent critical operations, with a fresh tabu memory. */
function restart(state: ShopState, best: ShopState, path: CriticalPath, random: SeededRandom, memory: TabuMemory): void {
  state.copySolution(best);
  state.evaluate();
  memory.clear();
  const swaps = 2 + random.below(4);
  for (let k = 0; k < swaps; k++) {
    path.find(state, random);
    if (path.blockCount === 0) return;
    const b = random.below(path.blockCount);
    const i = path.blockStart[b]! + random.below(path.blockEnd[b]! - path.blockStart[b]!);
    const u = path.path[i]!;
    const v = path.path[i + 1]!;
    const prev = state.mPrev[u]!;
    state.unlink(u);
    state.insertAfter(u, state.machine[v]!, v);
    if (!state.evaluate()) {
      state.unlink(u);
      state.insertAfter(u, state.machine[v]!, prev);
      state.evaluate();
    }
  }
}
