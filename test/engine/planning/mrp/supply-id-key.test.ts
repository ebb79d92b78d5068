import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sequenceKey } from '../../../../engine/planning/mrp/supply-id-key.js';

const textOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('supply id keys', () => {
  it('order numbers as their text does ("10" before "2"), up to six digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999 }), (a, b) => {
        expect(Math.sign(sequenceKey(a) - sequenceKey(b))).toBe(textOrder(`${a}/`, `${b}/`));
      }),
      { numRuns: 2000 },
    );
  });

  it('are NaN where a number has more digits, so the ids are compared as text', () => {
    expect(sequenceKey(1_000_000)).toBeNaN();
    expect(sequenceKey(1.5)).toBeNaN();
  });
});
