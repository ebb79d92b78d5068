import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NeedGroups } from '../../../../engine/planning/mrp/need-groups.js';
import { OpenWindows } from '../../../../engine/planning/mrp/open-windows.js';

// The netting reuses these between buckets in place of a Map made per bucket; the order they hand
// windows and groups out in decides the planned orders' order, so it must be the Map's.

const key = fc.constantFrom('', 'SO-1', 'SO-2', 'SO-3', 'SO-4');

describe('open period windows', () => {
  it('open, find and close windows in the order a Map keeps them', () => {
    const step = fc.oneof(
      fc.record({ type: fc.constant('open' as const), key, order: fc.nat(1000) }),
      fc.record({ type: fc.constant('close' as const), key }),
      fc.record({ type: fc.constant('close-at' as const), at: fc.nat(5) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const windows = new OpenWindows();
        const model = new Map<string, number>();
        for (const s of steps) {
          if (s.type === 'open') {
            if (model.has(s.key)) continue;
            windows.open(s.key, s.order);
            model.set(s.key, s.order);
          } else if (s.type === 'close') {
            if (!model.has(s.key)) continue;
            windows.close(s.key);
            model.delete(s.key);
          } else {
            if (s.at >= model.size) continue;
            windows.closeAt(s.at);
            model.delete([...model.keys()][s.at]!);
          }
          expect(Array.from({ length: windows.size }, (_, at) => windows.orderAt(at))).toEqual([...model.values()]);
          for (const k of ['', 'SO-1', 'SO-2', 'SO-3', 'SO-4']) expect(windows.orderOf(k)).toBe(model.get(k) ?? -1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('need groups per sales order', () => {
  it('group each bucket as a Map made for it would, bucket after bucket', () => {
    fc.assert(
      fc.property(fc.array(fc.array(key, { maxLength: 12 }), { maxLength: 8 }), (buckets) => {
        const groups = new NeedGroups();
        for (const keys of buckets) {
          const expected = new Map<string, number[]>();
          keys.forEach((k, need) => {
            groups.add(k, need);
            expected.set(k, [...(expected.get(k) ?? []), need]);
          });
          const actual = new Map<string, number[]>();
          for (let at = 0; at < groups.size; at++) actual.set(groups.key(at), groups.needs(at).slice(0, groups.count(at)));
          expect([...actual]).toEqual([...expected]);
          groups.clear();
          expect(groups.size).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
