import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import {
  claimDueTimers,
  countTimers,
  databaseNow,
  deleteTimer,
  deleteTimers,
  findInstance,
  findRunningInstance,
  insertEvents,
  insertInstance,
  insertTimers,
  isUniqueViolation,
  listEvents,
  listInstances,
  listInstancesOfRecord,
  retryTimer,
  setInstanceVersion,
  commitStep,
  type AuditEntry,
  type Executor,
  type NewTimerRow,
  type NewWorkflowEventRow,
  type NewWorkflowInstanceRow,
} from '../../runtime/stores/index.js';
import { resetDatabase, testDatabases } from '../support/database.js';

const START = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

function instance(id: string, overrides: Partial<NewWorkflowInstanceRow> = {}): NewWorkflowInstanceRow {
  return {
    id,
    workflow: 'order-approval',
    workflowVersion: 1,
    form: 'order',
    recordId: 'so-1',
    stateValue: { review: 'manager' },
    context: { amount: 12000 },
    lastSeq: 1,
    initiator: 'li.na',
    initiatorId: 'user-li',
    at: START,
    ...overrides,
  };
}

function event(instanceId: string, seq: number, type = 'SUBMIT'): NewWorkflowEventRow {
  return {
    instanceId,
    seq,
    type,
    payload: { comment: `step ${seq}` },
    actor: { id: 'user-li', username: 'li.na', displayName: '李娜' },
    at: at(seq),
    stateBefore: seq === 1 ? null : 'draft',
    stateAfter: { review: 'manager' },
    recordRevision: seq === 1 ? 1 : null,
  };
}

function timer(id: string, dueAt: Date, overrides: Partial<NewTimerRow> = {}): NewTimerRow {
  return { id, instanceId: 'wf-1', kind: 'task-due', node: 'review', round: 1, payload: {}, dueAt, ...overrides };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** The stored row exactly as PostgreSQL renders it, so a comparison sees every column. */
async function rawInstance(db: Executor, id: string): Promise<string | undefined> {
  const result = await sql<{ raw: string }>`select row_to_json(i)::text as raw from ordo_workflow_instances i where id = ${id}`.execute(db);
  return result.rows[0]?.raw;
}

function audit(instanceId: string, when: Date): AuditEntry {
  return { at: when, actor: { id: 'user-li', username: 'li.na' }, action: 'workflow.SUBMIT', target: { kind: 'workflow-instance', id: instanceId }, detail: { state: 'approved' } };
}

async function auditActions(db: Executor): Promise<string[]> {
  const result = await sql<{ action: string }>`select action from ordo_audit order by seq`.execute(db);
  return result.rows.map((row) => row.action);
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  const settle: Pick<Deferred<T>, 'resolve' | 'reject'> = { resolve: () => undefined, reject: () => undefined };
  const promise = new Promise<T>((resolve, reject) => Object.assign(settle, { resolve, reject }));
  return { promise, ...settle };
}

for (const backend of testDatabases()) {
  describe(`workflow stores on ${backend.name}`, () => {
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
    afterEach(() => {
      vi.useRealTimers();
    });

    describe('instances', () => {
      it('allow one running instance per workflow and record; a finished one does not block the next', async () => {
        const { db } = database;
        const first = await insertInstance(db, instance('wf-1'));
        expect(first).toMatchObject({ status: 'running', revision: 1, last_seq: 1, state_value: { review: 'manager' }, ended_at: null });

        const duplicate = await rejection(insertInstance(db, instance('wf-2', { at: at(1) })));
        expect(isUniqueViolation(duplicate)).toBe(true);
        await insertInstance(db, instance('wf-other', { workflow: 'order-change', at: at(2) }));

        const done = await commitStep(
          db,
          first,
          { stateValue: 'approved', context: { amount: 12000 }, status: 'done', lastSeq: 3, at: at(3), endedAt: at(3) },
          [event('wf-1', 2), event('wf-1', 3)],
          audit('wf-1', at(3)),
        );
        expect(done).toMatchObject({ status: 'done', revision: 2, last_seq: 3, state_value: 'approved', ended_at: at(3) });
        expect(await findInstance(db, 'wf-1')).toEqual(done);

        await insertInstance(db, instance('wf-2', { at: at(4) }));
        expect((await findRunningInstance(db, 'order-approval', 'so-1'))?.id).toBe('wf-2');
        expect((await listInstancesOfRecord(db, 'so-1')).map((row) => row.id)).toEqual(['wf-2', 'wf-other', 'wf-1']);
        expect(await findRunningInstance(db, 'order-approval', 'so-2')).toBeUndefined();
      });

      it('refuse a step or a version change computed from a stale revision and leave the row as it was', async () => {
        const { db } = database;
        const read = await insertInstance(db, instance('wf-1'));
        const step = { stateValue: 'approved', context: { amount: 1 }, status: 'running' as const, lastSeq: 2, at: at(1) };
        const stepped = await commitStep(db, read, step, [event('wf-1', 2)], audit('wf-1', at(1)));
        expect(stepped).toMatchObject({ revision: 2, last_seq: 2 });
        expect(await findInstance(db, 'wf-1')).toEqual(stepped);

        const before = await rawInstance(db, 'wf-1');
        expect(before).toBeDefined();
        const stale = { ...step, stateValue: 'rejected', status: 'done' as const, lastSeq: 3, endedAt: at(2) };
        expect(await commitStep(db, read, stale, [event('wf-1', 3, 'REJECT')], audit('wf-1', at(2)))).toBeUndefined();
        const migration = { id: 'wf-1', version: 2, stateValue: 'review', context: {}, lastSeq: 3, at: at(2) };
        expect(await setInstanceVersion(db, { ...migration, expectedRevision: 1 })).toBeUndefined();
        expect(await rawInstance(db, 'wf-1')).toBe(before);
        // The stale step's event and audit row were not written either: they hang on the instance update.
        expect((await listEvents(db, 'wf-1')).map((row) => [row.seq, row.type])).toEqual([[2, 'SUBMIT']]);
        expect(await auditActions(db)).toEqual(['workflow.SUBMIT']);

        const moved = await setInstanceVersion(db, { ...migration, expectedRevision: 2 });
        expect(moved).toMatchObject({ workflow_version: 2, revision: 3, state_value: 'review', context: {}, updated_at: at(2), last_seq: 3 });
        expect(await findInstance(db, 'wf-1')).toEqual(moved);
      });

      it('write a step whose event seq is taken not at all, the instance included', async () => {
        const { db } = database;
        const read = await insertInstance(db, instance('wf-1'));
        await insertEvents(db, [event('wf-1', 1, 'START'), event('wf-1', 2)]);
        const before = await rawInstance(db, 'wf-1');
        const step = { stateValue: 'approved', context: {}, status: 'running' as const, lastSeq: 2, at: at(1) };
        expect(isUniqueViolation(await rejection(commitStep(db, read, step, [event('wf-1', 2, 'APPROVE')], audit('wf-1', at(1)))))).toBe(true);
        expect(await rawInstance(db, 'wf-1')).toBe(before);
        expect(await auditActions(db)).toEqual([]);
      });

      it('list by workflow, version, status and initiator, newest first, with the total', async () => {
        const { db } = database;
        for (let n = 1; n <= 5; n += 1) {
          await insertInstance(db, instance(`wf-${n}`, { recordId: `so-${n}`, at: at(n), initiator: n % 2 === 0 ? 'wang.qiang' : 'li.na' }));
        }
        await insertInstance(db, instance('wf-6', { recordId: 'so-6', workflow: 'order-change', workflowVersion: 2, at: at(6) }));

        const page = await listInstances(db, { workflow: 'order-approval', limit: 2, offset: 1 });
        expect(page.total).toBe(5);
        expect(page.rows.map((row) => row.id)).toEqual(['wf-4', 'wf-3']);
        const mine = await listInstances(db, { initiator: 'li.na', status: 'running', limit: 10, offset: 0 });
        expect(mine.rows.map((row) => row.id)).toEqual(['wf-6', 'wf-5', 'wf-3', 'wf-1']);
        expect((await listInstances(db, { version: 2, limit: 10, offset: 0 })).rows.map((row) => row.id)).toEqual(['wf-6']);
        expect((await listInstances(db, { status: 'done', limit: 10, offset: 0 })).total).toBe(0);
      });
    });

    describe('events', () => {
      it('keep one event per instance and seq: a taken seq fails the whole insert', async () => {
        const { db } = database;
        await insertEvents(db, [event('wf-1', 1, 'START'), event('wf-1', 2)]);
        await insertEvents(db, [event('wf-2', 1, 'START')]);

        expect(isUniqueViolation(await rejection(insertEvents(db, [event('wf-1', 2, 'APPROVE')])))).toBe(true);
        expect(isUniqueViolation(await rejection(insertEvents(db, [event('wf-1', 3), event('wf-1', 2)])))).toBe(true);

        const stored = await listEvents(db, 'wf-1');
        expect(stored.map((row) => [row.seq, row.type])).toEqual([
          [1, 'START'],
          [2, 'SUBMIT'],
        ]);
        expect(stored[0]).toMatchObject({
          payload: { comment: 'step 1' },
          actor_id: 'user-li',
          actor_display_name: '李娜',
          state_before: null,
          state_after: { review: 'manager' },
          record_revision: 1,
          at: at(1),
        });
        expect(stored[1]?.state_before).toBe('draft');
      });
    });

    describe('timers', () => {
      // Timers belong to instances: a claim locks both.
      beforeEach(async () => {
        await insertInstance(database.db, instance('wf-1'));
        await insertInstance(database.db, instance('wf-2', { recordId: 'so-2' }));
      });

      it('claim only what is due by the database clock, oldest first', async () => {
        const { db } = database;
        const now = await databaseNow(db);
        const minutesFromNow = (n: number) => new Date(now.getTime() + n * 60_000);
        await insertTimers(db, [
          timer('t-late', minutesFromNow(60)),
          timer('t-c', minutesFromNow(-1)),
          timer('t-b', minutesFromNow(-1)),
          timer('t-a', minutesFromNow(-2), { kind: 'wait', node: 'pause' }),
        ]);

        const claimed = await db.transaction().execute((trx) => claimDueTimers(trx, 10));
        expect(claimed.map((row) => row.id)).toEqual(['t-a', 't-b', 't-c']);
        expect(claimed[0]).toMatchObject({ kind: 'wait', node: 'pause', round: 1, payload: {}, attempts: 0, last_error: null });
        const first = await db.transaction().execute((trx) => claimDueTimers(trx, 2));
        expect(first.map((row) => row.id)).toEqual(['t-a', 't-b']);

        // Move the Node clock a day ahead. PostgreSQL's clock stays where it was, so a store that read the
        // Node clock would now claim t-late; embedded PGlite takes its clock from the process, so there
        // the database's own now() moves too and t-late is due by it.
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(new Date(now.getTime() + 86_400_000));
        const later = await db.transaction().execute(async (trx) => ({ now: await databaseNow(trx), rows: await claimDueTimers(trx, 10) }));
        const dueByDatabase = ['t-a', 't-b', 't-c', ...(later.now >= minutesFromNow(60) ? ['t-late'] : [])];
        expect(later.rows.map((row) => row.id)).toEqual(dueByDatabase);
        expect(dueByDatabase.includes('t-late')).toBe(backend.name === 'pglite');
      });

      it('retry later by the database clock, counting the attempts', async () => {
        const { db } = database;
        const before = await databaseNow(db);
        await insertTimers(db, [timer('t-1', new Date(before.getTime() - 1000))]);
        await retryTimer(db, 't-1', { error: 'ERP did not answer', delaySeconds: 90 });
        await retryTimer(db, 't-1', { error: 'ERP still silent', delaySeconds: 90 });
        const after = await databaseNow(db);

        expect(await claimDueTimers(db, 10)).toEqual([]);
        const [row] = await db.selectFrom('ordo_timers').selectAll().execute();
        expect(row).toMatchObject({ attempts: 2, last_error: 'ERP still silent' });
        expect(row?.due_at.getTime()).toBeGreaterThanOrEqual(before.getTime() + 90_000);
        expect(row?.due_at.getTime()).toBeLessThanOrEqual(after.getTime() + 90_000);
      });

      it('delete and count by instance, node and kind', async () => {
        const { db } = database;
        const due = START;
        await insertTimers(db, [
          timer('t-1', due),
          timer('t-2', due, { kind: 'task-remind' }),
          timer('t-3', due, { node: 'pay' }),
          timer('t-4', due, { instanceId: 'wf-2' }),
          timer('t-5', due, { kind: 'invoke', node: 'pay' }),
        ]);
        expect(await countTimers(db)).toBe(5);
        expect(await countTimers(db, { instanceId: 'wf-1', node: 'pay' })).toBe(2);
        expect(await deleteTimers(db, { instanceId: 'wf-1', kinds: [] })).toBe(0);
        expect(await deleteTimers(db, { instanceId: 'wf-1', node: 'review', kinds: ['task-due', 'task-remind'] })).toBe(2);
        expect(await countTimers(db, { kinds: ['task-due'] })).toBe(2);
        await deleteTimer(db, 't-4');
        expect(await deleteTimers(db, { instanceId: 'wf-1' })).toBe(2);
        expect(await countTimers(db)).toBe(0);
      });

      it.runIf(backend.name === 'postgres')('are claimed by two open transactions without overlap', async () => {
        const { db } = database;
        const now = await databaseNow(db);
        await insertTimers(
          db,
          ['t-1', 't-2', 't-3', 't-4'].map((id, index) => timer(id, new Date(now.getTime() - (10 - index) * 1000), { instanceId: index < 3 ? 'wf-1' : 'wf-2' })),
        );
        const firstClaimed = deferred<string[]>();
        const secondClaimed = deferred<string[]>();
        const bothClaimed = Promise.all([firstClaimed.promise, secondClaimed.promise]);
        const worker = (claimed: Deferred<string[]>) =>
          db.transaction().execute(async (trx) => {
            // A claim that waited for the other's locks fails here, and fails the other worker too, rather than hang.
            await sql`set local lock_timeout = '2s'`.execute(trx);
            const rows = await claimDueTimers(trx, 3).catch((error: unknown) => {
              claimed.reject(error);
              throw error;
            });
            claimed.resolve(rows.map((row) => row.id));
            // Each transaction keeps its locks until both have claimed: the second must skip, not wait.
            await bothClaimed;
            for (const row of rows) await deleteTimer(trx, row.id);
          });

        const first = worker(firstClaimed);
        await firstClaimed.promise;
        const second = worker(secondClaimed);
        const settled = await Promise.allSettled([first, second]);
        expect(settled.map((result) => (result.status === 'rejected' ? String(result.reason) : result.status))).toEqual(['fulfilled', 'fulfilled']);
        const [a, b] = await bothClaimed;

        expect(a).toEqual(['t-1', 't-2', 't-3']);
        expect(b).toEqual(['t-4']);
        expect(await countTimers(db)).toBe(0);
      });

      it.runIf(backend.name === 'postgres')('skip a due timer whose instance another transaction holds, so a worker never waits behind a command', async () => {
        const { db } = database;
        const now = await databaseNow(db);
        await insertTimers(db, [timer('t-busy', new Date(now.getTime() - 2000)), timer('t-free', new Date(now.getTime() - 1000), { instanceId: 'wf-2' })]);
        const held = deferred<void>();
        const release = deferred<void>();
        const command = db.transaction().execute(async (trx) => {
          await sql`select id from ordo_workflow_instances where id = 'wf-1' for update`.execute(trx);
          held.resolve();
          await release.promise;
        });
        await held.promise;
        const claimed = await db.transaction().execute(async (trx) => {
          await sql`set local lock_timeout = '2s'`.execute(trx);
          return (await claimDueTimers(trx, 10)).map((row) => row.id);
        });
        release.resolve();
        await command;
        expect(claimed).toEqual(['t-free']);
      });
    });
  });
}
