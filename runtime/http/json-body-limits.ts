import { OrdoError } from '../../engine/errors/index.js';

/** Deeper than any form needs (data / sub-table / line / column / list is five), shallow enough for every recursive step after us. */
export const MAX_JSON_DEPTH = 32;

/*
 * What JSON.parse accepts but the rest of the server cannot handle: nesting deep enough to overflow
 * a recursive walk (canonical JSON, change lists, ajv), and text PostgreSQL refuses to store (NUL
 * and lone UTF-16 surrogates, both rejected by jsonb). Found here, such a body is the caller's
 * mistake (400) rather than a crash deep inside a transaction (500).
 */
export function checkJsonBody(body: unknown): void {
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value: body, pointer: '/body', depth: 0 }];
  while (stack.length > 0) {
    const { value, pointer, depth } = stack.pop() as { value: unknown; pointer: string; depth: number };
    if (typeof value === 'string') {
      if (!isStorableText(value)) throw unstorable(pointer);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${pointer}: nested deeper than ${MAX_JSON_DEPTH} levels`, {
        fields: [{ pointer, code: 'maxDepth', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }],
      });
    }
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
    for (const [key, child] of entries) {
      const token = String(key);
      const childPointer = `${pointer}/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (!isStorableText(token)) throw unstorable(childPointer);
      stack.push({ value: child, pointer: childPointer, depth: depth + 1 });
    }
  }
}

// NUL, a high surrogate without its low half, or a low surrogate without its high half.
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isStorableText(text: string): boolean {
  return !UNSTORABLE_TEXT.test(text);
}

function unstorable(pointer: string): OrdoError {
  const message = 'contains a NUL character or broken Unicode';
  return new OrdoError('ORDO_ERR_REQUEST_INVALID', `${pointer}: ${message}`, { fields: [{ pointer, code: 'text', message }] });
}
