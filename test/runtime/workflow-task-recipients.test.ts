import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import { findInstance, listEvents } from '../../runtime/stores/index.js';
import { scanInstance } from '../../runtime/workflows/index.js';
import { codeOf } from '../support/error-code.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

const ORDER = 'so-nb-drainage-0342';


/*
 * A task handed to a user name nobody has would sit in no one's inbox (only an administrator could
 * still act on it): transfer, add-signer and handover refuse a recipient who is not a user.
 */
for (const backend of testDatabases()) {
  describe(`task recipients on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    const users: Record<string, Actor> = {};
    let instanceId = '';
    let taskId = '';

    beforeAll(async () => {
      const factory = await openShippedFactory(backend, { usernames: ['admin', 'li.na', 'wang.qiang', 'zhang.wei'] });
      ({ database, services } = factory);
      for (const name of ['admin', 'li.na', 'wang.qiang', 'zhang.wei']) users[name] = factory.as(name);
      const clerk = users['li.na'] as Actor;
      const { instance } = await services.workflows.start(clerk, 'sales-order-lifecycle', ORDER);
      await services.workflows.sendEvent(clerk, instance.id, { type: 'submit' });
      instanceId = instance.id;
      const page = await services.workflows.listTasks(users['wang.qiang'] as Actor, { box: 'todo', limit: 50, offset: 0 });
      taskId = (page.items as { id: string; instanceId: string }[]).find((task) => task.instanceId === instanceId)?.id ?? '';
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    });

    it('refuses to transfer a task or add a signer who is not a user, and changes nothing', async () => {
      const manager = users['wang.qiang'] as Actor;
      const before = await findInstance(database.db, instanceId);
      expect(await codeOf(services.workflows.transferTask(manager, taskId, { to: 'no.such.user' }))).toBe('ORDO_ERR_REQUEST_INVALID');
      expect(await codeOf(services.workflows.addSigner(manager, taskId, { user: 'no.such.user', position: 'before' }))).toBe('ORDO_ERR_REQUEST_INVALID');
      expect((await findInstance(database.db, instanceId))?.revision).toBe(before?.revision);
      expect((await services.workflows.getTask(manager, taskId)).status).toBe('open');
    });

    it('refuses to hand tasks over to someone who is not a user', async () => {
      expect(await codeOf(services.workflows.handover(users['admin'] as Actor, { from: 'wang.qiang', to: 'no.such.user' }))).toBe('ORDO_ERR_REQUEST_INVALID');
      expect((await services.workflows.getTask(users['wang.qiang'] as Actor, taskId)).status).toBe('open');
    });

    it('still transfers to a real user; the new holder and an added signer keep the step\'s due time', async () => {
      const due = (await services.workflows.getTask(users['wang.qiang'] as Actor, taskId)).dueAt;
      expect(due).not.toBeNull();
      const { instance } = await services.workflows.transferTask(users['wang.qiang'] as Actor, taskId, { to: 'zhang.wei', comment: 'on leave' });
      expect(instance.openTasks.map((task) => [task.assignee, task.dueAt])).toEqual([['zhang.wei', due]]);
      const moved = instance.openTasks[0]?.id ?? '';
      const added = await services.workflows.addSigner(users['zhang.wei'] as Actor, moved, { user: 'sun.wei', position: 'before' });
      expect(added.instance.openTasks.map((task) => [task.assignee, task.status, task.dueAt]).sort()).toEqual([
        ['sun.wei', 'open', due],
        ['zhang.wei', 'waiting', due],
      ]);
    });

    it('logs an administrator acting on someone\'s task under the administrator, on behalf of the assignee', async () => {
      const { instance } = await services.workflows.start(users['li.na'] as Actor, 'sales-order-lifecycle', 'so-gz-nansha-port-0056');
      await services.workflows.sendEvent(users['li.na'] as Actor, instance.id, { type: 'submit' });
      const page = await services.workflows.listTasks(users['wang.qiang'] as Actor, { box: 'todo', limit: 50, offset: 0 });
      const task = (page.items as { id: string; instanceId: string }[]).find((item) => item.instanceId === instance.id);
      await services.workflows.completeTask(users['admin'] as Actor, task?.id ?? '', { outcome: 'approve', comment: '代为审批' });
      const approval = (await listEvents(database.db, instance.id)).find((event) => event.type === 'approve');
      expect(approval).toMatchObject({ actor_username: 'admin', payload: { onBehalfOf: 'wang.qiang', comment: '代为审批' } });
      expect((await services.workflows.get(users['admin'] as Actor, instance.id)).state).toBe('feasibility');
      // The replay reads `onBehalfOf`, so the log still replays to the stored instance.
      expect(await scanInstance(database.db, services.definitions, instance.id)).toEqual([]);
    });

    it('hands a departed manager\'s reviews over to another user, who can then decide them', async () => {
      const clerk = users['li.na'] as Actor;
      const started: string[] = [];
      for (const order of ['so-wuhan-municipal-078', 'so-jinbei-coal-rush']) {
        const { instance } = await services.workflows.start(clerk, 'sales-order-lifecycle', order);
        await services.workflows.sendEvent(clerk, instance.id, { type: 'submit' });
        started.push(instance.id);
      }
      const result = await services.workflows.handover(users['admin'] as Actor, { from: 'wang.qiang', to: 'zhang.wei' });
      expect(result.failed).toEqual([]);
      expect(result.moved).toBeGreaterThanOrEqual(2);
      const page = await services.workflows.listTasks(users['wang.qiang'] as Actor, { box: 'todo', limit: 50, offset: 0 });
      expect(page.total).toBe(0);
      const inbox = await services.workflows.listTasks(users['zhang.wei'] as Actor, { box: 'todo', limit: 50, offset: 0 });
      const handed = (inbox.items as { id: string; instanceId: string }[]).filter((task) => started.includes(task.instanceId));
      expect(handed).toHaveLength(2);
      await services.workflows.completeTask(users['zhang.wei'] as Actor, handed[0]?.id ?? '', { outcome: 'approve' });
      expect(await scanInstance(database.db, services.definitions, handed[0]?.instanceId ?? '')).toEqual([]);
    });
  });
}
