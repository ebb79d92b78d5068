import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrdoError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import { findInstance, listEvents } from '../../runtime/stores/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

const ORDER = 'so-hz-water-1187';
/** The demo factory's today: its orders and stock are dated around it. */
const DEMO_MORNING = new Date('2026-11-24T01:00:00Z');

/*
 * The shipped sales order lifecycle on the demo factory, through the services the API calls:
 * the path of one order, and the runtime's guarantees (one winner of a race, replay by key,
 * a gap-free event log) on each database backend.
 */
for (const backend of testDatabases()) {
  describe(`the sales order workflow on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    const users: Record<string, Actor> = {};

    beforeAll(async () => {
      const factory = await openShippedFactory(backend, { usernames: ['li.na', 'wang.qiang', 'zhao.min', 'sun.wei'], now: () => DEMO_MORNING });
      ({ database, services } = factory);
      for (const name of ['li.na', 'wang.qiang', 'zhao.min', 'sun.wei']) users[name] = factory.as(name);
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    });

    async function todo(name: string) {
      const page = await services.workflows.listTasks(users[name] as Actor, { box: 'todo', limit: 50, offset: 0 });
      return page.items as { id: string; node: string; instanceId: string }[];
    }

    it('runs an order from draft through review and the feasibility check to the rep confirmation, with a timeline', async () => {
      const clerk = users['li.na'] as Actor;
      const { instance } = await services.workflows.start(clerk, 'sales-order-lifecycle', ORDER);
      expect(instance.state).toBe('draft');
      expect(instance.acceptedEvents).toContain('submit');

      await services.workflows.sendEvent(clerk, instance.id, { type: 'submit' });
      const [review] = (await todo('wang.qiang')).filter((task) => task.instanceId === instance.id);
      expect(review?.node).toBe('review');

      await services.workflows.completeTask(users['wang.qiang'] as Actor, review?.id ?? '', { outcome: 'approve', comment: '信用正常' });
      expect((await services.workflows.get(clerk, instance.id)).state).toBe('feasibility');
      expect(await services.workflows.fireDueTimers(10)).toBeGreaterThanOrEqual(1);

      const detail = await services.workflows.get(clerk, instance.id);
      expect(detail.state).toEqual({ approval: { 'rep-confirmation': 'deciding' } });
      const order = await services.records.get(clerk, 'sales-order', ORDER);
      // ctp.promise on the live data: the 12 KBZ-15 pumps need impellers, whose castings (P-100102) are bought
      // in 25 working days and arrive 2026-12-29; machining, the hydraulic end and assembly follow, so the
      // order can ship 2027-01-12, later than the requested 2026-12-28.
      expect(order.data).toMatchObject({ promisedDate: '2027-01-12', feasible: false });
      expect(order.data['feasibilityNote']).toBe(
        'Line 1 (12 × KBZ-15 潜水排水泵) cannot ship by the requested 2026-12-28; the earliest is 2027-01-12: P-100102 叶轮铸件 Ø235 is bought in 25 working days, so it is ready on 2026-12-29.',
      );
      const approval = detail.timeline.find((entry) => entry.type === 'approve');
      expect(approval).toMatchObject({ actor: { username: 'wang.qiang' }, comment: '信用正常', node: 'review' });
      expect(detail.timeline.map((entry) => entry.seq)).toEqual(detail.timeline.map((_, i) => i + 1));
    });

    it('lets exactly one of 50 concurrent approvals of the same task win; the log shows one', async () => {
      const [confirm] = await todo('li.na');
      if (confirm === undefined) throw new Error('the rep has no confirmation task');
      const before = await findInstance(database.db, confirm.instanceId);
      const attempts = await Promise.allSettled(
        Array.from({ length: 50 }, () => services.workflows.completeTask(users['li.na'] as Actor, confirm.id, { outcome: 'approve' })),
      );
      const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
      const codes = attempts.flatMap((attempt) => (attempt.status === 'rejected' && isOrdoError(attempt.reason) ? [attempt.reason.code] : []));
      expect(won).toHaveLength(1);
      expect(codes).toHaveLength(49);
      expect(new Set(codes).size).toBeGreaterThan(0);
      for (const code of codes) expect(['ORDO_ERR_INSTANCE_CONFLICT', 'ORDO_ERR_TASK_NOT_ACTIVE']).toContain(code);
      const events = await listEvents(database.db, confirm.instanceId);
      expect(events.filter((event) => event.type === 'approve' && (event.payload as { slot?: string }).slot?.startsWith('rep-confirmation'))).toHaveLength(1);
      const after = await findInstance(database.db, confirm.instanceId);
      expect(after?.revision).toBe((before?.revision ?? 0) + 1);
      expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i + 1));
      expect(after?.last_seq).toBe(events.length);
    });

    it('answers a retried command with the same idempotency key with the first result and changes nothing', async () => {
      const [task] = await todo('wang.qiang');
      if (task === undefined) throw new Error('the manager has no approval task');
      const manager = users['wang.qiang'] as Actor;
      const first = await services.workflows.completeTask(manager, task.id, { outcome: 'approve', comment: 'ok' }, { idempotencyKey: 'approve-1' });
      const eventsAfterFirst = (await listEvents(database.db, task.instanceId)).length;
      const second = await services.workflows.completeTask(manager, task.id, { outcome: 'approve', comment: 'ok' }, { idempotencyKey: 'approve-1' });
      expect(first.replayed).toBe(false);
      expect(second).toEqual({ instance: first.instance, replayed: true });
      expect(await listEvents(database.db, task.instanceId)).toHaveLength(eventsAfterFirst);
      await expect(services.workflows.completeTask(manager, task.id, { outcome: 'reject', comment: 'no' }, { idempotencyKey: 'approve-1' })).rejects.toMatchObject({
        code: 'ORDO_ERR_IDEMPOTENCY_CONFLICT',
      });
    });

    it('refuses a second running instance of the workflow on the same record', async () => {
      await expect(services.workflows.start(users['li.na'] as Actor, 'sales-order-lifecycle', ORDER)).rejects.toMatchObject({ code: 'ORDO_ERR_WORKFLOW_RUNNING' });
    });
  });
}
