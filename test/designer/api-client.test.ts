import { describe, expect, it } from 'vitest';
import { createApiClient, dispositionFilename } from '../../designer/src/api/api-client.js';
import { ApiError, problemToError } from '../../designer/src/api/api-error.js';
import { newIdempotencyKey } from '../../designer/src/api/idempotency-key.js';

interface Call {
  readonly url: string;
  readonly init: RequestInit;
}

function fakeFetch(status: number, body: unknown, calls: Call[]): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
}

describe('API client', () => {
  it('sends the bearer token, the language and JSON bodies', async () => {
    const calls: Call[] = [];
    const api = createApiClient({ getToken: () => 'tok-1', getLocale: () => 'zh-CN', fetchImpl: fakeFetch(201, { id: 'r1' }, calls) });
    const created = await api.createRecord('sales-order', { qty: 2 }, 'key-1');
    expect(created).toEqual({ id: 'r1' });
    const [call] = calls;
    const headers = call?.init.headers as Record<string, string>;
    expect(call?.url).toBe('/api/forms/sales-order/records');
    expect(call?.init.method).toBe('POST');
    expect(headers.Authorization).toBe('Bearer tok-1');
    expect(headers['Accept-Language']).toBe('zh-CN');
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['Idempotency-Key']).toBe('key-1');
    expect(JSON.parse(String(call?.init.body))).toEqual({ data: { qty: 2 } });
  });

  it('sends no Authorization header without a token and no body on GET', async () => {
    const calls: Call[] = [];
    const api = createApiClient({ getToken: () => null, getLocale: () => 'en', fetchImpl: fakeFetch(200, { items: [], total: 0, limit: 20, offset: 0 }, calls) });
    await api.listRecords('item', { q: 'pump', filters: [{ field: 'kind', op: 'eq', value: 'fg' }], sort: '-code' });
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.Authorization).toBeUndefined();
    expect(calls[0]?.init.body).toBeUndefined();
    expect(calls[0]?.url).toBe('/api/forms/item/records?q=pump&filter=kind%3Aeq%3Afg&sort=-code');
  });

  it('PATCHes with the revision and turns a conflict into a typed error', async () => {
    const calls: Call[] = [];
    const problem = { type: 'about:blank', title: 'Conflict', status: 409, code: 'ORDO_ERR_REVISION_CONFLICT', currentRevision: 4 };
    const api = createApiClient({ getToken: () => 't', getLocale: () => 'en', fetchImpl: fakeFetch(409, problem, calls) });
    const error = await api.updateRecord('sales-order', 'a/b', 3, { qty: 1 }).catch((caught: unknown) => caught);
    expect(calls[0]?.url).toBe('/api/forms/sales-order/records/a%2Fb');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ revision: 3, data: { qty: 1 } });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('ORDO_ERR_REVISION_CONFLICT');
    expect((error as ApiError).extra.currentRevision).toBe(4);
  });

  it('reports a 401 on an authenticated call as a lost session, but not a failed login', async () => {
    const lost: ApiError[] = [];
    const problem = { title: 'Sign in first', status: 401, code: 'ORDO_ERR_UNAUTHENTICATED' };
    const withToken = createApiClient({ getToken: () => 't', getLocale: () => 'en', fetchImpl: fakeFetch(401, problem, []), onUnauthenticated: (error) => lost.push(error) });
    await expect(withToken.definitions()).rejects.toBeInstanceOf(ApiError);
    expect(lost).toHaveLength(1);
    const anonymous = createApiClient({ getToken: () => null, getLocale: () => 'en', fetchImpl: fakeFetch(401, { ...problem, code: 'ORDO_ERR_LOGIN_FAILED' }, []), onUnauthenticated: (error) => lost.push(error) });
    await expect(anonymous.login('li.na', 'wrong')).rejects.toMatchObject({ code: 'ORDO_ERR_LOGIN_FAILED', status: 401 });
    expect(lost).toHaveLength(1);
  });

  it('turns a failed connection into a NETWORK error', async () => {
    const api = createApiClient({ getToken: () => null, getLocale: () => 'en', fetchImpl: async () => Promise.reject(new TypeError('fetch failed')) });
    await expect(api.definitions()).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });
});

describe('API client: workflows and the inbox', () => {
  function client(status: number, body: unknown, calls: Call[]) {
    return createApiClient({ getToken: () => 't', getLocale: () => 'zh-CN', fetchImpl: fakeFetch(status, body, calls) });
  }
  const sent = (call: Call | undefined) => [call?.init.method, call?.url, call?.init.body === undefined ? undefined : JSON.parse(String(call.init.body))];

  it('addresses each task and instance command, with a comment only when there is one', async () => {
    const calls: Call[] = [];
    const api = client(200, { instance: {}, replayed: false }, calls);
    await api.inbox('initiated', { limit: 50, offset: 100 });
    await api.completeTask('t/1', 'approve', '  ', { remarks: 'ok' });
    await api.completeTask('t1', 'reject', ' 不行 ');
    await api.returnTask('t1', 'initiator', '请修改');
    await api.transferTask('t1', 'xu.lei');
    await api.addSigner('t1', 'zheng.hao', 'after', '请会签');
    await api.saveDraft('t1', { remarks: 'draft' });
    await api.startWorkflow('sales-order-lifecycle', 'so-1');
    await api.sendEvent('i1', 'submit', '');
    await api.withdraw('i1');
    await api.recordWorkflows('sales-order', 'so 1');
    expect(calls.map(sent)).toEqual([
      ['GET', '/api/tasks?box=initiated&limit=50&offset=100', undefined],
      ['POST', '/api/tasks/t%2F1/complete', { outcome: 'approve', data: { remarks: 'ok' } }],
      ['POST', '/api/tasks/t1/complete', { outcome: 'reject', comment: '不行' }],
      ['POST', '/api/tasks/t1/return', { to: 'initiator', comment: '请修改' }],
      ['POST', '/api/tasks/t1/transfer', { to: 'xu.lei' }],
      ['POST', '/api/tasks/t1/add-signer', { user: 'zheng.hao', position: 'after', comment: '请会签' }],
      ['PUT', '/api/tasks/t1/draft', { data: { remarks: 'draft' } }],
      ['POST', '/api/workflows', { workflow: 'sales-order-lifecycle', recordId: 'so-1' }],
      ['POST', '/api/workflows/i1/events', { type: 'submit' }],
      ['POST', '/api/workflows/i1/withdraw', {}],
      ['GET', '/api/forms/sales-order/records/so%201/workflows', undefined],
    ]);
  });

  it('reads a batch approval per task, a failure as an ApiError from its problem document', async () => {
    const calls: Call[] = [];
    const problem = { title: 'Not active', status: 409, code: 'ORDO_ERR_TASK_NOT_ACTIVE', taskStatus: 'approved' };
    const api = client(200, { results: [{ id: 'a', ok: true, instance: { id: 'i1' } }, { id: 'b', ok: false, error: problem }] }, calls);
    const results = await api.batchApprove(['a', 'b'], '同意');
    expect(sent(calls[0])).toEqual(['POST', '/api/tasks/batch-complete', { ids: ['a', 'b'], outcome: 'approve', comment: '同意' }]);
    expect(results[0]).toEqual({ id: 'a', ok: true, instance: { id: 'i1' } });
    const failed = results[1];
    expect(failed?.ok).toBe(false);
    if (failed?.ok === false) {
      expect(failed.error).toBeInstanceOf(ApiError);
      expect(failed.error).toMatchObject({ status: 409, code: 'ORDO_ERR_TASK_NOT_ACTIVE', extra: { taskStatus: 'approved' } });
    }
  });
});

describe('problem documents', () => {
  it('reads field errors and extra members', () => {
    const error = problemToError(422, {
      type: 'https://ordo.dev/problems/validation',
      title: '部分字段填写有误',
      status: 422,
      detail: '2 fields',
      code: 'ORDO_ERR_VALIDATION',
      errors: [{ pointer: '/data/lines/0/qty', code: 'minimum', message: '数量必须大于 0' }, 'junk'],
      requestId: 'r-9',
    });
    expect(error.status).toBe(422);
    expect(error.title).toBe('部分字段填写有误');
    expect(error.detail).toBe('2 fields');
    expect(error.fieldErrors).toEqual([{ pointer: '/data/lines/0/qty', code: 'minimum', message: '数量必须大于 0' }]);
    expect(error.extra).toEqual({ requestId: 'r-9' });
  });

  it('copes with bodies that are not problem documents', () => {
    expect(problemToError(502, undefined, 'Bad Gateway')).toMatchObject({ status: 502, code: 'ORDO_ERR_INTERNAL', title: 'Bad Gateway' });
    expect(problemToError(404, 'Not here')).toMatchObject({ status: 404, code: 'ORDO_ERR_BAD_REQUEST' });
  });
});

describe('API client files', () => {
  it('downloads a file with the token and the name from Content-Disposition', async () => {
    const calls: Call[] = [];
    const fetchImpl: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), init: init ?? {} });
      return new Response('a,b\n', { status: 200, headers: { 'Content-Disposition': `attachment; filename="report.csv"; filename*=UTF-8''${encodeURIComponent('准时交付.csv')}` } });
    };
    const api = createApiClient({ getToken: () => 'tok-2', getLocale: () => 'zh-CN', fetchImpl });
    const file = await api.download('/api/reports/on-time/export?format=csv');
    expect(file.filename).toBe('准时交付.csv');
    expect(await file.blob.text()).toBe('a,b\n');
    expect((calls[0]?.init.headers as Record<string, string>).Authorization).toBe('Bearer tok-2');
  });

  it('turns a failed download into the problem it carries', async () => {
    const problem = { title: 'Forbidden', status: 403, code: 'ORDO_ERR_FORBIDDEN' };
    const api = createApiClient({ getToken: () => 't', getLocale: () => 'en', fetchImpl: fakeFetch(403, problem, []) });
    const error = await api.download('/api/records/item/export?format=xlsx').catch((caught: unknown) => caught);
    expect((error as ApiError).code).toBe('ORDO_ERR_FORBIDDEN');
  });

  it('reads plain and RFC 6266 file names', () => {
    expect(dispositionFilename('attachment; filename="a b.xlsx"')).toBe('a b.xlsx');
    expect(dispositionFilename('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(dispositionFilename("attachment; filename*=UTF-8''%E9%80%81%E8%B4%A7%E5%8D%95.pdf")).toBe('送货单.pdf');
    expect(dispositionFilename(null)).toBeUndefined();
  });

  it('posts report runs and drills with their parameters', async () => {
    const calls: Call[] = [];
    const api = createApiClient({ getToken: () => 't', getLocale: () => 'en', fetchImpl: fakeFetch(200, { form: 'sales-order', total: 0, items: [] }, calls) });
    await api.drillReport('late orders', { from: '2026-11-01' }, { customer: 'c-1' }, { limit: 50, offset: 0 });
    expect(calls[0]?.url).toBe('/api/reports/late%20orders/drill');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ parameters: { from: '2026-11-01' }, row: { customer: 'c-1' }, limit: 50, offset: 0 });
  });
});

describe('idempotency keys', () => {
  it('are random UUID v4 strings', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('set the version and variant bits whatever the random bytes', () => {
    expect(newIdempotencyKey((bytes) => bytes.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newIdempotencyKey((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });
});
