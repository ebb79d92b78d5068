import type { FormDefinition, LocalizedText } from '../definitions/index.js';

/**
 * Where the words for a dimension's stored values come from. Rows keep the stored value (a choice's
 * key, a user name, a record id), so groups sort and drill by it; the run adds these words beside it.
 */
export type LabelSource =
  /** A choice field: the form's labels of its values. */
  | { readonly kind: 'options'; readonly options: Readonly<Record<string, LocalizedText>> }
  /** A lookup: the display field of the record it points at (read only by those who may read it). */
  | { readonly kind: 'lookup'; readonly form: string; readonly displayField: string }
  /** A member field or a workflow's user column: the user's display name. */
  | { readonly kind: 'member' }
  /** A department field: the app's title of the department. */
  | { readonly kind: 'department' };

type FieldSchema = { readonly 'x-ordo-field'?: unknown };

/** The label source of a form field at `path` (`customer`, `lines.item`), if its values have words. */
export function labelSourceOf(form: FormDefinition, path: string, property: FieldSchema): LabelSource | undefined {
  const options = form.options?.[path];
  if (options !== undefined) return Object.freeze({ kind: 'options', options });
  const lookup = form.lookups?.[path];
  // A display field inside a sub-table names no one value per record.
  if (lookup !== undefined && !lookup.displayField.includes('.')) return Object.freeze({ kind: 'lookup', form: lookup.form, displayField: lookup.displayField });
  if (property['x-ordo-field'] === 'member') return MEMBER;
  if (property['x-ordo-field'] === 'department') return DEPARTMENT;
  return undefined;
}

export const MEMBER: LabelSource = Object.freeze({ kind: 'member' });
const DEPARTMENT: LabelSource = Object.freeze({ kind: 'department' });
