import type { LocalizedText } from '../../engine/definitions/index.js';
import type { StateValue } from 'xstate';
import type { NotificationKind, TaskStatus } from '../db/index.js';
import type { Actor } from '../services/types.js';
import type { Executor, RecordRow, WorkflowInstanceRow } from '../stores/index.js';

export type { TaskStatus };

/** One approval slot as the inbox and the task form show it. */
export interface TaskDto {
  id: string;
  instanceId: string;
  workflow: string;
  form: string;
  recordId: string;
  node: string;
  round: number;
  title: LocalizedText;
  assignee: string;
  assigneeName: string;
  status: TaskStatus;
  createdAt: string;
  dueAt: string | null;
  actedAt: string | null;
  actedBy: string | null;
  comment: string | null;
  draft: Record<string, unknown> | null;
  /** Record fields the assignee may change on the task form. */
  editableFields: string[];
  /** Where a return may go, and whether transfer and add-signer are offered. */
  actions: { returnTo: string[]; transfer: boolean; addSigner: boolean; batch: boolean; commentRequired: 'never' | 'reject' | 'always' };
}

/** One step of the order's timeline: who did what, when, with which comment. */
export interface TimelineEntry {
  seq: number;
  type: string;
  at: string;
  actor: { username: string; displayName: string };
  comment: string | null;
  node: string | null;
  stateBefore: StateValue | null;
  stateAfter: StateValue;
}

export interface InstanceDto {
  id: string;
  workflow: string;
  workflowVersion: number;
  title: LocalizedText;
  form: string;
  recordId: string;
  status: 'running' | 'done' | 'cancelled';
  state: StateValue;
  /** Titles of the active leaf states, for people. */
  stateTitles: LocalizedText[];
  revision: number;
  initiator: string;
  startedAt: string;
  updatedAt: string;
  endedAt: string | null;
  openTasks: TaskDto[];
  /** Business events the caller may send now (buttons). */
  acceptedEvents: string[];
}

export interface InstanceDetail extends InstanceDto {
  timeline: TimelineEntry[];
  tasks: TaskDto[];
}

export interface CommandOptions {
  idempotencyKey?: string;
  /** The command is one of a batch approval; tasks with `allow.batch: false` refuse it. */
  batch?: boolean;
}

export interface CommandResult {
  instance: InstanceDto;
  replayed: boolean;
}

export type InboxBox = 'todo' | 'done' | 'initiated' | 'cc';

export interface InboxQuery {
  box: InboxBox;
  workflow?: string;
  limit: number;
  offset: number;
}

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  instanceId: string | null;
  form: string | null;
  recordId: string | null;
  message: LocalizedText;
  createdAt: string;
  readAt: string | null;
}

export interface WorkflowService {
  start(actor: Actor, workflow: string, recordId: string, options?: CommandOptions): Promise<CommandResult>;
  /** Starts a workflow on a record written in the caller's transaction, so both commit together or not at all. */
  startWithin(trx: Executor, actor: Actor, workflow: string, record: RecordRow, at: Date): Promise<WorkflowInstanceRow>;
  get(actor: Actor, instanceId: string): Promise<InstanceDetail>;
  listForRecord(actor: Actor, form: string, recordId: string): Promise<InstanceDto[]>;
  sendEvent(actor: Actor, instanceId: string, input: { type: string; comment?: string }, options?: CommandOptions): Promise<CommandResult>;
  withdraw(actor: Actor, instanceId: string, input: { comment?: string }, options?: CommandOptions): Promise<CommandResult>;
  completeTask(
    actor: Actor,
    taskId: string,
    input: { outcome: 'approve' | 'reject'; comment?: string; data?: Record<string, unknown> },
    options?: CommandOptions,
  ): Promise<CommandResult>;
  returnTask(actor: Actor, taskId: string, input: { to: string; comment?: string }, options?: CommandOptions): Promise<CommandResult>;
  transferTask(actor: Actor, taskId: string, input: { to: string; comment?: string }, options?: CommandOptions): Promise<CommandResult>;
  addSigner(
    actor: Actor,
    taskId: string,
    input: { user: string; position: 'before' | 'after' | 'beside'; comment?: string },
    options?: CommandOptions,
  ): Promise<CommandResult>;
  saveDraft(actor: Actor, taskId: string, data: Record<string, unknown>): Promise<TaskDto>;
  getTask(actor: Actor, taskId: string): Promise<TaskDto>;
  listTasks(actor: Actor, query: InboxQuery): Promise<{ items: (TaskDto | InstanceDto | NotificationDto)[]; total: number; limit: number; offset: number }>;
  /** An administrator hands a departed employee's open and waiting tasks to someone else; tasks that cannot move are listed. */
  handover(actor: Actor, input: { from: string; to: string }): Promise<{ moved: number; failed: { taskId: string; code: string; message: string }[] }>;
  /** Fires up to `limit` due timers and queued invocations, each in its own transaction; returns how many it took (fired, dropped as stale, or put back after a failure). */
  fireDueTimers(limit: number): Promise<number>;
}
