import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordDto } from '../../runtime/services/index.js';
import { testDatabases } from '../support/database.js';
import { startApiTestServer, type ApiTestServer } from '../support/api-server.js';

/*
 * Filters, search, sort and paging are checked against a plain in-memory computation over the
 * records this file created. Text values are lowercase letters and digits only, so that the
 * database's collation and JavaScript's code-point order agree.
 */

let server: ApiTestServer;
let live: RecordDto[] = [];

const CUSTOMERS = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
const PRICES = [0.5, 1, 2.25, 10];
const PRIORITIES = ['low', 'normal', 'high'];
const NOTES = ['rush order', 'Export crate', 'call before delivery', 'RUSH'];

for (const backend of testDatabases()) {
  describe(backend.name, () => {
    beforeAll(async () => {
      server = await startApiTestServer(backend);
      const actor = await server.services.auth.authenticate(server.tokens.ann);
      const created: RecordDto[] = [];
      for (let index = 0; index < 36; index += 1) {
        server.clock.now = new Date(server.clock.now.getTime() + 1000);
        const data: Record<string, unknown> = { customer: `${CUSTOMERS[index % 5]}${String(index % 11).padStart(2, '0')}` };
        if (index % 7 !== 3) data['qty'] = (index * 7) % 20 + 1;
        data['price'] = PRICES[index % 4];
        if (index % 4 !== 1) data['priority'] = PRIORITIES[index % 3];
        if (index % 3 === 0) data['note'] = NOTES[index % 4];
        created.push((await server.services.records.create(actor, 'work-order', data)).record);
      }
      const planner = await server.services.auth.authenticate(server.tokens.pete);
      for (const record of created.slice(0, 3)) await server.services.records.remove(planner, 'work-order', record.id, record.revision);
      live = created.slice(3);
    });
    afterAll(async () => {
      await server?.close();
    });

    type Filter = { field: string; op: string; value: string };
    interface Query {
      filters: Filter[];
      q: string | undefined;
      sort: string | undefined;
      limit: number;
      offset: number;
    }

    const numberFilter = (field: string, values: fc.Arbitrary<string>) =>
      fc.record({ field: fc.constant(field), op: fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte'), value: values });
    const filterArbitrary: fc.Arbitrary<Filter> = fc.oneof(
      numberFilter('qty', fc.integer({ min: 0, max: 21 }).map(String)),
      numberFilter('amount', fc.constantFrom('0.5', '2.25', '10', '22.5', '45', '100')),
      fc.record({
        field: fc.constant('customer'),
        op: fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte'),
        value: fc.constantFrom('alpha00', 'bravo01', 'charlie', 'delta08', 'echo10', 'zulu'),
      }),
      fc.record({ field: fc.constant('customer'), op: fc.constant('contains'), value: fc.constantFrom('ALP', 'ar', '0', '10', 'x') }),
      fc.record({ field: fc.constant('priority'), op: fc.constantFrom('eq', 'ne'), value: fc.constantFrom(...PRIORITIES) }),
    );
    const queryArbitrary: fc.Arbitrary<Query> = fc.record({
      filters: fc.array(filterArbitrary, { maxLength: 2 }),
      q: fc.option(fc.constantFrom('rush', 'CRATE', 'echo', 'nothing'), { nil: undefined }),
      sort: fc.option(fc.constantFrom('qty', '-qty', 'amount', '-amount', 'customer', '-customer', 'createdAt', '-createdAt', 'priority'), {
        nil: undefined,
      }),
      limit: fc.integer({ min: 1, max: 15 }),
      offset: fc.integer({ min: 0, max: 40 }),
    });

    function matches(record: RecordDto, filter: Filter): boolean {
      const value = record.data[filter.field];
      if (value === undefined || value === null) return filter.op === 'ne';
      if (filter.op === 'contains') return String(value).toLowerCase().includes(filter.value.toLowerCase());
      const [left, right] = typeof value === 'number' ? [value, Number(filter.value)] : [String(value), filter.value];
      switch (filter.op) {
        case 'eq':
          return left === right;
        case 'ne':
          return left !== right;
        case 'lt':
          return left < right;
        case 'lte':
          return left <= right;
        case 'gt':
          return left > right;
        default:
          return left >= right;
      }
    }

    function searchHit(record: RecordDto, text: string): boolean {
      return ['customer', 'note'].some((field) => String(record.data[field] ?? '').toLowerCase().includes(text.toLowerCase()));
    }

    /** PostgreSQL order: ascending puts missing values last, descending first; the id breaks ties. */
    function compare(a: RecordDto, b: RecordDto, sort: string): number {
      const descending = sort.startsWith('-');
      const field = sort.replace(/^-/, '');
      const key = (record: RecordDto) => (field === 'createdAt' ? record.createdAt : record.data[field]);
      const [x, y] = [key(a), key(b)];
      let order = 0;
      if (x === undefined && y !== undefined) order = 1;
      else if (y === undefined && x !== undefined) order = -1;
      else if (x !== undefined && y !== undefined && x !== y) order = (x as string | number) < (y as string | number) ? -1 : 1;
      if (order === 0) order = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return descending ? -order : order;
    }

    function expected(query: Query): { ids: string[]; total: number } {
      const hits = live
        .filter((record) => query.filters.every((filter) => matches(record, filter)))
        .filter((record) => query.q === undefined || searchHit(record, query.q))
        .sort((a, b) => compare(a, b, query.sort ?? '-createdAt'));
      return { ids: hits.slice(query.offset, query.offset + query.limit).map((record) => record.id), total: hits.length };
    }

    function url(query: Query): string {
      const params = new URLSearchParams();
      for (const filter of query.filters) params.append('filter', `${filter.field}:${filter.op}:${filter.value}`);
      if (query.q !== undefined) params.set('q', query.q);
      if (query.sort !== undefined) params.set('sort', query.sort);
      params.set('limit', String(query.limit));
      params.set('offset', String(query.offset));
      return `/api/forms/work-order/records?${params}`;
    }

    describe('GET /api/forms/:form/records', () => {
      it('filters, searches, sorts and pages exactly like a plain computation', async () => {
        await fc.assert(
          fc.asyncProperty(queryArbitrary, async (query) => {
            const response = await server.as('vic', { method: 'GET', url: url(query) });
            expect(response.statusCode, response.body).toBe(200);
            const page = response.json();
            const want = expected(query);
            expect(page.items.map((record: RecordDto) => record.id)).toEqual(want.ids);
            expect(page.total).toBe(want.total);
            expect(page).toMatchObject({ limit: query.limit, offset: query.offset });
          }),
          { numRuns: 80 },
        );
      });

      it('defaults to 50 newest first and caps limit at 200', async () => {
        const page = (await server.as('vic', { method: 'GET', url: '/api/forms/work-order/records' })).json();
        expect(page).toMatchObject({ limit: 50, offset: 0, total: live.length });
        expect(page.items.map((record: RecordDto) => record.id)).toEqual(expected({ filters: [], q: undefined, sort: undefined, limit: 50, offset: 0 }).ids);
        const tooMany = await server.as('vic', { method: 'GET', url: '/api/forms/work-order/records?limit=201' });
        expect(tooMany.statusCode).toBe(400);
        expect(tooMany.json().errors[0]).toMatchObject({ pointer: '/query/limit', code: 'maximum' });
      });

      it('refuses filters and sorts it cannot honour, with the parameter as pointer', async () => {
        const cases: [string, string][] = [
          ['filter=qty:eq:1&filter=colour:eq:red', '/query/filter/1'],
          ['filter=qty:like:1', '/query/filter/0'],
          ['filter=qty', '/query/filter/0'],
          ['filter=qty:eq:many', '/query/filter/0'],
          ['sort=colour', '/query/sort'],
          ['sort=internalCost', '/query/sort'],
          ['offset=-1', '/query/offset'],
          ['limit=ten', '/query/limit'],
          ['page=2', '/query/page'],
        ];
        for (const [query, pointer] of cases) {
          const response = await server.as('vic', { method: 'GET', url: `/api/forms/work-order/records?${query}` });
          expect(response.statusCode, query).toBe(400);
          expect(response.json().code).toBe('ORDO_ERR_REQUEST_INVALID');
          expect(response.json().errors.map((error: { pointer: string }) => error.pointer), query).toContain(pointer);
        }
      });

      it('never sends a field the role may not read', async () => {
        const planner = await server.services.auth.authenticate(server.tokens.pete);
        const record = (await server.services.records.create(planner, 'work-order', { customer: 'secretive01', internalCost: 42 })).record;
        live.push(record);
        const asPlanner = await server.as('pete', { method: 'GET', url: `/api/forms/work-order/records/${record.id}` });
        expect(asPlanner.json().data.internalCost).toBe(42);
        const asViewer = await server.as('vic', { method: 'GET', url: '/api/forms/work-order/records?filter=customer:eq:secretive01' });
        expect(asViewer.json().items).toHaveLength(1);
        expect(asViewer.json().items[0].data).not.toHaveProperty('internalCost');
        expect(asViewer.body).not.toContain('internalCost');
      });
    });
  });
}
