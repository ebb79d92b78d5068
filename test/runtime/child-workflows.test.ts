import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import { listInstances } from '../../runtime/stores/index.js';
import { scanInstance, type InstanceDto, type TaskDto } from '../../runtime/workflows/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

const ORDER = 'so-cd-jinjiang-water-0419';

/*
 * A sales order in production spawns one production order per line, each with its own workflow,
 * and moves on to final inspection only when every one of them has ended.
 */
for (const backend of testDatabases()) {
  describe(`child workflows on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    const users: Record<string, Actor> = {};
    const as = (name: string) => users[name] as Actor;

    beforeAll(async () => {
      const factory = await openShippedFactory(backend, { usernames: ['li.na', 'zhao.min', 'admin'] });
      ({ database, services } = factory);
      for (const name of ['li.na', 'zhao.min', 'admin']) users[name] = factory.as(name);
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    });

    /** Approves every open task (the administrator acts for each assignee) and fires due timers until the state settles. */
    async function approveAll(instanceId: string): Promise<InstanceDto> {
      for (let round = 0; round < 20; round += 1) {
        await services.workflows.fireDueTimers(20);
        const detail = await services.workflows.get(as('admin'), instanceId);
        const open = detail.openTasks.filter((task: TaskDto) => task.status === 'open');
        if (open.length === 0) return detail;
        for (const task of open) await services.workflows.completeTask(as('admin'), task.id, { outcome: 'approve' });
      }
      throw new Error('the approvals did not settle');
    }

    it('releases one production order per order line and waits for all of them before inspection', async () => {
      const order = await services.records.get(as('li.na'), 'sales-order', ORDER);
      const lines = order.data['lines'] as { item: string; qty: number }[];
      const { instance } = await services.workflows.start(as('li.na'), 'sales-order-lifecycle', ORDER);
      await services.workflows.sendEvent(as('li.na'), instance.id, { type: 'submit' });
      expect((await approveAll(instance.id)).state).toBe('released');

      await services.workflows.sendEvent(as('zhao.min'), instance.id, { type: 'start-production' });
      expect((await services.workflows.get(as('admin'), instance.id)).state).toBe('in-production');
      const children = (await listInstances(database.db, { workflow: 'production-order', limit: 50, offset: 0 })).rows.filter((row) => row.parent_id === instance.id);
      expect(children).toHaveLength(lines.length);
      const made = await Promise.all(children.map((child) => services.records.get(as('zhao.min'), 'production-order', child.record_id)));
      expect(made.map((record) => [record.data['item'], record.data['qty'], record.data['salesOrder']]).sort()).toEqual(
        lines.map((line) => [line.item, line.qty, ORDER]).sort(),
      );
      expect(made.every((record) => /^MO-\d{4}-\d{4}$/.test(String(record.data['moNo'])))).toBe(true);

      const [last, ...others] = children;
      for (const child of others) {
        await services.workflows.sendEvent(as('zhao.min'), child.id, { type: 'start' });
        await services.workflows.sendEvent(as('zhao.min'), child.id, { type: 'complete' });
      }
      await services.workflows.fireDueTimers(20);
      expect((await services.workflows.get(as('admin'), instance.id)).state).toBe('in-production');

      await services.workflows.sendEvent(as('zhao.min'), last?.id ?? '', { type: 'start' });
      await services.workflows.sendEvent(as('zhao.min'), last?.id ?? '', { type: 'complete' });
      await services.workflows.fireDueTimers(20);
      const after = await services.workflows.get(as('admin'), instance.id);
      expect(after.state).toEqual({ inspection: 'deciding' });
      expect(after.timeline.filter((entry) => entry.type === 'ordo.child.ended')).toHaveLength(lines.length);
      expect((await services.records.get(as('zhao.min'), 'production-order', last?.record_id ?? '')).data).toMatchObject({ status: 'completed', completedQty: expect.any(Number) });
    });

    it('cancelling the order in production cancels its production orders still running', async () => {
      const orderId = 'so-ordos-energy-2026-88';
      const { instance } = await services.workflows.start(as('li.na'), 'sales-order-lifecycle', orderId);
      await services.workflows.sendEvent(as('li.na'), instance.id, { type: 'submit' });
      expect((await approveAll(instance.id)).state).toBe('released');
      await services.workflows.sendEvent(as('zhao.min'), instance.id, { type: 'start-production' });
      const children = (await listInstances(database.db, { workflow: 'production-order', limit: 50, offset: 0 })).rows.filter((row) => row.parent_id === instance.id);
      const [finished, ...running] = children;
      await services.workflows.sendEvent(as('zhao.min'), finished?.id ?? '', { type: 'start' });
      await services.workflows.sendEvent(as('zhao.min'), finished?.id ?? '', { type: 'complete' });

      const order = await services.records.get(as('li.na'), 'sales-order', orderId);
      await services.records.update(as('li.na'), 'sales-order', orderId, order.revision, { cancelReason: '客户取消' });
      await services.workflows.sendEvent(as('li.na'), instance.id, { type: 'cancel' });

      expect((await services.workflows.get(as('admin'), instance.id)).state).toBe('cancelled');
      for (const child of running) {
        const detail = await services.workflows.get(as('admin'), child.id);
        expect(detail.state).toBe('cancelled');
        expect(detail.timeline.at(-1)).toMatchObject({ type: 'cancel', actor: { username: 'system' } });
        expect((await services.records.get(as('zhao.min'), 'production-order', child.record_id)).data['status']).toBe('cancelled');
      }
      expect((await services.workflows.get(as('admin'), finished?.id ?? '')).state).toBe('completed');
      for (const child of children) expect(await scanInstance(database.db, services.definitions, child.id)).toEqual([]);
    });
  });
}
