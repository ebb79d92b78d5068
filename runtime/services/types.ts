import type { AppDefinition, DashboardDefinition, FormDefinition, ReportDefinition, WorkflowDefinition } from '../../engine/definitions/index.js';
import type { FieldError, Locale } from '../../engine/errors/index.js';
import type { CompiledForm, FieldState } from '../../engine/forms/index.js';
import type { CompiledWorkflow } from '../../engine/workflows/index.js';
import type { PlanningService } from '../planning/types.js';
import type { ScheduleService } from '../scheduling/types.js';
import type { ReportService } from '../reports/report-types.js';
import type { WorkflowService } from '../workflows/types.js';
import type { FilterOp, PickableUser } from '../stores/index.js';
import type { AttachmentService } from '../attachments/index.js';

/** The signed-in user a service call acts for. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  locale: Locale;
}

export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  locale: Locale;
}

export interface RecordDto {
  id: string;
  form: string;
  formVersion: number;
  revision: number;
  data: Record<string, unknown>;
  createdAt: string;
  /** User name of who created the record; `createdByName` is that user's display name. */
  createdBy: string;
  createdByName: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

/** One field-level change; `path` is a JSON pointer into the record's data (`/lines/0/qty`). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  revision: number;
  action: 'create' | 'update' | 'delete';
  at: string;
  actor: { id: string; username: string; displayName: string };
  changes: FieldChange[];
}

export interface RecordFilter {
  field: string;
  op: FilterOp;
  value: string;
}

export interface RecordListQuery {
  filters: RecordFilter[];
  q?: string;
  sort?: string;
  limit: number;
  offset: number;
}

export interface RecordPage {
  items: RecordDto[];
  total: number;
  limit: number;
  offset: number;
  /** Lookup target form -> record id -> the text that names that record. */
  display: Record<string, Record<string, string>>;
}

export interface ValidationResult {
  data: Record<string, unknown>;
  states: Record<string, FieldState>;
  errors: FieldError[];
}

export interface DefinitionBundle {
  app?: AppDefinition;
  forms: FormDefinition[];
  workflows?: WorkflowDefinition[];
  reports?: ReportDefinition[];
  dashboards?: DashboardDefinition[];
}

export interface AuthService {
  login(username: string, password: string): Promise<{ token: string; expiresAt: string; user: PublicUser }>;
  authenticate(token: string): Promise<Actor>;
  logout(token: string): Promise<void>;
  /** `manager` is the username of the user's manager (for the managerOf assignee rule); it need not exist yet. */
  addUser(input: { username: string; displayName?: string; roles: string[]; password: string; locale?: Locale; manager?: string; departments?: string[] }): Promise<PublicUser>;
  /** Every user with display name and departments, for member pickers and the names they show. */
  pickableUsers(): Promise<PickableUser[]>;
}

export interface DefinitionService {
  app(): AppDefinition | undefined;
  forms(actor: Actor): FormDefinition[];
  form(id: string, version?: number): CompiledForm;
  /** The latest version, or the one an instance is pinned to. */
  workflow(id: string, version?: number): CompiledWorkflow;
  /** Latest workflow definitions the actor may see (those of forms they may read). */
  workflows(actor: Actor): WorkflowDefinition[];
  /** Latest published report / dashboard definitions, unfiltered: runtime/reports applies who may run them. */
  report(id: string): ReportDefinition | undefined;
  reports(): ReportDefinition[];
  dashboard(id: string): DashboardDefinition | undefined;
  dashboards(): DashboardDefinition[];
  publish(defs: DefinitionBundle, actor: Actor | 'system'): Promise<{ published: string[]; unchanged: string[] }>;
  exportAll(): Promise<DefinitionBundle>;
}

export interface ListOptions {
  /** A larger page than the API allows (MAX_PAGE_SIZE), for server-side readers such as exports. */
  maxLimit?: number;
}

export interface RecordService {
  list(actor: Actor, form: string, query: RecordListQuery, options?: ListOptions): Promise<RecordPage>;
  get(actor: Actor, form: string, id: string): Promise<RecordDto>;
  create(actor: Actor, form: string, data: unknown, options?: { idempotencyKey?: string }): Promise<{ record: RecordDto; replayed: boolean }>;
  update(actor: Actor, form: string, id: string, revision: number, patch: unknown): Promise<RecordDto>;
  remove(actor: Actor, form: string, id: string, revision: number): Promise<void>;
  history(actor: Actor, form: string, id: string): Promise<{ items: HistoryEntry[] }>;
  validate(actor: Actor, form: string, data: unknown, id?: string): Promise<ValidationResult>;
}

export interface Services {
  auth: AuthService;
  definitions: DefinitionService;
  records: RecordService;
  workflows: WorkflowService;
  planning: PlanningService;
  scheduling: ScheduleService;
  reports: ReportService;
  attachments: AttachmentService;
}

export interface ServicesOptions {
  now?: () => Date;
  /** Idle minutes before a session expires (default 480); every authenticated request restarts the clock. */
  sessionTtlMinutes?: number;
  /** Hard limit on a session's life in minutes, however active (default 1440). */
  sessionMaxMinutes?: number;
}
