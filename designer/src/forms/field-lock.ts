import { pointerSegments } from './error-schema.js';

/*
 * A task form shows the whole record but lets the assignee change only the task's editableFields.
 * Both halves are needed: the field states grey the locked fields out (FieldTemplate's disabled
 * fieldset), and `ui:readonly` makes rjsf render them, and a locked sub-table's lines, without
 * add and remove buttons.
 */

/** Field states with every field outside `editable` (by its top-level name) read-only. */
export function lockStates<S extends { readonly readOnly: boolean }>(states: Readonly<Record<string, S>>, editable: ReadonlySet<string>): Record<string, S> {
  const locked: Record<string, S> = {};
  for (const [pointer, state] of Object.entries(states)) {
    const [top] = pointerSegments(pointer);
    locked[pointer] = top !== undefined && !editable.has(top) && !state.readOnly ? { ...state, readOnly: true } : state;
  }
  return locked;
}

type UiNode = Readonly<Record<string, unknown>>;

/** The uiSchema with `ui:readonly` on every top-level field outside `editable`. */
export function lockUiSchema(uiSchema: UiNode, fields: readonly string[], editable: ReadonlySet<string>): Record<string, unknown> {
  const locked: Record<string, unknown> = { ...uiSchema };
  for (const field of fields) {
    if (editable.has(field)) continue;
    const own = Object.prototype.hasOwnProperty.call(uiSchema, field) ? uiSchema[field] : undefined;
    const value = { ...(typeof own === 'object' && own !== null ? own : {}), 'ui:readonly': true };
    // defineProperty keeps a field named `__proto__` an ordinary key instead of a prototype switch.
    Object.defineProperty(locked, field, { value, enumerable: true, writable: true, configurable: true });
  }
  return locked;
}
