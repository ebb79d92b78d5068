import type { LookupRecords } from '../../../engine/forms/model/index.js';
import type { ApiClient, OrdoRecord } from '../api/index.js';
import type { I18n } from '../i18n/index.js';
import type { ComputedValues } from './computed-values.js';

export interface LiveFieldState {
  readonly visible: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
}

/** What Ordo's rjsf templates and widgets read from `formContext`. */
export interface OrdoFormContext {
  /** The form's id: attachment uploads are made for a field of this form. */
  readonly formId: string;
  /** Field states from the form model, by data pointer (`/customer`, `/lines/0/qty`). */
  readonly states: Readonly<Record<string, LiveFieldState>>;
  /** Field paths of the computed fields (`total`, `lines.amount`). */
  readonly computed: readonly string[];
  /** The latest values of the computed fields, which the `computed` field shows. */
  readonly computedValues: ComputedValues;
  readonly i18n: I18n;
  readonly api: ApiClient;
  /**
   * Records picked by lookups, as data (form -> id -> data): rjsf compares formContext deeply but
   * skips functions, so only data here makes the pickers re-render when a record arrives.
   */
  readonly lookups: LookupRecords;
  /** Remembers a record picked in a lookup so the model can copy its `fill` fields. */
  rememberLookup(form: string, record: OrdoRecord): void;
}

export function pointerOfPath(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The definition's field path for a data path: `['lines', 0, 'qty']` -> `lines.qty`. */
export function fieldPathOf(path: readonly (string | number)[]): string {
  return path.filter((segment) => typeof segment === 'string').join('.');
}

/** A column of a sub-table line: `['lines', 0, 'qty']`. */
export function isSubTableCell(path: readonly (string | number)[]): boolean {
  return path.length === 3 && typeof path[1] === 'number';
}

/** A line of a sub-table: `['lines', 0]`. */
export function isSubTableLine(path: readonly (string | number)[]): boolean {
  return path.length === 2 && typeof path[1] === 'number';
}
