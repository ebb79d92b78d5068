import { jsonEqual } from '../../../engine/forms/model/json-data.js';

/**
 * The top-level fields whose value differs and that the person may write: PATCH merges at the top
 * level, so only these are sent. A field the person cannot write may still differ, because rjsf
 * fills in schema defaults; sending it would be refused as forbidden. A field that was emptied is
 * sent as null.
 */
export function changedTopLevel(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  mayWrite: (field: string) => boolean = () => true,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (!mayWrite(key)) continue;
    const next = Object.prototype.hasOwnProperty.call(after, key) ? (after[key] ?? null) : null;
    const previous = Object.prototype.hasOwnProperty.call(before, key) ? (before[key] ?? null) : null;
    if (!jsonEqual(next, previous)) changed[key] = next;
  }
  return changed;
}
