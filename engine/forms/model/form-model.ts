import type { Locale } from '../../errors/index.js';
import type {
  FieldPermission,
  FormDefinition,
  LocalizedText,
  Lookup,
  OrdoFieldKind,
  Serial,
} from '../../definitions/generated/definition-types.js';
import type { CompiledExpression, ScalarType } from '../../expressions/index.js';

/**
 * The form model: an immutable intermediate representation built once from a definition. The live
 * evaluator, the ajv validator and the rjsf renderer are separate modules that read it; none of
 * them looks at the raw definition for field facts again.
 */

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** How formulas see a field: a scalar type, or `table` for a sub-table (an array of objects). */
export type FieldTypeName = ScalarType | 'table';

/** What callers outside the engine learn about one field. */
export interface FieldInfo {
  /** `customer`, or `lines.qty` for a column of the sub-table `lines`. */
  readonly path: string;
  /** The property name: `qty` for `lines.qty`. */
  readonly name: string;
  /** The sub-table this column belongs to (`lines`), absent for a top-level field. */
  readonly subTable?: string;
  readonly type: FieldTypeName;
  readonly jsonType?: JsonType;
  readonly format?: string;
  /** `member`, `department` or `attachments` (the schema's `x-ordo-field`). */
  readonly kind?: OrdoFieldKind;
  readonly label: LocalizedText;
  readonly help?: LocalizedText;
  /** The formula of a computed field. */
  readonly computed?: string;
  readonly lookup?: Lookup;
  /** Display labels of a choice field's values (single: `enum`; multiple: `items.enum`). */
  readonly options?: Readonly<Record<string, LocalizedText>>;
  readonly permission?: FieldPermission;
  readonly serial?: Serial;
  /** Required by the data schema, before rules. */
  readonly schemaRequired: boolean;
  /** Column paths of a sub-table, in schema order. */
  readonly columns?: readonly string[];
}

export interface FieldRules {
  /** All must hold for the field to be visible. */
  readonly visible: readonly CompiledExpression[];
  /** Any makes the field required. */
  readonly required: readonly CompiledExpression[];
  /** Any makes the field read-only. */
  readonly readOnly: readonly CompiledExpression[];
  readonly keepValueWhenHidden: boolean;
}

export interface FieldNode extends FieldInfo {
  /** The field's JSON Schema as written in the definition. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly formula?: CompiledExpression;
  /** The `defaults` formula that gives the field its value when a record is created without it. */
  readonly defaultFormula?: CompiledExpression;
  readonly rules: FieldRules;
  /** Per-keyword message overrides from `definition.messages`. */
  readonly messages: Readonly<Record<string, LocalizedText>>;
  /** The lookup field whose `fill` writes this field. */
  readonly filledBy?: string;
}

export interface FormModel {
  readonly definition: FormDefinition;
  /** Every field: each top-level field, a sub-table directly followed by its columns. */
  readonly fields: readonly FieldNode[];
  readonly byPath: ReadonlyMap<string, FieldNode>;
  /** Computed fields in evaluation order (each after every computed field it reads). */
  readonly computedOrder: readonly FieldNode[];
  readonly lookupFields: readonly FieldNode[];
}

export interface FormContext {
  readonly roles: readonly string[];
  readonly locale: Locale;
  /** The clock formulas see (TODAY(), NOW()); the real time when absent. */
  readonly now?: Date;
}

/** Records of other forms picked by lookups: form id -> record id -> that record's data. */
export type LookupRecords = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;

export interface FieldState {
  readonly visible: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
}

/** Field states keyed by data pointer: `/customer`, `/lines/0/qty`. */
export type FieldStates = Record<string, FieldState>;

export interface DataFieldError {
  /** `/data/<pointer of the field>`, e.g. `/data/lines/1/qty`. */
  readonly pointer: string;
  /** An ajv keyword, or `forbidden`, `readOnly`, `lookup`, `formula`. */
  readonly code: string;
  readonly message: string;
}

export interface EvaluationResult {
  readonly data: Record<string, unknown>;
  readonly states: FieldStates;
}

export interface CheckResult extends EvaluationResult {
  readonly errors: readonly DataFieldError[];
}

export interface CheckInput {
  readonly data: unknown;
  /** The stored data when updating a record; absent when creating one. */
  readonly previous?: Readonly<Record<string, unknown>>;
}

