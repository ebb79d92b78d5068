import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/database.js';
import { startApiTestServer, type ApiTestServer, type TableCounts } from '../support/api-server.js';

/*
 * Arbitrary bodies against the write routes: whatever arrives, the answer is never a 5xx and a
 * write is all or nothing. A created record adds one row to records, history and audit; an update
 * or delete adds one history and one audit row; a refusal adds nothing anywhere.
 */

let server: ApiTestServer;
let target: { id: string; revision: number };

const RECORDS = '/api/forms/work-order/records';
const FIELDS = ['customer', 'qty', 'price', 'amount', 'priority', 'note', 'part', 'internalCost', 'lines'];

for (const backend of testDatabases()) {
  describe(backend.name, () => {
    beforeAll(async () => {
      server = await startApiTestServer(backend);
      const created = await server.as('pete', { method: 'POST', url: RECORDS, json: { data: { customer: 'Fuzz target', qty: 1, price: 1 } } });
      target = created.json();
    });
    afterAll(async () => {
      await server?.close();
    });

    const deep = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.jsonValue({ maxDepth: 2 }), fc.array(tie('node'), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 2 })),
    })).node;

    const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.string({ unit: 'grapheme', maxLength: 50 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      { weight: 3, arbitrary: fc.constantFrom('<script>alert(1)</script>', "'; drop table ordo_records; --", '__proto__', '{{7*7}}', '=SUM(A1)', 'a\u0000b', '\ud800', '泵') },
      fc.integer(),
      fc.double(),
      fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2),
      fc.nat(200_000).map((n) => 'x'.repeat(n)),
      deep,
      fc.array(fc.record({ sku: fc.jsonValue({ maxDepth: 1 }), qty: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }), { maxLength: 60 }),
    );
    const fieldName = fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 }), fc.constantFrom('constructor', 'prototype', 'toString', 'lines.qty', ''));
    const text = fc.oneof(
      { weight: 8, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('<script>alert(1)</script>', "'; drop table ordo_records; --", 'a\u0000b', '\udc00', '泵业 😀'),
    );
    /** Mostly valid orders, so that odd text and numbers get as far as the database. */
    const nearlyValid = fc.record(
      {
        customer: text,
        qty: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 100000 }) }, fieldValue),
        price: fc.oneof(fc.double({ min: 0, max: 1000000, noNaN: true }), fc.constantFrom(0.1, 1e-300, 999999.99)),
        note: text,
        priority: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('low', 'normal', 'high') }, fc.constant('urgent')),
        lines: fc.array(fc.record({ sku: text, qty: fc.nat(1000) }, { requiredKeys: [] }), { maxLength: 5 }),
      },
      { requiredKeys: ['customer'] },
    );
    const data: fc.Arbitrary<unknown> = fc.oneof(
      { weight: 8, arbitrary: nearlyValid },
      { weight: 4, arbitrary: fc.dictionary(fieldName, fieldValue, { maxKeys: 8 }) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    );
    const revision = fc.oneof({ weight: 3, arbitrary: fc.constant('current') }, fc.integer({ min: -2, max: 5 }), fc.jsonValue({ maxDepth: 1 }));
    const bodies = {
      POST: fc.oneof({ weight: 5, arbitrary: fc.record({ data }) }, fc.record({ revision, data }), fc.jsonValue({ maxDepth: 4 })),
      PATCH: fc.oneof({ weight: 5, arbitrary: fc.record({ revision, data }) }, fc.record({ data }), fc.jsonValue({ maxDepth: 4 })),
      VALIDATE: fc.oneof({ weight: 5, arbitrary: fc.record({ data }) }, fc.jsonValue({ maxDepth: 4 })),
    };
    const request = fc.constantFrom('POST', 'PATCH', 'VALIDATE').chain((method) =>
      fc.record({
        method: fc.constant(method),
        user: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('root', 'ann', 'pete') }, fc.constant('vic')) as fc.Arbitrary<'root' | 'ann' | 'pete' | 'vic'>,
        body: bodies[method] as fc.Arbitrary<unknown>,
      }),
    );

    function delta(before: TableCounts, after: TableCounts) {
      return {
        records: after.ordo_records - before.ordo_records,
        history: after.ordo_record_history - before.ordo_record_history,
        audit: after.ordo_audit - before.ordo_audit,
        other: after.ordo_definitions + after.ordo_users + after.ordo_serials - (before.ordo_definitions + before.ordo_users + before.ordo_serials),
      };
    }

    describe('random bodies on the write routes', () => {
      it('never produce a 5xx and never leave a partial write', async () => {
        const accepted = { POST: 0, PATCH: 0 };
        await fc.assert(
          fc.asyncProperty(request, async ({ method, user, body: generated }) => {
            let payload = generated;
            if (typeof generated === 'object' && generated !== null && (generated as { revision?: unknown }).revision === 'current') {
              payload = { ...generated, revision: target.revision };
            }
            const before = await server.counts();
            const url = method === 'POST' ? RECORDS : method === 'PATCH' ? `${RECORDS}/${target.id}` : '/api/forms/work-order/validate';
            const response = await server.as(user, { method: method === 'PATCH' ? 'PATCH' : 'POST', url, json: payload });
            const change = delta(before, await server.counts());
            expect(response.statusCode, response.body.slice(0, 500)).toBeLessThan(500);
            if (response.statusCode >= 400) expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
            expect(change.other).toBe(0);
            if (method === 'POST' && response.statusCode === 201) {
              expect(change).toEqual({ records: 1, history: 1, audit: 1, other: 0 });
              accepted.POST += 1;
            } else if (method === 'PATCH' && response.statusCode === 200) {
              expect(change).toEqual({ records: 0, history: 1, audit: 1, other: 0 });
              target = { id: target.id, revision: response.json().revision };
              accepted.PATCH += 1;
            } else {
              expect(change).toEqual({ records: 0, history: 0, audit: 0, other: 0 });
            }
          }),
          {
            numRuns: 100,
            // Known-good writes run too, so the all-or-nothing branches are always exercised.
            examples: [
              [{ method: 'POST', user: 'ann', body: { data: { customer: '泵业 <b>x</b>', qty: 2, price: 0.1 } } }],
              [{ method: 'PATCH', user: 'pete', body: { revision: 'current', data: { qty: 3 } } }],
            ],
          },
        );
        // The property says little if every request was refused: some writes must have gone through.
        expect(accepted.POST).toBeGreaterThan(0);
        expect(accepted.PATCH).toBeGreaterThan(0);
      });
    });
  });
}
