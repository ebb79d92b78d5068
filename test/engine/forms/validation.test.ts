import { describe, expect, it } from 'vitest';
import { OrdoError } from '../../../engine/errors/index.js';
import { compileForm, MAX_VALIDATION_ERRORS, type FormDefinition } from '../../../engine/forms/index.js';
import { ITEMS, SALES, salesOrderDefinition, validOrder } from './sales-order-fixture.js';

const form = compileForm(salesOrderDefinition());

function codes(data: unknown): [string, string][] {
  return form.check({ data }, SALES, ITEMS).errors.map((error) => [error.pointer, error.code]);
}

describe('validation', () => {
  it('accepts a valid order and returns the data to store', () => {
    const result = form.check({ data: validOrder() }, SALES, ITEMS);
    expect(result.errors).toEqual([]);
    expect(form.prepare({ data: validOrder() }, SALES, ITEMS)).toEqual(result.data);
    expect(result.data['lines']).toEqual([
      { item: 'item-pump', qty: 2, unit: 'pcs', price: 1200, amount: 2400 },
      { item: 'item-seal', qty: 4, unit: 'set', price: 35.5, amount: 142 },
    ]);
  });

  it('points at missing required fields, in the header and in lines', () => {
    expect(codes({ orderDate: '2026-11-24', lines: [{ item: 'item-pump' }] })).toEqual([
      ['/data/customer', 'required'],
      ['/data/lines/0/qty', 'required'],
    ]);
  });

  it('requires a field a rule makes required, and not a hidden one', () => {
    expect(codes({ ...validOrder(), rush: true })).toEqual([['/data/rushReason', 'required']]);
    expect(codes({ ...validOrder(), rush: false })).toEqual([]);
  });

  it('reports ajv keywords with data pointers', () => {
    expect(codes({ ...validOrder(), discount: -1, lines: [{ item: 'item-pump', qty: '3' }] })).toEqual([
      ['/data/discount', 'minimum'],
      ['/data/lines/0/qty', 'type'],
    ]);
    expect(codes({ ...validOrder(), note: 'a <script>' })).toEqual([['/data/note', 'pattern']]);
    expect(codes({ ...validOrder(), orderDate: '2026-13-45' })).toEqual([['/data/orderDate', 'format']]);
    expect(codes({ ...validOrder(), lines: [] })).toEqual([['/data/lines', 'minItems']]);
  });

  it('rejects unknown properties at every level and does not coerce', () => {
    expect(codes({ ...validOrder(), extra: 1, lines: [{ item: 'item-pump', qty: 1, colour: 'red' }] })).toEqual([
      ['/data/extra', 'additionalProperties'],
      ['/data/lines/0/colour', 'additionalProperties'],
    ]);
    expect(codes({ ...validOrder(), rush: 'true' })).toEqual([['/data/rush', 'type']]);
  });

  it('reports a formula that fails, but not when an input it reads is wrong', () => {
    const huge = { item: 'item-pump', qty: 1e308 };
    expect(codes({ ...validOrder(), lines: [huge, { item: 'item-seal', qty: 1 }] })).toEqual([
      ['/data/lines/0/amount', 'formula'],
    ]);
    expect(codes({ ...validOrder(), lines: [{ item: 'item-pump', qty: 'abc' }] })).toEqual([['/data/lines/0/qty', 'type']]);
  });

  it('reports a picked record that was not found', () => {
    expect(codes({ ...validOrder(), lines: [{ item: 'item-gone', qty: 1 }] })).toEqual([['/data/lines/0/item', 'lookup']]);
  });

  it('reports data that is not an object', () => {
    expect(codes([1, 2])[0]).toEqual(['/data', 'type']);
  });

  it('returns at most 50 ajv errors', () => {
    const lines = Array.from({ length: 80 }, () => ({ item: 'item-pump', qty: 1, bogus: true }));
    const errors = form.check({ data: { ...validOrder(), lines } }, SALES, ITEMS).errors;
    expect(errors.length).toBe(MAX_VALIDATION_ERRORS);
  });

  it('throws ORDO_ERR_VALIDATION from prepare with every field error', () => {
    try {
      form.prepare({ data: { ...validOrder(), customer: '', discount: 101 } }, SALES, ITEMS);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OrdoError);
      const ordo = error as OrdoError;
      expect(ordo.code).toBe('ORDO_ERR_VALIDATION');
      expect(ordo.status).toBe(422);
      expect(ordo.fields.map((field) => field.pointer).sort()).toEqual(['/data/customer', '/data/discount']);
    }
  });

  it('does not validate a hidden field it keeps', () => {
    const definition = salesOrderDefinition();
    definition.rules = [{ field: 'discount', visible: 'rush = TRUE', keepValueWhenHidden: true }];
    const kept = compileForm(definition).check({ data: { ...validOrder(), discount: 500 } }, SALES, ITEMS);
    expect(kept.errors).toEqual([]);
    expect(kept.data['discount']).toBe(500);
  });

  it('leaves objects open where the schema says so', () => {
    const definition: FormDefinition = {
      kind: 'form',
      id: 'open',
      version: 1,
      title: { 'zh-CN': '开放', en: 'Open' },
      schema: {
        type: 'object',
        properties: {
          attributes: { type: 'object', additionalProperties: { type: 'string' } },
          size: { type: 'object', properties: { w: { type: 'number' } } },
        },
      },
    };
    const open = compileForm(definition);
    expect(open.check({ data: { attributes: { colour: 'red' } } }, SALES, {}).errors).toEqual([]);
    expect(open.check({ data: { size: { w: 1, h: 2 } } }, SALES, {}).errors.map((error) => error.pointer)).toEqual([
      '/data/size/h',
    ]);
  });
});

describe('money amounts', () => {
  const priced = compileForm({
    kind: 'form',
    id: 'priced',
    version: 1,
    title: { 'zh-CN': '价格', en: 'Price' },
    schema: { type: 'object', properties: { price: { type: 'number', multipleOf: 0.01 } } },
  } satisfies FormDefinition);

  it('accepts every whole number of cents under multipleOf 0.01 and rejects fractions of a cent', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        const price = cents / 100;
        expect(priced.check({ data: { price } }, SALES).errors).toEqual([]);
      }),
    );
    expect(priced.check({ data: { price: 1234.565 } }, SALES).errors.map((error) => error.code)).toEqual(['multipleOf']);
  });
});

describe('request size', () => {
  const lines = compileForm({
    kind: 'form',
    id: 'packing-list',
    version: 1,
    title: { 'zh-CN': '装箱单', en: 'Packing list' },
    schema: {
      type: 'object',
      properties: {
        boxes: { type: 'array', maxItems: 20, items: { type: 'object', properties: { qty: { type: 'number' }, weight: { type: 'number' } } } },
        parts: { type: 'array', items: { type: 'object', properties: { qty: { type: 'number' } } } },
      },
    },
    computed: { 'boxes.weight': 'qty * 2.5' },
    rules: [
      { field: 'boxes.qty', visible: 'COUNT(boxes.qty) > 1' },
      { field: 'parts.qty', required: 'TRUE' },
    ],
  } satisfies FormDefinition);
  const context = { roles: ['admin'], locale: 'en' } as const;

  it('refuses a sub-table over its maxItems, or over 1000 lines, before any formula runs', () => {
    const many = (count: number) => Array.from({ length: count }, () => ({ qty: 'x' }));
    const boxes = lines.check({ data: { boxes: many(21) } }, context);
    expect(boxes.errors.map((error) => [error.pointer, error.code])).toEqual([['/data/boxes', 'maxItems']]);
    expect(boxes.data['boxes']).toEqual(many(21));
    const parts = lines.check({ data: { parts: many(50_000) } }, context);
    expect(parts.errors.map((error) => [error.pointer, error.code, error.message])).toEqual([
      ['/data/parts', 'maxItems', expect.stringContaining('1000')],
    ]);
  });

  it('reports at most 100 field errors', () => {
    const result = lines.check({ data: { parts: Array.from({ length: 1000 }, () => ({})) } }, context);
    expect(result.errors).toHaveLength(100);
    expect(result.errors[99]).toMatchObject({ pointer: '/data/parts/99/qty', code: 'required' });
  });
});

describe('defaults and the write guard', () => {
  it('gives a field the role may not write its default formula without calling it forbidden', () => {
    const order = compileForm({
      kind: 'form',
      id: 'order',
      version: 1,
      title: { 'zh-CN': '订单', en: 'Order' },
      schema: { type: 'object', properties: { promisedDate: { type: 'string', format: 'date' }, note: { type: 'string' } } },
      defaults: { promisedDate: 'TODAY() + 14' },
      permissions: { promisedDate: { write: ['planner'] } },
    } satisfies FormDefinition);
    const clerk = { roles: ['clerk'], locale: 'en', now: new Date('2026-11-24T00:00:00Z') } as const;
    const result = order.check({ data: { note: 'rush' } }, clerk);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ note: 'rush', promisedDate: '2026-12-08' });
    expect(order.check({ data: { note: 'rush', promisedDate: '2027-01-01' } }, clerk).errors.map((e) => e.code)).toEqual(['forbidden']);
  });
});
