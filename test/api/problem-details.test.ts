import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrdoError } from '../../engine/errors/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { recordingServices, type RecordingServices } from '../support/api-recording-services.js';

/* One error handler turns everything into RFC 9457 problem+json; these pin down what leaves and what is logged. */

let app: FastifyInstance;
let services: RecordingServices;
const logLines: { level: number; msg: string; err?: { stack?: string }; code?: string }[] = [];

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

function failWith(error: unknown): void {
  services.services.records.get = async () => {
    throw error;
  };
}

function getRecord(headers: Record<string, string> = {}) {
  logLines.length = 0;
  return app.inject({ method: 'GET', url: '/api/forms/work-order/records/r1?x', headers: { authorization: 'Bearer good-token', ...headers } });
}

describe('unexpected errors', () => {
  it('answer 500 with the title only and log the stack at error level', async () => {
    failWith(new Error('relation "ordo_records" does not exist at /srv/ordo/db.ts:12'));
    const response = await app.inject({ method: 'GET', url: '/api/forms/work-order/records/r1', headers: { authorization: 'Bearer good-token' } });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toEqual({
      type: 'https://ordo.dev/problems/ORDO_ERR_INTERNAL',
      title: 'Something went wrong on the server',
      status: 500,
      detail: 'Something went wrong on the server',
      code: 'ORDO_ERR_INTERNAL',
      instance: '/api/forms/work-order/records/r1',
      errors: [],
    });
    expect(response.body).not.toContain('ordo_records');
    const logged = logLines.find((line) => line.level === 50);
    expect(logged?.err?.stack).toContain('relation "ordo_records" does not exist');
  });

  it('hide the message of a 5xx OrdoError too', async () => {
    failWith(new OrdoError('ORDO_ERR_DATABASE_UNAVAILABLE', 'connect ECONNREFUSED 10.1.2.3:5432'));
    const response = await getRecord({ 'accept-language': 'zh-CN' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'ORDO_ERR_DATABASE_UNAVAILABLE', title: '数据库暂不可用', detail: '数据库暂不可用' });
    expect(response.body).not.toContain('10.1.2.3');
  });
});

describe('database failures under a request', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const terminated = new Error('Connection terminated unexpectedly');
  const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

  it.each([
    ['a refused connection', refused],
    ['a dropped connection', terminated],
    ['a server shutting down', shutdown],
  ])('answer 503 for %s and say nothing of the address', async (_name, error) => {
    failWith(error);
    const response = await getRecord();
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'ORDO_ERR_DATABASE_UNAVAILABLE' });
    expect(response.body).not.toContain('127.0.0.1');
  });

  it('keep other database errors at 500', async () => {
    failWith(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }));
    expect((await getRecord()).statusCode).toBe(500);
  });
});

describe('user errors', () => {
  it('carry message, field errors and extra members, logged at info without a stack', async () => {
    failWith(
      new OrdoError('ORDO_ERR_REVISION_CONFLICT', 'The record is at revision 4 now', {
        fields: [{ pointer: '/data/qty', code: 'minimum', message: 'must be >= 1' }],
        extra: { currentRevision: 4, status: 200, code: 'forged' },
      }),
    );
    const response = await getRecord();
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      type: 'https://ordo.dev/problems/ORDO_ERR_REVISION_CONFLICT',
      title: 'Someone else changed this record first',
      status: 409,
      detail: 'The record is at revision 4 now',
      code: 'ORDO_ERR_REVISION_CONFLICT',
      instance: '/api/forms/work-order/records/r1?x',
      errors: [{ pointer: '/data/qty', code: 'minimum', message: 'must be >= 1' }],
      currentRevision: 4,
    });
    const refused = logLines.find((line) => line.msg === 'request refused');
    expect(refused).toMatchObject({ level: 30, code: 'ORDO_ERR_REVISION_CONFLICT' });
    expect(logLines.some((line) => line.level >= 50)).toBe(false);
  });

  it('are titled in the language asked for, whatever the user', async () => {
    failWith(new OrdoError('ORDO_ERR_RECORD_NOT_FOUND'));
    expect((await getRecord({ 'accept-language': 'zh-TW,zh;q=0.9' })).json().title).toBe('记录不存在');
    expect((await getRecord({ 'accept-language': 'de-DE' })).json().title).toBe('No such record');
    expect((await getRecord()).json().title).toBe('No such record');
  });
});

describe('errors fastify raises before routing', () => {
  it('a broken percent-escape or an over-long path parameter -> 400 problem+json with the headers', async () => {
    for (const url of ['/api/forms/work-order/records/%E0%A4%A', `/api/forms/work-order/records/${'a'.repeat(300)}`]) {
      const response = await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer good-token' } });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.json()).toMatchObject({ code: 'ORDO_ERR_BAD_REQUEST', status: 400 });
    }
  });
});
