import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/database.js';
import { startApiTestServer, type ApiTestServer } from '../support/api-server.js';

let server: ApiTestServer;

for (const backend of testDatabases()) {
  describe(backend.name, () => {
    beforeAll(async () => {
      server = await startApiTestServer(backend);
    });
    afterAll(async () => {
      await server?.close();
    });

    const RECORDS = '/api/forms/work-order/records';

    async function createOrder(data: Record<string, unknown>) {
      const response = await server.as('ann', { method: 'POST', url: RECORDS, json: { data } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    }

    /** Runs a request that must fail and checks that no table changed. */
    async function expectRefusedWithoutWrites(send: () => Promise<{ statusCode: number; json(): any }>, status: number, code: string) {
      const before = await server.counts();
      const response = await send();
      expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
      expect(response.json()).toMatchObject({ status, code, type: `https://ordo.dev/problems/${code}` });
      expect(await server.counts()).toEqual(before);
      return response.json();
    }

    describe('create, read, update, delete', () => {
      it('creates a record with computed fields from the server, not the client', async () => {
        const before = await server.counts();
        const record = await createOrder({ customer: 'ACME Pumps', qty: 4, price: 12.5, amount: 999 });
        expect(record).toMatchObject({ form: 'work-order', formVersion: 1, revision: 1, createdBy: 'ann', updatedBy: 'ann' });
        expect(record.data).toMatchObject({ customer: 'ACME Pumps', qty: 4, price: 12.5, amount: 50 });
        const after = await server.counts();
        expect(after.ordo_records).toBe(before.ordo_records + 1);
        expect(after.ordo_record_history).toBe(before.ordo_record_history + 1);
        expect(after.ordo_audit).toBe(before.ordo_audit + 1);
        const read = await server.as('vic', { method: 'GET', url: `${RECORDS}/${record.id}` });
        expect(read.statusCode).toBe(200);
        expect(read.json()).toEqual(record);
      });

      it('merges a PATCH into the top level and counts the revision up', async () => {
        const record = await createOrder({ customer: 'Merge Co', qty: 2, price: 10, note: 'keep me' });
        const response = await server.as('ann', { method: 'PATCH', url: `${RECORDS}/${record.id}`, json: { revision: 1, data: { qty: 3 } } });
        expect(response.statusCode, response.body).toBe(200);
        const updated = response.json();
        expect(updated.revision).toBe(2);
        expect(updated.data).toMatchObject({ customer: 'Merge Co', qty: 3, price: 10, amount: 30, note: 'keep me' });
      });

      it('answers 409 with the current revision on a stale PATCH or DELETE and changes nothing', async () => {
        const record = await createOrder({ customer: 'Stale Ltd', qty: 1, price: 1 });
        await server.as('ann', { method: 'PATCH', url: `${RECORDS}/${record.id}`, json: { revision: 1, data: { qty: 2 } } });
        const problem = await expectRefusedWithoutWrites(
          () => server.as('ann', { method: 'PATCH', url: `${RECORDS}/${record.id}`, json: { revision: 1, data: { qty: 7 } } }),
          409,
          'ORDO_ERR_REVISION_CONFLICT',
        );
        expect(problem.currentRevision).toBe(2);
        const deleteProblem = await expectRefusedWithoutWrites(
          () => server.as('pete', { method: 'DELETE', url: `${RECORDS}/${record.id}?revision=1` }),
          409,
          'ORDO_ERR_REVISION_CONFLICT',
        );
        expect(deleteProblem.currentRevision).toBe(2);
        const current = (await server.as('ann', { method: 'GET', url: `${RECORDS}/${record.id}` })).json();
        expect(current).toMatchObject({ revision: 2, data: { qty: 2 } });
      });

      it('deletes softly: gone from reads, kept in history', async () => {
        const record = await createOrder({ customer: 'Gone GmbH', qty: 1, price: 1 });
        const removed = await server.as('pete', { method: 'DELETE', url: `${RECORDS}/${record.id}?revision=1` });
        expect(removed.statusCode).toBe(204);
        expect(removed.body).toBe('');
        const read = await server.as('ann', { method: 'GET', url: `${RECORDS}/${record.id}` });
        expect(read.statusCode).toBe(404);
        expect(read.json().code).toBe('ORDO_ERR_RECORD_NOT_FOUND');
        const history = await server.as('ann', { method: 'GET', url: `${RECORDS}/${record.id}/history` });
        expect(history.json().items.map((item: { action: string }) => item.action)).toContain('delete');
      });

      it('keeps a history entry per revision with field-level changes', async () => {
        const record = await createOrder({ customer: 'History AG', qty: 1, price: 5 });
        await server.as('ann', { method: 'PATCH', url: `${RECORDS}/${record.id}`, json: { revision: 1, data: { qty: 2, note: 'rush' } } });
        await server.as('pete', { method: 'DELETE', url: `${RECORDS}/${record.id}?revision=2` });
        const response = await server.as('pete', { method: 'GET', url: `${RECORDS}/${record.id}/history` });
        expect(response.statusCode).toBe(200);
        const items: { revision: number; action: string; actor: { username: string }; at: string; changes: { path: string; before: unknown; after: unknown }[] }[] =
          response.json().items;
        expect(items.map((item) => [item.revision, item.action, item.actor.username]).sort()).toEqual([
          [1, 'create', 'ann'],
          [2, 'update', 'ann'],
          [3, 'delete', 'pete'],
        ]);
        const update = items.find((item) => item.action === 'update');
        expect(update?.changes).toEqual(
          expect.arrayContaining([
            { path: '/qty', before: 1, after: 2 },
            { path: '/amount', before: 5, after: 10 },
            { path: '/note', before: null, after: 'rush' },
          ]),
        );
        const create = items.find((item) => item.action === 'create');
        expect(create?.changes).toEqual(expect.arrayContaining([{ path: '/customer', before: null, after: 'History AG' }]));
      });

      it('stores script text verbatim and returns it as JSON text', async () => {
        const script = `<script>alert("x")</script><img src=x onerror=alert(1)>'; DROP TABLE ordo_records; --`;
        const record = await createOrder({ customer: script, note: '{{constructor.constructor("return process")()}}' });
        const response = await server.as('ann', { method: 'GET', url: `${RECORDS}/${record.id}` });
        expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(response.json().data.customer).toBe(script);
        expect(response.json().data.note).toBe('{{constructor.constructor("return process")()}}');
        expect(response.body).toContain(JSON.stringify(script).slice(1, -1));
      });
    });

    describe('idempotent create', () => {
      it('replays the first answer for the same key and body without writing again', async () => {
        const key = 'order-form-submit-7f3a';
        const send = (data: Record<string, unknown>) =>
          server.as('ann', { method: 'POST', url: RECORDS, headers: { 'idempotency-key': key }, json: { data } });
        const first = await send({ customer: 'Once Only', qty: 1, price: 3 });
        expect(first.statusCode).toBe(201);
        const before = await server.counts();
        const replay = await send({ customer: 'Once Only', qty: 1, price: 3 });
        expect(replay.statusCode).toBe(201);
        expect(replay.json()).toEqual(first.json());
        expect(await server.counts()).toEqual(before);
        await expectRefusedWithoutWrites(() => send({ customer: 'Something else' }), 409, 'ORDO_ERR_IDEMPOTENCY_CONFLICT');
      });

      it('keeps keys per user', async () => {
        const key = 'shared-key-name';
        const ann = await server.as('ann', { method: 'POST', url: RECORDS, headers: { 'idempotency-key': key }, json: { data: { customer: 'Per user' } } });
        const pete = await server.as('pete', { method: 'POST', url: RECORDS, headers: { 'idempotency-key': key }, json: { data: { customer: 'Per user' } } });
        expect(ann.statusCode).toBe(201);
        expect(pete.statusCode).toBe(201);
        expect(pete.json().id).not.toBe(ann.json().id);
      });

      it('refuses a key longer than 200 characters', async () => {
        const problem = await expectRefusedWithoutWrites(
          () => server.as('ann', { method: 'POST', url: RECORDS, headers: { 'idempotency-key': 'k'.repeat(201) }, json: { data: { customer: 'x' } } }),
          400,
          'ORDO_ERR_REQUEST_INVALID',
        );
        expect(problem.errors[0].pointer).toBe('/headers/idempotency-key');
      });
    });

    describe('bad input never writes', () => {
      it('malformed JSON -> 400', async () => {
        await expectRefusedWithoutWrites(
          () => server.app.inject({ method: 'POST', url: RECORDS, headers: { authorization: `Bearer ${server.tokens.ann}`, 'content-type': 'application/json' }, payload: '{"data": {"customer": "x"' }),
          400,
          'ORDO_ERR_BAD_REQUEST',
        );
      });

      it('a prototype-poisoning key -> 400', async () => {
        await expectRefusedWithoutWrites(
          () => server.app.inject({ method: 'POST', url: RECORDS, headers: { authorization: `Bearer ${server.tokens.ann}`, 'content-type': 'application/json' }, payload: '{"data": {"customer": "x", "__proto__": {"admin": true}}}' }),
          400,
          'ORDO_ERR_BAD_REQUEST',
        );
      });

      it('a body that is not {data: object} -> 400 with the pointer', async () => {
        const cases: [unknown, string][] = [
          [{ data: 'customer' }, '/body/data'],
          [{ data: [] }, '/body/data'],
          [{}, '/body/data'],
          [{ data: {}, revision: 1 }, '/body/revision'],
        ];
        for (const [body, pointer] of cases) {
          const problem = await expectRefusedWithoutWrites(() => server.as('ann', { method: 'POST', url: RECORDS, json: body }), 400, 'ORDO_ERR_REQUEST_INVALID');
          expect(problem.errors[0].pointer).toBe(pointer);
        }
      });

      it('a PATCH revision as text is not coerced -> 400 /body/revision', async () => {
        const record = await createOrder({ customer: 'Types Inc' });
        const problem = await expectRefusedWithoutWrites(
          () => server.as('ann', { method: 'PATCH', url: `${RECORDS}/${record.id}`, json: { revision: '1', data: { qty: 2 } } }),
          400,
          'ORDO_ERR_REQUEST_INVALID',
        );
        expect(problem.errors).toEqual([{ pointer: '/body/revision', code: 'type', message: 'must be integer' }]);
      });

      it('field values of the wrong type -> 422 with data pointers', async () => {
        const problem = await expectRefusedWithoutWrites(
          () => server.as('ann', { method: 'POST', url: RECORDS, json: { data: { customer: 'Typed', qty: '7' } } }),
          422,
          'ORDO_ERR_VALIDATION',
        );
        expect(problem.errors.map((error: { pointer: string }) => error.pointer)).toContain('/data/qty');
      });

      it('a missing required field -> 422', async () => {
        const problem = await expectRefusedWithoutWrites(
          () => server.as('ann', { method: 'POST', url: RECORDS, json: { data: { qty: 1 } } }),
          422,
          'ORDO_ERR_VALIDATION',
        );
        expect(problem.errors.map((error: { pointer: string }) => error.pointer)).toContain('/data/customer');
      });

      it('an unknown field -> 422', async () => {
        await expectRefusedWithoutWrites(
          () => server.as('ann', { method: 'POST', url: RECORDS, json: { data: { customer: 'Unknown', colour: 'red' } } }),
          422,
          'ORDO_ERR_VALIDATION',
        );
      });

      it('a field the role may not write -> 403', async () => {
        await expectRefusedWithoutWrites(
          () => server.as('ann', { method: 'POST', url: RECORDS, json: { data: { customer: 'Secret', internalCost: 5 } } }),
          403,
          'ORDO_ERR_FIELD_FORBIDDEN',
        );
      });

      it('a form the role may not write -> 403', async () => {
        await expectRefusedWithoutWrites(
          () => server.as('vic', { method: 'POST', url: RECORDS, json: { data: { customer: 'Viewer' } } }),
          403,
          'ORDO_ERR_FORBIDDEN',
        );
      });

      it('an oversized body -> 413', async () => {
        await expectRefusedWithoutWrites(
          () => server.as('ann', { method: 'POST', url: RECORDS, json: { data: { customer: 'Big', note: 'x'.repeat(1024 * 1024) } } }),
          413,
          'ORDO_ERR_BODY_TOO_LARGE',
        );
      });

      it('text jsonb cannot store and runaway nesting -> 400', async () => {
        const payloads = [
          '{"data":{"customer":"nul \\u0000 inside"}}',
          '{"data":{"customer":"half \\ud83d surrogate"}}',
          `{"data":{"customer":"deep","lines":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
        ];
        for (const payload of payloads) {
          await expectRefusedWithoutWrites(
            () => server.app.inject({ method: 'POST', url: RECORDS, headers: { authorization: `Bearer ${server.tokens.ann}`, 'content-type': 'application/json' }, payload }),
            400,
            'ORDO_ERR_REQUEST_INVALID',
          );
        }
      });

      it('text/plain -> 415', async () => {
        await expectRefusedWithoutWrites(
          () => server.app.inject({ method: 'POST', url: RECORDS, headers: { authorization: `Bearer ${server.tokens.ann}`, 'content-type': 'text/plain' }, payload: '{"data":{"customer":"x"}}' }),
          415,
          'ORDO_ERR_UNSUPPORTED_MEDIA_TYPE',
        );
      });
    });

    describe('not found', () => {
      it('unknown form -> 404 ORDO_ERR_FORM_NOT_FOUND, on reads and writes', async () => {
        await expectRefusedWithoutWrites(() => server.as('ann', { method: 'GET', url: '/api/forms/no-such-form/records' }), 404, 'ORDO_ERR_FORM_NOT_FOUND');
        await expectRefusedWithoutWrites(
          () => server.as('ann', { method: 'POST', url: '/api/forms/no-such-form/records', json: { data: { customer: 'x' } } }),
          404,
          'ORDO_ERR_FORM_NOT_FOUND',
        );
      });

      it('unknown record -> 404 ORDO_ERR_RECORD_NOT_FOUND', async () => {
        const id = '00000000-0000-4000-8000-000000000000';
        await expectRefusedWithoutWrites(() => server.as('ann', { method: 'GET', url: `${RECORDS}/${id}` }), 404, 'ORDO_ERR_RECORD_NOT_FOUND');
        await expectRefusedWithoutWrites(
          () => server.as('ann', { method: 'PATCH', url: `${RECORDS}/${id}`, json: { revision: 1, data: { qty: 1 } } }),
          404,
          'ORDO_ERR_RECORD_NOT_FOUND',
        );
        await expectRefusedWithoutWrites(() => server.as('pete', { method: 'DELETE', url: `${RECORDS}/${id}?revision=1` }), 404, 'ORDO_ERR_RECORD_NOT_FOUND');
      });

      it('a form id that cannot exist -> 400 on the path parameter', async () => {
        const problem = await expectRefusedWithoutWrites(() => server.as('ann', { method: 'GET', url: '/api/forms/Work_Order/records' }), 400, 'ORDO_ERR_REQUEST_INVALID');
        expect(problem.errors[0].pointer).toBe('/params/form');
      });

      it('unknown API routes -> 404 problem+json', async () => {
        for (const [method, url] of [['GET', '/api/nothing'], ['PUT', RECORDS], ['GET', '/api/forms']] as const) {
          const response = await server.as('ann', { method, url });
          expect(response.statusCode, `${method} ${url}`).toBe(404);
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(response.json()).toMatchObject({ code: 'ORDO_ERR_NOT_FOUND', status: 404 });
        }
      });
    });

    describe('dry run and definitions', () => {
      it('POST /validate computes and reports without writing', async () => {
        const before = await server.counts();
        const response = await server.as('ann', { method: 'POST', url: '/api/forms/work-order/validate', json: { data: { qty: 3, price: 2 } } });
        expect(response.statusCode).toBe(200);
        const body = response.json();
        expect(body.data).toMatchObject({ qty: 3, price: 2, amount: 6 });
        expect(body.errors.map((error: { pointer: string }) => error.pointer)).toContain('/data/customer');
        expect(await server.counts()).toEqual(before);
      });

      it('GET /api/definitions lists the app and the forms the user may read', async () => {
        const response = await server.as('vic', { method: 'GET', url: '/api/definitions' });
        expect(response.statusCode).toBe(200);
        const body = response.json();
        expect(body.app.id).toBe('api-test');
        expect(body.forms.map((form: { id: string }) => form.id).sort()).toEqual(['part', 'work-order']);
      });
    });
  });
}
