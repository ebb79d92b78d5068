import { canRead } from './permissions.js';
import type { FormModel } from './form-model.js';
import { getOwn, isPlainObject } from './json-data.js';

/**
 * The browser holds a record without the fields its user may not read, so a computed field whose
 * formula reads one of them (directly or through another computed field) would be recomputed from
 * a blank and show a wrong value. Such fields keep the value the server computed with every field.
 */
export function keepBlindComputed(model: FormModel, input: unknown, evaluated: Record<string, unknown>, roles: readonly string[]): Record<string, unknown> {
  const blind = new Set(model.fields.filter((node) => !canRead(model, node, roles)).map((node) => node.path));
  if (blind.size === 0 || !isPlainObject(input)) return evaluated;
  let kept: Record<string, unknown> | undefined;
  for (const node of model.computedOrder) {
    if (node.subTable !== undefined || node.formula === undefined) continue;
    if (!node.formula.references.some((reference) => blind.has(reference) || blind.has(reference.split('.')[0] ?? ''))) continue;
    blind.add(node.path);
    kept ??= { ...evaluated };
    const stored = getOwn(input, node.path);
    if (stored === undefined) delete kept[node.path];
    else kept[node.path] = stored;
  }
  return kept ?? evaluated;
}
