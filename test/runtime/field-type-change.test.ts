import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { testDatabases } from '../support/database.js';
import { CUSTOMER_FORM, ORDER_FORM, RUNTIME_APP, setUpRuntime, type RuntimeFixture } from '../support/runtime-fixture.js';

for (const backend of testDatabases()) {
  describe(`a field whose type changes between versions, on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let fx: RuntimeFixture;

    beforeAll(async () => {
      database = await backend.open();
      fx = await setUpRuntime(database);
    });
    afterAll(async () => {
      await database.close();
    });

    it('filters old text values out of number comparisons instead of failing', async () => {
      const { records, definitions } = fx.services;
      await records.create(fx.sales, 'customer', { name: 'Old', city: '0571-123' });
      const cityAsNumber = {
        ...CUSTOMER_FORM,
        schema: { ...CUSTOMER_FORM.schema, properties: { ...CUSTOMER_FORM.schema.properties, city: { type: 'number' } } },
      };
      await definitions.publish({ app: RUNTIME_APP, forms: [cityAsNumber, ORDER_FORM] }, 'system');
      await records.create(fx.sales, 'customer', { name: 'New', city: 571 });
      const page = await records.list(fx.sales, 'customer', { filters: [{ field: 'city', op: 'gt', value: '1' }], limit: 10, offset: 0 });
      expect(page.items.map((item) => item.data.name)).toEqual(['New']);
    });
  });
}
