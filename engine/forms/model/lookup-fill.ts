import type { FormModel, LookupRecords } from './form-model.js';
import { copyData, fieldSlots } from './field-slots.js';
import { getOwn, isPlainObject } from './json-data.js';

export interface LookupRequest {
  readonly form: string;
  readonly ids: string[];
}

function pickedId(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The record ids the data picks through lookups, per form, each id once. */
export function lookupRequests(model: FormModel, data: unknown): LookupRequest[] {
  const byForm = new Map<string, Set<string>>();
  for (const slot of fieldSlots(model, copyData(model, data))) {
    const lookup = slot.node.lookup;
    const id = pickedId(getOwn(slot.holder, slot.node.name));
    if (lookup === undefined || id === undefined) continue;
    const ids = byForm.get(lookup.form) ?? new Set<string>();
    ids.add(id);
    byForm.set(lookup.form, ids);
  }
  return [...byForm].map(([form, ids]) => ({ form, ids: [...ids] }));
}

/**
 * Copies the `fill` fields of each picked record into the lookup's siblings (for a column, in the
 * same line). Returns the data pointers of lookups whose record is not in `records`.
 */
export function applyLookupFill(model: FormModel, data: Record<string, unknown>, records: LookupRecords): string[] {
  const missing: string[] = [];
  for (const slot of fieldSlots(model, data)) {
    const lookup = slot.node.lookup;
    const id = pickedId(getOwn(slot.holder, slot.node.name));
    if (lookup === undefined || id === undefined) continue;
    const record = getOwn(getOwn(records, lookup.form), id);
    if (!isPlainObject(record)) {
      missing.push(slot.pointer);
      continue;
    }
    for (const [target, source] of Object.entries(lookup.fill ?? {})) {
      const targetNode = model.byPath.get(target);
      if (targetNode === undefined) continue;
      const value = getOwn(record, source);
      if (value === undefined) delete slot.holder[targetNode.name];
      else slot.holder[targetNode.name] = value;
    }
  }
  return missing;
}
