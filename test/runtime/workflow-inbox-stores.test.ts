import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import {
  findTask,
  findTaskBySlot,
  findUserByUsername,
  findUsersByUsernames,
  findUsersWithRoles,
  insertNotifications,
  insertOutbox,
  insertTasks,
  insertUser,
  isUniqueViolation,
  listNotifications,
  listOpenTasksOf,
  listTasks,
  listTasksOfInstance,
  listUndelivered,
  markNotificationsRead,
  markOutboxDelivered,
  saveTaskDraft,
  updateTasks,
  type Executor,
  type NewTaskRow,
} from '../../runtime/stores/index.js';
import { resetDatabase, testDatabases } from '../support/database.js';

const START = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const TITLE = { 'zh-CN': '审批订单', en: 'Approve the order' };

function task(n: number, overrides: Partial<NewTaskRow> = {}): NewTaskRow {
  return {
    id: `task-${n}`,
    instanceId: 'wf-1',
    workflow: 'order-approval',
    form: 'order',
    recordId: 'so-1',
    node: 'review',
    round: 1,
    slot: `review/1/${n}`,
    assignee: 'wang.qiang',
    status: 'open',
    title: TITLE,
    at: at(n),
    ...overrides,
  };
}

const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

async function addUser(db: Executor, username: string, roles: string[], manager?: string): Promise<void> {
  await insertUser(db, {
    id: `user-${username}`,
    username,
    displayName: username.toUpperCase(),
    roles,
    locale: 'zh-CN',
    passwordHash: 'not-a-real-hash',
    ...(manager === undefined ? {} : { manager }),
    at: START,
  });
}

for (const backend of testDatabases()) {
  describe(`workflow inbox stores on ${backend.name}`, () => {
    let database: OrdoDatabase;
    beforeAll(async () => {
      database = await backend.open();
    });
    afterAll(async () => {
      await database.close();
    });
    beforeEach(async () => {
      await resetDatabase(database);
    });

    describe('tasks', () => {
      it('list a page newest first with the total, filtered by assignee, statuses, workflow and form', async () => {
        const { db } = database;
        await insertTasks(db, [
          task(1),
          task(2, { status: 'waiting' }),
          task(3),
          task(4, { assignee: 'zheng.hao' }),
          task(5),
          task(6, { instanceId: 'wf-2', workflow: 'purchase-approval', form: 'purchase', recordId: 'po-1', slot: 'review/1/1' }),
        ]);

        const first = await listTasks(db, { assignee: 'wang.qiang', statuses: ['open'], limit: 2, offset: 0 });
        expect(first.total).toBe(4);
        expect(ids(first.rows)).toEqual(['task-6', 'task-5']);
        const second = await listTasks(db, { assignee: 'wang.qiang', statuses: ['open'], limit: 2, offset: 2 });
        expect(second.total).toBe(4);
        expect(ids(second.rows)).toEqual(['task-3', 'task-1']);

        expect(ids((await listTasks(db, { assignee: 'wang.qiang', statuses: ['open', 'waiting'], limit: 10, offset: 0 })).rows)).toEqual([
          'task-6',
          'task-5',
          'task-3',
          'task-2',
          'task-1',
        ]);
        expect(await listTasks(db, { statuses: [], limit: 10, offset: 0 })).toEqual({ rows: [], total: 0 });
        expect(ids((await listTasks(db, { form: 'purchase', limit: 10, offset: 0 })).rows)).toEqual(['task-6']);
        expect((await listTasks(db, { workflow: 'order-approval', limit: 10, offset: 0 })).total).toBe(5);
        expect((await listTasks(db, { limit: 1, offset: 10 })).total).toBe(6);
      });

      it('record what was done on each slot and list the done tasks by the time acted', async () => {
        const { db } = database;
        await insertTasks(db, [task(1), task(2), task(3, { dueAt: at(60) })]);

        const changed = await updateTasks(db, [
          { instanceId: 'wf-1', slot: 'review/1/2', status: 'approved', actedAt: at(10), actedBy: 'wang.qiang', comment: '同意' },
          { instanceId: 'wf-1', slot: 'review/1/1', status: 'rejected', actedAt: at(20), actedBy: 'wang.qiang', comment: 'price too low' },
          { instanceId: 'wf-1', slot: 'review/1/3', status: 'transferred', assignee: 'zheng.hao' },
          { instanceId: 'wf-1', slot: 'review/1/9', status: 'cancelled' },
        ]);
        expect(ids(changed)).toEqual(['task-2', 'task-1', 'task-3']);
        expect(await findTaskBySlot(db, 'wf-1', 'review/1/2')).toMatchObject({
          id: 'task-2',
          status: 'approved',
          acted_at: at(10),
          acted_by: 'wang.qiang',
          comment: '同意',
          title: TITLE,
          due_at: null,
        });
        expect(await findTask(db, 'task-3')).toMatchObject({ status: 'transferred', assignee: 'zheng.hao', acted_at: null, due_at: at(60) });
        expect(await findTaskBySlot(db, 'wf-1', 'review/1/9')).toBeUndefined();

        const done = await listTasks(db, { actedBy: 'wang.qiang', limit: 10, offset: 0 });
        expect(ids(done.rows)).toEqual(['task-1', 'task-2']);
        expect(ids(await listTasksOfInstance(db, 'wf-1'))).toEqual(['task-1', 'task-2', 'task-3']);
      });

      it('keep one task per slot of an instance', async () => {
        const { db } = database;
        await insertTasks(db, [task(1)]);
        const error = await insertTasks(db, [task(2, { slot: 'review/1/1' })]).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(isUniqueViolation(error)).toBe(true);
        await insertTasks(db, [task(2, { instanceId: 'wf-2', slot: 'review/1/1' })]);
      });

      it('keep a draft on open tasks only, and list what is open for a user', async () => {
        const { db } = database;
        await insertTasks(db, [task(1), task(2), task(3, { assignee: 'zheng.hao' })]);
        expect(await saveTaskDraft(db, 'task-1', { comment: 'half written' })).toMatchObject({ draft: { comment: 'half written' } });
        await updateTasks(db, [{ instanceId: 'wf-1', slot: 'review/1/2', status: 'approved', actedAt: at(5), actedBy: 'wang.qiang' }]);
        expect(await saveTaskDraft(db, 'task-2', { comment: 'too late' })).toBeUndefined();
        expect((await findTask(db, 'task-2'))?.draft).toBeNull();
        expect(await saveTaskDraft(db, 'task-1', null)).toMatchObject({ draft: null });
        expect(ids(await listOpenTasksOf(db, 'wang.qiang'))).toEqual(['task-1']);
      });
    });

    describe('notifications', () => {
      it('list the recipient’s newest first and mark only their unread ones read', async () => {
        const { db } = database;
        const message = { 'zh-CN': '订单已批准', en: 'Order approved' };
        await insertNotifications(db, [
          { id: 'n-1', username: 'li.na', kind: 'notify', instanceId: 'wf-1', form: 'order', recordId: 'so-1', message, at: at(1) },
          { id: 'n-2', username: 'li.na', kind: 'cc', message, at: at(2) },
          { id: 'n-3', username: 'li.na', kind: 'notify', message, at: at(3) },
          { id: 'n-4', username: 'wang.qiang', kind: 'remind', message, at: at(4) },
        ]);

        const page = await listNotifications(db, { username: 'li.na', limit: 2, offset: 0 });
        expect(page.total).toBe(3);
        expect(ids(page.rows)).toEqual(['n-3', 'n-2']);
        expect(ids((await listNotifications(db, { username: 'li.na', kind: 'notify', limit: 10, offset: 0 })).rows)).toEqual(['n-3', 'n-1']);
        expect((await listNotifications(db, { username: 'li.na', limit: 10, offset: 2 })).rows[0]).toMatchObject({
          instance_id: 'wf-1',
          form: 'order',
          record_id: 'so-1',
          message,
          read_at: null,
        });

        expect(await markNotificationsRead(db, 'li.na', ['n-1', 'n-4'], at(10))).toBe(1);
        expect(await markNotificationsRead(db, 'li.na', ['n-1', 'n-2'], at(11))).toBe(1);
        const read = await listNotifications(db, { username: 'li.na', limit: 10, offset: 0 });
        expect(read.rows.map((row) => [row.id, row.read_at])).toEqual([
          ['n-3', null],
          ['n-2', at(11)],
          ['n-1', at(10)],
        ]);
        expect((await listNotifications(db, { username: 'wang.qiang', limit: 10, offset: 0 })).rows[0]?.read_at).toBeNull();
      });
    });

    describe('outbox', () => {
      it('hands out undelivered entries in the order written until they are marked delivered', async () => {
        const { db } = database;
        await insertOutbox(db, [
          { instanceId: 'wf-1', event: 'workflow.started', data: { record: 'so-1' }, at: at(1) },
          { instanceId: 'wf-1', event: 'task.created', data: { slot: 'review/1/1' }, at: at(1) },
        ]);
        await insertOutbox(db, [{ instanceId: 'wf-1', event: 'workflow.completed', data: null, at: at(2) }]);

        const first = await listUndelivered(db, 2);
        expect(first.map((row) => [row.event, row.data])).toEqual([
          ['workflow.started', { record: 'so-1' }],
          ['task.created', { slot: 'review/1/1' }],
        ]);
        expect(first.every((row) => typeof row.seq === 'string')).toBe(true);
        await markOutboxDelivered(
          db,
          first.map((row) => row.seq),
          at(3),
        );
        expect(await listUndelivered(db, 10)).toEqual([
          { seq: expect.any(String), instanceId: 'wf-1', event: 'workflow.completed', data: null, createdAt: at(2) },
        ]);
      });
    });

    describe('users for assignee rules', () => {
      it('finds users having any of the roles, with their managers', async () => {
        const { db } = database;
        await addUser(db, 'wang.qiang', ['sales-manager', 'finance'], 'zheng.hao');
        await addUser(db, 'li.na', ['sales-clerk'], 'wang.qiang');
        await addUser(db, 'sun.wei', ['finance']);
        await addUser(db, 'o’brien', ["it's-complicated"]);

        const wang = { username: 'wang.qiang', displayName: 'WANG.QIANG', roles: ['sales-manager', 'finance'], manager: 'zheng.hao' };
        const sun = { username: 'sun.wei', displayName: 'SUN.WEI', roles: ['finance'], manager: null };
        expect(await findUsersWithRoles(db, ['sales-manager'])).toEqual([wang]);
        expect(await findUsersWithRoles(db, ['finance'])).toEqual([sun, wang]);
        expect(await findUsersWithRoles(db, ['finance', 'sales-manager', 'finance'])).toEqual([sun, wang]);
        expect(await findUsersWithRoles(db, ["it's-complicated"])).toHaveLength(1);
        expect(await findUsersWithRoles(db, ['pilot'])).toEqual([]);
        expect(await findUsersWithRoles(db, [])).toEqual([]);

        expect(await findUsersByUsernames(db, ['li.na', 'ghost', 'li.na'])).toEqual([
          { username: 'li.na', displayName: 'LI.NA', roles: ['sales-clerk'], manager: 'wang.qiang' },
        ]);
        expect(await findUsersByUsernames(db, [])).toEqual([]);
        expect((await findUserByUsername(db, 'sun.wei'))?.manager).toBeNull();
      });
    });
  });
}
