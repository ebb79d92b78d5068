import type { Locale } from '../../engine/errors/index.js';
import type { AppDefinition, FormDefinition } from '../../engine/definitions/generated/definition-types.js';

/*
 * The slice of runtime/services that the HTTP layer calls, as agreed in the task brief. It stands in
 * for the real module until runtime/services/index.ts exists; the plugins import these names only
 * from here so the switch is one file.
 */

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

export interface RecordView {
  id: string;
  form: string;
  formVersion: number;
  revision: number;
  data: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export type FilterOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains';

export interface RecordFilter {
  field: string;
  op: FilterOp;
  value: string;
}

export interface RecordQuery {
  filters: RecordFilter[];
  q?: string;
  sort?: string;
  limit: number;
  offset: number;
}

export interface RecordPage {
  items: RecordView[];
  total: number;
  limit: number;
  offset: number;
  display: Record<string, Record<string, string>>;
}

export interface HistoryEntry {
  revision: number;
  action: 'create' | 'update' | 'delete';
  at: string;
  actor: { id: string; username: string; displayName: string };
  changes: { path: string; before: unknown; after: unknown }[];
}

export interface ValidationResult {
  data: Record<string, unknown>;
  states: Record<string, unknown>;
  errors: unknown[];
}

export interface CompiledFormView {
  readonly definition: FormDefinition;
}

export interface Services {
  auth: {
    login(username: string, password: string): Promise<{ token: string; expiresAt: string; user: PublicUser }>;
    authenticate(token: string): Promise<Actor>;
    logout(token: string): Promise<void>;
  };
  definitions: {
    app(): AppDefinition | undefined;
    forms(actor: Actor): FormDefinition[];
    form(id: string, version?: number): CompiledFormView;
    exportAll(): Promise<{ app?: AppDefinition; forms: FormDefinition[] }>;
  };
  records: {
    list(actor: Actor, form: string, query: RecordQuery): Promise<RecordPage>;
    get(actor: Actor, form: string, id: string): Promise<RecordView>;
    create(
      actor: Actor,
      form: string,
      data: Record<string, unknown>,
      options: { idempotencyKey?: string },
    ): Promise<{ record: RecordView; replayed: boolean }>;
    update(actor: Actor, form: string, id: string, revision: number, patch: Record<string, unknown>): Promise<RecordView>;
    remove(actor: Actor, form: string, id: string, revision: number): Promise<void>;
    history(actor: Actor, form: string, id: string): Promise<{ items: HistoryEntry[] }>;
    validate(actor: Actor, form: string, data: Record<string, unknown>, id?: string): Promise<ValidationResult>;
  };
}
