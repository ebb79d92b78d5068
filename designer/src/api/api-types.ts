import type { AppDefinition, FormDefinition, WorkflowDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { FieldError } from '../../../engine/errors/index.js';

export interface SessionUser {
  readonly id?: string;
  readonly username: string;
  readonly displayName?: string;
  readonly roles: readonly string[];
}

export interface LoginResponse {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: SessionUser;
}

export interface DefinitionsResponse {
  readonly app: AppDefinition;
  readonly forms: readonly FormDefinition[];
  /** The workflows of the readable forms. */
  readonly workflows: readonly WorkflowDefinition[];
}

export interface OrdoRecord {
  readonly id: string;
  readonly form: string;
  readonly formVersion: number;
  readonly revision: number;
  readonly data: Record<string, unknown>;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly createdByName: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly updatedByName: string;
}

/** A user as member pickers list them (GET /api/users). */
export interface PickableUser {
  readonly username: string;
  readonly displayName: string;
  readonly departments: readonly string[];
}

/** One file of an attachment field's value, as the upload route answers it. */
export interface AttachmentValue {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/**
 * Lookup ids on the returned page mapped to the picked record's title, per lookup form; `@users` maps
 * member fields' user names to display names and `@departments` department ids to titles.
 */
export type DisplayMap = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface RecordList {
  readonly items: readonly OrdoRecord[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly display?: DisplayMap;
}

export type FilterOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains';

export interface RecordFilter {
  readonly field: string;
  readonly op: FilterOperator;
  readonly value: string;
}

export interface ListQuery {
  readonly q?: string;
  readonly filters?: readonly RecordFilter[];
  /** A field path, `-` in front for descending. */
  readonly sort?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** The server may name the actor by id only or with a display name. */
export type HistoryActor = string | { readonly id?: string; readonly username?: string; readonly displayName?: string };

export interface FieldChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface HistoryEntry {
  readonly revision: number;
  readonly action: string;
  readonly at: string;
  readonly actor: HistoryActor;
  readonly changes: readonly FieldChange[];
}

export interface HistoryResponse {
  readonly items: readonly HistoryEntry[];
}

export interface ValidateResponse {
  readonly data: Record<string, unknown>;
  readonly states: Record<string, unknown>;
  readonly errors: readonly FieldError[];
}
