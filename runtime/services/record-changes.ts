import { isPlainObject } from './plain-object.js';
import type { FieldChange } from './types.js';

/**
 * Field-level differences between two versions of a record's data. Objects and sub-table lines
 * (arrays of objects) are compared member by member, so a changed quantity on one line is one change
 * at `/lines/2/qty`; other values (text, numbers, lists of scalars) are compared whole. A missing
 * value and null are the same: both read as blank.
 */
export function computeChanges(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before, after, '', changes);
  return changes;
}

function walk(before: unknown, after: unknown, pointer: string, changes: FieldChange[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) walk(before[key], after[key], `${pointer}/${escapeToken(key)}`, changes);
    return;
  }
  if (isLines(before) && isLines(after)) {
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index += 1) walk(before[index], after[index], `${pointer}/${index}`, changes);
    return;
  }
  const b = before ?? null;
  const a = after ?? null;
  if (!sameValue(b, a)) changes.push({ path: pointer, before: b, after: a });
}

function isLines(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every(isPlainObject);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key] ?? null, b[key] ?? null));
  }
  return false;
}

/** RFC 6901: `~` and `/` inside a key. */
export function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
