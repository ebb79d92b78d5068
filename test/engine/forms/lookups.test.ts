import { describe, expect, it } from 'vitest';
import { compileForm, type FormDefinition } from '../../../engine/forms/index.js';
import { ITEMS, SALES, salesOrderDefinition, validOrder } from './sales-order-fixture.js';

const form = compileForm(salesOrderDefinition());

describe('lookups', () => {
  it('lists the ids to fetch per form, each once', () => {
    const data = { ...validOrder(), lines: [{ item: 'item-pump' }, { item: 'item-seal' }, { item: 'item-pump' }, { item: '' }, {}] };
    expect(form.lookupRequests(data)).toEqual([{ form: 'item', ids: ['item-pump', 'item-seal'] }]);
    expect(form.lookupRequests('garbage')).toEqual([]);
    expect(form.lookupRequests({ lines: [{ item: 7 }] })).toEqual([]);
  });

  it('fills sibling columns of the same line from the picked record', () => {
    const { data } = form.evaluate({ lines: [{ item: 'item-seal', qty: 1, unit: 'box', price: 1 }] }, SALES, ITEMS);
    expect(data['lines']).toEqual([{ item: 'item-seal', qty: 1, unit: 'set', price: 35.5, amount: 35.5 }]);
  });

  it('fills nothing while the record is not fetched, and check reports it', () => {
    const { data } = form.evaluate({ lines: [{ item: 'item-new', qty: 1, price: 3 }] }, SALES, {});
    expect(data['lines']).toEqual([{ item: 'item-new', qty: 1, price: 3, amount: 3 }]);
    const errors = form.check({ data: { ...validOrder(), lines: [{ item: 'item-new', qty: 1 }] } }, SALES, {}).errors;
    expect(errors.map((error) => [error.pointer, error.code])).toEqual([['/data/lines/0/item', 'lookup']]);
  });

  it('on update, reports a missing record only where the person picked a new one', () => {
    const previous = form.prepare({ data: { ...validOrder(), lines: [{ item: 'item-gone', qty: 1 }] } }, SALES, {
      item: { 'item-gone': { unit: 'pcs', price: 5 } },
    });
    const edited = { ...previous, note: 'call first' };
    expect(form.check({ data: edited, previous }, SALES, {}).errors).toEqual([]);
    const repicked = { ...previous, lines: [{ item: 'item-other', qty: 1 }] };
    expect(form.check({ data: repicked, previous }, SALES, {}).errors.map((error) => [error.pointer, error.code])).toEqual([
      ['/data/lines/0/item', 'lookup'],
    ]);
  });

  it('fills top-level siblings from a top-level lookup', () => {
    const definition: FormDefinition = {
      kind: 'form',
      id: 'shipment',
      version: 1,
      title: { 'zh-CN': '发货', en: 'Shipment' },
      schema: { type: 'object', properties: { customer: { type: 'string' }, city: { type: 'string' } } },
      lookups: { customer: { form: 'customer', displayField: 'name', fill: { city: 'city' } } },
    };
    const shipment = compileForm(definition);
    const { data } = shipment.evaluate({ customer: 'c-1' }, SALES, { customer: { 'c-1': { name: 'ACME', city: 'Wuxi' } } });
    expect(data).toEqual({ customer: 'c-1', city: 'Wuxi' });
  });
});

describe('fill targets and the write guard', () => {
  const definition = salesOrderDefinition();
  definition.permissions = { ...definition.permissions, 'lines.price': { write: ['finance'] } };
  const guarded = compileForm(definition);

  it('lets the picked record write a target the role may not write', () => {
    const result = guarded.check({ data: { ...validOrder(), lines: [{ item: 'item-seal', qty: 1 }] } }, SALES, ITEMS);
    expect(result.errors).toEqual([]);
    expect(result.data['lines']).toEqual([expect.objectContaining({ price: 35.5 })]);
  });

  it('refuses the person\'s own value there when the pick fills nothing', () => {
    const result = guarded.check({ data: { ...validOrder(), lines: [{ item: 'no-such-item', qty: 1, price: 0.01 }] } }, SALES, ITEMS);
    expect(result.errors.map((error) => [error.pointer, error.code])).toContainEqual(['/data/lines/0/price', 'forbidden']);
    expect(result.data['lines']).toEqual([expect.not.objectContaining({ price: 0.01 })]);
  });
});
