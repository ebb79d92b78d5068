import type { ErrorCode, Locale } from '../errors/index.js';

/** The types a field or a formula result can have; `any` accepts every scalar. */
export type ScalarType = 'number' | 'text' | 'boolean' | 'date' | 'datetime' | 'any';

/** A field of a form as the type checker sees it: a scalar, or a sub-table with its columns. */
export type FieldType = { readonly type: ScalarType } | { readonly type: 'table'; readonly columns: FieldScope };

/** The fields a formula may name, built from a form's JSON Schema by the forms engine. */
export type FieldScope = Readonly<Record<string, FieldType>>;

/**
 * What a formula produces. Blank is `null`; dates are ISO strings (`2026-11-24`,
 * `2026-11-24T08:30:00Z`); a sub-table column (`lines.qty`) is a list.
 */
export type Value = null | boolean | number | string | readonly Value[];

/**
 * The data a formula reads: the record's fields and, in a sub-table column's formula, the current
 * line (`row`), whose fields are looked up before the header's. Only own data properties of plain
 * objects are read; functions and class instances read as blank.
 */
export interface EvaluationContext {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly row?: Readonly<Record<string, unknown>>;
}

export interface EvaluateOptions {
  /** The instant TODAY() and NOW() see; defaults to the current time. Dates are computed in UTC. */
  readonly now?: Date;
  /** Step budget of one evaluation; exceeding it throws ORDO_ERR_EXPRESSION_BUDGET. */
  readonly maxSteps?: number;
}

export interface CompiledExpression {
  readonly source: string;
  /** Field paths the formula reads, in order of first use, e.g. `['lines.qty', 'discount']`. */
  readonly references: readonly string[];
  evaluate(context: EvaluationContext, options?: EvaluateOptions): Value;
}

/** One problem found by the parser or the type checker; line and column are 1-based. */
export interface ExpressionDiagnostic {
  readonly code: Extract<ErrorCode, 'ORDO_ERR_EXPRESSION_SYNTAX' | 'ORDO_ERR_EXPRESSION_TYPE'>;
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly column: number;
}

/** What analyzeExpression finds: the problems, and the result's type when there are none. */
export interface ExpressionAnalysis {
  readonly diagnostics: readonly ExpressionDiagnostic[];
  readonly resultType: ScalarType | 'list' | null;
}

export interface CheckOptions {
  /** The type the result must have, e.g. `boolean` for visibility and requiredness rules. */
  readonly expect?: ScalarType;
}

/**
 * A parameter's accepted type. The plural forms also take a sub-table column (a list):
 * `numbers`, `booleans`, `dates` and `values` (any scalar or list).
 */
export type ParamType = ScalarType | 'numbers' | 'booleans' | 'dates' | 'values';

export interface FunctionParam {
  readonly name: string;
  readonly type: ParamType;
  readonly optional?: boolean;
  /** Repeated parameters form a group at the end that may occur once or more (SUM, IFS). */
  readonly repeated?: boolean;
}

export type FunctionFamily = 'logic' | 'math' | 'aggregate' | 'text' | 'date';

export interface FunctionExample {
  readonly source: string;
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly result: Value;
}

/** The documentation and type signature of one whitelisted function. */
export interface FunctionDoc {
  readonly name: string;
  readonly family: FunctionFamily;
  readonly signature: string;
  readonly params: readonly FunctionParam[];
  /** `branch`: the common type of the arguments given to its `any` parameters (IF, IFS, IFERROR). */
  readonly returns: ScalarType | 'branch';
  readonly help: Readonly<Record<Locale, string>>;
  /** Evaluated with `now` = 2026-11-24T08:30:00Z; a test checks every example. */
  readonly example: FunctionExample;
}
