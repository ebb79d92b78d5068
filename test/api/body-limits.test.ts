import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../runtime/http/index.js';
import { recordingServices, type RecordingServices } from '../support/api-recording-services.js';

/*
 * Bodies JSON.parse accepts but nothing after it should see: nesting deep enough to overflow a
 * recursive walk, and text PostgreSQL cannot store. They are refused with 400 before a handler runs.
 */

let app: FastifyInstance;
let services: RecordingServices;

beforeAll(async () => {
  services = recordingServices();
  app = await buildServer({ services: services.services });
});
afterAll(async () => {
  await app.close();
});

function post(payload: string) {
  services.calls.length = 0;
  return app.inject({
    method: 'POST',
    url: '/api/forms/work-order/records',
    headers: { authorization: 'Bearer good-token', 'content-type': 'application/json' },
    payload,
  });
}

function nested(depth: number): string {
  return `{"data":{"x":${'['.repeat(depth)}1${']'.repeat(depth)}}}`;
}

/** encodeURIComponent refuses exactly the strings with a lone surrogate. */
function encodable(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** The rule, written the obvious recursive way: depth counted from the body, every key and string checked. */
function violates(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || !encodable(value);
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= 32) return true;
  const entries = Array.isArray(value) ? value.map((child, index) => [String(index), child] as const) : Object.entries(value);
  return entries.some(([key, child]) => violates(key) || violates(child, depth + 1));
}

describe('nesting', () => {
  it('refuses a body nested past the limit, even one deep enough to break a recursive walk', async () => {
    for (const depth of [40, 200_000]) {
      const response = await post(nested(depth));
      expect(response.statusCode, String(depth)).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ code: 'maxDepth' });
      expect(response.json().errors[0].pointer).toMatch(/^\/body\/data\/x(\/0)+$/);
      expect(services.calls).toEqual(['auth.authenticate']);
    }
  });

  it('accepts nesting a form can have', async () => {
    const response = await post(nested(20));
    expect(response.statusCode).toBe(201);
  });
});

describe('text', () => {
  it('refuses NUL and lone surrogates in values and keys, with the pointer', async () => {
    const cases: [string, string][] = [
      ['{"data":{"customer":"a\\u0000b"}}', '/body/data/customer'],
      ['{"data":{"customer":"\\ud800"}}', '/body/data/customer'],
      ['{"data":{"customer":"x\\udc00"}}', '/body/data/customer'],
      ['{"data":{"a\\u0000":1}}', '/body/data/a\u0000'],
      ['{"data":{"lines":[{"sku":"\\udfff\\ud800"}]}}', '/body/data/lines/0/sku'],
    ];
    for (const [payload, pointer] of cases) {
      const response = await post(payload);
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().errors).toEqual([{ pointer, code: 'text', message: 'contains a NUL character or broken Unicode' }]);
      expect(services.calls).toEqual(['auth.authenticate']);
    }
  });

  it('accepts Chinese text, emoji and escapes that are well formed', async () => {
    const response = await post(JSON.stringify({ data: { customer: '泵业有限公司 😀 \u00e9 \t\n "quoted" \\' } }));
    expect(response.statusCode).toBe(201);
    expect(services.lastArguments[2]).toEqual({ customer: '泵业有限公司 😀 \u00e9 \t\n "quoted" \\' });
  });

  it('refuses exactly the bodies the rule says, for any JSON', async () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('\u0000', '\ud800', '\udc00x', '😀'));
    const value = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(text, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    const deepWrap = fc.tuple(value, fc.nat(40)).map(([inner, depth]) => {
      let result: unknown = inner;
      for (let level = 0; level < depth; level += 1) result = [result];
      return result;
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(value, deepWrap), async (data) => {
        const body = { data: { field: data } };
        const response = await post(JSON.stringify(body));
        expect(response.statusCode).toBe(violates(body) ? 400 : 201);
      }),
      { numRuns: 150 },
    );
  });
});
