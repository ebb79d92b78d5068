import type { AppDefinition, FormDefinition } from '../../engine/definitions/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { createServices, type Actor, type Services, type ServicesOptions } from '../../runtime/services/index.js';

/*
 * A minimal factory for the runtime tests: customers, and orders that look customers up, draw an
 * order number, compute an amount, carry lines, and hold a cost only finance may read.
 */

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export const RUNTIME_APP: AppDefinition = {
  kind: 'app',
  id: 'runtime-test',
  version: 1,
  title: text('Runtime test factory', '运行时测试工厂'),
  roles: [
    { id: 'admin', title: text('Administrator', '管理员'), canDesign: true },
    { id: 'sales', title: text('Sales', '销售') },
    { id: 'planner', title: text('Planner', '计划员') },
    { id: 'finance', title: text('Finance', '财务') },
  ],
  navigation: [{ title: text('Sales', '销售'), forms: ['order', 'customer'] }],
};

export const CUSTOMER_FORM: FormDefinition = {
  kind: 'form',
  id: 'customer',
  version: 1,
  title: text('Customer', '客户'),
  schema: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 100 },
      city: { type: 'string', maxLength: 100 },
      creditLimit: { type: 'number', minimum: 0 },
    },
  },
  access: { create: ['sales'], update: ['sales'] },
  titleField: 'name',
};

export const ORDER_FORM: FormDefinition = {
  kind: 'form',
  id: 'order',
  version: 1,
  title: text('Sales order', '销售订单'),
  schema: {
    type: 'object',
    required: ['customer'],
    properties: {
      orderNo: { type: 'string' },
      customer: { type: 'string', minLength: 1, maxLength: 100 },
      qty: { type: 'integer', minimum: 0 },
      price: { type: 'number', minimum: 0 },
      amount: { type: 'number' },
      rush: { type: 'boolean' },
      note: { type: 'string', maxLength: 1000 },
      cost: { type: 'number', minimum: 0 },
      lines: {
        type: 'array',
        maxItems: 50,
        items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 0 } } },
      },
    },
  },
  computed: { amount: 'qty * price' },
  lookups: { customer: { form: 'customer', displayField: 'name' } },
  permissions: { cost: { read: ['finance'], write: ['finance'] } },
  access: { read: ['sales', 'planner', 'finance'], create: ['sales'], update: ['sales', 'finance'], delete: ['sales'] },
  serials: { orderNo: { prefix: 'SO-{YYYY}-', digits: 4 } },
  list: { searchFields: ['note', 'orderNo'] },
  titleField: 'orderNo',
};

export const RUNTIME_FORMS: FormDefinition[] = [CUSTOMER_FORM, ORDER_FORM];

export const TEST_PASSWORD = 'correct horse battery';

export interface RuntimeFixture {
  services: Services;
  admin: Actor;
  sales: Actor;
  planner: Actor;
  finance: Actor;
}

/** Publishes the fixture definitions and adds one user per role (signing in is the auth tests' business). */
export async function setUpRuntime(database: OrdoDatabase, options: ServicesOptions = {}): Promise<RuntimeFixture> {
  const services = await createServices(database, options);
  await services.definitions.publish({ app: RUNTIME_APP, forms: RUNTIME_FORMS }, 'system');
  const actor = async (username: string, role: string): Promise<Actor> => {
    const user = await services.auth.addUser({ username, roles: [role], password: TEST_PASSWORD, displayName: `${role} user` });
    return { userId: user.id, username: user.username, displayName: user.displayName, roles: user.roles, locale: user.locale };
  };
  return {
    services,
    admin: await actor('ada', 'admin'),
    sales: await actor('sam', 'sales'),
    planner: await actor('pat', 'planner'),
    finance: await actor('fay', 'finance'),
  };
}
