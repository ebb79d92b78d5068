import { describe, expect, it } from 'vitest';
import { problemsOf } from './definition-problems.js';
import { compileForm, type FormContext, type FormDefinition } from '../../../engine/forms/index.js';
import { OrdoError } from '../../../engine/errors/index.js';
import { ADMIN, FINANCE, ITEMS, SALES, salesOrderDefinition, validOrder } from './sales-order-fixture.js';

const form = compileForm(salesOrderDefinition());

function stored(): Record<string, unknown> {
  return form.prepare({ data: { ...validOrder(), cost: 900 } }, FINANCE, ITEMS);
}

function errorOf(run: () => unknown): OrdoError {
  try {
    run();
  } catch (error) {
    if (error instanceof OrdoError) return error;
    throw error;
  }
  throw new Error('expected an OrdoError');
}

describe('field permissions on create', () => {
  it('rejects a value for a field the roles may not write', () => {
    const result = form.check({ data: { ...validOrder(), cost: 10 } }, SALES, ITEMS);
    expect(result.errors).toEqual([expect.objectContaining({ pointer: '/data/cost', code: 'forbidden' })]);
    expect(result.data).not.toHaveProperty('cost');
  });

  it('lets the permitted role and admin write it', () => {
    expect(form.check({ data: { ...validOrder(), cost: 10 } }, FINANCE, ITEMS).errors).toEqual([]);
    expect(form.check({ data: { ...validOrder(), cost: 10 } }, ADMIN, ITEMS).errors).toEqual([]);
  });

  it('throws ORDO_ERR_FIELD_FORBIDDEN when only permissions fail, ORDO_ERR_VALIDATION when mixed', () => {
    const forbidden = errorOf(() => form.prepare({ data: { ...validOrder(), cost: 10 } }, SALES, ITEMS));
    expect(forbidden.code).toBe('ORDO_ERR_FIELD_FORBIDDEN');
    expect(forbidden.status).toBe(403);
    expect(forbidden.fields.map((field) => field.pointer)).toEqual(['/data/cost']);

    const mixed = errorOf(() => form.prepare({ data: { ...validOrder(), cost: 10, customer: '' } }, SALES, ITEMS));
    expect(mixed.code).toBe('ORDO_ERR_VALIDATION');
    expect(mixed.fields.map((field) => field.code).sort()).toEqual(['forbidden', 'required']);
  });

  it('accepts the schema default of a field the roles may not write, as a form fills it in', () => {
    const definition = salesOrderDefinition();
    definition.permissions = { status: { write: ['finance'] } };
    const statusForm = compileForm(definition);
    const filled = statusForm.check({ data: { ...validOrder(), status: 'draft' } }, SALES, ITEMS);
    expect(filled.errors).toEqual([]);
    expect(filled.data['status']).toBe('draft');
    const changed = statusForm.check({ data: { ...validOrder(), status: 'confirmed' } }, SALES, ITEMS);
    expect(changed.errors.map((error) => [error.pointer, error.code])).toEqual([['/data/status', 'forbidden']]);
    // The forbidden value is dropped, and the new record starts at the schema default instead.
    expect(changed.data['status']).toBe('draft');
  });

  it('drops a client-sent serial number for the store to assign', () => {
    const result = form.check({ data: { ...validOrder(), orderNo: 'SO-FAKE' } }, SALES, ITEMS);
    expect(result.errors).toEqual([]);
    expect(result.data).not.toHaveProperty('orderNo');
  });
});

describe('field permissions on update', () => {
  it('keeps the previous value of a field the roles may not read', () => {
    const previous: Record<string, unknown> = { ...stored(), orderNo: 'SO-2026-0001' };
    const { customer: _customer, cost: _cost, ...sent } = previous;
    const result = form.check({ data: { ...sent, customer: 'New name' }, previous }, SALES, ITEMS);
    expect(result.errors).toEqual([]);
    expect(result.data['cost']).toBe(900);
    expect(result.data['customer']).toBe('New name');
    expect(result.data['orderNo']).toBe('SO-2026-0001');
  });

  it('rejects a changed value of a field the roles may not write and keeps the old one', () => {
    const previous = stored();
    const result = form.check({ data: { ...previous, cost: 1 }, previous }, SALES, ITEMS);
    expect(result.errors).toEqual([expect.objectContaining({ pointer: '/data/cost', code: 'forbidden' })]);
    expect(result.data['cost']).toBe(900);
  });

  it('accepts an unchanged value of a field the roles may not write', () => {
    const previous = stored();
    expect(form.check({ data: { ...previous }, previous }, SALES, ITEMS).errors).toEqual([]);
  });

  it('rejects changing a field a rule makes read-only', () => {
    const previous = form.prepare({ data: { ...validOrder(), status: 'confirmed', discount: 5 } }, SALES, ITEMS);
    const result = form.check({ data: { ...previous, discount: 8 }, previous }, SALES, ITEMS);
    expect(result.errors).toEqual([expect.objectContaining({ pointer: '/data/discount', code: 'readOnly' })]);
    expect(result.data['discount']).toBe(5);
    expect(form.check({ data: { ...previous, customer: 'Other' }, previous }, SALES, ITEMS).errors).toEqual([]);
  });

  it('guards sub-table columns line by line', () => {
    const definition = salesOrderDefinition();
    definition.permissions = { 'lines.price': { write: ['finance'] } };
    definition.lookups = {};
    const lineForm = compileForm(definition);
    const previous = lineForm.prepare({ data: { ...validOrder(), lines: [{ item: 'x', qty: 1, price: 10 }] } }, FINANCE, {});
    const result = lineForm.check(
      { data: { ...previous, lines: [{ item: 'x', qty: 2, price: 11 }, { item: 'y', qty: 1, price: 3 }] }, previous },
      SALES,
      {},
    );
    expect(result.errors.map((error) => [error.pointer, error.code])).toEqual([
      ['/data/lines/0/price', 'forbidden'],
      ['/data/lines/1/price', 'forbidden'],
    ]);
    expect(result.data['lines']).toEqual([
      { item: 'x', qty: 2, price: 10, amount: 20 },
      { item: 'y', qty: 1, amount: 0 },
    ]);
  });
});

describe('project', () => {
  it('drops fields and columns the roles may not read', () => {
    const definition = salesOrderDefinition();
    definition.permissions = { ...definition.permissions, 'lines.price': { read: ['finance'] } };
    const secretForm = compileForm(definition);
    const data = secretForm.prepare({ data: { ...validOrder(), cost: 5 } }, ADMIN, ITEMS);
    const forSales = secretForm.project(data, SALES);
    expect(forSales).not.toHaveProperty('cost');
    expect((forSales['lines'] as Record<string, unknown>[]).every((line) => !('price' in line))).toBe(true);
    const forFinance = secretForm.project(data, FINANCE);
    expect(forFinance['cost']).toBe(5);
    expect((forFinance['lines'] as Record<string, unknown>[])[0]?.['price']).toBe(1200);
  });

  it('does not report states of fields the roles may not read', () => {
    expect(form.evaluate(validOrder(), SALES, ITEMS).states).not.toHaveProperty('/cost');
    const finance: FormContext = { ...FINANCE };
    expect(form.evaluate(validOrder(), finance, ITEMS).states).toHaveProperty('/cost');
  });
});

describe('schema defaults on create', () => {
  const ticket = compileForm({
    kind: 'form',
    id: 'ticket',
    version: 1,
    title: { 'zh-CN': '工单', en: 'Ticket' },
    schema: {
      type: 'object',
      properties: {
        subject: { type: 'string' },
        status: { type: 'string', enum: ['draft', 'open'], default: 'draft' },
        lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'number', default: 1 } } } },
      },
    },
    permissions: { status: { write: ['manager'] } },
  } satisfies FormDefinition);
  const clerk = { roles: ['clerk'], locale: 'en' } as const;

  it('gives a field the clerk did not send its default, also in each line', () => {
    const result = ticket.check({ data: { subject: 'Seal leaks', lines: [{}, { qty: 3 }] } }, clerk);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ subject: 'Seal leaks', status: 'draft', lines: [{ qty: 1 }, { qty: 3 }] });
  });

  it('does not bring defaults back on update', () => {
    const previous = { subject: 'Seal leaks' };
    expect(ticket.check({ data: { subject: 'Seal leaks again' }, previous }, clerk).data).toEqual({ subject: 'Seal leaks again' });
  });
});

describe('default formulas', () => {
  const order = compileForm({
    kind: 'form',
    id: 'order',
    version: 1,
    title: { 'zh-CN': '订单', en: 'Order' },
    schema: {
      type: 'object',
      properties: {
        orderDate: { type: 'string', format: 'date' },
        dueDate: { type: 'string', format: 'date' },
        lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'number' }, due: { type: 'string', format: 'date' } } } },
      },
    },
    defaults: { orderDate: 'TODAY()', dueDate: 'orderDate + 14', 'lines.due': 'TODAY() + 7' },
  } satisfies FormDefinition);
  const context = { roles: ['admin'], locale: 'en', now: new Date('2026-11-24T09:30:00Z') } as const;

  it('fills absent fields on create from their formulas, in lines too, and keeps what the person entered', () => {
    const created = order.check({ data: { dueDate: '2026-12-31', lines: [{ qty: 1 }, { qty: 2, due: '2027-01-05' }] } }, context);
    expect(created.errors).toEqual([]);
    expect(created.data).toEqual({
      orderDate: '2026-11-24',
      dueDate: '2026-12-31',
      lines: [{ qty: 1, due: '2026-12-01' }, { qty: 2, due: '2027-01-05' }],
    });
  });

  it('gives the web app the same starting values, and leaves updates alone', () => {
    expect(order.initialData(context)).toEqual({ orderDate: '2026-11-24', dueDate: '2026-12-08' });
    expect(order.check({ data: {}, previous: {} }, context).data).toEqual({});
  });

  it('refuses a default on a computed field and one whose type does not fit', () => {
    const broken = {
      kind: 'form',
      id: 'broken',
      version: 1,
      title: { 'zh-CN': '坏', en: 'Broken' },
      schema: { type: 'object', properties: { qty: { type: 'number' }, total: { type: 'number' } } },
      computed: { total: 'qty * 2' },
      defaults: { total: '1', qty: '"many"' },
    } satisfies FormDefinition;
    expect(problemsOf(broken).map((f) => [f.pointer, f.code])).toEqual([
      ['/defaults/total', 'defaultConflict'],
      ['/defaults/qty', 'formula'],
    ]);
  });
});
