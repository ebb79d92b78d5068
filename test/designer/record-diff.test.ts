import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedTopLevel } from '../../designer/src/forms/record-diff.js';

describe('record diff for PATCH', () => {
  it('sends changed and emptied top-level fields only', () => {
    expect(changedTopLevel({ a: 1, b: [{ x: 1, y: 2 }], c: 'k' }, { a: 1, b: [{ y: 2, x: 1 }], d: true })).toEqual({ c: null, d: true });
  });

  it('is empty exactly when nothing changed', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })), (data) => {
        const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
        expect(changedTopLevel(data, copy)).toEqual({});
      }),
    );
  });
});

describe('record diff leaves out what the person may not write', () => {
  it('skips fields the predicate refuses even when rjsf filled in a default', () => {
    const before = { qty: 1 };
    const after = { qty: 2, status: 'draft' };
    expect(changedTopLevel(before, after, (field) => field !== 'status')).toEqual({ qty: 2 });
    expect(changedTopLevel(before, after)).toEqual({ qty: 2, status: 'draft' });
  });
});
