import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrdoError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { testDatabases } from '../support/database.js';
import { setUpRuntime, type RuntimeFixture } from '../support/runtime-fixture.js';

async function refusal(promise: Promise<unknown>): Promise<[string, string[]]> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!isOrdoError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return [error.code, error.fields.map((field) => field.pointer)];
}

for (const backend of testDatabases()) {
  describe(`fields a role may not read, on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let fx: RuntimeFixture;
    let orderId: string;

    beforeAll(async () => {
      database = await backend.open();
      fx = await setUpRuntime(database);
      const customer = (await fx.services.records.create(fx.sales, 'customer', { name: 'KBZ Pumps' })).record.id;
      orderId = (await fx.services.records.create(fx.admin, 'order', { customer, qty: 2, price: 3, cost: 4.5 })).record.id;
    });
    afterAll(async () => {
      await database.close();
    });

    it('cannot be guessed through validate or update: a right guess is refused like a wrong one', async () => {
      const { records } = fx.services;
      for (const cost of [4.5, 99]) {
        expect(await refusal(records.validate(fx.sales, 'order', { cost }, orderId))).toEqual(['ORDO_ERR_FIELD_FORBIDDEN', ['/data/cost']]);
        expect(await refusal(records.update(fx.sales, 'order', orderId, 1, { cost, qty: 3 }))).toEqual(['ORDO_ERR_FIELD_FORBIDDEN', ['/data/cost']]);
      }
      const stored = await records.get(fx.finance, 'order', orderId);
      expect([stored.revision, stored.data.qty, stored.data.cost]).toEqual([1, 2, 4.5]);
    });

    it('stay as stored when the role changes other fields', async () => {
      const updated = await fx.services.records.update(fx.sales, 'order', orderId, 1, { qty: 5 });
      expect(updated.data).not.toHaveProperty('cost');
      expect((await fx.services.records.get(fx.finance, 'order', orderId)).data).toMatchObject({ qty: 5, cost: 4.5 });
    });
  });
}
