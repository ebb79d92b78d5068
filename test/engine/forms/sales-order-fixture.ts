import type { FormDefinition } from '../../../engine/definitions/index.js';
import type { FormContext, LookupRecords } from '../../../engine/forms/index.js';

/** A sales order as a make-to-order factory would define it: header, lines, a rush option. */
export function salesOrderDefinition(): FormDefinition {
  return {
    kind: 'form',
    id: 'sales-order-test',
    version: 1,
    title: { 'zh-CN': '销售订单', en: 'Sales order' },
    description: { 'zh-CN': '客户订单', en: 'A customer order' },
    schema: {
      type: 'object',
      required: ['orderNo', 'customer', 'orderDate', 'lines'],
      properties: {
        orderNo: { type: 'string', maxLength: 20 },
        customer: { type: 'string', minLength: 1, maxLength: 100 },
        orderDate: { type: 'string', format: 'date' },
        status: { type: 'string', enum: ['draft', 'confirmed'], default: 'draft' },
        rush: { type: 'boolean' },
        rushReason: { type: 'string', maxLength: 200 },
        discount: { type: 'number', minimum: 0, maximum: 100 },
        cost: { type: 'number', minimum: 0 },
        note: { type: 'string', pattern: '^[^<>]*$' },
        total: { type: 'number' },
        lines: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['item', 'qty'],
            properties: {
              item: { type: 'string' },
              unit: { type: 'string' },
              qty: { type: 'number', minimum: 1 },
              price: { type: 'number', minimum: 0 },
              amount: { type: 'number' },
            },
          },
        },
      },
    },
    uiSchema: {
      'ui:order': ['orderNo', 'customer', 'cost', '*'],
      note: { 'ui:widget': 'textarea', 'ui:description': '<b>html</b>' },
    },
    labels: {
      orderNo: { 'zh-CN': '订单号', en: 'Order no.' },
      customer: { 'zh-CN': '客户', en: 'Customer' },
      orderDate: { 'zh-CN': '下单日期', en: 'Order date' },
      rush: { 'zh-CN': '加急', en: 'Rush' },
      rushReason: { 'zh-CN': '加急原因', en: 'Rush reason' },
      discount: { 'zh-CN': '折扣', en: 'Discount' },
      cost: { 'zh-CN': '成本', en: 'Cost' },
      total: { 'zh-CN': '合计', en: 'Total' },
      lines: { 'zh-CN': '订单明细', en: 'Lines' },
      'lines.item': { 'zh-CN': '物料', en: 'Item' },
      'lines.unit': { 'zh-CN': '单位', en: 'Unit' },
      'lines.qty': { 'zh-CN': '数量', en: 'Quantity' },
      'lines.price': { 'zh-CN': '单价', en: 'Price' },
      'lines.amount': { 'zh-CN': '金额', en: 'Amount' },
    },
    help: {
      rushReason: { 'zh-CN': '说明为何加急', en: 'Why the order is urgent' },
    },
    computed: {
      'lines.amount': 'qty * price',
      total: 'SUM(lines.amount)',
    },
    rules: [
      { field: 'rushReason', visible: 'rush = TRUE', required: 'rush = TRUE' },
      { field: 'discount', readOnly: 'status = "confirmed"' },
    ],
    lookups: {
      'lines.item': {
        form: 'item',
        displayField: 'name',
        searchFields: ['code', 'name'],
        fill: { 'lines.unit': 'unit', 'lines.price': 'price' },
      },
    },
    permissions: {
      cost: { read: ['finance'], write: ['finance'] },
    },
    messages: {
      'lines.qty': { minimum: { 'zh-CN': '每行数量至少为 {limit}', en: 'Order at least {limit} per line' } },
    },
    serials: { orderNo: { prefix: 'SO-{YYYY}-', digits: 4 } },
    titleField: 'orderNo',
    list: { columns: ['orderNo', 'customer', 'total'], sort: '-orderDate', searchFields: ['customer'] },
  };
}

export const ITEMS: LookupRecords = {
  item: {
    'item-pump': { code: 'P-100', name: 'KBZ pump', unit: 'pcs', price: 1200 },
    'item-seal': { code: 'S-7', name: 'Seal kit', unit: 'set', price: 35.5 },
  },
};

export const SALES: FormContext = { roles: ['sales'], locale: 'en' };
export const FINANCE: FormContext = { roles: ['finance'], locale: 'en' };
export const ADMIN: FormContext = { roles: ['admin'], locale: 'en' };

/** A complete, valid order as a sales clerk enters it. */
export function validOrder(): Record<string, unknown> {
  return {
    customer: 'Shanghai Water Works',
    orderDate: '2026-11-24',
    status: 'draft',
    lines: [
      { item: 'item-pump', qty: 2 },
      { item: 'item-seal', qty: 4 },
    ],
  };
}
