import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import { listEvents, listInstances, listTasksOfInstance } from '../../runtime/stores/index.js';
import { scanInstance, scanInstances } from '../../runtime/workflows/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

/*
 * The invariant scan over instances of the shipped sales order lifecycle driven through the
 * services: clean after every kind of command, and exact about a corrupted event or a lost task.
 */
for (const backend of testDatabases()) {
  describe(`the instance invariant scan on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    const users: Record<string, Actor> = {};
    const instances: Record<string, string> = {};
    const user = (name: string) => users[name] as Actor;

    async function taskOf(name: string, instanceId: string): Promise<string> {
      const page = await services.workflows.listTasks(user(name), { box: 'todo', limit: 200, offset: 0 });
      const task = (page.items as { id: string; instanceId: string }[]).find((item) => item.instanceId === instanceId);
      if (task === undefined) throw new Error(`${name} has no task in ${instanceId}`);
      return task.id;
    }
    const approve = async (name: string, id: string, data?: Record<string, unknown>) =>
      services.workflows.completeTask(user(name), await taskOf(name, id), { outcome: 'approve', ...(data === undefined ? {} : { data }) });
    const send = (name: string, id: string, type: string) => services.workflows.sendEvent(user(name), id, { type });
    const state = async (id: string) => (await services.workflows.get(user('li.na'), id)).state;

    /** Submitted, reviewed, checked by capable-to-promise and confirmed by the rep: waiting for the manager's approval. */
    async function toManagerApproval(order: string): Promise<string> {
      const { instance } = await services.workflows.start(user('li.na'), 'sales-order-lifecycle', order);
      await send('li.na', instance.id, 'submit');
      await approve('wang.qiang', instance.id, { priority: 'high', remarks: 'credit checked' });
      expect(await services.workflows.fireDueTimers(10)).toBeGreaterThanOrEqual(1);
      await approve('li.na', instance.id);
      return instance.id;
    }

    beforeAll(async () => {
      const factory = await openShippedFactory(backend, { usernames: ['li.na', 'zhang.wei', 'wang.qiang', 'zhao.min', 'sun.wei', 'huang.li', 'wu.gang', 'xu.lei', 'zheng.hao'] });
      ({ database, services } = factory);
      for (const name of ['li.na', 'zhang.wei', 'wang.qiang', 'zhao.min', 'sun.wei', 'huang.li', 'wu.gang', 'xu.lei', 'zheng.hao']) users[name] = factory.as(name);

      const shipped = await toManagerApproval('so-hz-water-1187');
      await approve('wang.qiang', shipped);
      if (JSON.stringify(await state(shipped)).includes('finance-approval')) await approve('sun.wei', shipped);
      await send('zhao.min', shipped, 'start-production');
      // Production runs as one child production order per line; the last one ending moves the order on.
      const productionOrders = (await listInstances(database.db, { workflow: 'production-order', limit: 50, offset: 0 })).rows.filter((row) => row.parent_id === shipped);
      for (const child of productionOrders) {
        await send('zhao.min', child.id, 'start');
        await send('zhao.min', child.id, 'complete');
      }
      await services.workflows.fireDueTimers(20);
      await approve('huang.li', shipped);
      await send('zhao.min', shipped, 'ship');
      await send('wang.qiang', shipped, 'close');
      instances['closed'] = shipped;

      const { instance: returned } = await services.workflows.start(user('li.na'), 'sales-order-lifecycle', 'so-nb-drainage-0342');
      await send('li.na', returned.id, 'submit');
      await services.workflows.returnTask(user('wang.qiang'), await taskOf('wang.qiang', returned.id), { to: 'initiator', comment: 'add the PO number' });
      await send('li.na', returned.id, 'submit');
      await services.workflows.transferTask(user('wang.qiang'), await taskOf('wang.qiang', returned.id), { to: 'zhang.wei' });
      await services.workflows.completeTask(user('zhang.wei'), await taskOf('zhang.wei', returned.id), { outcome: 'reject', comment: 'wrong price' });
      await send('li.na', returned.id, 'submit');
      instances['in-review'] = returned.id;

      const special = await toManagerApproval('so-huainan-mining-sic');
      await approve('wang.qiang', special);
      await approve('wu.gang', special);
      instances['countersign'] = special;

      const { instance: withdrawn } = await services.workflows.start(user('li.na'), 'sales-order-lifecycle', 'so-wuhan-municipal-078');
      await send('li.na', withdrawn.id, 'submit');
      await services.workflows.withdraw(user('li.na'), withdrawn.id, { comment: 'customer called' });
      const order = await services.records.get(user('li.na'), 'sales-order', 'so-wuhan-municipal-078');
      await services.records.update(user('li.na'), 'sales-order', order.id, order.revision, { cancelReason: 'the customer cancelled' });
      await send('li.na', withdrawn.id, 'cancel');
      instances['cancelled'] = withdrawn.id;
    }, 120_000);
    afterAll(async () => {
      await database?.close();
    });

    it('drove the instances where the scenario says', async () => {
      expect(await state(instances['closed'] as string)).toBe('closed');
      expect(await state(instances['in-review'] as string)).toEqual({ review: 'deciding' });
      expect(await state(instances['countersign'] as string)).toEqual({ approval: { 'configuration-countersign': 'deciding' } });
      expect(await state(instances['cancelled'] as string)).toBe('cancelled');
    });

    it('finds nothing wrong with instances the runtime wrote', async () => {
      // The four above and the demo's own history (definitions/mto/demo/history.json: a reviewed, then cancelled order).
      expect(await scanInstances(database.db, services.definitions, { workflow: 'sales-order-lifecycle' })).toEqual({ checked: 5, violations: [] });
      const closed = await listEvents(database.db, instances['closed'] as string);
      expect(closed.some((event) => (event.payload as { recordPatch?: unknown }).recordPatch !== undefined)).toBe(true);
    });

    it('reports exactly the event whose recorded state was changed by hand', async () => {
      const id = instances['closed'] as string;
      const events = await listEvents(database.db, id);
      const middle = events[Math.floor(events.length / 2)];
      if (middle === undefined) throw new Error('no events');
      const corrupt = (value: unknown) =>
        database.db.updateTable('ordo_workflow_events').set({ state_after: JSON.stringify(value) }).where('instance_id', '=', id).where('seq', '=', middle.seq).execute();
      await corrupt('shipped');
      try {
        const violations = await scanInstance(database.db, services.definitions, id);
        expect(violations).toEqual([{ instanceId: id, kind: 'event-state', seq: middle.seq, message: expect.stringContaining(`event ${middle.seq} (${middle.type}) records`) }]);
      } finally {
        await corrupt(middle.state_after);
      }
      expect(await scanInstance(database.db, services.definitions, id)).toEqual([]);
    });

    it('reports a stored context the log does not replay to', async () => {
      const id = instances['cancelled'] as string;
      const row = await database.db.selectFrom('ordo_workflow_instances').select('context').where('id', '=', id).executeTakeFirstOrThrow();
      const write = (context: Record<string, unknown>) =>
        database.db.updateTable('ordo_workflow_instances').set({ context: JSON.stringify(context) }).where('id', '=', id).execute();
      await write({ ...row.context, visited: ['draft', 'review', 'feasibility'] });
      try {
        expect(await scanInstance(database.db, services.definitions, id)).toEqual([
          { instanceId: id, kind: 'replay-context', message: "the replay's context differs from the stored one in visited" },
        ]);
      } finally {
        await write(row.context);
      }
    });

    it('reports exactly the pending slot whose task row was deleted', async () => {
      const id = instances['countersign'] as string;
      const open = (await listTasksOfInstance(database.db, id)).filter((task) => task.status === 'open');
      expect(open.map((task) => task.assignee).sort()).toEqual(['xu.lei', 'zheng.hao']);
      const [lost] = open;
      if (lost === undefined) throw new Error('no open task');
      await database.db.deleteFrom('ordo_tasks').where('id', '=', lost.id).execute();
      expect(await scanInstance(database.db, services.definitions, id)).toEqual([
        { instanceId: id, kind: 'task-missing', slot: lost.slot, message: `slot ${lost.slot} is open for ${lost.assignee} but has no open or waiting task row` },
      ]);
      const { violations } = await scanInstances(database.db, services.definitions);
      expect(violations.map((violation) => [violation.instanceId, violation.kind])).toEqual([[id, 'task-missing']]);
    });
  });
}
