import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer, isAcceptedJsonContentType } from '../../runtime/http/index.js';
import { recordingServices, type RecordingServices } from '../support/api-recording-services.js';

/*
 * The HTTP layer alone, over services that record every call: a body that is not exactly JSON must
 * be refused before any service (any handler) sees it. Past fastify CVEs skipped validation for
 * Content-Type spellings like these.
 */

const REFUSED = [
  ' application/json',
  'application/json\t;charset=utf-8',
  'application/json garbage',
  'application/json;',
  'application/json; charset=latin1',
  'application/json; boundary=x',
  'application/jsonx',
  'application/x-json',
  'text/plain',
  'text/json',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '*/*',
];
const ACCEPTED = ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'Application/JSON'];

const WRITE_ROUTES = [
  { method: 'POST', url: '/api/forms/work-order/records', body: { data: { customer: 'ACME' } } },
  { method: 'PATCH', url: '/api/forms/work-order/records/abc', body: { revision: 1, data: { customer: 'ACME' } } },
  { method: 'POST', url: '/api/forms/work-order/validate', body: { data: { customer: 'ACME' } } },
  { method: 'POST', url: '/api/auth/login', body: { username: 'ann', password: 'secret' } },
] as const;

let app: FastifyInstance;
let services: RecordingServices;

beforeAll(async () => {
  services = recordingServices();
  app = await buildServer({ services: services.services });
});
afterAll(async () => {
  await app.close();
});

describe('request bodies other than exact application/json', () => {
  for (const route of WRITE_ROUTES) {
    for (const contentType of REFUSED) {
      it(`${route.method} ${route.url} with ${JSON.stringify(contentType)} -> 415, no service call`, async () => {
        services.calls.length = 0;
        const response = await app.inject({
          method: route.method,
          url: route.url,
          headers: { authorization: 'Bearer good-token', 'content-type': contentType },
          payload: JSON.stringify(route.body),
        });
        expect(response.statusCode).toBe(415);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json()).toMatchObject({ status: 415, code: 'ORDO_ERR_UNSUPPORTED_MEDIA_TYPE' });
        expect(services.calls.filter((call) => call !== 'auth.authenticate')).toEqual([]);
      });
    }
  }

  it('refuses a body without any Content-Type', async () => {
    services.calls.length = 0;
    const response = await app.inject({
      method: 'POST',
      url: '/api/forms/work-order/records',
      headers: { authorization: 'Bearer good-token', 'content-length': '20' },
      payload: Buffer.from('{"data":{"a":"b"}}  '),
    });
    expect(response.statusCode).toBe(415);
    expect(services.calls).toEqual(['auth.authenticate']);
  });
});

describe('exact application/json', () => {
  for (const contentType of ACCEPTED) {
    it(`${JSON.stringify(contentType)} reaches the service with the validated body`, async () => {
      services.calls.length = 0;
      const response = await app.inject({
        method: 'POST',
        url: '/api/forms/work-order/records',
        headers: { authorization: 'Bearer good-token', 'content-type': contentType },
        payload: JSON.stringify({ data: { customer: 'ACME' } }),
      });
      expect(response.statusCode).toBe(201);
      expect(services.calls).toEqual(['auth.authenticate', 'records.create']);
      expect(services.lastArguments).toEqual([expect.objectContaining({ userId: 'u-ann' }), 'work-order', { customer: 'ACME' }, {}]);
    });
  }

  it('checks every write route against its schema whatever the spelling: no coercion, no dropped properties', async () => {
    for (const contentType of ACCEPTED) {
      for (const payload of ['{"data":"7"}', '{"data":{},"extra":1}', '{"data":[]}', '[]', '"text"', '7', 'null']) {
        services.calls.length = 0;
        const response = await app.inject({
          method: 'POST',
          url: '/api/forms/work-order/records',
          headers: { authorization: 'Bearer good-token', 'content-type': contentType },
          payload,
        });
        expect(response.statusCode, `${contentType} ${payload}`).toBe(400);
        expect(response.json().code).toBe('ORDO_ERR_REQUEST_INVALID');
        expect(services.calls).toEqual(['auth.authenticate']);
      }
    }
  });
});

describe('isAcceptedJsonContentType', () => {
  it('accepts the JSON spellings and nothing else', () => {
    for (const contentType of ACCEPTED) expect(isAcceptedJsonContentType(contentType)).toBe(true);
    for (const contentType of REFUSED) expect(isAcceptedJsonContentType(contentType)).toBe(false);
    expect(isAcceptedJsonContentType(undefined)).toBe(false);
  });
});

describe('anonymous requests', () => {
  it('are refused with 401 before the body is read', async () => {
    services.calls.length = 0;
    const response = await app.inject({
      method: 'POST',
      url: '/api/forms/work-order/records',
      headers: { 'content-type': 'text/plain' },
      payload: 'not even json',
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json().code).toBe('ORDO_ERR_UNAUTHENTICATED');
    expect(services.calls).toEqual([]);
  });
});
