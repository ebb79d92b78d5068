import type { Assignee, LocalizedText, TaskDue, Wait } from '../definitions/generated/definition-types.js';
import type { ApprovalRound, SignerPosition } from './approval/approval-rules.js';

/** Who sent an event; `system` for timers, invocations and escalations. */
export interface EventActor {
  readonly username: string;
  readonly roles: readonly string[];
  /** The workflow itself (timers, results, a parent cancelling its children): no role check applies. */
  readonly system?: true;
}

export const SYSTEM_ACTOR: EventActor = Object.freeze({ username: 'system', roles: Object.freeze([]), system: true });

interface EventBase {
  readonly actor: EventActor;
  /** Database time of the event (ISO); formulas' TODAY() and NOW() read it, so replay gives the same result. */
  readonly at: string;
  readonly comment?: string;
}

/** The events an instance accepts. Business events are any other name the definition lists. */
export type WorkflowEvent =
  | (EventBase & { readonly type: 'approve' | 'reject'; readonly slot: string })
  | (EventBase & { readonly type: 'return'; readonly slot: string; readonly to: string })
  | (EventBase & { readonly type: 'transfer'; readonly slot: string; readonly to: string })
  | (EventBase & { readonly type: 'add-signer'; readonly slot: string; readonly user: string; readonly position: SignerPosition })
  | (EventBase & { readonly type: 'withdraw' })
  | (EventBase & { readonly type: 'ordo.task.handover'; readonly slot: string; readonly to: string })
  | (EventBase & { readonly type: 'ordo.task.assigned'; readonly node: string; readonly users: readonly string[]; readonly purpose: 'open' | 'reassign' })
  | (EventBase & { readonly type: 'ordo.timer'; readonly node: string; readonly round: number; readonly timer: 'due' | 'remind' | 'wait' })
  | (EventBase & { readonly type: 'ordo.children.started'; readonly node: string; readonly round: number; readonly children: readonly string[] })
  | (EventBase & { readonly type: 'ordo.child.ended'; readonly child: string })
  /** A native function's result; `round` is the visit that queued the call (absent in a simulation). */
  | (EventBase & { readonly type: `xstate.done.actor.${string}`; readonly round?: number; readonly output: unknown })
  | (EventBase & { readonly type: `xstate.error.actor.${string}`; readonly round?: number; readonly error: unknown })
  | (EventBase & { readonly type: string });

/** What an instance keeps besides its state value. Plain JSON: it is persisted as is. */
export interface WorkflowContext {
  /** The workflow's record as the step sees it; loaded for each step, never persisted with the instance. */
  readonly record: Readonly<Record<string, unknown>>;
  readonly initiator: string;
  /** How often each task, wait and invoke state was entered: a timer or result of an earlier visit is stale. */
  readonly rounds: Readonly<Record<string, number>>;
  /** Task states and the initial state in the order entered; a return cuts it back. */
  readonly visited: readonly string[];
  readonly approvals: Readonly<Record<string, ApprovalRound>>;
  /** Whether an assignee acted since the initiator last submitted: withdrawing is allowed until then. */
  readonly actedSinceSubmit: boolean;
  /** Child instances a spawn state waits for; absent until a workflow first spawns (and in instances written before spawning existed). */
  readonly children?: Readonly<Record<string, ChildGroup>>;
}

/** The children one visit of a spawn state started, and those that have ended. */
export interface ChildGroup {
  readonly round: number;
  readonly ids: readonly string[];
  readonly ended: readonly string[];
}

/** Work the runtime does after a step, in the step's transaction. */
export type WorkflowEffect =
  | { readonly kind: 'resolve-assignees'; readonly node: string; readonly purpose: 'open' | 'reassign'; readonly assignees: readonly Assignee[] }
  | { readonly kind: 'task-opened'; readonly node: string; readonly round: number; readonly title: LocalizedText; readonly due?: TaskDue }
  | { readonly kind: 'node-left'; readonly node: string }
  | { readonly kind: 'wait'; readonly node: string; readonly round: number; readonly wait: Wait }
  | { readonly kind: 'invoke'; readonly node: string; readonly round: number; readonly function: string; readonly input: Readonly<Record<string, unknown>> }
  | {
      readonly kind: 'notify';
      readonly to: readonly Assignee[];
      readonly message: LocalizedText;
      readonly notification: 'notify' | 'cc' | 'remind' | 'escalation';
    }
  | { readonly kind: 'create-record'; readonly form: string; readonly data: Readonly<Record<string, unknown>> }
  | { readonly kind: 'update-record'; readonly form: string; readonly record: string; readonly fields: Readonly<Record<string, unknown>> }
  | { readonly kind: 'emit'; readonly event: string; readonly data: Readonly<Record<string, unknown>> }
  | { readonly kind: 'cancel-children'; readonly node: string; readonly event: string; readonly children: readonly string[] }
  | {
      readonly kind: 'spawn';
      readonly node: string;
      readonly round: number;
      readonly workflow: string;
      readonly form: string;
      readonly link?: string;
      /** One record's data per child, from the `data` formulas. */
      readonly records: readonly Readonly<Record<string, unknown>>[];
    };
