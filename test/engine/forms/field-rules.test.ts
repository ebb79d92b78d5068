import { describe, expect, it } from 'vitest';
import { compileForm, type FormDefinition } from '../../../engine/forms/index.js';
import { ITEMS, SALES, salesOrderDefinition, validOrder } from './sales-order-fixture.js';

describe('field rules', () => {
  const form = compileForm(salesOrderDefinition());

  it('shows and requires the rush reason only while rush is on', () => {
    const off = form.evaluate({ ...validOrder(), rush: false }, SALES, ITEMS).states;
    expect(off['/rushReason']).toEqual({ visible: false, required: false, readOnly: false });
    const on = form.evaluate({ ...validOrder(), rush: true }, SALES, ITEMS).states;
    expect(on['/rushReason']).toEqual({ visible: true, required: true, readOnly: false });
  });

  it('takes the base requiredness from the schema, per line for columns', () => {
    const { states } = form.evaluate(validOrder(), SALES, ITEMS);
    expect(states['/customer']?.required).toBe(true);
    expect(states['/discount']?.required).toBe(false);
    expect(states['/lines/0/qty']?.required).toBe(true);
    expect(states['/lines/1/price']?.required).toBe(false);
    expect(states['/lines/2/qty']).toBeUndefined();
  });

  it('marks computed, serial and filled fields read-only', () => {
    const { states } = form.evaluate({ ...validOrder(), lines: [{ item: 'item-pump', qty: 1 }, { qty: 1 }] }, SALES, ITEMS);
    expect(states['/total']?.readOnly).toBe(true);
    expect(states['/orderNo']?.readOnly).toBe(true);
    expect(states['/orderNo']?.required).toBe(false);
    expect(states['/lines/0/amount']?.readOnly).toBe(true);
    expect(states['/lines/0/price']?.readOnly).toBe(true);
    expect(states['/lines/1/price']?.readOnly).toBe(false);
  });

  it('applies readOnly rules', () => {
    expect(form.evaluate({ ...validOrder(), status: 'draft' }, SALES, ITEMS).states['/discount']?.readOnly).toBe(false);
    expect(form.evaluate({ ...validOrder(), status: 'confirmed' }, SALES, ITEMS).states['/discount']?.readOnly).toBe(true);
  });

  it('clears the value of a hidden field', () => {
    const { data } = form.evaluate({ ...validOrder(), rush: false, rushReason: 'customer line down' }, SALES, ITEMS);
    expect(data).not.toHaveProperty('rushReason');
    const shown = form.evaluate({ ...validOrder(), rush: true, rushReason: 'customer line down' }, SALES, ITEMS).data;
    expect(shown['rushReason']).toBe('customer line down');
  });

  it('keeps the value of a hidden field with keepValueWhenHidden', () => {
    const definition = salesOrderDefinition();
    definition.rules = [{ field: 'rushReason', visible: 'rush = TRUE', keepValueWhenHidden: true }];
    const { data, states } = compileForm(definition).evaluate({ ...validOrder(), rushReason: 'kept' }, SALES, ITEMS);
    expect(states['/rushReason']?.visible).toBe(false);
    expect(data['rushReason']).toBe('kept');
  });

  it('recomputes after clearing, until nothing more is cleared', () => {
    const definition: FormDefinition = {
      kind: 'form',
      id: 'cascade',
      version: 1,
      title: { 'zh-CN': '级联', en: 'Cascade' },
      schema: {
        type: 'object',
        properties: {
          open: { type: 'boolean' },
          extra: { type: 'number' },
          extraTwice: { type: 'number' },
          detail: { type: 'string' },
        },
      },
      computed: { extraTwice: 'extra * 2' },
      rules: [
        { field: 'extra', visible: 'open = TRUE' },
        { field: 'detail', visible: 'extraTwice > 10' },
      ],
    };
    const form = compileForm(definition);
    const { data, states } = form.evaluate({ open: false, extra: 6, detail: 'x' }, SALES, {});
    expect(data).toEqual({ open: false, extraTwice: 0 });
    expect(states['/detail']?.visible).toBe(false);
    const open = form.evaluate({ open: true, extra: 6, detail: 'x' }, SALES, {}).data;
    expect(open).toEqual({ open: true, extra: 6, extraTwice: 12, detail: 'x' });
  });

  it('evaluates column rules per line with the line in scope', () => {
    const definition = salesOrderDefinition();
    definition.rules = [{ field: 'lines.price', visible: 'qty > 2' }];
    const { data, states } = compileForm(definition).evaluate(
      { ...validOrder(), lines: [{ qty: 1, price: 5 }, { qty: 3, price: 5 }] },
      SALES,
      {},
    );
    expect(states['/lines/0/price']?.visible).toBe(false);
    expect(states['/lines/1/price']?.visible).toBe(true);
    expect(data['lines']).toEqual([{ qty: 1, amount: 0 }, { qty: 3, price: 5, amount: 15 }]);
  });

  it('hides the columns of a hidden sub-table', () => {
    const definition = salesOrderDefinition();
    definition.rules = [{ field: 'lines', visible: 'customer <> ""' }];
    const { data, states } = compileForm(definition).evaluate({ ...validOrder(), customer: '' }, SALES, ITEMS);
    expect(states['/lines']?.visible).toBe(false);
    expect(data).not.toHaveProperty('lines');
  });
});

describe('hidden fields and write permissions', () => {
  const item = compileForm({
    kind: 'form',
    id: 'item',
    version: 1,
    title: { 'zh-CN': '物料', en: 'Item' },
    schema: {
      type: 'object',
      properties: { makeBuy: { type: 'string', enum: ['make', 'buy'] }, defaultSupplier: { type: 'string' } },
    },
    rules: [{ field: 'defaultSupplier', visible: 'makeBuy = "buy"' }],
    permissions: { defaultSupplier: { write: ['buyer'] } },
  } satisfies FormDefinition);
  const previous = { makeBuy: 'buy', defaultSupplier: 'sup-x' };

  it('keeps the value of a hidden field the role may not write', () => {
    const planner = { roles: ['planner'], locale: 'en' } as const;
    const result = item.check({ data: { ...previous, makeBuy: 'make' }, previous }, planner);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ makeBuy: 'make', defaultSupplier: 'sup-x' });
  });

  it('clears it when the role may write it', () => {
    const buyer = { roles: ['buyer'], locale: 'en' } as const;
    expect(item.check({ data: { ...previous, makeBuy: 'make' }, previous }, buyer).data).toEqual({ makeBuy: 'make' });
  });
});
