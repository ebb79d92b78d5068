import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { loadDemo } from '../../runtime/demo/index.js';
import { createServices } from '../../runtime/services/index.js';
import { resetDatabase, testDatabases } from '../support/database.js';
import { RUNTIME_APP, RUNTIME_FORMS, setUpRuntime } from '../support/runtime-fixture.js';

async function writeDemo(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'records'), { recursive: true });
  const json = (file: string, value: unknown) => writeFile(path.join(dir, file), JSON.stringify(value), 'utf8');
  await json('users.json', [
    { username: 'boss', displayName: '老板', roles: ['admin'], password: 'ordo-demo', locale: 'zh-CN' },
    { username: 'li.na', displayName: '李娜', roles: ['sales'], password: 'ordo-demo', locale: 'zh-CN' },
  ]);
  // By file name, orders would load before the customers they point at: index.json fixes the order.
  await json('records/a-orders.json', {
    form: 'order',
    records: [
      { id: 'so-1', data: { customer: 'cust-kbz', qty: 4, price: 2.5 } },
      { id: 'so-2', data: { customer: 'cust-kbz', qty: 1, price: 10, orderNo: 'ignored' } },
    ],
  });
  await json('records/b-customers.json', { form: 'customer', records: [{ id: 'cust-kbz', data: { name: 'KBZ Pumps' } }] });
  await json('index.json', { order: ['b-customers', 'a-orders.json'] });
}

for (const backend of testDatabases()) {
  describe(`demo loader on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let dir: string;

    beforeAll(async () => {
      database = await backend.open();
      dir = await mkdtemp(path.join(tmpdir(), 'ordo-demo-'));
      await writeDemo(dir);
    });
    afterAll(async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    });
    beforeEach(async () => {
      await resetDatabase(database);
    });

    it('loads users and records in the given order through the record service, once', async () => {
      const services = await createServices(database);
      await services.definitions.publish({ app: RUNTIME_APP, forms: RUNTIME_FORMS }, 'system');
      expect(await loadDemo(services, database, dir)).toEqual({ loaded: true, users: 2, records: 3 });
      const { token } = await services.auth.login('li.na', 'ordo-demo');
      const actor = await services.auth.authenticate(token);
      const order = await services.records.get(actor, 'order', 'so-1');
      expect(order.data).toMatchObject({ customer: 'cust-kbz', amount: 10, orderNo: expect.stringMatching(/^SO-\d{4}-0001$/) });
      expect((await services.records.get(actor, 'order', 'so-2')).data.orderNo).toMatch(/^SO-\d{4}-0002$/);
      expect(order.createdBy).toBe('boss');
      expect(await loadDemo(services, database, dir)).toEqual({ loaded: true, users: 0, records: 0 });
    });

    it('stays out of a database that holds other records', async () => {
      const fx = await setUpRuntime(database);
      await fx.services.records.create(fx.sales, 'customer', { name: 'Real customer' });
      expect(await loadDemo(fx.services, database, dir)).toEqual({ loaded: false, users: 0, records: 0 });
    });

    it('takes no record id from the public create', async () => {
      const fx = await setUpRuntime(database);
      const options = { id: 'chosen-by-client' } as unknown as { idempotencyKey?: string };
      const { record } = await fx.services.records.create(fx.sales, 'customer', { name: 'X' }, options);
      expect(record.id).not.toBe('chosen-by-client');
    });
  });
}
