import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm, type FormContext } from '../../../engine/forms/index.js';
import { FINANCE, ITEMS, SALES, salesOrderDefinition } from './sales-order-fixture.js';

const form = compileForm(salesOrderDefinition());

const contexts: FormContext[] = [SALES, FINANCE, { roles: [], locale: 'zh-CN' }];

const line = fc.record(
  {
    item: fc.constantFrom('item-pump', 'item-seal', 'item-gone', ''),
    qty: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constant(null)),
    price: fc.double({ min: 0, max: 1e6, noNaN: true }),
    unit: fc.string({ maxLength: 4 }),
    amount: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

/** Order-shaped data with realistic and unrealistic values mixed. */
const order = fc.record(
  {
    orderNo: fc.string({ maxLength: 12 }),
    customer: fc.string({ maxLength: 12 }),
    orderDate: fc.constantFrom('2026-11-24', '2026-02-30', 'tomorrow'),
    status: fc.constantFrom('draft', 'confirmed', 'lost'),
    rush: fc.oneof(fc.boolean(), fc.constant('yes')),
    rushReason: fc.string({ maxLength: 20 }),
    discount: fc.oneof(fc.integer({ min: -5, max: 105 }), fc.string({ maxLength: 3 })),
    cost: fc.double({ min: 0, max: 1e5, noNaN: true }),
    note: fc.string({ maxLength: 10 }),
    total: fc.jsonValue(),
    lines: fc.array(line, { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

const garbage = fc.anything({
  withNullPrototype: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withSparseArray: true,
  withObjectString: true,
});

/** Field names with values of any kind, also inside lines. */
const garbageOrder = fc.dictionary(
  fc.constantFrom('customer', 'rush', 'rushReason', 'discount', 'total', 'orderDate', 'constructor', '__proto__'),
  garbage,
).chain((header) =>
  fc
    .array(fc.dictionary(fc.constantFrom('item', 'qty', 'price', 'amount', 'toString'), garbage), { maxLength: 3 })
    .map((lines) => ({ ...header, lines })),
);

/** Orders that have a chance to pass validation. */
const plausibleOrder = fc.record({
  customer: fc.string({ minLength: 1, maxLength: 12 }).filter((text) => !/[<>]/.test(text)),
  orderDate: fc.constant('2026-11-24'),
  status: fc.constantFrom('draft', 'confirmed'),
  rush: fc.boolean(),
  rushReason: fc.string({ minLength: 1, maxLength: 12 }),
  discount: fc.integer({ min: 0, max: 100 }),
  lines: fc.array(
    fc.record({ item: fc.constantFrom('item-pump', 'item-seal'), qty: fc.integer({ min: 1, max: 9 }), amount: fc.integer() }),
    { minLength: 1, maxLength: 4 },
  ),
  total: fc.integer(),
});

function withoutComputed(data: Record<string, unknown>): Record<string, unknown> {
  const { total: _total, ...rest } = data;
  const lines = rest['lines'];
  if (!Array.isArray(lines)) return rest;
  return {
    ...rest,
    lines: lines.map((item: unknown) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
      const { amount: _amount, ...columns } = item as Record<string, unknown>;
      return columns;
    }),
  };
}

describe('form properties', () => {
  it('evaluate never throws, whatever the data', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), garbage, garbageOrder, order), fc.constantFrom(...contexts), (data, context) => {
        const result = form.evaluate(data, context, ITEMS);
        expect(typeof result.data).toBe('object');
        expect(typeof result.states).toBe('object');
        form.check({ data }, context, ITEMS);
      }),
      { numRuns: 300 },
    );
  });

  it('check never lets a role change a field it may not write', () => {
    const definition = salesOrderDefinition();
    definition.lookups = {};
    definition.permissions = {
      cost: { read: ['finance'], write: ['finance'] },
      discount: { write: ['finance'] },
      'lines.price': { write: ['finance'] },
    };
    const guarded = compileForm(definition);
    fc.assert(
      fc.property(order, fc.option(order, { nil: undefined }), (data, previous) => {
        const { data: out } = guarded.check({ data, ...(previous === undefined ? {} : { previous }) }, SALES, {});
        for (const name of ['cost', 'discount']) {
          if (name in out) expect(out[name]).toEqual(previous?.[name as keyof typeof previous]);
        }
        const lines = Array.isArray(out['lines']) ? (out['lines'] as Record<string, unknown>[]) : [];
        lines.forEach((item, i) => {
          if ('price' in item) expect(item['price']).toEqual(previous?.lines?.[i]?.price);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('prepare is idempotent', () => {
    let prepared = 0;
    fc.assert(
      fc.property(plausibleOrder, fc.boolean(), (data, updating) => {
        const previous = updating ? { ...data, orderNo: 'SO-2026-0001', discount: 3 } : undefined;
        const input = previous === undefined ? { data } : { data, previous };
        let once: Record<string, unknown>;
        try {
          once = form.prepare(input, SALES, ITEMS);
        } catch {
          return;
        }
        prepared += 1;
        const twice = form.prepare(previous === undefined ? { data: once } : { data: once, previous }, SALES, ITEMS);
        expect(twice).toEqual(once);
      }),
      { numRuns: 200 },
    );
    expect(prepared).toBeGreaterThan(20);
  });

  it('client-sent computed values never survive', () => {
    fc.assert(
      fc.property(order, fc.constantFrom(...contexts), (data, context) => {
        const sent = form.evaluate(data, context, ITEMS).data;
        const clean = form.evaluate(withoutComputed(data), context, ITEMS).data;
        expect(sent).toEqual(clean);
        const checked = form.check({ data }, context, ITEMS).data;
        expect(checked['total']).toEqual(clean['total']);
      }),
      { numRuns: 300 },
    );
  });
});
