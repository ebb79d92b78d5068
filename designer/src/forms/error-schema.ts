import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';

/** An error at a field, addressed by a pointer into the record's data (`/lines/0/qty`). */
export interface DataError {
  readonly pointer: string;
  readonly message: string;
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.replace(/^\//, '').split('/').map(unescapeSegment);
}

/** The server addresses fields inside the request body (`/data/lines/0/qty`); the form sees `/lines/0/qty`. */
export function serverPointerToDataPointer(pointer: string): string | undefined {
  if (pointer === '/data') return '';
  if (pointer.startsWith('/data/')) return pointer.slice('/data'.length);
  return undefined;
}

type MutableErrorNode = { __errors?: string[]; [key: string]: unknown };

/** rjsf's nested errorSchema (`{lines: {0: {qty: {__errors: [...]}}}}`) for errors addressed by data pointers. */
export function toErrorSchema(errors: readonly DataError[]): ErrorSchema {
  const root: MutableErrorNode = {};
  for (const error of errors) {
    let node = root;
    for (const segment of pointerSegments(error.pointer)) {
      const child = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
      // defineProperty keeps a segment named `__proto__` an ordinary key instead of a prototype switch.
      const next: MutableErrorNode = typeof child === 'object' && child !== null ? (child as MutableErrorNode) : {};
      if (next !== child) Object.defineProperty(node, segment, { value: next, enumerable: true, writable: true, configurable: true });
      node = next;
    }
    node.__errors = [...(node.__errors ?? []), error.message];
  }
  return root as ErrorSchema;
}

/** rjsf's flat error list (used by its error list and `onError`) for the same errors. */
export function toErrorList(errors: readonly DataError[]): RJSFValidationError[] {
  return errors.map((error) => {
    const property = pointerSegments(error.pointer).map((segment) => `.${segment}`).join('');
    return { name: 'ordo', property, message: error.message, stack: `${property || '.'} ${error.message}`.trim() };
  });
}

/** The value at a data pointer, reading own properties only. */
export function valueAtPointer(data: unknown, pointer: string): unknown {
  let node: unknown = data;
  for (const segment of pointerSegments(pointer)) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Server errors stay on screen until the person edits the field they are about. */
export function keepUnchangedErrors<E extends DataError>(errors: readonly E[], before: unknown, after: unknown): E[] {
  return errors.filter((error) => sameJson(valueAtPointer(before, error.pointer), valueAtPointer(after, error.pointer)));
}

/** The browser and the server often find the same error (a required field): the summary lists it once. */
export function uniqueErrors<E extends DataError>(errors: readonly E[]): E[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.pointer}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
