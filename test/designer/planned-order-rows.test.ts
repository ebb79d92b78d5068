import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexPlan } from '../../designer/src/planning/plan-index.js';
import {
  filterPlannedOrders,
  nextPlannedOrderSort,
  NO_FILTER,
  PLANNED_ORDER_SORT_KEYS,
  plannedOrderRows,
  sortPlannedOrders,
  type PlannedOrderFilter,
} from '../../designer/src/planning/planned-order-rows.js';
import { LABELS, PLAN } from './planning-fixture.js';

const FIRMED = [{ plannedOrder: 'PL/CASTING/2026-04-06/1', form: 'purchase-requisition' as const, recordId: 'r-pr-1', title: 'PR-0001' }];
const ROWS = plannedOrderRows(indexPlan(PLAN), LABELS, FIRMED);
const ids = (filter: Partial<PlannedOrderFilter>) => filterPlannedOrders(ROWS, { ...NO_FILTER, ...filter }).map((row) => row.order.id);

describe('planned order rows', () => {
  it('name the item, the sales orders served up the BOM, shortages below and the firmed record', () => {
    expect(ROWS.map((row) => [row.order.id, row.itemName, row.salesOrders, row.short, row.firmed?.title])).toEqual([
      ['PL/PUMP/2026-04-17/1', 'Pump KBZ', ['SO-1', 'SO-2'], true, undefined],
      ['PL/CASING/2026-04-10/1', 'Casing', ['SO-1', 'SO-2'], false, undefined],
      ['PL/CASTING/2026-04-06/1', 'Casting HT250', ['SO-1', 'SO-2'], false, 'PR-0001'],
    ]);
  });

  it('filter by text (id, item code or name, any case), make/buy, sales order, due range and shortage', () => {
    expect(ids({})).toEqual(['PL/PUMP/2026-04-17/1', 'PL/CASING/2026-04-10/1', 'PL/CASTING/2026-04-06/1']);
    expect(ids({ text: 'cast' })).toEqual(['PL/CASTING/2026-04-06/1']);
    expect(ids({ text: '  PUMP kbz ' })).toEqual(['PL/PUMP/2026-04-17/1']);
    expect(ids({ text: 'ht250' })).toEqual(['PL/CASTING/2026-04-06/1']);
    expect(ids({ kind: 'make' })).toEqual(['PL/PUMP/2026-04-17/1', 'PL/CASING/2026-04-10/1']);
    expect(ids({ kind: 'buy' })).toEqual(['PL/CASTING/2026-04-06/1']);
    expect(ids({ salesOrder: 'SO-2' })).toHaveLength(3);
    expect(ids({ salesOrder: 'SO-3' })).toEqual([]);
    expect(ids({ dueFrom: '2026-04-10' })).toEqual(['PL/PUMP/2026-04-17/1', 'PL/CASING/2026-04-10/1']);
    expect(ids({ dueTo: '2026-04-10' })).toEqual(['PL/CASING/2026-04-10/1', 'PL/CASTING/2026-04-06/1']);
    expect(ids({ dueFrom: '2026-04-07', dueTo: '2026-04-16' })).toEqual(['PL/CASING/2026-04-10/1']);
    expect(ids({ onlyShortages: true })).toEqual(['PL/PUMP/2026-04-17/1']);
    expect(ids({ onlyShortages: true, kind: 'buy' })).toEqual([]);
  });

  it('sort by any column both ways, ties by id; a second click turns the order round', () => {
    expect(sortPlannedOrders(ROWS, { key: 'due', descending: false }).map((row) => row.order.id)).toEqual(['PL/CASTING/2026-04-06/1', 'PL/CASING/2026-04-10/1', 'PL/PUMP/2026-04-17/1']);
    expect(sortPlannedOrders(ROWS, { key: 'qty', descending: true }).map((row) => row.order.qty)).toEqual([22, 11, 11]);
    expect(sortPlannedOrders(ROWS, { key: 'qty', descending: true }).map((row) => row.order.id)).toEqual(['PL/CASTING/2026-04-06/1', 'PL/CASING/2026-04-10/1', 'PL/PUMP/2026-04-17/1']);
    expect(sortPlannedOrders(ROWS, { key: 'item', descending: false }).map((row) => row.itemName)).toEqual(['Casing', 'Casting HT250', 'Pump KBZ']);
    expect(nextPlannedOrderSort({ key: 'due', descending: false }, 'due')).toEqual({ key: 'due', descending: true });
    expect(nextPlannedOrderSort({ key: 'due', descending: true }, 'qty')).toEqual({ key: 'qty', descending: false });
  });

  it('filtering keeps only matching rows, and sorting only reorders them', () => {
    const filter = fc.record({
      text: fc.constantFrom('', 'pl', 'casing', 'x'),
      kind: fc.constantFrom('all' as const, 'make' as const, 'buy' as const),
      salesOrder: fc.constantFrom('', 'SO-1', 'SO-2', 'SO-9'),
      dueFrom: fc.constantFrom('', '2026-04-06', '2026-04-11'),
      dueTo: fc.constantFrom('', '2026-04-10', '2026-04-30'),
      onlyShortages: fc.boolean(),
    });
    fc.assert(
      fc.property(filter, fc.constantFrom(...PLANNED_ORDER_SORT_KEYS), fc.boolean(), (value, key, descending) => {
        const shown = filterPlannedOrders(ROWS, value);
        for (const row of shown) {
          if (value.kind !== 'all') expect(row.order.kind).toBe(value.kind);
          if (value.dueFrom) expect(row.order.due >= value.dueFrom).toBe(true);
          if (value.onlyShortages) expect(row.short).toBe(true);
        }
        expect(filterPlannedOrders(shown, value)).toEqual(shown);
        const sorted = sortPlannedOrders(shown, { key, descending });
        expect([...sorted].map((row) => row.order.id).sort()).toEqual(shown.map((row) => row.order.id).sort());
      }),
      { numRuns: 100 },
    );
  });
});
