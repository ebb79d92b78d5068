import type { FormDefinition } from '../../engine/definitions/generated/definition-types.js';

/** A small sales-order definition the designer tests share. */
export const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export const ORDER: FormDefinition = {
  kind: 'form',
  id: 'sales-order',
  version: 1,
  title: text('Sales order', '销售订单'),
  titleField: 'orderNo',
  schema: {
    type: 'object',
    properties: {
      orderNo: { type: 'string' },
      customer: { type: 'string' },
      dueDate: { type: 'string', format: 'date' },
      urgent: { type: 'boolean' },
      total: { type: 'number' },
      notes: { type: 'string', title: 'Notes' },
      status: { type: 'string', oneOf: [{ const: 'open', title: '进行中' }, { const: 'done', title: '已完成' }] },
      lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'integer' }, price: { type: 'number' } } } },
    },
  },
  labels: { orderNo: text('Order no.', '订单号'), customer: text('Customer', '客户'), 'lines.qty': text('Qty', '数量'), lines: text('Lines', '明细') },
  lookups: { customer: { form: 'customer', displayField: 'name' } },
  access: { read: ['sales'], create: ['sales'], update: ['sales', 'planner'] },
};
