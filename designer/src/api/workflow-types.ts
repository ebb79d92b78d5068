import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import type { ApiError } from './api-error.js';

/*
 * The workflow answers as the web app reads them; the server's own types are in
 * runtime/workflows/types.ts, which the browser bundle may not import.
 */

/** xstate's state value: a leaf name, or parent names mapped to their active children. */
export type StateValue = string | { readonly [state: string]: StateValue | undefined };

export type TaskStatus = 'open' | 'waiting' | 'approved' | 'rejected' | 'returned' | 'transferred' | 'cancelled' | 'withdrawn';

export type CommentRule = 'never' | 'reject' | 'always';

export interface TaskActions {
  /** `previous`, `initiator` or state names. */
  readonly returnTo: readonly string[];
  readonly transfer: boolean;
  readonly addSigner: boolean;
  readonly batch: boolean;
  readonly commentRequired: CommentRule;
}

export interface WorkflowTask {
  readonly id: string;
  readonly instanceId: string;
  readonly workflow: string;
  readonly form: string;
  readonly recordId: string;
  readonly node: string;
  readonly round: number;
  readonly title: LocalizedText;
  readonly assignee: string;
  readonly assigneeName: string;
  readonly status: TaskStatus;
  readonly createdAt: string;
  readonly dueAt: string | null;
  readonly actedAt: string | null;
  readonly actedBy: string | null;
  readonly comment: string | null;
  readonly draft: Record<string, unknown> | null;
  readonly editableFields: readonly string[];
  readonly actions: TaskActions;
}

export interface TimelineEntry {
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  readonly actor: { readonly username: string; readonly displayName: string };
  readonly comment: string | null;
  readonly node: string | null;
  readonly stateBefore: StateValue | null;
  readonly stateAfter: StateValue;
}

export interface WorkflowInstance {
  readonly id: string;
  readonly workflow: string;
  readonly workflowVersion: number;
  readonly title: LocalizedText;
  readonly form: string;
  readonly recordId: string;
  readonly status: 'running' | 'done' | 'cancelled';
  readonly state: StateValue;
  readonly stateTitles: readonly LocalizedText[];
  readonly revision: number;
  readonly initiator: string;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly endedAt: string | null;
  readonly openTasks: readonly WorkflowTask[];
  /** Business events the caller may send now. */
  readonly acceptedEvents: readonly string[];
}

export interface WorkflowInstanceDetail extends WorkflowInstance {
  readonly timeline: readonly TimelineEntry[];
  readonly tasks: readonly WorkflowTask[];
}

export interface WorkflowNotification {
  readonly id: string;
  readonly kind: 'notify' | 'cc' | 'remind' | 'escalation';
  readonly instanceId: string | null;
  readonly form: string | null;
  readonly recordId: string | null;
  readonly message: LocalizedText;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export type InboxBox = 'todo' | 'done' | 'initiated' | 'cc';

/** What each box lists: tasks to do and done, instances started, messages received. */
export interface InboxItems {
  readonly todo: WorkflowTask;
  readonly done: WorkflowTask;
  readonly initiated: WorkflowInstance;
  readonly cc: WorkflowNotification;
}

export interface InboxPage<B extends InboxBox> {
  readonly items: readonly InboxItems[B][];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface CommandResult {
  readonly instance: WorkflowInstance;
  readonly replayed: boolean;
}

/** One task of a batch approval; a failure carries the server's problem as an ApiError. */
export type BatchResult = { readonly id: string; readonly ok: true; readonly instance: WorkflowInstance } | { readonly id: string; readonly ok: false; readonly error: ApiError };

export type SignerPosition = 'before' | 'after' | 'beside';
