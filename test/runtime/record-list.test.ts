import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrdoError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import type { RecordListQuery } from '../../runtime/services/index.js';
import { testDatabases } from '../support/database.js';
import { setUpRuntime, type RuntimeFixture } from '../support/runtime-fixture.js';

for (const backend of testDatabases()) {
  describe(`record lists on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let fx: RuntimeFixture;
    let clock = new Date('2026-03-01T00:00:00Z');
    const customers: Record<string, string> = {};

    const list = (query: Partial<RecordListQuery>) => fx.services.records.list(fx.sales, 'order', { filters: [], limit: 50, offset: 0, ...query });
    const qtys = async (query: Partial<RecordListQuery>) => (await list(query)).items.map((item) => item.data.qty);

    beforeAll(async () => {
      database = await backend.open();
      fx = await setUpRuntime(database, { now: () => clock });
      for (const name of ['Alpha Pumps', 'Beta Valves']) {
        customers[name] = (await fx.services.records.create(fx.sales, 'customer', { name })).record.id;
      }
      const rows = [
        { qty: 9, price: 1, note: 'rush 100%_done', rush: true, customer: customers['Alpha Pumps'] },
        { qty: 10, price: 2, note: 'normal', rush: false, customer: customers['Beta Valves'] },
        { qty: 2, price: 3, note: "'; drop table ordo_records; --", customer: customers['Alpha Pumps'] },
        { qty: 100, price: 0.5, note: 'bulk order', customer: customers['Beta Valves'] },
      ];
      for (const row of rows) {
        clock = new Date(clock.getTime() + 60_000);
        await fx.services.records.create(fx.sales, 'order', row);
      }
    });
    afterAll(async () => {
      await database.close();
    });

    it('sorts numbers numerically and defaults to newest first', async () => {
      expect(await qtys({ sort: 'qty' })).toEqual([2, 9, 10, 100]);
      expect(await qtys({ sort: '-qty' })).toEqual([100, 10, 9, 2]);
      expect(await qtys({})).toEqual([100, 2, 10, 9]);
      expect(await qtys({ sort: 'createdAt' })).toEqual([9, 10, 2, 100]);
    });

    it('filters with every operator', async () => {
      const f = (field: string, op: RecordListQuery['filters'][number]['op'], value: string) => qtys({ sort: 'qty', filters: [{ field, op, value }] });
      expect(await f('qty', 'gt', '9')).toEqual([10, 100]);
      expect(await f('qty', 'gte', '9')).toEqual([9, 10, 100]);
      expect(await f('qty', 'lt', '10')).toEqual([2, 9]);
      expect(await f('qty', 'lte', '10')).toEqual([2, 9, 10]);
      expect(await f('qty', 'eq', '10')).toEqual([10]);
      expect(await f('qty', 'ne', '10')).toEqual([2, 9, 100]);
      expect(await f('amount', 'eq', '50')).toEqual([100]);
      expect(await f('note', 'contains', 'ORDER')).toEqual([100]);
      expect(await f('rush', 'eq', 'true')).toEqual([9]);
      expect(await f('rush', 'ne', 'true')).toEqual([2, 10, 100]);
      expect(await f('customer', 'eq', customers['Alpha Pumps'] ?? '')).toEqual([2, 9]);
      expect(await f('createdAt', 'gt', '2026-03-01T00:02:30Z')).toEqual([2, 100]);
    });

    it('treats filter values and search text as literal data', async () => {
      expect(await qtys({ filters: [{ field: 'note', op: 'contains', value: '100%_' }] })).toEqual([9]);
      expect(await qtys({ filters: [{ field: 'note', op: 'contains', value: '%' }] })).toEqual([9]);
      expect(await qtys({ filters: [{ field: 'note', op: 'eq', value: "'; drop table ordo_records; --" }] })).toEqual([2]);
      expect(await qtys({ q: 'DROP TABLE', sort: 'qty' })).toEqual([2]);
      expect((await list({})).total).toBe(4);
    });

    it('filters exactly as plain code compares, for any text and any number', async () => {
      const all = (await list({})).items;
      const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();
      const compare = {
        eq: (a: number, b: number) => a === b,
        ne: (a: number, b: number) => a !== b,
        lt: (a: number, b: number) => a < b,
        lte: (a: number, b: number) => a <= b,
        gt: (a: number, b: number) => a > b,
        gte: (a: number, b: number) => a >= b,
      };
      const text = fc.string({ unit: fc.constantFrom('a', 'R', 'u', '%', '_', '\\', "'", '"', ';', '-', ' ', '1', '0', '中'), minLength: 1, maxLength: 5 });
      await fc.assert(
        fc.asyncProperty(text, fc.integer({ min: -5, max: 120 }), fc.constantFrom(...(Object.keys(compare) as (keyof typeof compare)[])), async (value, number, op) => {
          const contains = await list({ filters: [{ field: 'note', op: 'contains', value }] });
          expect(ids(contains.items)).toEqual(ids(all.filter((item) => String(item.data.note).toLowerCase().includes(value.toLowerCase()))));
          const numeric = await list({ filters: [{ field: 'qty', op, value: String(number) }] });
          expect(ids(numeric.items)).toEqual(ids(all.filter((item) => compare[op](item.data.qty as number, number))));
        }),
        { numRuns: 40 },
      );
    });

    it('rejects unknown fields, hostile field names and bad values with the parameter pointer', async () => {
      const bad = async (query: Partial<RecordListQuery>) => {
        const error = await list(query).catch((caught: unknown) => caught);
        return isOrdoError(error) ? [error.code, ...error.fields.map((field) => field.pointer)] : ['no error'];
      };
      expect(await bad({ filters: [{ field: "qty') or 1=1 --", op: 'eq', value: '1' }] })).toEqual(['ORDO_ERR_REQUEST_INVALID', '/query/filter/0']);
      expect(await bad({ filters: [{ field: '__proto__', op: 'eq', value: '1' }] })).toEqual(['ORDO_ERR_REQUEST_INVALID', '/query/filter/0']);
      expect(await bad({ filters: [{ field: 'qty', op: 'gt', value: 'ten' }] })).toEqual(['ORDO_ERR_REQUEST_INVALID', '/query/filter/0']);
      expect(await bad({ filters: [{ field: 'lines', op: 'eq', value: 'x' }] })).toEqual(['ORDO_ERR_REQUEST_INVALID', '/query/filter/0']);
      expect(await bad({ filters: [{ field: 'createdAt', op: 'gt', value: 'yesterday' }] })).toEqual(['ORDO_ERR_REQUEST_INVALID', '/query/filter/0']);
      expect(await bad({ sort: 'nope' })).toEqual(['ORDO_ERR_REQUEST_INVALID', '/query/sort']);
      expect(await bad({ limit: 201 })).toEqual(['ORDO_ERR_REQUEST_INVALID', '/query/limit']);
      expect(await bad({ offset: -1 })).toEqual(['ORDO_ERR_REQUEST_INVALID', '/query/offset']);
    });

    it('pages with a stable order and a total', async () => {
      const first = await list({ sort: 'qty', limit: 3, offset: 0 });
      const second = await list({ sort: 'qty', limit: 3, offset: 3 });
      expect(first.total).toBe(4);
      expect(second.total).toBe(4);
      expect([...first.items, ...second.items].map((item) => item.data.qty)).toEqual([2, 9, 10, 100]);
      expect(second).toMatchObject({ limit: 3, offset: 3 });
    });

    it('names the records that lookups on the page point at', async () => {
      const page = await list({ filters: [{ field: 'qty', op: 'eq', value: '9' }] });
      expect(page.display).toEqual({ customer: { [customers['Alpha Pumps'] ?? '']: 'Alpha Pumps' } });
    });
  });
}
