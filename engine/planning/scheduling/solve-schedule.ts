import { gifflerThompson, priorities, type PriorityRule } from './construct/index.js';
import { makespanLowerBound } from './lower-bound.js';
import { compileShop, type CompiledShop, type Schedule, type ScheduledOperation, type ShopModel } from './model/index.js';
import { SeededRandom, ShopState, tabuSearch, TardinessCost, type SearchObjective, type StopReason } from './search/index.js';

export interface SolveOptions {
  /** What to minimise: the makespan, or the weighted tardiness and then the makespan (the default when any job has a due date). */
  readonly objective?: SearchObjective;
  /** Seed of the search's random choices; the same seed and iteration limit give the same schedule. */
  readonly seed?: number;
  /** Deterministic mode: stop after this many tabu iterations. */
  readonly maxIterations?: number;
  /** Anytime mode: return the best schedule found when this much time has passed. */
  readonly timeLimitMs?: number;
  /** Clock for the time limit, in milliseconds; performance.now() unless given. */
  readonly now?: () => number;
  /** Stop as soon as the makespan (with nothing late) is at or below this, e.g. a known optimum. */
  readonly targetMakespan?: number;
  /** Randomised dispatch runs tried after the plain rules, before the search starts. */
  readonly constructiveRuns?: number;
  /** Called with each new best makespan of the search, its iteration and the milliseconds since solveSchedule began. */
  readonly onImprove?: (makespan: number, iteration: number, elapsedMs: number) => void;
}

export interface SolveResult {
  readonly schedule: Schedule;
  readonly objective: SearchObjective;
  /** Sum over jobs of weight x max(0, end - due); 0 when no job has a due date. */
  readonly weightedTardiness: number;
  /** Jobs with a weight above 0 that end after their due date. */
  readonly lateJobs: number;
  /** Makespan (and weighted tardiness) of the best dispatch schedule the search started from. */
  readonly constructiveMakespan: number;
  readonly constructiveTardiness: number;
  readonly lowerBound: number;
  readonly iterations: number;
  /** Iteration and milliseconds (since solveSchedule began) at which the returned schedule was found. */
  readonly bestIteration: number;
  readonly bestAtMs: number;
  readonly elapsedMs: number;
  readonly stoppedBy: StopReason;
}

/** Without any limit the search runs this many iterations, so a call always ends. */
export const DEFAULT_MAX_ITERATIONS = 20_000;
const MAKESPAN_RULES: readonly PriorityRule[] = ['mwkr', 'mopnr', 'spt'];
const TARDINESS_RULES: readonly PriorityRule[] = ['slack', 'mwkr', 'spt'];

/**
 * Schedules a shop: Giffler-Thompson dispatch with several priority rules (plus randomised runs)
 * gives the start, tabu search improves it until the iteration or time limit, or until the makespan
 * reaches the lower bound with nothing late. Throws ORDO_ERR_SCHEDULE_MODEL_INVALID for a model that
 * cannot be scheduled.
 */
export function solveSchedule(model: ShopModel, options: SolveOptions = {}): SolveResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const shop = compileShop(model);
  const random = new SeededRandom(options.seed ?? 1);
  const lowerBound = makespanLowerBound(shop);

  const objective = options.objective ?? (model.jobs.some((job) => job.due !== undefined) ? 'weighted-tardiness' : 'makespan');
  const tardiness = new TardinessCost(shop);
  const costOf = (solution: ShopState) => (objective === 'makespan' ? solution.makespan : tardiness.cost(solution));
  const rules = objective === 'makespan' ? MAKESPAN_RULES : TARDINESS_RULES;

  const state = new ShopState(shop);
  const candidate = new ShopState(shop);
  let bestCost = Number.POSITIVE_INFINITY;
  const runs = rules.length + (options.constructiveRuns ?? 10);
  const rulePriorities = rules.map((rule) => priorities(shop, rule));
  for (let run = 0; run < runs; run++) {
    const built = gifflerThompson(shop, rulePriorities[run % rules.length]!, random, run < rules.length ? 0 : 0.3);
    if (!candidate.load(built.alternatives, built.sequences)) throw new Error('dispatch built machine sequences that contradict the precedences');
    if (costOf(candidate) < bestCost) {
      bestCost = costOf(candidate);
      state.copySolution(candidate);
    }
  }
  state.evaluate();
  const constructiveMakespan = state.makespan;
  const constructiveTardiness = tardiness.weightedTardiness(state);
  const searchStarted = now();
  const unlimited = options.maxIterations === undefined && options.timeLimitMs === undefined;
  const outcome = tabuSearch(state, {
    random,
    objective,
    now,
    maxIterations: options.maxIterations ?? (unlimited ? DEFAULT_MAX_ITERATIONS : Number.POSITIVE_INFINITY),
    deadline: options.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : started + options.timeLimitMs,
    lowerBound,
    target: options.targetMakespan,
    onImprove: options.onImprove && ((makespan, iteration) => options.onImprove?.(makespan, iteration, now() - started)),
  });
  return {
    schedule: scheduleOf(shop, outcome.best),
    objective,
    weightedTardiness: tardiness.weightedTardiness(outcome.best),
    lateJobs: tardiness.lateEnds(outcome.best, new Int32Array(shop.jobCount)),
    constructiveMakespan,
    constructiveTardiness,
    lowerBound,
    iterations: outcome.iterations,
    bestIteration: outcome.bestIteration,
    bestAtMs: searchStarted - started + outcome.bestAt,
    elapsedMs: now() - started,
    stoppedBy: outcome.stoppedBy,
  };
}

/** The semi-active schedule of a solution: every operation at its head, listed job by job. */
export function scheduleOf(shop: CompiledShop, state: ShopState): Schedule {
  const operations: ScheduledOperation[] = [];
  for (let i = 0; i < shop.operationCount; i++) {
    operations.push({ job: shop.opJob[i]!, op: shop.opIndex[i]!, machine: state.machine[i]!, start: state.head[i]!, end: state.head[i]! + state.dur[i]! });
  }
  return { makespan: state.makespan, operations };
}
