import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byAllocationOrder, sortForAllocation } from '../../../../engine/planning/mrp/item-demands.js';
import type { DemandRecord } from '../../../../engine/planning/mrp/item-records.js';

interface Row {
  readonly parent: string | undefined;
  readonly line: number;
  readonly due: number;
  readonly priority: number;
  readonly rank: number;
}

const idOf = (row: Row) => (row.parent === undefined ? `SO-${row.line}` : `${row.parent}/${row.line}`);

function demand(row: Row): DemandRecord {
  const dependent = row.parent !== undefined;
  return {
    id: idOf(row),
    kind: dependent ? 'dependent' : 'sales-order',
    qty: 1,
    due: row.due,
    dueText: '',
    priority: row.priority,
    rank: row.rank,
    salesOrder: undefined,
    parentSupply: row.parent,
    bomLine: dependent ? row.line : undefined,
    phantom: false,
    substitutes: [],
  };
}

// Few days, priorities and id characters: many ties, ids out of order inside them, parent supply ids
// that are prefixes of each other with characters before and after '/' ('-', '.', '0').
const records = fc.uniqueArray(
  fc.record({
    parent: fc.option(fc.string({ unit: fc.constantFrom('P', '/', '-', '.', '0'), minLength: 1, maxLength: 3 }), { nil: undefined, freq: 8 }),
    line: fc.integer({ min: 1, max: 12 }),
    due: fc.integer({ min: 0, max: 1 }),
    priority: fc.constantFrom(10, 100),
    rank: fc.integer({ min: 0, max: 1 }),
  }),
  { selector: idOf, maxLength: 60 },
);

describe('allocation order', () => {
  it('sorting by day, priority and rank and then ids within ties equals the full comparison sort', () => {
    fc.assert(
      fc.property(records, fc.boolean(), (rows, presorted) => {
        const input = rows.map(demand);
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
