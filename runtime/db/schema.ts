import type { ColumnType, Generated } from 'kysely';
import type { LocalizedText } from '../../engine/definitions/index.js';

/** Timestamps go in as Date and come out as Date from both pg and PGlite. */
type Timestamp = ColumnType<Date, Date, Date>;
/** JSONB values are written as JSON text (pg would turn a JS array into a Postgres array) and read back parsed. */
type Json<T> = ColumnType<T, string, string>;
/** A column that may be left out on insert (it then holds null). */
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** An xstate state value: the active state's name, or for nested and parallel states an object of them. */
export type WorkflowStateValue = string | { [state: string]: WorkflowStateValue };

export type WorkflowInstanceStatus = 'running' | 'done' | 'cancelled';
export type TaskStatus = 'open' | 'waiting' | 'approved' | 'rejected' | 'returned' | 'transferred' | 'cancelled' | 'withdrawn';
/** `child-ended` tells a parent instance that a child it waits for has ended. */
export type TimerKind = 'task-due' | 'task-remind' | 'wait' | 'invoke' | 'child-ended';
export type NotificationKind = 'notify' | 'cc' | 'remind' | 'escalation';

export interface DefinitionsTable {
  kind: 'form' | 'app' | 'workflow' | 'report' | 'dashboard';
  id: string;
  version: number;
  body: Json<unknown>;
  checksum: string;
  published_at: Timestamp;
  published_by: string;
}

/** A designer's unpublished definition; `body` is read back as text (`body::text`) so it stays byte for byte. */
export interface DefinitionDraftsTable {
  kind: 'form' | 'workflow' | 'report' | 'dashboard';
  id: string;
  body: string;
  based_on_version: number | null;
  updated_at: Timestamp;
  updated_by: string;
  /** The designer's drawing of a workflow draft (engine/workflows/diagram-layout.ts); null when none was saved. */
  layout: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  roles: Json<string[]>;
  locale: string;
  password_hash: string;
  created_at: Timestamp;
  /** The username of the user's manager, for the managerOf assignee rule. */
  manager: Nullable<string>;
  /** Ids of the app definition's departments the user belongs to. */
  departments: ColumnType<string[], string | undefined, string>;
}

export interface AttachmentsTable {
  id: string;
  form: string;
  field: string;
  /** The record that refers to the file; null until a saved record does. */
  record_id: Nullable<string>;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
}

export interface RecordsTable {
  id: string;
  form: string;
  form_version: number;
  revision: number;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
  deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RecordHistoryTable {
  /** Insertion order; never read as a number. */
  seq: Generated<unknown>;
  record_id: string;
  form: string;
  revision: number;
  action: 'create' | 'update' | 'delete';
  actor_id: string;
  actor_username: string;
  actor_display_name: string;
  at: Timestamp;
  changes: Json<unknown[]>;
  data: Json<Record<string, unknown>>;
}

export interface AuditTable {
  /** Insertion order; never read as a number. */
  seq: Generated<unknown>;
  at: Timestamp;
  actor_id: string | null;
  actor_username: string;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  detail: Json<Record<string, unknown>>;
}

export interface IdempotencyTable {
  user_id: string;
  key: string;
  request_hash: string;
  response: ColumnType<unknown, string | null, string | null>;
  created_at: Timestamp;
}

export interface SerialsTable {
  form: string;
  field: string;
  prefix: string;
  value: number;
}

export interface WorkflowInstancesTable {
  id: string;
  workflow: string;
  workflow_version: number;
  form: string;
  record_id: string;
  status: WorkflowInstanceStatus;
  state_value: Json<WorkflowStateValue>;
  context: Json<Record<string, unknown>>;
  /** 1 at start, one more per committed step: writers compare it as records compare theirs. */
  revision: number;
  /** How many events the instance has appended; the next event's seq is last_seq + 1. */
  last_seq: number;
  initiator: string;
  initiator_id: Nullable<string>;
  parent_id: Nullable<string>;
  started_at: Timestamp;
  updated_at: Timestamp;
  ended_at: Nullable<Date>;
}

export interface WorkflowEventsTable {
  instance_id: string;
  seq: number;
  type: string;
  payload: Json<unknown>;
  actor_id: string | null;
  actor_username: string;
  actor_display_name: string;
  at: Timestamp;
  state_before: ColumnType<WorkflowStateValue | null, string | null, string | null>;
  state_after: Json<WorkflowStateValue>;
  record_revision: number | null;
}

export interface TasksTable {
  id: string;
  instance_id: string;
  workflow: string;
  form: string;
  record_id: string;
  node: string;
  round: number;
  slot: string;
  assignee: string;
  status: TaskStatus;
  title: Json<LocalizedText>;
  created_at: Timestamp;
  due_at: Nullable<Date>;
  acted_at: Nullable<Date>;
  acted_by: Nullable<string>;
  comment: Nullable<string>;
  draft: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface TimersTable {
  id: string;
  instance_id: string;
  kind: TimerKind;
  node: string;
  round: number;
  payload: Json<Record<string, unknown>>;
  due_at: Timestamp;
  attempts: Generated<number>;
  last_error: Nullable<string>;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: string;
  username: string;
  kind: NotificationKind;
  instance_id: Nullable<string>;
  form: Nullable<string>;
  record_id: Nullable<string>;
  message: Json<LocalizedText>;
  created_at: Timestamp;
  read_at: Nullable<Date>;
}

export interface OutboxTable {
  /** Insertion order (bigint): read it as text, never as a number. */
  seq: Generated<unknown>;
  instance_id: string;
  event: string;
  data: Json<unknown>;
  created_at: Timestamp;
  delivered_at: Nullable<Date>;
}

export interface PlanRunsTable {
  id: string;
  created_at: Timestamp;
  created_by: string;
  load_ms: number;
  plan_ms: number;
  summary: Json<Record<string, unknown>>;
  plan: Json<Record<string, unknown>>;
  labels: Json<Record<string, unknown>>;
}

export interface PlanFirmingsTable {
  run_id: string;
  planned_order: string;
  /** Where it stood in the firming request, so a run lists its firmed orders in the order they were asked for. */
  position: number;
  form: string;
  record_id: string;
  title: string;
  created_at: Timestamp;
  created_by: string;
}

export interface ScheduleRunsTable {
  id: string;
  kind: 'plan' | 'insert' | 'whatif' | 'move' | 'event';
  status: 'draft' | 'committed' | 'superseded';
  /** The committed run this one started from; a commit is refused once that is no longer the committed one. */
  base_run_id: Nullable<string>;
  created_at: Timestamp;
  created_by: string;
  load_ms: number;
  solve_ms: number;
  request: Json<Record<string, unknown>>;
  result: Json<Record<string, unknown>>;
  changes: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  comparison: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  labels: Json<Record<string, unknown>>;
}

export interface DatabaseSchema {
  ordo_definitions: DefinitionsTable;
  ordo_users: UsersTable;
  ordo_sessions: SessionsTable;
  ordo_records: RecordsTable;
  ordo_record_history: RecordHistoryTable;
  ordo_audit: AuditTable;
  ordo_idempotency: IdempotencyTable;
  ordo_serials: SerialsTable;
  ordo_workflow_instances: WorkflowInstancesTable;
  ordo_workflow_events: WorkflowEventsTable;
  ordo_tasks: TasksTable;
  ordo_timers: TimersTable;
  ordo_notifications: NotificationsTable;
  ordo_outbox: OutboxTable;
  ordo_plan_runs: PlanRunsTable;
  ordo_plan_firmings: PlanFirmingsTable;
  ordo_schedule_runs: ScheduleRunsTable;
  ordo_definition_drafts: DefinitionDraftsTable;
  ordo_attachments: AttachmentsTable;
}
