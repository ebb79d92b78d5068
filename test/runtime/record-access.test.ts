import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrdoError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { testDatabases } from '../support/database.js';
import { setUpRuntime, type RuntimeFixture } from '../support/runtime-fixture.js';

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isOrdoError(error)) throw new Error(`expected an OrdoError, got ${String(error)}`);
  return error;
}

for (const backend of testDatabases()) {
  describe(`record permissions on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let fx: RuntimeFixture;
    let orderId: string;

    beforeAll(async () => {
      database = await backend.open();
      fx = await setUpRuntime(database);
      const customer = await fx.services.records.create(fx.sales, 'customer', { name: 'KBZ Pumps' });
      const order = await fx.services.records.create(fx.admin, 'order', { customer: customer.record.id, qty: 2, price: 3, cost: 4.5 });
      orderId = order.record.id;
    });
    afterAll(async () => {
      await database.close();
    });

    it('never sends a field to a role that may not read it', async () => {
      const { records } = fx.services;
      const asSales = await records.get(fx.sales, 'order', orderId);
      expect(asSales.data).not.toHaveProperty('cost');
      expect(asSales.data.qty).toBe(2);
      expect((await records.get(fx.finance, 'order', orderId)).data.cost).toBe(4.5);
      expect((await records.get(fx.admin, 'order', orderId)).data.cost).toBe(4.5);
      const page = await records.list(fx.sales, 'order', { filters: [], limit: 10, offset: 0 });
      expect(page.items[0]?.data).not.toHaveProperty('cost');
      const history = await records.history(fx.sales, 'order', orderId);
      expect(history.items[0]?.changes.map((change) => change.path)).not.toContain('/cost');
      const financeHistory = await records.history(fx.finance, 'order', orderId);
      expect(financeHistory.items[0]?.changes.map((change) => change.path)).toContain('/cost');
    });

    it('keeps an unreadable field when a role without access updates the record', async () => {
      const { records } = fx.services;
      const current = await records.get(fx.sales, 'order', orderId);
      const updated = await records.update(fx.sales, 'order', orderId, current.revision, { qty: 3 });
      expect(updated.data).not.toHaveProperty('cost');
      expect((await records.get(fx.finance, 'order', orderId)).data.cost).toBe(4.5);
    });

    it('refuses actions the form access does not grant', async () => {
      const { records } = fx.services;
      expect((await errorOf(records.create(fx.planner, 'order', { customer: 'x' }))).code).toBe('ORDO_ERR_FORBIDDEN');
      const current = await records.get(fx.planner, 'order', orderId);
      expect((await errorOf(records.update(fx.planner, 'order', orderId, current.revision, { qty: 1 }))).code).toBe('ORDO_ERR_FORBIDDEN');
      expect((await errorOf(records.remove(fx.finance, 'order', orderId, current.revision))).code).toBe('ORDO_ERR_FORBIDDEN');
      // Without a read list everyone may read; without a write list only admin writes... customer grants sales.
      expect((await errorOf(records.create(fx.finance, 'customer', { name: 'X' }))).code).toBe('ORDO_ERR_FORBIDDEN');
      expect((await records.list(fx.planner, 'customer', { filters: [], limit: 10, offset: 0 })).total).toBe(1);
    });

    it('rejects filters and sorts on fields the actor cannot read, naming the query parameter', async () => {
      const { records } = fx.services;
      const filter = await errorOf(records.list(fx.sales, 'order', { filters: [{ field: 'qty', op: 'gt', value: '0' }, { field: 'cost', op: 'gt', value: '1' }], limit: 10, offset: 0 }));
      expect(filter.code).toBe('ORDO_ERR_REQUEST_INVALID');
      expect(filter.fields.map((field) => field.pointer)).toEqual(['/query/filter/1']);
      const sort = await errorOf(records.list(fx.sales, 'order', { filters: [], sort: '-cost', limit: 10, offset: 0 }));
      expect(sort.fields.map((field) => field.pointer)).toEqual(['/query/sort']);
      const finance = await records.list(fx.finance, 'order', { filters: [{ field: 'cost', op: 'gt', value: '1' }], limit: 10, offset: 0 });
      expect(finance.total).toBe(1);
    });

    it('shows the definitions a role may read and lets only designers publish', async () => {
      const { definitions } = fx.services;
      expect(definitions.forms(fx.planner).map((form) => form.id)).toEqual(['customer', 'order']);
      expect((await errorOf(definitions.publish({ forms: [] }, fx.sales))).code).toBe('ORDO_ERR_FORBIDDEN');
      expect(await definitions.publish({ forms: [] }, fx.admin)).toEqual({ published: [], unchanged: [] });
    });
  });
}
