import { describe, expect, it } from 'vitest';
import { OrdoError } from '../../../engine/errors/index.js';
import { compileLiveForm } from '../../../engine/forms/model/index.js';
import { ITEMS, SALES, salesOrderDefinition, validOrder } from './sales-order-fixture.js';

describe('the browser form model', () => {
  const live = compileLiveForm(salesOrderDefinition());

  it('computes and states like the server', () => {
    const { data, states } = live.evaluate({ ...validOrder(), rush: true }, SALES, ITEMS);
    expect(data['total']).toBe(2542);
    expect(states['/rushReason']).toEqual({ visible: true, required: true, readOnly: false });
  });

  it('gives the required, lookup and formula errors without ajv', () => {
    const errors = live.liveErrors({ rush: true, lines: [{ item: 'item-gone' }] }, { ...SALES, locale: 'zh-CN' }, ITEMS);
    expect(errors.map((error) => [error.pointer, error.code, error.message])).toEqual([
      ['/data/customer', 'required', '客户为必填项'],
      ['/data/orderDate', 'required', '下单日期为必填项'],
      ['/data/rushReason', 'required', '加急原因为必填项'],
      ['/data/lines/0/qty', 'required', '数量为必填项'],
      ['/data/lines/0/item', 'lookup', '物料：所选记录不存在'],
    ]);
  });

  it('refuses an invalid definition like the server', () => {
    const definition = salesOrderDefinition();
    definition.computed = { total: 'SUM(' };
    expect(() => compileLiveForm(definition)).toThrow(OrdoError);
  });
});
