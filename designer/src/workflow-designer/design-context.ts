import type { DepartmentDefinition, LocalizedText } from '../../../engine/definitions/generated/definition-types.js';

export interface NamedOption {
  readonly id: string;
  readonly title: LocalizedText;
}

/** A field of a form as the panels offer it: `type` as the formula checker names it, `kind` its picker (member, department). */
export interface FieldOption extends NamedOption {
  readonly type: string;
  readonly kind?: string | undefined;
}

/** One entry of GET /api/functions, as far as the designer reads it. */
export interface FunctionEntry {
  readonly name: string;
  readonly title: LocalizedText;
  readonly inputSchema: Readonly<Record<string, unknown>>;
  /** Absent in catalogues that do not say; the output mapping then offers what the definition already maps. */
  readonly outputSchema?: Readonly<Record<string, unknown>>;
}

/** What the properties panels offer to choose from: the app's roles, the form's fields, functions, workflows. */
export interface DesignContext {
  /** The workflow's form. */
  readonly form: string;
  readonly roles: readonly NamedOption[];
  /** The app's departments, for department assignees. */
  readonly departments: readonly DepartmentDefinition[];
  /** Top-level fields of the workflow's form, in the form's order. */
  readonly fields: readonly FieldOption[];
  /** Every form with its top-level fields, for actions that create or change another form's records. */
  readonly forms: readonly (NamedOption & { readonly fields: readonly FieldOption[] })[];
  readonly functions: readonly FunctionEntry[] | null;
  /** Other workflows a child-workflow node may start, with their form and its first field (a new node's first formula). */
  readonly workflows: readonly (NamedOption & { readonly form: string; readonly firstField: string | undefined })[];
}
