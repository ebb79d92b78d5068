import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeChanges, type FieldChange } from '../../runtime/services/index.js';

/** Applies changes (JSON-pointer paths) to a copy of `before`. */
function applyChanges(before: Record<string, unknown>, changes: FieldChange[]): unknown {
  const root: unknown = structuredClone(before);
  for (const change of changes) {
    const tokens = change.path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    let target = root as Record<string, unknown>;
    tokens.slice(0, -1).forEach((token) => {
      target = target[token] as Record<string, unknown>;
    });
    const last = tokens[tokens.length - 1] as string;
    if (change.after === null) delete target[last];
    else target[last] = structuredClone(change.after);
  }
  return root;
}

/** Blank (null, missing) is one value, and trailing removed lines leave holes: compare without them. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(normalise);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, normalise(v)]),
    );
  }
  return value;
}

const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.constant(null));
const key = fc.constantFrom('a', 'b', 'qty', 'x/y', 't~1', '');
const line = fc.dictionary(key, scalar, { maxKeys: 3 });
const field = fc.oneof(scalar, fc.array(line, { minLength: 1, maxLength: 3 }), fc.array(scalar, { maxLength: 3 }));
const record = fc.dictionary(key, field, { maxKeys: 5 });

describe('field-level changes', () => {
  it('turn the old data into the new when applied', () => {
    fc.assert(
      fc.property(record, record, (before, after) => {
        const changes = computeChanges(before, after);
        expect(normalise(applyChanges(before, changes))).toEqual(normalise(after));
      }),
    );
  });

  it('are empty exactly when nothing changed', () => {
    fc.assert(
      fc.property(record, (data) => {
        expect(computeChanges(data, structuredClone(data))).toEqual([]);
      }),
    );
  });

  it('point into sub-table lines and escape keys', () => {
    const changes = computeChanges(
      { customer: 'KBZ', lines: [{ sku: 'P-1', qty: 2 }, { sku: 'P-2', qty: 1 }], 'a/b': 1 },
      { customer: 'KBZ', lines: [{ sku: 'P-1', qty: 3 }, { sku: 'P-2', qty: 1 }, { sku: 'P-3', qty: 5 }], 'a/b': 2 },
    );
    expect(changes).toEqual([
      { path: '/a~1b', before: 1, after: 2 },
      { path: '/lines/0/qty', before: 2, after: 3 },
      { path: '/lines/2', before: null, after: { sku: 'P-3', qty: 5 } },
    ]);
  });
});
