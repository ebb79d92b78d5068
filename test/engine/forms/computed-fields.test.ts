import { describe, expect, it } from 'vitest';
import { compileForm, type FormDefinition } from '../../../engine/forms/index.js';
import { ITEMS, SALES, salesOrderDefinition, validOrder } from './sales-order-fixture.js';

describe('computed fields', () => {
  const form = compileForm(salesOrderDefinition());

  it('computes line columns per line and header totals after them', () => {
    const { data } = form.evaluate(validOrder(), SALES, ITEMS);
    const lines = data['lines'] as Record<string, unknown>[];
    expect(lines.map((line) => line['amount'])).toEqual([2400, 142]);
    expect(data['total']).toBe(2542);
  });

  it('replaces values the client sent for computed fields', () => {
    const order = { ...validOrder(), total: 1, lines: [{ item: 'item-pump', qty: 3, amount: 5 }] };
    const { data } = form.evaluate(order, SALES, ITEMS);
    expect((data['lines'] as Record<string, unknown>[])[0]?.['amount']).toBe(3600);
    expect(data['total']).toBe(3600);
  });

  it('leaves a computed field empty when its inputs give no number', () => {
    const { data } = form.evaluate({ lines: [] }, SALES, ITEMS);
    expect(data['total']).toBe(0);
    const none = form.evaluate({}, SALES, ITEMS).data;
    expect(none['lines']).toBeUndefined();
  });

  it('evaluates chains in dependency order, whatever order the definition lists them', () => {
    const definition: FormDefinition = {
      kind: 'form',
      id: 'chain',
      version: 1,
      title: { 'zh-CN': '链', en: 'Chain' },
      schema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' }, c: { type: 'number' }, d: { type: 'number' } } },
      computed: { d: 'c * 2', c: 'b + 1', b: 'a * 10' },
    };
    const { data } = compileForm(definition).evaluate({ a: 2 }, SALES, {});
    expect(data).toEqual({ a: 2, b: 20, c: 21, d: 42 });
  });

  it('lets a line formula read header fields', () => {
    const definition = salesOrderDefinition();
    definition.computed = { ...definition.computed, 'lines.amount': 'qty * price * (100 - discount) / 100' };
    const { data } = compileForm(definition).evaluate({ ...validOrder(), discount: 10 }, SALES, ITEMS);
    expect((data['lines'] as Record<string, unknown>[]).map((line) => line['amount'])).toEqual([2160, 127.8]);
    expect(data['total']).toBe(2287.8);
  });

  it('lists computed fields with their formula in fields', () => {
    const total = form.fields.find((field) => field.path === 'total');
    expect(total?.computed).toBe('SUM(lines.amount)');
    const amount = form.fields.find((field) => field.path === 'lines.amount');
    expect(amount).toMatchObject({ subTable: 'lines', type: 'number', computed: 'qty * price' });
  });
});
