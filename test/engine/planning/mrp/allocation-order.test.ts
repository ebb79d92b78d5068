import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationOrder, type OrderRows } from '../../../../engine/planning/mrp/allocation-order.js';

interface Row {
  readonly parent: string | undefined;
  readonly line: number;
  readonly due: number;
  readonly priority: number;
  readonly rank: number;
}

const idOf = (row: Row) => (row.parent === undefined ? `SO-${row.line}` : `${row.parent}/${row.line}`);

function orderRows(rows: readonly Row[]): OrderRows {
  return {
    length: rows.length,
    due: rows.map((row) => row.due),
    priority: rows.map((row) => row.priority),
    rank: rows.map((row) => row.rank),
    parentSupply: (index) => rows[index]!.parent,
    id: (index) => idOf(rows[index]!),
  };
}

/** The definition: a full comparison sort on day, priority, rank and id. */
function byDefinition(a: Row, b: Row): number {
  const x = idOf(a);
  const y = idOf(b);
  return a.due - b.due || a.priority - b.priority || a.rank - b.rank || (x < y ? -1 : x > y ? 1 : 0);
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
        // Incoming demand is mostly in id order already: both cases must give the same order.
        if (presorted) rows.sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1));
        const expected = [...rows].sort(byDefinition).map(idOf);
        expect(Array.from(allocationOrder(orderRows(rows)), (index) => idOf(rows[index]!))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('id keys, known for some rows and NaN for others, give the same order as comparing the ids', () => {
    fc.assert(
      fc.property(records, fc.array(fc.boolean(), { maxLength: 60 }), (rows, known) => {
        const expected = [...rows].sort(byDefinition).map(idOf);
        // A key in id order (the rank of the id), where known; the others are compared as text.
        const rankOf = new Map([...rows.map(idOf)].sort().map((id, at) => [id, at]));
        const idKey = rows.map((row, index) => (known[index] === true ? rankOf.get(idOf(row))! : Number.NaN));
        const keyed = { ...orderRows(rows), idKey };
        expect(Array.from(allocationOrder(keyed), (index) => idOf(rows[index]!))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('takes the comparison sort for priorities outside the schema range, with the same order', () => {
    fc.assert(
      fc.property(records, fc.constantFrom(-5, 2.5, 5000), (rows, odd) => {
        const withOdd = rows.map((row, at) => (at % 3 === 0 ? { ...row, priority: odd } : row));
        const expected = [...withOdd].sort(byDefinition).map(idOf);
        expect(Array.from(allocationOrder(orderRows(withOdd)), (index) => idOf(withOdd[index]!))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  // Few demands over a year count class and day in turn; over decades their keys are sorted.
  it('demands spread over many days, in several classes, are in the same order however they are sorted', () => {
    const spread = (days: number) =>
      fc.uniqueArray(
        fc.record({
          parent: fc.option(fc.string({ unit: fc.constantFrom('P', '/', '-'), minLength: 1, maxLength: 3 }), { nil: undefined, freq: 8 }),
          line: fc.integer({ min: 1, max: 12 }),
          due: fc.integer({ min: 0, max: days }),
          priority: fc.constantFrom(10, 50, 100),
          rank: fc.integer({ min: 0, max: 2 }),
        }),
        { selector: idOf, maxLength: 60 },
      );
    fc.assert(
      fc.property(fc.oneof(spread(400), spread(40_000)), (rows) => {
        const expected = [...rows].sort(byDefinition).map(idOf);
        expect(Array.from(allocationOrder(orderRows(rows)), (index) => idOf(rows[index]!))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
