import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrdoError } from '../../engine/errors/index.js';
import type { PlannedOperation } from '../../engine/planning/index.js';
import { checkFactorySchedule, compileFactory, planFactory, SCHEDULE_REQUEST_SCHEMA } from '../../engine/planning/scheduling/index.js';
import { schemaProblems } from '../../runtime/planning/index.js';
import { shopFloorFromRecords, type ShopFloorRecords } from '../../runtime/scheduling/index.js';

const NOW = new Date('2026-11-24T01:00:00Z');

const recordsWith = (records: Partial<ShopFloorRecords>): ShopFloorRecords => ({
  workCenters: [],
  routings: [],
  productionOrders: [],
  salesOrders: [],
  items: [],
  ...records,
});

const center = (id: string, data: Record<string, unknown> = {}) => ({
  id,
  data: { code: id.toUpperCase(), name: id, machines: 2, shiftCalendar: '1x8h-mon-fri', hoursPerShift: 7.5, efficiencyPct: 80, active: true, ...data },
});
const routing = {
  id: 'r',
  data: {
    item: 'i',
    version: 'A',
    status: 'released',
    operations: [
      { opNo: 20, name: 'paint', workCenter: 'b', setupMinutes: 5, runMinutes: 10 },
      { opNo: 10, name: 'turn', workCenter: 'a', setupMinutes: 30, runMinutes: 12 },
      { opNo: 15, name: 'harden', workCenter: 'ht', outsourced: true, leadDays: 2, setupMinutes: 0, runMinutes: 0 },
    ],
  },
};

describe('the schedule request built from records', () => {
  it('maps work centers, routings and orders: shifts in shop time, efficiency as speed, remaining quantity, priority as weight', () => {
    const { request, labels, unscheduled } = shopFloorFromRecords(
      recordsWith({
        workCenters: [
          center('a'),
          center('b', { shiftCalendar: '3x8h-24x7', hoursPerShift: 8, efficiencyPct: 100, machines: 1 }),
          center('off', { active: false }),
        ],
        routings: [routing],
        items: [{ id: 'i', data: { code: 'I-1', name: 'Impeller' } }],
        salesOrders: [{ id: 's', data: { orderNo: 'SO-1', priority: 'rush' } }],
        productionOrders: [
          {
            id: 'mo',
            data: { moNo: 'MO-1', item: 'i', qty: 10, completedQty: 4, startDate: '2026-11-25', dueDate: '2026-11-30', status: 'in-progress', salesOrder: 's' },
          },
          { id: 'done', data: { item: 'i', qty: 3, status: 'completed' } },
          { id: 'none', data: { item: 'nothing', qty: 3, status: 'released' } },
        ],
      }),
      { now: NOW },
    );
    expect(request.calendars).toEqual([
      { id: '1x8h-mon-fri/7.5h', shifts: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '15:30' }] },
      {
        id: '3x8h-24x7/8h',
        shifts: [
          { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '08:00' },
          { days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '16:00' },
          { days: [1, 2, 3, 4, 5, 6, 7], from: '16:00', to: '00:00' },
        ],
      },
    ]);
    expect(request.workCenters).toEqual([
      {
        id: 'a',
        calendar: '1x8h-mon-fri/7.5h',
        machines: [
          { id: 'A-1', speed: 0.8 },
          { id: 'A-2', speed: 0.8 },
        ],
      },
      { id: 'b', calendar: '3x8h-24x7/8h', machines: [{ id: 'B-1' }] },
    ]);
    expect(request).toMatchObject({ origin: '2026-11-24T00:00:00+08:00', now: NOW.toISOString(), frozenHours: 8, utcOffsetMinutes: 480 });
    expect(request.orders).toEqual([
      {
        id: 'mo',
        qty: 6,
        release: '2026-11-25T00:00:00+08:00',
        due: '2026-12-01T00:00:00+08:00',
        weight: 10,
        operations: [
          { id: 'mo/10', workCenter: 'a', setupMinutes: 30, runMinutesPerUnit: 12 },
          { id: 'mo/15', outsourcedLeadHours: 48 },
          { id: 'mo/20', workCenter: 'b', setupMinutes: 5, runMinutesPerUnit: 10 },
        ],
      },
    ]);
    expect(labels.orders['mo']).toEqual({
      recordId: 'mo',
      moNo: 'MO-1',
      item: 'I-1',
      itemName: 'Impeller',
      qty: 6,
      salesOrder: 'SO-1',
      due: '2026-12-01T00:00:00+08:00',
      priority: 'rush',
    });
    expect(labels.operations['mo/15']).toEqual({ opNo: 15, name: 'harden' });
    expect(unscheduled).toEqual([{ recordId: 'none', moNo: 'none', message: 'item nothing has no released routing' }]);
  });

  it('reports an order with an operation on an inactive work center instead of scheduling it', () => {
    const { request, unscheduled } = shopFloorFromRecords(
      recordsWith({
        workCenters: [center('a'), center('b', { active: false })],
        routings: [routing],
        productionOrders: [{ id: 'mo', data: { item: 'i', qty: 1, status: 'released' } }],
      }),
      { now: NOW },
    );
    expect(request.orders).toEqual([]);
    expect(unscheduled).toEqual([{ recordId: 'mo', moNo: 'mo', message: 'operation 20 is on work center b, which is inactive' }]);
  });

  it("keeps an in-progress order's operations that started before now where the committed schedule put them, and only those", () => {
    const committed: PlannedOperation[] = [
      {
        order: 'mo',
        operation: 'mo/10',
        workCenter: 'a',
        machine: 'A-2',
        start: '2026-11-23T01:00:00.000Z',
        end: '2026-11-23T05:00:00.000Z',
        setupMinutes: 30,
        late: false,
        fixed: false,
      },
      { order: 'mo', operation: 'mo/15', start: '2026-11-23T05:00:00.000Z', end: '2026-11-25T05:00:00.000Z', setupMinutes: 0, late: false, fixed: false },
      {
        order: 'mo',
        operation: 'mo/20',
        workCenter: 'b',
        machine: 'B-1',
        start: '2026-11-25T05:00:00.000Z',
        end: '2026-11-25T07:00:00.000Z',
        setupMinutes: 5,
        late: false,
        fixed: false,
      },
    ];
    const records = recordsWith({
      workCenters: [center('a'), center('b'), center('ht')],
      routings: [routing],
      productionOrders: [{ id: 'mo', data: { item: 'i', qty: 2, status: 'in-progress' } }],
    });
    const { request } = shopFloorFromRecords(records, { now: NOW, committed });
    expect(request.orders[0]!.operations.map((operation) => operation.fixed)).toEqual([
      { machine: 'A-2', start: committed[0]!.start, end: committed[0]!.end },
      { start: committed[1]!.start, end: committed[1]!.end },
      undefined,
    ]);
    expect(request.origin).toBe('2026-11-23T00:00:00+08:00');
    const result = planFactory({ ...request, limits: { maxIterations: 50 } });
    expect(checkFactorySchedule(request, result.operations)).toEqual([]);
    // A released order is not frozen, whatever the committed schedule said.
    const released = shopFloorFromRecords(recordsWith({ ...records, productionOrders: [{ id: 'mo', data: { item: 'i', qty: 2, status: 'released' } }] }), {
      now: NOW,
      committed,
    });
    expect(released.request.orders[0]!.operations.every((operation) => operation.fixed === undefined)).toBe(true);
  });

  it('links a sub-assembly order to the order it goes into, so it finishes before that one starts; a loop of links keeps the first', () => {
    const order = (id: string, parentOrder?: string) => ({ id, data: { item: 'i', qty: 2, status: 'released', ...(parentOrder ? { parentOrder } : {}) } });
    const records = recordsWith({ workCenters: [center('a'), center('b')], routings: [routing], productionOrders: [order('pump', 'frame'), order('rotor', 'pump'), order('frame', 'rotor')] });
    const { request } = shopFloorFromRecords(records, { now: NOW });
    expect(request.orders.map((entry) => [entry.id, entry.parent])).toEqual([
      ['pump', 'frame'],
      ['rotor', 'pump'],
      ['frame', undefined],
    ]);
    const result = planFactory({ ...request, limits: { maxIterations: 50 } });
    expect(checkFactorySchedule(request, result.operations)).toEqual([]);
    const span = (id: string) => result.operations.filter((operation) => operation.order === id).map((operation) => [Date.parse(operation.start), Date.parse(operation.end)]);
    expect(Math.max(...span('rotor').map(([, end]) => end!))).toBeLessThanOrEqual(Math.min(...span('pump').map(([start]) => start!)));
    expect(Math.max(...span('pump').map(([, end]) => end!))).toBeLessThanOrEqual(Math.min(...span('frame').map(([start]) => start!)));
  });

  it('gives a valid request for any record data the forms could hold, or worse; every open order is scheduled or reported', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -5, max: 500 }),
      fc.double({ min: -1, max: 1e4, noNaN: true }),
      fc.constantFrom(1e7, 1e13, 0.5, 0),
      fc.constantFrom('', 'x', 'a', 'b', '2026-12-01', '2026-02-30', '9999-12-31', 'released', 'in-progress', 'rush', '3x8h-24x7', '2x8h-mon-sat'),
    );
    const data = (keys: readonly string[]) => fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    const record = (head: readonly string[], lineKeys?: readonly string[]) =>
      fc.record({
        id: fc.constantFrom('a', 'b', 'c'),
        data: lineKeys === undefined ? data(head) : fc.tuple(data(head), fc.array(data(lineKeys), { maxLength: 4 })).map(([d, l]) => ({ ...d, operations: l })),
      });
    const many = (arbitrary: fc.Arbitrary<{ id: string; data: Record<string, unknown> }>) => fc.array(arbitrary, { maxLength: 3 });
    const arbitraryRecords = fc.record({
      workCenters: many(record(['code', 'name', 'machines', 'shiftCalendar', 'hoursPerShift', 'efficiencyPct', 'active'])),
      routings: many(record(['item', 'version', 'status'], ['opNo', 'name', 'workCenter', 'setupMinutes', 'runMinutes', 'outsourced', 'leadDays'])),
      productionOrders: many(record(['moNo', 'item', 'qty', 'completedQty', 'dueDate', 'startDate', 'status', 'salesOrder', 'parentOrder'])),
      salesOrders: many(record(['orderNo', 'priority'])),
      items: many(record(['code', 'name'])),
    });
    fc.assert(
      fc.property(arbitraryRecords, (records) => {
        const { request, unscheduled, labels } = shopFloorFromRecords(records, { now: NOW });
        // Ids repeat in generated lists (never in the database): the first record of an id counts.
        const first = records.productionOrders.filter((order, k) => records.productionOrders.findIndex((other) => other.id === order.id) === k);
        const open = new Set(first.filter((order) => ['released', 'in-progress'].includes(order.data['status'] as string)).map((order) => order.id));
        expect(new Set([...request.orders.map((order) => order.id), ...unscheduled.map((entry) => entry.recordId)])).toEqual(open);
        for (const entry of unscheduled) expect(entry.message).not.toBe('');
        if (request.workCenters.length === 0) {
          expect(request.orders).toEqual([]);
          return;
        }
        expect(schemaProblems(SCHEDULE_REQUEST_SCHEMA, request)).toEqual([]);
        compileFactory(request);
        for (const order of request.orders) for (const operation of order.operations) expect(labels.operations[operation.id]).toBeDefined();
        if (request.orders.length === 0) return;
        try {
          const result = planFactory({ ...request, limits: { maxIterations: 20 } });
          expect(checkFactorySchedule(request, result.operations)).toEqual([]);
        } catch (error) {
          // Work that would take longer than the calendars reach (an efficiency of 0.5 % on a huge order) is a clear problem, not a crash.
          if (!isOrdoError(error) || error.code !== 'ORDO_ERR_SCHEDULE_MODEL_INVALID' || error.fields.length === 0) throw error;
        }
      }),
      {
        numRuns: 100,
        // Found by this property: an efficiency so small that the machine's speed rounded to 0.
        examples: [[{ workCenters: [{ id: 'a', data: { efficiencyPct: 5e-324 } }], routings: [], productionOrders: [], salesOrders: [], items: [] }]],
      },
    );
  });
});
