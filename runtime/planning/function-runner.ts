import { performance } from 'node:perf_hooks';
import { OrdoError, isOrdoError } from '../../engine/errors/index.js';
import type { FunctionContext, NativeFunction } from '../../engine/functions/index.js';
import { createSnapshotPlanner, type MrpPlan, type MrpScenario } from '../../engine/planning/index.js';
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
  run(exec: Executor, fn: NativeFunction, input: unknown, options: { at: string }): Promise<FunctionRun>;
  /** What a workflow's invocation runs, in the timer's transaction: blank inputs count as not given. */
  invoke(exec: Executor, name: string, input: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>>;
}

export interface FunctionRunnerOptions {
  functions: ReadonlyMap<string, NativeFunction>;
  /**
   * The services' clock: it decides the plan's today for API calls and workflow invocations alike,
   * so a plan does not depend on which path asked (and tests can fix the day).
   */
  now: () => Date;
}

export function createFunctionRunner(options: FunctionRunnerOptions): FunctionRunner {
  const { functions } = options;

  function find(name: string): NativeFunction {
    const fn = functions.get(name);
    if (fn === undefined) throw new OrdoError('ORDO_ERR_FUNCTION_NOT_FOUND', `No function ${name}`);
    return fn;
  }

  async function run(exec: Executor, fn: NativeFunction, input: unknown, runOptions: { at: string }): Promise<FunctionRun> {
    const now = options.now();
    const problems = schemaProblems(fn.inputSchema, input, runOptions.at);
    if (problems.length > 0) {
      const first = problems[0];
      throw new OrdoError('ORDO_ERR_FUNCTION_INPUT_INVALID', `${fn.name}: ${first?.pointer ?? ''} ${first?.message ?? ''}`.trim(), { fields: problems });
    }
    const loaded = fn.needs === 'planning' ? await loadPlanningScenario(exec, { today: planningDay(now) }) : undefined;
    const started = performance.now();
    const planning = loaded === undefined ? undefined : { scenario: loaded.scenario, ...committedPlan(loaded.scenario) };
    const output = runPointing(fn, input as Record<string, unknown>, { now, ...(planning === undefined ? {} : { planning }) }, runOptions.at);
    return { output, ...(loaded === undefined ? {} : { loaded }), planMs: roundMs(performance.now() - started) };
  }

  /**
   * Every planning function gets the plan of its snapshot: mrp.plan answers it, capable-to-promise
   * asks questions of it. The planner keeps the last snapshot's plan, so the sales desk's many
   * promises between two changes share one plan, and after a change (a new order, a receipt) only the
   * items it reaches are planned again (net-change), not the whole factory.
   */
  const snapshots = createSnapshotPlanner();
  function committedPlan(scenario: MrpScenario): { plan?: MrpPlan } {
    return functions.has(PLAN_FUNCTION) ? { plan: snapshots.plan(scenario) } : {};
  }

  return {
    functions,
    find,
    run,
    async invoke(exec, name, input) {
      return (await run(exec, find(name), withoutBlanks(input), { at: '/input' })).output;
    },
  };
}

/** A function's own input checks (a date that is no calendar day) point into its input; the caller's pointers start at `at`. */
function runPointing(fn: NativeFunction, input: Record<string, unknown>, context: FunctionContext, at: string): Record<string, unknown> {
  try {
    return fn.run(input, context);
  } catch (error) {
    if (!isOrdoError(error) || error.code !== 'ORDO_ERR_FUNCTION_INPUT_INVALID' || at === '') throw error;
    const fields = error.fields.map((field) => ({ ...field, pointer: `${at}${field.pointer}` }));
    throw new OrdoError(error.code, error.message, { fields, cause: error });
  }
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
