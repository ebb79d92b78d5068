import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../runtime/http/index.js';
import { FAKE_INSTANCE, FAKE_TASK, recordingServices, type RecordingServices } from '../support/api-recording-services.js';

/* The workflow routes over services that record every call: what reaches the service, and what never does. */

let app: FastifyInstance;
let services: RecordingServices;

beforeAll(async () => {
  services = recordingServices();
  app = await buildServer({ services: services.services });
});
afterAll(async () => {
  await app.close();
});
beforeEach(() => {
  services.calls.length = 0;
  services.callArguments.length = 0;
});

const ANN = expect.objectContaining({ userId: 'u-ann', username: 'ann' });

function send(method: 'GET' | 'POST', url: string, options: { json?: unknown; headers?: Record<string, string>; token?: string | null } = {}) {
  const authorization = options.token === null ? {} : { authorization: `Bearer ${options.token ?? 'good-token'}` };
  const body = options.json === undefined ? {} : { payload: JSON.stringify(options.json), headers: { 'content-type': 'application/json' } };
  return app.inject({ method, url, ...body, headers: { ...body.headers, ...authorization, ...options.headers } });
}

describe('each route calls its service method', () => {
  it('POST /api/workflows starts the workflow with the Idempotency-Key: 201 and the command result', async () => {
    const response = await send('POST', '/api/workflows', { json: { workflow: 'work-order-approval', recordId: 'r1' }, headers: { 'idempotency-key': 'k-1' } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ instance: FAKE_INSTANCE, replayed: false });
    expect(response.headers['idempotent-replayed']).toBeUndefined();
    expect(services.calls).toEqual(['auth.authenticate', 'workflows.start']);
    expect(services.lastArguments).toEqual([ANN, 'work-order-approval', 'r1', { idempotencyKey: 'k-1' }]);
  });

  it('says Idempotent-Replayed: true when the service replayed an earlier start, as record create does', async () => {
    const response = await send('POST', '/api/workflows', { json: { workflow: 'work-order-approval', recordId: 'r1' }, headers: { 'idempotency-key': 'replay-1' } });
    expect(response.statusCode).toBe(201);
    expect(response.headers['idempotent-replayed']).toBe('true');
    expect(response.json().replayed).toBe(true);
  });

  it('passes no key when none is sent', async () => {
    await send('POST', '/api/workflows', { json: { workflow: 'work-order-approval', recordId: 'r1' } });
    expect(services.lastArguments).toEqual([ANN, 'work-order-approval', 'r1', {}]);
  });

  it('GET /api/workflows/:instance reads the instance with its timeline', async () => {
    const response = await send('GET', '/api/workflows/i1');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ...FAKE_INSTANCE, timeline: [], tasks: [FAKE_TASK] });
    expect(services.calls).toEqual(['auth.authenticate', 'workflows.get']);
    expect(services.lastArguments).toEqual([ANN, 'i1']);
  });

  it('POST /api/workflows/:instance/events sends the event with its comment', async () => {
    const response = await send('POST', '/api/workflows/i1/events', { json: { type: 'submit', comment: '请审核' }, headers: { 'idempotency-key': 'k-2' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ instance: FAKE_INSTANCE, replayed: false });
    expect(services.lastArguments).toEqual([ANN, 'i1', { type: 'submit', comment: '请审核' }, { idempotencyKey: 'k-2' }]);
    expect(services.calls.at(-1)).toBe('workflows.sendEvent');
  });

  it('POST /api/workflows/:instance/withdraw withdraws, with or without a comment', async () => {
    const plain = await send('POST', '/api/workflows/i1/withdraw', { json: {} });
    expect(plain.statusCode).toBe(200);
    expect(services.lastArguments).toEqual([ANN, 'i1', {}, {}]);
    const replayed = await send('POST', '/api/workflows/i1/withdraw', { json: { comment: 'wrong customer' }, headers: { 'idempotency-key': 'replay-2' } });
    expect(replayed.statusCode).toBe(200);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(services.lastArguments).toEqual([ANN, 'i1', { comment: 'wrong customer' }, { idempotencyKey: 'replay-2' }]);
    expect(services.calls.filter((call) => call === 'workflows.withdraw')).toHaveLength(2);
  });

  it('GET /api/forms/:form/records/:id/workflows lists the record\'s instances as items', async () => {
    const response = await send('GET', '/api/forms/work-order/records/r1/workflows');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [FAKE_INSTANCE] });
    expect(services.calls).toEqual(['auth.authenticate', 'workflows.listForRecord']);
    expect(services.lastArguments).toEqual([ANN, 'work-order', 'r1']);
  });
});

const ROUTES = [
  { method: 'POST', url: '/api/workflows', json: { workflow: 'work-order-approval', recordId: 'r1' } },
  { method: 'GET', url: '/api/workflows/i1' },
  { method: 'POST', url: '/api/workflows/i1/events', json: { type: 'submit' } },
  { method: 'POST', url: '/api/workflows/i1/withdraw', json: {} },
  { method: 'GET', url: '/api/forms/work-order/records/r1/workflows' },
] as const;

describe('without a session', () => {
  for (const route of ROUTES) {
    it(`${route.method} ${route.url} -> 401 problem+json, no service call`, async () => {
      const anonymous = await send(route.method, route.url, { json: 'json' in route ? route.json : undefined, token: null });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(anonymous.headers['www-authenticate']).toBe('Bearer');
      expect(anonymous.json()).toMatchObject({ status: 401, code: 'ORDO_ERR_UNAUTHENTICATED' });
      const expired = await send(route.method, route.url, { json: 'json' in route ? route.json : undefined, token: 'old-token' });
      expect(expired.json()).toMatchObject({ status: 401, code: 'ORDO_ERR_SESSION_EXPIRED' });
      expect(services.calls).toEqual(['auth.authenticate']);
    });
  }
});

const LONG_COMMENT = 'x'.repeat(2001);

const BAD_REQUESTS: { name: string; method: 'GET' | 'POST'; url: string; json?: unknown; headers?: Record<string, string>; pointer: string; code: string }[] = [
  { name: 'start without recordId', method: 'POST', url: '/api/workflows', json: { workflow: 'w' }, pointer: '/body/recordId', code: 'required' },
  { name: 'start with an unknown member', method: 'POST', url: '/api/workflows', json: { workflow: 'w', recordId: 'r1', state: 'done' }, pointer: '/body/state', code: 'additionalProperties' },
  { name: 'start with a workflow id that is not kebab-case', method: 'POST', url: '/api/workflows', json: { workflow: 'Sales_Order', recordId: 'r1' }, pointer: '/body/workflow', code: 'pattern' },
  { name: 'start with a record id that is a number', method: 'POST', url: '/api/workflows', json: { workflow: 'w', recordId: 7 }, pointer: '/body/recordId', code: 'type' },
  { name: 'start with a 201-character Idempotency-Key', method: 'POST', url: '/api/workflows', json: { workflow: 'w', recordId: 'r1' }, headers: { 'idempotency-key': 'k'.repeat(201) }, pointer: '/headers/idempotency-key', code: 'maxLength' },
  { name: 'an event without a type', method: 'POST', url: '/api/workflows/i1/events', json: { comment: 'hi' }, pointer: '/body/type', code: 'required' },
  { name: 'an event name of 64 characters', method: 'POST', url: '/api/workflows/i1/events', json: { type: 'a'.repeat(64) }, pointer: '/body/type', code: 'maxLength' },
  { name: 'an event name with spaces', method: 'POST', url: '/api/workflows/i1/events', json: { type: 'drop table' }, pointer: '/body/type', code: 'pattern' },
  { name: 'an event comment of 2001 characters', method: 'POST', url: '/api/workflows/i1/events', json: { type: 'submit', comment: LONG_COMMENT }, pointer: '/body/comment', code: 'maxLength' },
  { name: 'a comment that is not text', method: 'POST', url: '/api/workflows/i1/withdraw', json: { comment: { text: 'hi' } }, pointer: '/body/comment', code: 'type' },
  { name: 'withdraw without a body', method: 'POST', url: '/api/workflows/i1/withdraw', pointer: '/body', code: 'type' },
  { name: 'withdraw with an unknown member', method: 'POST', url: '/api/workflows/i1/withdraw', json: { reason: 'x' }, pointer: '/body/reason', code: 'additionalProperties' },
  { name: 'an instance id with a dot', method: 'GET', url: '/api/workflows/a.b', pointer: '/params/instance', code: 'pattern' },
  { name: 'a form id in upper case', method: 'GET', url: '/api/forms/Work/records/r1/workflows', pointer: '/params/form', code: 'pattern' },
];

describe('bad requests', () => {
  for (const bad of BAD_REQUESTS) {
    it(`${bad.name} -> 400 at ${bad.pointer}, no service call`, async () => {
      const response = await send(bad.method, bad.url, { json: bad.json, ...(bad.headers === undefined ? {} : { headers: bad.headers }) });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = response.json();
      expect(problem).toMatchObject({ status: 400, code: 'ORDO_ERR_REQUEST_INVALID' });
      expect(problem.errors[0]).toMatchObject({ pointer: bad.pointer, code: bad.code });
      expect(services.calls).toEqual(['auth.authenticate']);
    });
  }

  it('takes a comment of exactly 2000 characters (the engine decides whether one is needed)', async () => {
    const response = await send('POST', '/api/workflows/i1/events', { json: { type: 'submit', comment: 'x'.repeat(2000) } });
    expect(response.statusCode).toBe(200);
  });

  it('answers a service error as its problem+json', async () => {
    const response = await send('POST', '/api/workflows/missing/events', { json: { type: 'submit' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ORDO_ERR_TASK_NOT_FOUND', instance: '/api/workflows/missing/events' });
  });
});

describe('OpenAPI', () => {
  it('documents every workflow and task route with its body and answer, and every $ref resolves', async () => {
    const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    const expected: Record<string, string[]> = {
      '/api/workflows': ['post'],
      '/api/workflows/{instance}': ['get'],
      '/api/workflows/{instance}/events': ['post'],
      '/api/workflows/{instance}/withdraw': ['post'],
      '/api/forms/{form}/records/{id}/workflows': ['get'],
      '/api/tasks': ['get'],
      '/api/tasks/{id}': ['get'],
      '/api/tasks/{id}/complete': ['post'],
      '/api/tasks/{id}/return': ['post'],
      '/api/tasks/{id}/transfer': ['post'],
      '/api/tasks/{id}/add-signer': ['post'],
      '/api/tasks/{id}/draft': ['put'],
      '/api/tasks/batch-complete': ['post'],
      '/api/tasks/handover': ['post'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      expect(Object.keys(document.paths[path] ?? {}).sort(), path).toEqual(methods);
      for (const method of methods) {
        const operation = document.paths[path][method];
        const success = Object.keys(operation.responses).find((status) => status.startsWith('2'));
        expect(operation.responses[success ?? 'none']?.content?.['application/json']?.schema, `${method} ${path}`).toBeDefined();
        expect(operation.responses['4XX'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
      }
    }
    expect(Object.keys(document.paths['/api/workflows'].post.responses)).toContain('201');
    expect(document.paths['/api/tasks/{id}/complete'].post.requestBody.content['application/json'].schema.properties.outcome.enum).toEqual(['approve', 'reject']);
    expect(document.paths['/api/tasks/{id}/complete'].post.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'idempotency-key' }));

    const refs = JSON.stringify(document).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const found of new Set(refs)) {
      const name = /#\/components\/schemas\/([^"]+)"/.exec(found)?.[1];
      expect(name === undefined ? undefined : document.components.schemas[name], found).toBeDefined();
    }
  });
});
