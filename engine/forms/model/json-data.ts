/**
 * Reading untrusted JSON data safely: only own properties count, so a field named `constructor`
 * or `toString` never reads something from Object.prototype.
 */
export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

export function getOwn(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null) return undefined;
  return hasOwn(object, key) ? (object as JsonObject)[key] : undefined;
}

/**
 * A value a person has not filled in: absent, null or empty text. An empty list is a value (a
 * sub-table's `minItems` says how many lines it needs).
 */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Structural equality of JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(...segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${escapePointerSegment(String(segment))}`).join('');
}
