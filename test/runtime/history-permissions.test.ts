import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { testDatabases } from '../support/database.js';
import { CUSTOMER_FORM, ORDER_FORM, RUNTIME_APP, setUpRuntime, type RuntimeFixture } from '../support/runtime-fixture.js';

for (const backend of testDatabases()) {
  describe(`history on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let fx: RuntimeFixture;

    beforeAll(async () => {
      database = await backend.open();
      fx = await setUpRuntime(database);
      // The line's SKU becomes finance-only: whole-table and whole-line changes must not carry it.
      const orderWithSecretSku = { ...ORDER_FORM, permissions: { ...ORDER_FORM.permissions, 'lines.sku': { read: ['finance'], write: ['finance'] } } };
      await fx.services.definitions.publish({ app: RUNTIME_APP, forms: [CUSTOMER_FORM, orderWithSecretSku] }, 'system');
    });
    afterAll(async () => {
      await database.close();
    });

    it('leaves columns the actor may not read out of whole-table and whole-line changes', async () => {
      const { records } = fx.services;
      const customer = (await records.create(fx.sales, 'customer', { name: 'KBZ Pumps' })).record.id;
      const { record } = await records.create(fx.admin, 'order', { customer, qty: 1, price: 2, lines: [{ sku: 'SEAL-SIC', qty: 2 }] });
      await records.update(fx.admin, 'order', record.id, 1, { lines: [{ sku: 'SEAL-SIC', qty: 2 }, { sku: 'CABLE-10M', qty: 1 }] });

      const asSales = JSON.stringify((await records.history(fx.sales, 'order', record.id)).items);
      expect(asSales).not.toContain('SEAL-SIC');
      expect(asSales).not.toContain('CABLE-10M');
      const salesChanges = (await records.history(fx.sales, 'order', record.id)).items.flatMap((entry) => entry.changes);
      expect(salesChanges).toContainEqual({ path: '/lines', before: null, after: [{ qty: 2 }] });
      expect(salesChanges).toContainEqual({ path: '/lines/1', before: null, after: { qty: 1 } });

      const asFinance = JSON.stringify((await records.history(fx.finance, 'order', record.id)).items);
      expect(asFinance).toContain('SEAL-SIC');
      expect(asFinance).toContain('CABLE-10M');
    });
  });
}
