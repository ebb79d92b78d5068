import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { OrdoError } from '../../engine/errors/index.js';
import type { NativeFunction } from '../../engine/functions/index.js';
import type { MrpPlan, MrpScenario, PlanningCalendar } from '../../engine/planning/index.js';
import type { Executor } from '../stores/index.js';
import { PLAN_FUNCTION } from './function-access.js';
import { loadPlanningScenario, planningDay, roundMs, type LoadedScenario } from './load-planning-scenario.js';
import { schemaProblems } from './planning-schemas.js';

export interface FunctionRun {
  output: Record<string, unknown>;
  /** The snapshot the function planned on, when it `needs` planning. */
  loaded?: LoadedScenario;
  /** Milliseconds inside the function itself. */
  planMs: number;
}

export interface FunctionRunner {
  readonly functions: ReadonlyMap<string, NativeFunction>;
  /** The function by name, or ORDO_ERR_FUNCTION_NOT_FOUND. */
  find(name: string): NativeFunction;
  /**
   * Checks the input against the function's schema (ORDO_ERR_FUNCTION_INPUT_INVALID, pointers
   * prefixed with `at`), loads the planning snapshot through `exec` when the function needs it, runs it.
   */
  run(exec: Executor, fn: NativeFunction, input: unknown, options: { now: Date; at: string }): Promise<FunctionRun>;
  /** What a workflow's invocation runs, in the timer's transaction: blank inputs count as not given. */
  invoke(exec: Executor, name: string, input: Readonly<Record<string, unknown>>, now: Date): Promise<Record<string, unknown>>;
}

export interface FunctionRunnerOptions {
  functions: ReadonlyMap<string, NativeFunction>;
  horizonDays?: number;
  calendar?: PlanningCalendar;
}

export function createFunctionRunner(options: FunctionRunnerOptions): FunctionRunner {
  const { functions } = options;

  function find(name: string): NativeFunction {
    const fn = functions.get(name);
    if (fn === undefined) throw new OrdoError('ORDO_ERR_FUNCTION_NOT_FOUND', `No function ${name}`);
    return fn;
  }

  async function run(exec: Executor, fn: NativeFunction, input: unknown, runOptions: { now: Date; at: string }): Promise<FunctionRun> {
    const problems = schemaProblems(fn.inputSchema, input, runOptions.at);
    if (problems.length > 0) {
      const first = problems[0];
      throw new OrdoError('ORDO_ERR_FUNCTION_INPUT_INVALID', `${fn.name}: ${first?.pointer ?? ''} ${first?.message ?? ''}`.trim(), { fields: problems });
    }
    const loaded =
      fn.needs === 'planning'
        ? await loadPlanningScenario(exec, {
            today: planningDay(runOptions.now),
            ...(options.horizonDays === undefined ? {} : { horizonDays: options.horizonDays }),
            ...(options.calendar === undefined ? {} : { calendar: options.calendar }),
          })
        : undefined;
    const planning = loaded === undefined ? undefined : { scenario: loaded.scenario, ...committedPlan(fn, loaded.scenario, runOptions.now) };
    const started = performance.now();
    const output = fn.run(input as Record<string, unknown>, { now: runOptions.now, ...(planning === undefined ? {} : { planning }) });
    return { output, ...(loaded === undefined ? {} : { loaded }), planMs: roundMs(performance.now() - started) };
  }

  /**
   * Functions that ask questions of the plan (capable-to-promise) get the plan of the same snapshot:
   * the one mrp.plan makes of it, kept while the records do not change, since the sales desk asks
   * many promises between two changes.
   */
  let lastPlan: { key: string; plan: MrpPlan } | undefined;
  function committedPlan(fn: NativeFunction, scenario: MrpScenario, now: Date): { plan?: MrpPlan } {
    const planner = functions.get(PLAN_FUNCTION);
    if (fn.name === PLAN_FUNCTION || planner === undefined) return {};
    const key = createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
    if (lastPlan?.key !== key) lastPlan = { key, plan: planner.run({}, { now, planning: { scenario } }) as unknown as MrpPlan };
    return { plan: lastPlan.plan };
  }

  return {
    functions,
    find,
    run,
    async invoke(exec, name, input, now) {
      return (await run(exec, find(name), withoutBlanks(input), { now, at: '/input' })).output;
    },
  };
}

/**
 * A workflow's input formulas give null (or "") for an empty field; to a function's schema that is
 * a value of the wrong type, while the user meant "not given".
 */
export function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, entry]) => (entry === null || entry === '' ? [] : [[key, withoutBlanks(entry)]])));
}
