import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { createServices } from '../../runtime/services/index.js';
import { testDatabases } from '../support/database.js';
import { CUSTOMER_FORM, setUpRuntime } from '../support/runtime-fixture.js';

for (const backend of testDatabases()) {
  describe(`published definitions on ${backend.name}`, () => {
    let database: OrdoDatabase;

    beforeAll(async () => {
      database = await backend.open();
    });
    afterAll(async () => {
      await database.close();
    });

    it('come back from the database with their fields in the order the definition lists them', async () => {
      const fx = await setUpRuntime(database);
      // A fresh service instance reads the definitions from the database, not from the publisher's memory.
      const reopened = await createServices(database);
      const customer = reopened.definitions.forms(fx.admin).find((form) => form.id === 'customer');
      expect(Object.keys(customer?.schema.properties ?? {})).toEqual(Object.keys(CUSTOMER_FORM.schema.properties));
      expect(Object.keys(CUSTOMER_FORM.schema.properties)).not.toEqual([...Object.keys(CUSTOMER_FORM.schema.properties)].sort());
    });
  });
}
