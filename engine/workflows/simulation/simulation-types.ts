import type { DepartmentDefinition, LocalizedText } from '../../definitions/generated/definition-types.js';
import type { LiveForm } from '../../forms/model/index.js';
import type { Value } from '../../expressions/index.js';
import type { ApprovalMode, SlotStatus } from '../approval/approval-rules.js';
import type { CompiledWorkflow } from '../compile-workflow.js';
import type { InstanceState } from '../run-workflow.js';

/** A sample person: who the simulated tasks and notices go to. */
export interface SimulatedUser {
  readonly username: string;
  readonly roles: readonly string[];
  readonly manager?: string;
  /** Ids of the departments the user belongs to. */
  readonly departments?: readonly string[];
}

export interface SimulationSetup {
  readonly compiled: CompiledWorkflow;
  /** The workflow's form, so computed fields are recomputed after each step as the runtime's write does. */
  readonly form?: LiveForm;
  /**
   * Sample people. Without them every role is one stand-in (`role:<id>`), a manager is
   * `manager:<user>`, and any user named by a field or formula exists.
   */
  readonly directory?: readonly SimulatedUser[];
  /**
   * The app's departments, for department heads. Without a directory a department's members are one
   * stand-in (`department:<id>`, or `department:<id>/<role>`).
   */
  readonly departments?: readonly DepartmentDefinition[];
  /** Who starts the instance; `initiator` when absent. */
  readonly initiator?: string;
}

/** A durable timer the runtime would hold in ordo_timers. */
export interface SimulatedTimer {
  readonly id: number;
  readonly kind: 'task-due' | 'task-remind' | 'wait';
  readonly node: string;
  readonly round: number;
  readonly dueAt: string;
}

/** A native function call the runtime would queue; the simulation's caller says how it ends. */
export interface PendingInvocation {
  readonly node: string;
  readonly round: number;
  readonly function: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** A record field a step changed (setFields, a function's output, a recomputed field). */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Work the runtime would do after a step, with assignees resolved to the sample people. */
export type SimulatedEffect =
  | { readonly kind: 'notify'; readonly notification: 'notify' | 'cc' | 'remind' | 'escalation'; readonly users: readonly string[]; readonly message: LocalizedText }
  | { readonly kind: 'task-opened'; readonly node: string; readonly round: number; readonly title: LocalizedText; readonly users: readonly string[]; readonly dueAt?: string }
  | { readonly kind: 'reassigned'; readonly node: string; readonly users: readonly string[] }
  | { readonly kind: 'create-record'; readonly form: string; readonly data: Readonly<Record<string, unknown>> }
  | { readonly kind: 'update-record'; readonly form: string; readonly record: string; readonly fields: Readonly<Record<string, unknown>> }
  | { readonly kind: 'emit'; readonly event: string; readonly data: Readonly<Record<string, unknown>> }
  | { readonly kind: 'invoke'; readonly node: string; readonly function: string; readonly input: Readonly<Record<string, unknown>> }
  | { readonly kind: 'spawn'; readonly node: string; readonly workflow: string; readonly form: string; readonly children: readonly string[]; readonly records: readonly Readonly<Record<string, unknown>>[] }
  | { readonly kind: 'cancel-children'; readonly node: string; readonly event: string; readonly children: readonly string[] }
  | { readonly kind: 'timer-set'; readonly timer: SimulatedTimer }
  | { readonly kind: 'timers-dropped'; readonly node: string; readonly count: number };

/** What a step was caused by. */
export type StepCause =
  | { readonly kind: 'start'; readonly user: string }
  | { readonly kind: 'event'; readonly event: string; readonly user: string }
  | { readonly kind: 'decision'; readonly node: string; readonly slot: string; readonly user: string; readonly decision: 'approve' | 'reject' }
  | { readonly kind: 'timer'; readonly timer: SimulatedTimer }
  | { readonly kind: 'invocation'; readonly node: string; readonly function: string; readonly outcome: 'done' | 'error' }
  | { readonly kind: 'child-ended'; readonly node: string; readonly child: string }
  | { readonly kind: 'edit'; readonly fields: readonly string[] };

export interface SimulationStep {
  readonly index: number;
  readonly at: string;
  readonly cause: StepCause;
  /** Active states (dotted paths of definition state names) before and after. */
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** States entered by this step, outermost first. */
  readonly entered: readonly string[];
  readonly changes: readonly FieldChange[];
  readonly effects: readonly SimulatedEffect[];
  /** False when the step changed nothing (a timer of a decided task, a reminder with no one left). */
  readonly moved: boolean;
}

/** One simulated instance; every operation returns a new one. */
export interface Simulation {
  readonly now: string;
  readonly state: InstanceState;
  readonly record: Readonly<Record<string, unknown>>;
  readonly timers: readonly SimulatedTimer[];
  readonly invocations: readonly PendingInvocation[];
  readonly trail: readonly SimulationStep[];
  readonly nextTimerId: number;
}

/** The result of evaluating a guard against the sample record now. */
export type GuardResult = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly code: string; readonly message: string };

/** A transition that could take an event, in the order xstate tries them. */
export interface CandidateTransition {
  readonly pointer: string;
  /** The state that declares it; undefined for the workflow-level `on`. */
  readonly from: string | undefined;
  readonly target: string | undefined;
  readonly title?: LocalizedText;
  readonly guard?: string;
  readonly guardResult?: GuardResult;
  /** The guard holds (or there is none). */
  readonly passes: boolean;
  readonly roles?: readonly string[];
  /** The one xstate would take: the first that passes. */
  readonly taken: boolean;
}

export interface EventChoice {
  readonly kind: 'event';
  readonly event: string;
  readonly title?: LocalizedText;
  /** Whether the instance accepts the event now (a user with the roles below). */
  readonly accepted: boolean;
  readonly candidates: readonly CandidateTransition[];
  /** Roles that may send it (the union over its transitions); undefined: whoever may change the record. */
  readonly roles?: readonly string[];
}

export interface TaskSlotChoice {
  readonly kind: 'task';
  readonly node: string;
  readonly title: LocalizedText;
  readonly mode: ApprovalMode;
  readonly ratio: number;
  readonly round: number;
  readonly slot: string;
  readonly user: string;
  /** Slots may wait their turn (sequential, signers added before); only `open` ones may decide. */
  readonly open: boolean;
  /** Every slot of the round, so a countersign's progress shows. */
  readonly slots: readonly { readonly slot: string; readonly user: string; readonly status: SlotStatus }[];
  readonly dueAt?: string;
}

export interface InvocationChoice {
  readonly kind: 'invocation';
  readonly node: string;
  readonly function: string;
  readonly input: Readonly<Record<string, unknown>>;
  /** Record fields the result's properties are copied into. */
  readonly output: Readonly<Record<string, string>>;
}

export interface ChildChoice {
  readonly kind: 'child';
  readonly node: string;
  readonly child: string;
}

export type SimulationChoice = EventChoice | TaskSlotChoice | InvocationChoice | ChildChoice;

/** What the caller decides, for `apply`. */
export type SimulationAction =
  | { readonly kind: 'event'; readonly event: string; readonly user?: string; readonly roles?: readonly string[]; readonly comment?: string }
  | { readonly kind: 'decision'; readonly slot: string; readonly decision: 'approve' | 'reject'; readonly comment?: string }
  | { readonly kind: 'invocation'; readonly node: string; readonly outcome: 'done'; readonly output: Readonly<Record<string, unknown>> }
  | { readonly kind: 'invocation'; readonly node: string; readonly outcome: 'error'; readonly error?: string }
  | { readonly kind: 'child-ended'; readonly node: string; readonly child: string };
