import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';

export interface NamedOption {
  readonly id: string;
  readonly title: LocalizedText;
}

/** One entry of GET /api/functions, as far as the designer reads it. */
export interface FunctionEntry {
  readonly name: string;
  readonly title: LocalizedText;
  readonly inputSchema: Readonly<Record<string, unknown>>;
}

/** What the properties panels offer to choose from: the app's roles, the form's fields, functions, workflows. */
export interface DesignContext {
  readonly roles: readonly NamedOption[];
  /** Top-level fields of the workflow's form, in the form's order. */
  readonly fields: readonly (NamedOption & { readonly type: string })[];
  readonly functions: readonly FunctionEntry[] | null;
  /** Other workflows a child-workflow node may start, with their form and its first field (a new node's first formula). */
  readonly workflows: readonly (NamedOption & { readonly form: string; readonly firstField: string | undefined })[];
}
