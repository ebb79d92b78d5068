import { runFormula, storedValue } from './compute-fields.js';
import { fieldSlots } from './field-slots.js';
import type { FormContext, FormModel } from './form-model.js';
import { hasOwn, type JsonObject } from './json-data.js';

/**
 * On create, a field the client did not send starts at its default: the `defaults` formula (the
 * order date is `TODAY()`) or the schema's `default` (a new sales order is a draft even when the
 * clerk, who may not write the status, never saw the field). Computed and serial fields are the
 * engine's and the store's to fill. Changes `data` in place; a formula that fails leaves the field
 * absent, as if it had no default.
 */
export function applyDefaults(model: FormModel, data: JsonObject, context: Pick<FormContext, 'now'>): void {
  for (const { node, holder } of fieldSlots(model, data)) {
    if (hasOwn(holder, node.name) || node.formula !== undefined || node.serial !== undefined) continue;
    if (node.defaultFormula !== undefined) {
      const outcome = runFormula(node.defaultFormula, holder === data ? { fields: data } : { fields: data, row: holder }, context.now);
      const value = outcome.ok ? storedValue(node, outcome.value) : undefined;
      if (value !== undefined) holder[node.name] = value;
      continue;
    }
    const fallback = node.schema['default'];
    if (fallback !== undefined) holder[node.name] = structuredClone(fallback);
  }
}
