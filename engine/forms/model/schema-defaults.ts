import { fieldSlots } from './field-slots.js';
import type { FormModel } from './form-model.js';
import { hasOwn, type JsonObject } from './json-data.js';

/**
 * On create, a field the client did not send starts at its schema `default` (a new sales order is a
 * draft even when the clerk, who may not write the status, never saw the field). Computed and serial
 * fields are the engine's and the store's to fill. Changes `data` in place.
 */
export function applySchemaDefaults(model: FormModel, data: JsonObject): void {
  for (const { node, holder } of fieldSlots(model, data)) {
    const fallback = node.schema['default'];
    if (fallback === undefined || node.formula !== undefined || node.serial !== undefined) continue;
    if (!hasOwn(holder, node.name)) holder[node.name] = structuredClone(fallback);
  }
}
