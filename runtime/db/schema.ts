import type { ColumnType, Generated } from 'kysely';

/** Timestamps go in as Date and come out as Date from both pg and PGlite. */
type Timestamp = ColumnType<Date, Date, Date>;
/** JSONB values are written as JSON text (pg would turn a JS array into a Postgres array) and read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export interface DefinitionsTable {
  kind: 'form' | 'app' | 'workflow';
  id: string;
  version: number;
  body: Json<unknown>;
  checksum: string;
  published_at: Timestamp;
  published_by: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  roles: Json<string[]>;
  locale: string;
  password_hash: string;
  created_at: Timestamp;
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

export interface DatabaseSchema {
  ordo_definitions: DefinitionsTable;
  ordo_users: UsersTable;
  ordo_sessions: SessionsTable;
  ordo_records: RecordsTable;
  ordo_record_history: RecordHistoryTable;
  ordo_audit: AuditTable;
  ordo_idempotency: IdempotencyTable;
  ordo_serials: SerialsTable;
}
