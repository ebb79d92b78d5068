import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MrpScenario } from '../../engine/planning/index.js';
import { PLANNING_SCHEMAS, scenarioFromRecords, schemaProblems, type PlanningRecords } from '../../runtime/planning/index.js';

const TODAY = '2026-11-24';

const recordsWith = (records: Partial<PlanningRecords>): PlanningRecords => ({
  items: [],
  boms: [],
  routings: [],
  workCenters: [],
  stockLots: [],
  purchaseOrders: [],
  requisitions: [],
  productionOrders: [],
  salesOrders: [],
  ...records,
});

describe('the scenario assembled from records', () => {
  const options = { today: TODAY, horizonDays: 365, calendar: { workdays: [1, 2, 3, 4, 5] as [number, number, number, number, number] } };

  it('lists a cancelled order only while stock or supply is reserved to it', () => {
    const order = { id: 'so-x', data: { orderNo: 'SO-X', status: 'cancelled', requestedDate: '2026-12-01', lines: [{ lineNo: 1, item: 'i', qty: 2 }] } };
    expect(scenarioFromRecords(recordsWith({ salesOrders: [order] }), options).scenario.demands).toEqual([]);
    const reserved = scenarioFromRecords(
      recordsWith({ salesOrders: [order], stockLots: [{ id: 'lot', data: { item: 'i', qty: 1, salesOrder: 'so-x' } }] }),
      options,
    );
    expect(reserved.scenario.demands).toMatchObject([{ id: 'SO-X/1', status: 'cancelled' }]);
    expect(reserved.scenario.stock).toEqual([{ item: 'i', qty: 1, salesOrder: 'SO-X' }]);
  });

  it('gives a valid scenario for any record data the forms could hold, or worse', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -5, max: 500 }),
      fc.double({ min: -1, max: 1e4, noNaN: true }),
      fc.constantFrom(1e7, 1e13, 0.5),
      fc.constantFrom('', 'x', '2026-12-01', '2026-02-30', 'released', 'buy', 'make', 'cancelled', 'confirmed'),
    );
    const data = (keys: readonly string[]) => fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    const lines = (keys: readonly string[]) => fc.array(data(keys), { maxLength: 3 });
    const record = (head: readonly string[], lineKeys?: readonly string[]) =>
      fc.record({
        id: fc.constantFrom('a', 'b', 'c'),
        data: lineKeys === undefined ? data(head) : fc.tuple(data(head), lines(lineKeys)).map(([d, l]) => ({ ...d, lines: l, operations: l })),
      });
    const many = (arbitrary: fc.Arbitrary<{ id: string; data: Record<string, unknown> }>) => fc.array(arbitrary, { maxLength: 3 });
    const itemKeys = [
      'code',
      'name',
      'makeBuy',
      'mto',
      'leadTimeDays',
      'leadTimePerUnitDays',
      'lotSizing',
      'lotQty',
      'lotMin',
      'lotMax',
      'lotMultiple',
      'lotPeriods',
      'safetyStock',
      'scrapPct',
      'yieldPct',
    ];
    const arbitraryRecords = fc.record({
      items: many(record(itemKeys)),
      boms: many(
        record(
          ['item', 'version', 'effectiveFrom', 'effectiveTo'],
          ['lineNo', 'component', 'qtyPer', 'scrapPct', 'phantom', 'substituteFor', 'substitutePriority', 'substituteRatio'],
        ),
      ),
      routings: many(record(['item', 'version'], ['opNo', 'workCenter', 'setupMinutes', 'runMinutes', 'outsourced', 'leadDays'])),
      workCenters: many(record(['name', 'dailyCapacityHours', 'active'])),
      stockLots: many(record(['item', 'qty', 'lot', 'location', 'salesOrder'])),
      purchaseOrders: many(record(['poNo', 'status', 'salesOrder'], ['lineNo', 'item', 'qty', 'receivedQty', 'dueDate'])),
      requisitions: many(record(['prNo', 'neededBy', 'salesOrder'], ['lineNo', 'item', 'qty'])),
      productionOrders: many(record(['moNo', 'item', 'qty', 'completedQty', 'dueDate', 'startDate', 'bomVersion', 'status', 'salesOrder'])),
      salesOrders: many(record(['orderNo', 'status', 'priority', 'requestedDate', 'promisedDate', 'customerName'], ['lineNo', 'item', 'qty', 'requestedDate'])),
    });
    fc.assert(
      fc.property(arbitraryRecords, (records) => {
        const { scenario }: { scenario: MrpScenario } = scenarioFromRecords(records, options);
        expect(schemaProblems(PLANNING_SCHEMAS.MrpScenario, scenario)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
