import fc from 'fast-check';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MrpScenario } from '../../engine/planning/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { PLANNING_SCHEMAS, loadPlanningScenario, scenarioFromRecords, schemaProblems, type LoadedScenario, type PlanningRecords } from '../../runtime/planning/index.js';
import type { Actor, RecordDto, Services } from '../../runtime/services/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

const TODAY = '2026-11-24';

/** Counts the statements sent through a Kysely instance. */
function countingPlugin(counter: { statements: number }): KyselyPlugin {
  return {
    transformQuery(args) {
      counter.statements += 1;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
}

for (const backend of testDatabases()) {
  describe(`the planning snapshot of the shipped demo factory on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let admin: Actor;
    let loaded: LoadedScenario;
    const counter = { statements: 0 };

    const all = async (form: string): Promise<RecordDto[]> => (await services.records.list(admin, form, { filters: [], limit: 200, offset: 0 })).items;
    const orderNo = async (id: string) => String((await services.records.get(admin, 'sales-order', id)).data['orderNo']);

    beforeAll(async () => {
      const factory = await openShippedFactory(backend, { usernames: ['admin'] });
      ({ database, services } = factory);
      admin = factory.as('admin');
      loaded = await loadPlanningScenario(database.db.withPlugin(countingPlugin(counter)), { today: TODAY });
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    });

    it('is a valid MRP scenario, read in one query per form, timed', () => {
      expect(schemaProblems(PLANNING_SCHEMAS.MrpScenario, loaded.scenario)).toEqual([]);
      expect(counter.statements).toBe(9);
      expect(loaded.loadMs).toBeGreaterThan(0);
      expect(loaded.scenario.horizon).toEqual({ start: TODAY, end: '2027-11-24', bucketDays: 1 });
      expect(loaded.scenario.calendar).toEqual({ workdays: [1, 2, 3, 4, 5] });
    });

    it('holds every item, the released BOMs and routings and every work center, by record id', async () => {
      const { scenario } = loaded;
      expect(scenario.items.map((item) => item.id).sort()).toEqual((await all('item')).map((record) => record.id).sort());
      const released = (records: RecordDto[]) => records.filter((record) => record.data['status'] === 'released').map((record) => record.id).sort();
      expect(scenario.boms.map((bom) => bom.id).sort()).toEqual(released(await all('bom')));
      expect(scenario.boms.some((bom) => bom.id === 'bom-kbz-15-a')).toBe(false);
      expect(scenario.routings?.map((routing) => routing.id).sort()).toEqual(released(await all('routing')));
      expect(scenario.workCenters?.map((center) => center.id).sort()).toEqual((await all('work-center')).map((record) => record.id).sort());
      const shaft = scenario.items.find((item) => item.id === 'item-sh-15');
      expect(shaft).toMatchObject({ makeBuy: 'make', leadTimeDays: 8, leadTimePerUnitDays: 0.05, lotSizing: { method: 'fixed', qty: 20 }, routing: 'routing-sh-15-a' });
      // Weeks of supply on the item form are days in the scenario's daily buckets.
      expect(scenario.items.find((item) => item.id === 'item-p-100301')?.lotSizing).toEqual({ method: 'period', periods: 28 });
      expect(scenario.boms.find((bom) => bom.id === 'bom-ma-15-a')?.lines.at(-1)).toEqual({ lineNo: 45, component: 'item-p-100304', qtyPer: 2, substituteFor: 40, priority: 1, ratio: 1 });
    });

    it('has a consistent factory: every make item has a released BOM and routing, and every reference resolves', () => {
      const { scenario } = loaded;
      const items = new Set(scenario.items.map((item) => item.id));
      const centers = new Set(scenario.workCenters?.map((center) => center.id));
      for (const item of scenario.items.filter((candidate) => candidate.makeBuy === 'make')) {
        expect(scenario.boms.some((bom) => bom.item === item.id), item.id).toBe(true);
        expect(item.routing, item.id).toBeDefined();
      }
      for (const bom of scenario.boms) for (const line of bom.lines) expect(items.has(line.component), `${bom.id} ${line.component}`).toBe(true);
      for (const routing of scenario.routings ?? []) for (const op of routing.operations) expect(centers.has(op.workCenter), `${routing.id} ${op.workCenter}`).toBe(true);
      for (const entry of [...scenario.stock, ...scenario.supplies, ...scenario.demands]) expect(items.has(entry.item), entry.item).toBe(true);
      expect(scenario.workCenters?.every((center) => center.dailyCapacityHours > 0)).toBe(true);
    });

    it('takes stock lots with quantity, the MTO reservation as the sales order number', async () => {
      const { scenario } = loaded;
      expect(scenario.stock).toHaveLength((await all('stock-lot')).filter((lot) => Number(lot.data['qty']) > 0).length);
      const reserved = scenario.stock.filter((lot) => lot.salesOrder !== undefined);
      expect(reserved).toEqual([
        { item: 'item-kbz-22', qty: 2, lot: 'FG-2611-KBZ22-01', location: 'finished', salesOrder: await orderNo('so-jinbei-coal-rush') },
        { item: 'item-ms-45-sic', qty: 4, lot: 'HL-2611-SIC1', location: 'parts', salesOrder: await orderNo('so-huainan-mining-0917') },
      ]);
      expect(loaded.labels.salesOrders[await orderNo('so-jinbei-coal-rush')]).toEqual({ recordId: 'so-jinbei-coal-rush', title: await orderNo('so-jinbei-coal-rush') });
      expect(loaded.labels.items['item-ms-45']).toMatch(/^MS-45 /);
    });

    it('takes what is still to come of open orders: purchase lines, unordered requisitions, released and started production', async () => {
      const supplies = loaded.scenario.supplies;
      const byItem = (item: string) => supplies.filter((supply) => supply.item === item);
      const poNo = async (id: string) => String((await services.records.get(admin, 'purchase-order', id)).data['poNo']);
      // The late line: 80 ordered, 20 received, due last week; firm because the supplier has the order.
      expect(byItem('item-p-100302')).toEqual([{ id: `${await poNo('po-huacheng-bearing-1020')}/1`, kind: 'purchase', item: 'item-p-100302', qty: 60, due: '2026-11-18', firm: true }]);
      expect(byItem('item-p-100301')).toEqual([]);
      expect(byItem('item-p-100602')).toEqual([{ id: `${await poNo('po-shenbao-steel-1120')}/1`, kind: 'purchase', item: 'item-p-100602', qty: 1000, due: '2026-12-10' }]);
      expect(byItem('item-p-100102')).toEqual([]);
      expect(byItem('item-p-100111')).toEqual([]);
      expect(byItem('item-mh-22')[0]?.salesOrder).toBe(await orderNo('so-huainan-mining-0917'));
      expect(byItem('item-ms-45-sic')).toMatchObject([{ kind: 'purchase', qty: 4, due: '2026-12-10' }]);
      expect(byItem('item-kbz-7-5')).toMatchObject([
        { kind: 'production', qty: 10, due: '2026-12-23', firm: true, bomVersion: 'A', componentsIssued: true, salesOrder: await orderNo('so-zhongjian-huadong-2211') },
      ]);
      expect(byItem('item-st-15')).toMatchObject([{ kind: 'production', qty: 10, bomVersion: 'A' }]);
      expect(byItem('item-st-15')[0]?.componentsIssued).toBeUndefined();
      expect(byItem('item-he-7-5')).toEqual([]);
      expect(new Set(supplies.map((supply) => supply.id)).size).toBe(supplies.length);
    });

    it('takes the lines of confirmed to ready-to-ship orders as demand, and a cancelled order that still holds material as cancelled demand', async () => {
      const orders = await all('sales-order');
      const open = orders.filter((order) => ['confirmed', 'released', 'in-production', 'inspection', 'ready-to-ship'].includes(String(order.data['status'])));
      const demands = loaded.scenario.demands;
      expect(demands.filter((demand) => demand.status === undefined)).toHaveLength(open.reduce((sum, order) => sum + (order.data['lines'] as unknown[]).length, 0));
      const cancelled = await orderNo('so-huainan-mining-0917');
      expect(demands.filter((demand) => demand.status === 'cancelled')).toEqual([
        { id: `${cancelled}/1`, kind: 'sales-order', item: 'item-kbz-22-s', qty: 4, due: '2027-01-12', salesOrder: cancelled, customer: '淮南东辰矿业有限公司', priority: 100, status: 'cancelled' },
      ]);
      const rush = await orderNo('so-jinbei-coal-rush');
      expect(demands.find((demand) => demand.id === `${rush}/1`)).toMatchObject({ item: 'item-kbz-22', qty: 6, due: '2026-12-21', priority: 10 });
      // A line's own requested date wins over the order's promise.
      const nb = await orderNo('so-nb-drainage-0342');
      expect(demands.find((demand) => demand.id === `${nb}/2`)?.due).toBe('2027-01-25');
      expect(demands.some((demand) => demand.salesOrder === (orders.find((order) => order.id === 'so-huainan-mining-sic')?.data['orderNo'] as string))).toBe(false);
    });
  });
}

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
    const reserved = scenarioFromRecords(recordsWith({ salesOrders: [order], stockLots: [{ id: 'lot', data: { item: 'i', qty: 1, salesOrder: 'so-x' } }] }), options);
    expect(reserved.scenario.demands).toMatchObject([{ id: 'SO-X/1', status: 'cancelled' }]);
    expect(reserved.scenario.stock).toEqual([{ item: 'i', qty: 1, salesOrder: 'SO-X' }]);
  });

  it('gives a valid scenario for any record data the forms could hold, or worse', () => {
    const value = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 500 }), fc.double({ min: -1, max: 1e4, noNaN: true }), fc.constantFrom('', 'x', '2026-12-01', '2026-02-30', 'released', 'buy', 'make', 'cancelled', 'confirmed'));
    const data = (keys: readonly string[]) => fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    const lines = (keys: readonly string[]) => fc.array(data(keys), { maxLength: 3 });
    const record = (head: readonly string[], lineKeys?: readonly string[]) =>
      fc.record({ id: fc.constantFrom('a', 'b', 'c'), data: lineKeys === undefined ? data(head) : fc.tuple(data(head), lines(lineKeys)).map(([d, l]) => ({ ...d, lines: l, operations: l })) });
    const many = (arbitrary: fc.Arbitrary<{ id: string; data: Record<string, unknown> }>) => fc.array(arbitrary, { maxLength: 3 });
    const itemKeys = ['code', 'name', 'makeBuy', 'mto', 'leadTimeDays', 'leadTimePerUnitDays', 'lotSizing', 'lotQty', 'lotMin', 'lotMax', 'lotMultiple', 'lotPeriods', 'safetyStock', 'scrapPct', 'yieldPct'];
    const arbitraryRecords = fc.record({
      items: many(record(itemKeys)),
      boms: many(record(['item', 'version', 'effectiveFrom', 'effectiveTo'], ['lineNo', 'component', 'qtyPer', 'scrapPct', 'phantom', 'substituteFor', 'substitutePriority', 'substituteRatio'])),
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
      { numRuns: 100 },
    );
  });
});
