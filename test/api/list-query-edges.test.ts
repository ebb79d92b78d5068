import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/database.js';
import { startApiTestServer, type ApiTestServer } from '../support/api-server.js';

/* Query strings the database cannot take answer 400 with a pointer, never 500. */

for (const backend of testDatabases()) {
  describe(`list query edges on ${backend.name}`, () => {
    let server: ApiTestServer;

    beforeAll(async () => {
      server = await startApiTestServer(backend);
      const actor = await server.services.auth.authenticate(server.tokens.ann);
      await server.services.records.create(actor, 'work-order', { customer: 'alpha01', qty: 3, price: 1 });
    });
    afterAll(async () => {
      await server?.close();
    });

    const list = (query: string) => server.as('ann', { method: 'GET', url: `/api/forms/work-order/records?${query}` });

    it.each([
      ['q=%00', '/query/q'],
      ['filter=customer:eq:a%00b', '/query/filter/0'],
      ['filter=customer:contains:%00', '/query/filter/0'],
      ['filter=createdAt:gt:0000-01-01', '/query/filter/0'],
      ['filter=createdAt:gt:99999', '/query/filter/0'],
      ['filter=createdAt:gt:-000001-01-01T00:00:00Z', '/query/filter/0'],
      ['filter=createdAt:gt:2026-02-30', '/query/filter/0'],
      ['filter=createdAt:gt:1', '/query/filter/0'],
    ])('%s is refused at %s', async (query, pointer) => {
      const response = await list(query);
      expect(response.statusCode).toBe(400);
      const problem = response.json() as { code: string; errors: { pointer: string }[] };
      expect(problem.code).toBe('ORDO_ERR_REQUEST_INVALID');
      expect(problem.errors.map((error) => error.pointer)).toContain(pointer);
    });

    it('accepts dates and date-times PostgreSQL can hold', async () => {
      for (const value of ['2026-11-24', '2026-11-24T08:00:00Z', '0001-01-01', '9999-12-31T23:59:59.999Z']) {
        expect((await list(`filter=createdAt:gt:${encodeURIComponent(value)}`)).statusCode, value).toBe(200);
      }
    });
  });
}
