import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../runtime/http/index.js';
import { FAKE_INSTANCE, FAKE_TASK, recordingServices, type RecordingServices } from '../support/api-recording-services.js';

/* The task routes over services that record every call: what reaches the service, and what never does. */

let app: FastifyInstance;
let services: RecordingServices;
const logLines: { level: number; msg: string; code?: string }[] = [];

beforeAll(async () => {
  services = recordingServices();
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      callback();
    },
  });
  app = await buildServer({ services: services.services, logger: { level: 'info', stream } });
});
afterAll(async () => {
  await app.close();
});
beforeEach(() => {
  services.calls.length = 0;
  services.callArguments.length = 0;
  logLines.length = 0;
});

const ANN = expect.objectContaining({ userId: 'u-ann', username: 'ann' });
type Method = 'GET' | 'POST' | 'PUT';

function send(method: Method, url: string, options: { json?: unknown; headers?: Record<string, string>; token?: string | null } = {}) {
  const authorization = options.token === null ? {} : { authorization: `Bearer ${options.token ?? 'good-token'}` };
  const body = options.json === undefined ? {} : { payload: JSON.stringify(options.json), headers: { 'content-type': 'application/json' } };
  return app.inject({ method, url, ...body, headers: { ...body.headers, ...authorization, ...options.headers } });
}

describe('the inbox', () => {
  it('defaults to the todo box, 50 per page, from the start', async () => {
    const response = await send('GET', '/api/tasks');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [FAKE_TASK], total: 1, limit: 50, offset: 0 });
    expect(services.calls).toEqual(['auth.authenticate', 'workflows.listTasks']);
    expect(services.lastArguments).toEqual([ANN, { box: 'todo', limit: 50, offset: 0 }]);
  });

  it('passes box, workflow, limit and offset through', async () => {
    for (const box of ['todo', 'done', 'initiated', 'cc']) {
      const response = await send('GET', `/api/tasks?box=${box}&workflow=sales-order-lifecycle&limit=200&offset=10`);
      expect(response.statusCode).toBe(200);
      expect(services.lastArguments).toEqual([ANN, { box, workflow: 'sales-order-lifecycle', limit: 200, offset: 10 }]);
    }
  });

  const BAD_QUERIES = [
    ['box=archive', '/query/box', 'enum'],
    ['box=', '/query/box', 'enum'],
    ['limit=201', '/query/limit', 'maximum'],
    ['limit=0', '/query/limit', 'minimum'],
    ['limit=ten', '/query/limit', 'type'],
    ['offset=-1', '/query/offset', 'minimum'],
    ['workflow=Sales_Order', '/query/workflow', 'pattern'],
    ['assignee=wang.qiang', '/query/assignee', 'additionalProperties'],
  ] as const;
  for (const [query, pointer, code] of BAD_QUERIES) {
    it(`?${query} -> 400 at ${pointer}, no service call`, async () => {
      const response = await send('GET', `/api/tasks?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().errors[0]).toMatchObject({ pointer, code });
      expect(services.calls).toEqual(['auth.authenticate']);
    });
  }
});

describe('each task route calls its service method', () => {
  it('GET /api/tasks/:id reads the task', async () => {
    const response = await send('GET', '/api/tasks/t1');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(FAKE_TASK);
    expect(services.calls).toEqual(['auth.authenticate', 'workflows.getTask']);
    expect(services.lastArguments).toEqual([ANN, 't1']);
  });

  const COMMANDS = [
    { url: '/api/tasks/t1/complete', method: 'workflows.completeTask', body: { outcome: 'approve', comment: '同意', data: { priority: 'high' } } },
    { url: '/api/tasks/t1/complete', method: 'workflows.completeTask', body: { outcome: 'reject' } },
    { url: '/api/tasks/t1/return', method: 'workflows.returnTask', body: { to: 'initiator', comment: '客户信息不全' } },
    { url: '/api/tasks/t1/transfer', method: 'workflows.transferTask', body: { to: 'zhang.wei' } },
    { url: '/api/tasks/t1/transfer', method: 'workflows.transferTask', body: { to: '李娜', comment: 'on leave' } },
    { url: '/api/tasks/t1/add-signer', method: 'workflows.addSigner', body: { user: 'sun.wei', position: 'after', comment: 'finance too' } },
  ] as const;
  for (const command of COMMANDS) {
    it(`POST ${command.url} ${JSON.stringify(command.body)} -> ${command.method} with the key`, async () => {
      const response = await send('POST', command.url, { json: command.body, headers: { 'idempotency-key': 'k-1' } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ instance: FAKE_INSTANCE, replayed: false });
      expect(response.headers['idempotent-replayed']).toBeUndefined();
      expect(services.calls).toEqual(['auth.authenticate', command.method]);
      expect(services.lastArguments).toEqual([ANN, 't1', command.body, { idempotencyKey: 'k-1' }]);
    });

    it(`POST ${command.url} says Idempotent-Replayed: true on a replay, and passes no key when none is sent`, async () => {
      const replayed = await send('POST', command.url, { json: command.body, headers: { 'idempotency-key': 'replay-1' } });
      expect(replayed.statusCode).toBe(200);
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      await send('POST', command.url, { json: command.body });
      expect(services.lastArguments).toEqual([ANN, 't1', command.body, {}]);
    });
  }

  it('PUT /api/tasks/:id/draft saves the draft data', async () => {
    const response = await send('PUT', '/api/tasks/t1/draft', { json: { data: { remarks: '下周再议' } } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ...FAKE_TASK, draft: { remarks: '下周再议' } });
    expect(services.calls).toEqual(['auth.authenticate', 'workflows.saveDraft']);
    expect(services.lastArguments).toEqual([ANN, 't1', { remarks: '下周再议' }]);
  });

  it('POST /api/tasks/handover hands over (the service checks the caller is an administrator)', async () => {
    const response = await send('POST', '/api/tasks/handover', { json: { from: 'li.na', to: 'zhang.wei' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ moved: 2, failed: [{ taskId: 't9', code: 'ORDO_ERR_REQUEST_INVALID', message: 'zhang.wei already has this task' }] });
    expect(services.calls).toEqual(['auth.authenticate', 'workflows.handover']);
    expect(services.lastArguments).toEqual([ANN, { from: 'li.na', to: 'zhang.wei' }]);
  });

  it('answers a service error as its problem+json', async () => {
    const response = await send('POST', '/api/tasks/decided/complete', { json: { outcome: 'approve' } });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 409, code: 'ORDO_ERR_TASK_NOT_ACTIVE', instance: '/api/tasks/decided/complete' });
  });
});

describe('batch approval', () => {
  it('runs each task as its own command and reports every success and failure', async () => {
    const ids = ['t1', 'missing', 'decided', 'crash', 't2'];
    const response = await send('POST', '/api/tasks/batch-complete', { json: { ids, outcome: 'approve', comment: '批量同意' }, headers: { 'idempotency-key': 'batch-1' } });
    expect(response.statusCode, response.body).toBe(200);
    const { results } = response.json();
    expect(results.map((result: { id: string; ok: boolean }) => [result.id, result.ok])).toEqual([
      ['t1', true],
      ['missing', false],
      ['decided', false],
      ['crash', false],
      ['t2', true],
    ]);
    expect(results[0]).toEqual({ id: 't1', ok: true, instance: FAKE_INSTANCE });
    expect(results[1].error).toMatchObject({ status: 404, code: 'ORDO_ERR_TASK_NOT_FOUND', instance: '/api/tasks/missing', errors: [] });
    expect(results[2].error).toMatchObject({ status: 409, code: 'ORDO_ERR_TASK_NOT_ACTIVE', instance: '/api/tasks/decided' });
    expect(results[3].error).toMatchObject({ status: 500, code: 'ORDO_ERR_INTERNAL', detail: 'Something went wrong on the server' });
    expect(JSON.stringify(results[3])).not.toContain('secret');

    expect(services.calls).toEqual(['auth.authenticate', ...ids.map(() => 'workflows.completeTask')]);
    expect(services.callArguments.slice(1)).toEqual(
      ids.map((id) => [ANN, id, { outcome: 'approve', comment: '批量同意' }, { idempotencyKey: `batch-1:${id}`, batch: true }]),
    );
    expect(logLines.filter((line) => line.msg === 'request failed').map((line) => line.code)).toEqual(['ORDO_ERR_INTERNAL']);
    expect(logLines.filter((line) => line.msg === 'request refused').map((line) => line.code)).toEqual(['ORDO_ERR_TASK_NOT_FOUND', 'ORDO_ERR_TASK_NOT_ACTIVE']);
  });

  it('passes no keys and no comment when none is sent', async () => {
    const response = await send('POST', '/api/tasks/batch-complete', { json: { ids: ['t1'], outcome: 'approve' } });
    expect(response.json()).toEqual({ results: [{ id: 't1', ok: true, instance: FAKE_INSTANCE }] });
    expect(services.lastArguments).toEqual([ANN, 't1', { outcome: 'approve' }, { batch: true }]);
  });

  it('takes 100 tasks', async () => {
    const ids = Array.from({ length: 100 }, (_, index) => `t${index}`);
    const response = await send('POST', '/api/tasks/batch-complete', { json: { ids, outcome: 'approve' } });
    expect(response.json().results).toHaveLength(100);
  });
});

const LONG_COMMENT = 'x'.repeat(2001);

const BAD_BODIES: { name: string; method: Method; url: string; json?: unknown; pointer: string; code: string }[] = [
  { name: 'complete without an outcome', method: 'POST', url: '/api/tasks/t1/complete', json: { comment: 'ok' }, pointer: '/body/outcome', code: 'required' },
  { name: 'complete with outcome maybe', method: 'POST', url: '/api/tasks/t1/complete', json: { outcome: 'maybe' }, pointer: '/body/outcome', code: 'enum' },
  { name: 'complete with a comment of 2001 characters', method: 'POST', url: '/api/tasks/t1/complete', json: { outcome: 'reject', comment: LONG_COMMENT }, pointer: '/body/comment', code: 'maxLength' },
  { name: 'complete with data that is a list', method: 'POST', url: '/api/tasks/t1/complete', json: { outcome: 'approve', data: [1] }, pointer: '/body/data', code: 'type' },
  { name: 'complete with an unknown member', method: 'POST', url: '/api/tasks/t1/complete', json: { outcome: 'approve', assignee: 'me' }, pointer: '/body/assignee', code: 'additionalProperties' },
  { name: 'complete without a body', method: 'POST', url: '/api/tasks/t1/complete', pointer: '/body', code: 'type' },
  { name: 'return without a target', method: 'POST', url: '/api/tasks/t1/return', json: { comment: 'x' }, pointer: '/body/to', code: 'required' },
  { name: 'return to a state name of 64 characters', method: 'POST', url: '/api/tasks/t1/return', json: { to: 'a'.repeat(64) }, pointer: '/body/to', code: 'maxLength' },
  { name: 'return to a name with spaces', method: 'POST', url: '/api/tasks/t1/return', json: { to: 'the draft' }, pointer: '/body/to', code: 'pattern' },
  { name: 'transfer to a user name of 65 characters', method: 'POST', url: '/api/tasks/t1/transfer', json: { to: 'u'.repeat(65) }, pointer: '/body/to', code: 'maxLength' },
  { name: 'transfer to a user name with a space', method: 'POST', url: '/api/tasks/t1/transfer', json: { to: 'li na' }, pointer: '/body/to', code: 'pattern' },
  { name: 'transfer to nobody', method: 'POST', url: '/api/tasks/t1/transfer', json: { to: '' }, pointer: '/body/to', code: 'minLength' },
  { name: 'add a signer above', method: 'POST', url: '/api/tasks/t1/add-signer', json: { user: 'sun.wei', position: 'above' }, pointer: '/body/position', code: 'enum' },
  { name: 'add a signer without a user', method: 'POST', url: '/api/tasks/t1/add-signer', json: { position: 'before' }, pointer: '/body/user', code: 'required' },
  { name: 'a draft without data', method: 'PUT', url: '/api/tasks/t1/draft', json: {}, pointer: '/body/data', code: 'required' },
  { name: 'a draft whose data is text', method: 'PUT', url: '/api/tasks/t1/draft', json: { data: 'x' }, pointer: '/body/data', code: 'type' },
  { name: 'a batch without tasks', method: 'POST', url: '/api/tasks/batch-complete', json: { ids: [], outcome: 'approve' }, pointer: '/body/ids', code: 'minItems' },
  { name: 'a batch of 101 tasks', method: 'POST', url: '/api/tasks/batch-complete', json: { ids: Array.from({ length: 101 }, (_, i) => `t${i}`), outcome: 'approve' }, pointer: '/body/ids', code: 'maxItems' },
  { name: 'a batch naming a task twice', method: 'POST', url: '/api/tasks/batch-complete', json: { ids: ['t1', 't1'], outcome: 'approve' }, pointer: '/body/ids', code: 'uniqueItems' },
  { name: 'a batch rejection', method: 'POST', url: '/api/tasks/batch-complete', json: { ids: ['t1'], outcome: 'reject' }, pointer: '/body/outcome', code: 'enum' },
  { name: 'a batch with a bad task id', method: 'POST', url: '/api/tasks/batch-complete', json: { ids: ['t1', '../x'], outcome: 'approve' }, pointer: '/body/ids/1', code: 'pattern' },
  { name: 'a batch comment of 2001 characters', method: 'POST', url: '/api/tasks/batch-complete', json: { ids: ['t1'], outcome: 'approve', comment: LONG_COMMENT }, pointer: '/body/comment', code: 'maxLength' },
  { name: 'a handover without a receiver', method: 'POST', url: '/api/tasks/handover', json: { from: 'li.na' }, pointer: '/body/to', code: 'required' },
  { name: 'a handover from a user name of 65 characters', method: 'POST', url: '/api/tasks/handover', json: { from: 'u'.repeat(65), to: 'x' }, pointer: '/body/from', code: 'maxLength' },
  { name: 'a task id of 101 characters', method: 'GET', url: `/api/tasks/${'t'.repeat(101)}`, pointer: '/params/id', code: 'maxLength' },
];

describe('bad bodies', () => {
  for (const bad of BAD_BODIES) {
    it(`${bad.name} -> 400 at ${bad.pointer}, no service call`, async () => {
      const response = await send(bad.method, bad.url, { json: bad.json });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = response.json();
      expect(problem).toMatchObject({ status: 400, code: 'ORDO_ERR_REQUEST_INVALID' });
      expect(problem.errors[0]).toMatchObject({ pointer: bad.pointer, code: bad.code });
      expect(services.calls).toEqual(['auth.authenticate']);
    });
  }

  it('an over-long Idempotency-Key on a task command -> 400 at /headers/idempotency-key', async () => {
    const response = await send('POST', '/api/tasks/t1/complete', { json: { outcome: 'approve' }, headers: { 'idempotency-key': 'k'.repeat(201) } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ pointer: '/headers/idempotency-key', code: 'maxLength' });
    expect(services.calls).toEqual(['auth.authenticate']);
  });
});

const ROUTES: { method: Method; url: string; json?: unknown }[] = [
  { method: 'GET', url: '/api/tasks' },
  { method: 'GET', url: '/api/tasks/t1' },
  { method: 'POST', url: '/api/tasks/t1/complete', json: { outcome: 'approve' } },
  { method: 'POST', url: '/api/tasks/t1/return', json: { to: 'draft' } },
  { method: 'POST', url: '/api/tasks/t1/transfer', json: { to: 'li.na' } },
  { method: 'POST', url: '/api/tasks/t1/add-signer', json: { user: 'li.na', position: 'beside' } },
  { method: 'PUT', url: '/api/tasks/t1/draft', json: { data: {} } },
  { method: 'POST', url: '/api/tasks/batch-complete', json: { ids: ['t1'], outcome: 'approve' } },
  { method: 'POST', url: '/api/tasks/handover', json: { from: 'li.na', to: 'zhang.wei' } },
];

describe('without a session', () => {
  for (const route of ROUTES) {
    it(`${route.method} ${route.url} -> 401 problem+json, no service call`, async () => {
      const anonymous = await send(route.method, route.url, { json: route.json, token: null });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(anonymous.json()).toMatchObject({ status: 401, code: 'ORDO_ERR_UNAUTHENTICATED' });
      const expired = await send(route.method, route.url, { json: route.json, token: 'old-token' });
      expect(expired.statusCode).toBe(401);
      expect(services.calls).toEqual(['auth.authenticate']);
    });
  }
});
