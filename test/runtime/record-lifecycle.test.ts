import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isOrdoError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { importRecord } from '../../runtime/services/index.js';
import { countRows, resetRecords, testDatabases } from '../support/database.js';
import { codeOf } from '../support/error-code.js';
import { setUpRuntime, type RuntimeFixture } from '../support/runtime-fixture.js';


for (const backend of testDatabases()) {
  describe(`records on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let fx: RuntimeFixture;
    let customerId: string;
    const now = new Date('2026-06-15T08:00:00Z');

    beforeAll(async () => {
      database = await backend.open();
      fx = await setUpRuntime(database, { now: () => now });
    });
    afterAll(async () => {
      await database.close();
    });
    beforeEach(async () => {
      await resetRecords(database);
      customerId = (await fx.services.records.create(fx.sales, 'customer', { name: 'KBZ Pumps', city: 'Wenling' })).record.id;
    });

    it('creates, updates, deletes and keeps every revision in history', async () => {
      const { records } = fx.services;
      const { record, replayed } = await records.create(fx.sales, 'order', { customer: customerId, qty: 3, price: 2.5, note: 'first' });
      expect(replayed).toBe(false);
      expect(record.revision).toBe(1);
      expect(record.data.amount).toBe(7.5);
      expect(record.data.orderNo).toBe('SO-2026-0001');
      expect(record.createdBy).toBe('sam');
      expect(record.createdByName).toBe('sales user');

      const updated = await records.update(fx.sales, 'order', record.id, 1, { qty: 4, lines: [{ sku: 'P-1', qty: 2 }] });
      expect(updated.revision).toBe(2);
      expect(updated.data.amount).toBe(10);
      expect(updated.data.note).toBe('first');
      expect((await records.get(fx.sales, 'order', record.id)).data.qty).toBe(4);

      await records.remove(fx.sales, 'order', record.id, 2);
      expect(await codeOf(records.get(fx.sales, 'order', record.id))).toBe('ORDO_ERR_RECORD_NOT_FOUND');
      expect(await codeOf(records.update(fx.sales, 'order', record.id, 3, { qty: 1 }))).toBe('ORDO_ERR_RECORD_NOT_FOUND');

      const { items } = await records.history(fx.sales, 'order', record.id);
      expect(items.map((entry) => [entry.revision, entry.action])).toEqual([
        [1, 'create'],
        [2, 'update'],
        [3, 'delete'],
      ]);
      expect(items[0]?.actor).toEqual({ id: fx.sales.userId, username: 'sam', displayName: 'sales user' });
      expect(items[1]?.changes).toEqual([
        { path: '/amount', before: 7.5, after: 10 },
        { path: '/lines', before: null, after: [{ sku: 'P-1', qty: 2 }] },
        { path: '/qty', before: 3, after: 4 },
      ]);
      expect(items[0]?.changes).toContainEqual({ path: '/orderNo', before: null, after: 'SO-2026-0001' });
    });

    it('treats PATCH as a top-level merge patch: null clears a field, absent fields stay', async () => {
      const { records } = fx.services;
      const { record } = await records.create(fx.sales, 'order', { customer: customerId, qty: 3, price: 2.5, note: 'call first' });
      const updated = await records.update(fx.finance, 'order', record.id, 1, { note: null });
      expect(updated.data).not.toHaveProperty('note');
      expect([updated.createdByName, updated.updatedByName]).toEqual(['sales user', 'finance user']);
      const listed = await records.list(fx.sales, 'order', { filters: [], limit: 10, offset: 0 });
      expect(listed.items.find((item) => item.id === record.id)).toMatchObject({ createdByName: 'sales user', updatedByName: 'finance user' });
      expect(updated.data).toMatchObject({ qty: 3, amount: 7.5 });
      const { items } = await records.history(fx.sales, 'order', record.id);
      expect(items[1]?.changes).toEqual([{ path: '/note', before: 'call first', after: null }]);
    });

    it('records line-level changes with pointers into the sub-table', async () => {
      const { records } = fx.services;
      const { record } = await records.create(fx.sales, 'order', { customer: customerId, lines: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 1 }] });
      await records.update(fx.sales, 'order', record.id, 1, { lines: [{ sku: 'A', qty: 5 }, { sku: 'B', qty: 1 }] });
      const { items } = await records.history(fx.sales, 'order', record.id);
      expect(items[1]?.changes).toEqual([{ path: '/lines/0/qty', before: 1, after: 5 }]);
    });

    it('answers a stale revision with a conflict and writes nothing anywhere', async () => {
      const { records } = fx.services;
      const { record } = await records.create(fx.sales, 'order', { customer: customerId, qty: 1 });
      await records.update(fx.sales, 'order', record.id, 1, { qty: 2 });
      const before = await countRows(database);
      const error = await records.update(fx.sales, 'order', record.id, 1, { qty: 9 }).catch((caught: unknown) => caught);
      expect(isOrdoError(error) && error.code).toBe('ORDO_ERR_REVISION_CONFLICT');
      expect(isOrdoError(error) && error.status).toBe(409);
      expect(isOrdoError(error) && error.extra.currentRevision).toBe(2);
      expect(await codeOf(records.remove(fx.sales, 'order', record.id, 1))).toBe('ORDO_ERR_REVISION_CONFLICT');
      expect(await countRows(database)).toEqual(before);
      expect((await records.get(fx.sales, 'order', record.id)).data.qty).toBe(2);
    });

    it('lets exactly one of ten concurrent updates with the same revision win', async () => {
      const { records } = fx.services;
      const { record } = await records.create(fx.sales, 'order', { customer: customerId, qty: 1 });
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => records.update(fx.sales, 'order', record.id, 1, { qty: 100 + i })),
      );
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.map((result) => (isOrdoError(result.reason) ? result.reason.code : String(result.reason)))).toEqual(
        Array(9).fill('ORDO_ERR_REVISION_CONFLICT'),
      );
      const stored = await records.get(fx.sales, 'order', record.id);
      expect(stored.revision).toBe(2);
      expect(stored.data.qty).toBe(won[0]?.status === 'fulfilled' ? won[0].value.data.qty : 'no winner');
      expect((await records.history(fx.sales, 'order', record.id)).items).toHaveLength(2);
    });

    it('draws unique, gap-free order numbers under concurrent creates and ignores client values', async () => {
      const { records } = fx.services;
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) => records.create(fx.sales, 'order', { customer: customerId, qty: i, orderNo: 'HACKED' })),
      );
      const numbers = created.map(({ record }) => record.data.orderNo as string).sort();
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `SO-2026-${String(i + 1).padStart(4, '0')}`));
      const { record } = created[0] ?? { record: undefined };
      if (record === undefined) throw new Error('no record');
      const kept = await records.update(fx.sales, 'order', record.id, 1, { orderNo: 'SO-1999-9999' });
      expect(kept.data.orderNo).toBe(record.data.orderNo);
    });

    it('draws no number for invalid data, and keeps numbers unique when a create fails after drawing', async () => {
      const { records } = fx.services;
      expect(await codeOf(records.create(fx.sales, 'order', { qty: 1 }))).toBe('ORDO_ERR_VALIDATION');
      await importRecord(fx.services, fx.admin, 'order', { id: 'fixed', data: { customer: customerId } });
      // The duplicate id fails the insert after the number was drawn: like a sequence, it is not reused.
      expect(await codeOf(importRecord(fx.services, fx.admin, 'order', { id: 'fixed', data: { customer: customerId } }))).toBe('ORDO_ERR_DUPLICATE');
      const { record } = await records.create(fx.sales, 'order', { customer: customerId });
      expect((await records.get(fx.sales, 'order', 'fixed')).data.orderNo).toBe('SO-2026-0001');
      expect(record.data.orderNo).toBe('SO-2026-0003');
    });

    it('replays a create with the same idempotency key and refuses the key for another body', async () => {
      const { records } = fx.services;
      const body = { customer: customerId, qty: 2, price: 1 };
      const first = await records.create(fx.sales, 'order', body, { idempotencyKey: 'k-1' });
      const before = await countRows(database);
      const again = await records.create(fx.sales, 'order', { ...body }, { idempotencyKey: 'k-1' });
      expect(again.replayed).toBe(true);
      expect(again.record).toEqual(first.record);
      expect(await countRows(database)).toEqual(before);
      expect(await codeOf(records.create(fx.sales, 'order', { ...body, qty: 3 }, { idempotencyKey: 'k-1' }))).toBe(
        'ORDO_ERR_IDEMPOTENCY_CONFLICT',
      );
      // Keys belong to a user: another user's k-1 is a new request.
      const other = await records.create(fx.admin, 'order', body, { idempotencyKey: 'k-1' });
      expect(other.replayed).toBe(false);
      expect(other.record.id).not.toBe(first.record.id);
    });

    it('makes one record of concurrent creates that share a key', async () => {
      const { records } = fx.services;
      const results = await Promise.all(
        Array.from({ length: 6 }, () => records.create(fx.sales, 'order', { customer: customerId, qty: 5 }, { idempotencyKey: 'same' })),
      );
      expect(new Set(results.map((result) => result.record.id)).size).toBe(1);
      expect(results.filter((result) => !result.replayed)).toHaveLength(1);
      const page = await records.list(fx.sales, 'order', { filters: [], limit: 50, offset: 0 });
      expect(page.total).toBe(1);
    });

    it('refuses unknown forms, records and bodies that are not objects', async () => {
      const { records } = fx.services;
      expect(await codeOf(records.get(fx.sales, 'nope', 'x'))).toBe('ORDO_ERR_FORM_NOT_FOUND');
      expect(await codeOf(records.get(fx.sales, 'order', 'missing'))).toBe('ORDO_ERR_RECORD_NOT_FOUND');
      expect(await codeOf(records.create(fx.sales, 'order', ['x']))).toBe('ORDO_ERR_REQUEST_INVALID');
      expect(await codeOf(records.create(fx.sales, 'order', null))).toBe('ORDO_ERR_REQUEST_INVALID');
    });

    it('writes history and audit rows in the same transaction as the record', async () => {
      const { records } = fx.services;
      const before = await countRows(database);
      const { record } = await records.create(fx.sales, 'order', { customer: customerId });
      await records.update(fx.sales, 'order', record.id, 1, { qty: 1 });
      const after = await countRows(database);
      expect(after.ordo_records).toBe((before.ordo_records ?? 0) + 1);
      expect(after.ordo_record_history).toBe((before.ordo_record_history ?? 0) + 2);
      expect(after.ordo_audit).toBe((before.ordo_audit ?? 0) + 2);
      const audit = await database.db.selectFrom('ordo_audit').select(['action', 'target_id']).where('target_id', '=', record.id).orderBy('seq').execute();
      expect(audit).toEqual([
        { action: 'record.create', target_id: record.id },
        { action: 'record.update', target_id: record.id },
      ]);
    });
  });
}
