import type { AppDefinition, FormDefinition } from '../../engine/definitions/index.js';

/*
 * A small application for the API tests: a part master and a work order that looks parts up, has a
 * computed amount, a sub-table and a field only planners may see and change. Kept apart from the
 * shipped make-to-order definitions so those can change without breaking these tests.
 */

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export const API_TEST_APP: AppDefinition = {
  kind: 'app',
  id: 'api-test',
  version: 1,
  title: text('API test factory', '接口测试工厂'),
  roles: [
    { id: 'admin', title: text('Administrator', '管理员'), canDesign: true },
    { id: 'clerk', title: text('Clerk', '文员') },
    { id: 'planner', title: text('Planner', '计划员') },
    { id: 'viewer', title: text('Viewer', '查看者') },
  ],
  navigation: [{ title: text('Production', '生产'), forms: ['work-order', 'part'] }],
};

export const PART_FORM: FormDefinition = {
  kind: 'form',
  id: 'part',
  version: 1,
  title: text('Part', '物料'),
  schema: {
    type: 'object',
    required: ['name'],
    properties: {
      code: { type: 'string', maxLength: 20 },
      name: { type: 'string', minLength: 1, maxLength: 100 },
    },
  },
  labels: { code: text('Code', '编号'), name: text('Name', '名称') },
  access: { create: ['clerk', 'planner'], update: ['clerk', 'planner'] },
  titleField: 'name',
};

export const WORK_ORDER_FORM: FormDefinition = {
  kind: 'form',
  id: 'work-order',
  version: 1,
  title: text('Work order', '工单'),
  schema: {
    type: 'object',
    required: ['customer'],
    properties: {
      customer: { type: 'string', minLength: 1, maxLength: 200 },
      qty: { type: 'integer', minimum: 1, maximum: 100000 },
      price: { type: 'number', minimum: 0, maximum: 1000000 },
      amount: { type: 'number' },
      priority: { type: 'string', enum: ['low', 'normal', 'high'] },
      note: { type: 'string', maxLength: 100000 },
      part: { type: 'string', maxLength: 100 },
      internalCost: { type: 'number', minimum: 0 },
      lines: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          properties: { sku: { type: 'string', maxLength: 40 }, qty: { type: 'integer', minimum: 0 } },
        },
      },
    },
  },
  labels: {
    customer: text('Customer', '客户'),
    qty: text('Quantity', '数量'),
    price: text('Unit price', '单价'),
    amount: text('Amount', '金额'),
    priority: text('Priority', '优先级'),
    note: text('Note', '备注'),
    part: text('Part', '物料'),
    internalCost: text('Internal cost', '内部成本'),
    lines: text('Lines', '明细'),
    'lines.sku': text('SKU', '物料号'),
    'lines.qty': text('Quantity', '数量'),
  },
  computed: { amount: 'qty * price' },
  lookups: { part: { form: 'part', displayField: 'name' } },
  permissions: { internalCost: { read: ['planner'], write: ['planner'] } },
  access: { read: ['viewer'], create: ['clerk', 'planner'], update: ['clerk', 'planner'], delete: ['planner'] },
  list: { columns: ['customer', 'qty', 'amount'], searchFields: ['customer', 'note'] },
  titleField: 'customer',
};

export const API_TEST_PASSWORD = 'correct horse 1';

export const API_TEST_USERS = [
  { username: 'root', roles: ['admin'], locale: 'en' },
  { username: 'ann', roles: ['clerk'], locale: 'zh-CN' },
  { username: 'pete', roles: ['planner'], locale: 'en' },
  { username: 'vic', roles: ['viewer'], locale: 'en' },
] as const;

export type ApiTestUser = (typeof API_TEST_USERS)[number]['username'];
