import type { LocalizedText } from '../definitions/generated/definition-types.js';
import type { MrpPlan, MrpScenario } from '../planning/generated/planning-types.js';

/**
 * The factory's planning snapshot: what the planning functions read besides their input. The
 * runtime assembles the scenario from records in a few bulk queries; `plan` is the committed plan of
 * that scenario when one is at hand, so capable-to-promise need not replan the whole factory.
 */
export interface PlanningSnapshot {
  readonly scenario: MrpScenario;
  readonly plan?: MrpPlan;
}

export interface FunctionContext {
  readonly now: Date;
  /** Present when the function `needs` it. */
  readonly planning?: PlanningSnapshot;
}

/**
 * A built-in function workflows invoke, the API exposes and the designer offers: pure, given its
 * input and its context, with JSON Schemas that say what goes in and what comes out.
 */
export interface NativeFunction {
  readonly name: string;
  readonly title: LocalizedText;
  readonly inputSchema: Readonly<Record<string, unknown>>;
  readonly outputSchema: Readonly<Record<string, unknown>>;
  /** `planning`: the caller must supply the planning snapshot in the context. */
  readonly needs?: 'planning';
  /**
   * The function that replaced this one. A retired function still runs for the workflow versions
   * published while it was current (their running instances invoke it by name), but the catalogue
   * no longer offers it for new definitions.
   */
  readonly retiredFor?: string;
  run(input: Readonly<Record<string, unknown>>, context: FunctionContext): Record<string, unknown>;
}
