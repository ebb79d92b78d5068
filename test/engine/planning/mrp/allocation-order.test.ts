import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byAllocationOrder, sortForAllocation } from '../../../../engine/planning/mrp/item-demands.js';
import type { DemandRecord } from '../../../../engine/planning/mrp/item-records.js';

function demand(id: string, due: number, priority: number, rank: number): DemandRecord {
  return { id, kind: 'dependent', qty: 1, due, dueText: '', priority, rank, salesOrder: undefined, parentSupply: undefined, bomLine: undefined, phantom: false, substitutes: [] };
}

// Few days, priorities and id characters: many ties, ids out of order inside them, ids sharing prefixes.
const records = fc.uniqueArray(
  fc.record({ id: fc.string({ unit: fc.constantFrom('P', 'L', '/', '-', '1', '0'), minLength: 1, maxLength: 6 }), due: fc.integer({ min: 0, max: 3 }), priority: fc.constantFrom(10, 100), rank: fc.integer({ min: 0, max: 2 }) }),
  { selector: (row) => row.id, maxLength: 60 },
);

describe('allocation order', () => {
  it('sorting by day, priority and rank and then ids within ties equals the full comparison sort', () => {
    fc.assert(
      fc.property(records, fc.boolean(), (rows, presorted) => {
        const input = rows.map((row) => demand(row.id, row.due, row.priority, row.rank));
        // Incoming demand is mostly in id order already: both cases must give the same order.
        if (presorted) input.sort((a, b) => (a.id < b.id ? -1 : 1));
        const expected = [...input].sort(byAllocationOrder).map((record) => record.id);
        sortForAllocation(input);
        expect(input.map((record) => record.id)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
