import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDefinition, FormDefinition, WorkflowDefinition } from '../../engine/definitions/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { createServices, type Actor, type Services } from '../../runtime/services/index.js';
import { findInstance, listEvents, listTasksOfInstance } from '../../runtime/stores/index.js';
import { testDatabases } from '../support/database.js';
import { workflowInvariantViolations } from '../support/workflow-invariants.js';

/*
 * Durable timers through the workflow service, with the database's clock as the only clock: a test
 * moves a timer's due_at into the past (now() - 1 s) instead of waiting or faking Date. Covers a
 * task due time that approves on the assignee's behalf, a wait state, a queued native-function
 * call, a timer of a task decided meanwhile, and a failing step that is retried without losing
 * its timer (runtime-anchors G5, R10).
 */

const text = (en: string) => ({ en, 'zh-CN': en });

const APP: AppDefinition = {
  kind: 'app',
  id: 'timer-test',
  version: 1,
  title: text('Timer test'),
  roles: [
    { id: 'admin', title: text('Administrator'), canDesign: true },
    { id: 'clerk', title: text('Clerk') },
    { id: 'approver', title: text('Approver') },
  ],
  navigation: [{ title: text('Jobs'), forms: ['job'] }],
};

const JOB_FORM: FormDefinition = {
  kind: 'form',
  id: 'job',
  version: 1,
  title: text('Job'),
  schema: {
    type: 'object',
    properties: {
      title: { type: 'string', maxLength: 100 },
      note: { type: 'string', maxLength: 1000 },
      target: { type: 'string', maxLength: 100 },
      orderDate: { type: 'string', format: 'date' },
      requestedDate: { type: 'string', format: 'date' },
      promisedDate: { type: 'string', format: 'date' },
      feasibilityNote: { type: 'string', maxLength: 1000 },
      parts: { type: 'array', items: { type: 'object', properties: { item: { type: 'string', maxLength: 64 }, qty: { type: 'number' } } } },
    },
  },
  access: { read: ['clerk', 'approver'], create: ['clerk'], update: ['clerk'] },
  titleField: 'title',
};

/**
 * submit: a review due an hour after it opens, approved on the assignee's behalf when overdue, then
 * a two-hour wait, then the delivery promise (a queued native-function call).
 * hold: a wait due at once whose transition updates the job named in `target`.
 */
const JOB_FLOW: WorkflowDefinition = {
  kind: 'workflow',
  id: 'job-flow',
  version: 1,
  title: text('Job flow'),
  form: 'job',
  initial: 'draft',
  states: {
    draft: { on: { submit: { target: 'review' }, hold: { target: 'linking' } } },
    review: {
      task: {
        assignees: [{ role: 'approver' }],
        onApproved: { target: 'cooling' },
        due: { after: 'PT1H', onDue: { action: 'approve' } },
      },
    },
    cooling: { wait: { after: 'PT2H', then: { target: 'promising' } } },
    promising: {
      invoke: {
        function: 'ctp.promise',
        input: { salesOrder: 'title', requestedDate: 'requestedDate' },
        inputLists: { lines: { forEach: 'parts', input: { item: 'item', qty: 'qty' } } },
        output: { promisedDate: 'promisedDate', feasibilityNote: 'reason' },
        onDone: { target: 'done' },
        onError: { target: 'draft' },
      },
    },
    linking: {
      wait: {
        after: 'PT0M',
        then: { target: 'done', actions: [{ type: 'updateRecord', form: 'job', record: 'target', fields: { note: '"linked"' } }] },
      },
    },
    done: { type: 'final' },
  },
};

interface TimerView {
  id: string;
  kind: string;
  node: string;
  attempts: number;
  last_error: string | null;
  /** Seconds from the database's now() to due_at: negative when due. */
  due_in: number;
}

for (const backend of testDatabases()) {
  describe(`durable workflow timers on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let clerk: Actor;
    let approver: Actor;

    beforeAll(async () => {
      database = await backend.open();
      services = await createServices(database);
      await services.definitions.publish({ app: APP, forms: [JOB_FORM], workflows: [JOB_FLOW] }, 'system');
      const user = async (username: string, role: string): Promise<Actor> => {
        const added = await services.auth.addUser({ username, roles: [role], password: 'correct horse battery', displayName: username });
        return { userId: added.id, username: added.username, displayName: added.displayName, roles: added.roles, locale: added.locale };
      };
      clerk = await user('cleo', 'clerk');
      approver = await user('abe', 'approver');
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    });

    async function timersOf(instanceId: string): Promise<TimerView[]> {
      const result = await sql<TimerView>`
        select id, kind, node, attempts, last_error, extract(epoch from due_at - now())::float8 as due_in
        from ordo_timers where instance_id = ${instanceId} order by kind, node`.execute(database.db);
      return result.rows;
    }

    /** The controllable clock: the timer falls due by the database's own clock. */
    async function makeDue(timerId: string): Promise<void> {
      await sql`update ordo_timers set due_at = now() - interval '1 second' where id = ${timerId}`.execute(database.db);
    }

    async function snapshot(instanceId: string) {
      const row = await findInstance(database.db, instanceId);
      const events = await listEvents(database.db, instanceId);
      return { state: row?.state_value, status: row?.status, revision: row?.revision, lastSeq: row?.last_seq, events: events.map((event) => `${event.seq}:${event.type}`) };
    }

    async function startJob(data: Record<string, unknown>, event: string): Promise<string> {
      const { record } = await services.records.create(clerk, 'job', data);
      const { instance } = await services.workflows.start(clerk, 'job-flow', record.id);
      await services.workflows.sendEvent(clerk, instance.id, { type: event });
      return instance.id;
    }

    it('fires a due time, then a wait, then a queued call, each once and only once it is due by the database clock', async () => {
      const id = await startJob({ title: 'pump', orderDate: '2026-11-24', requestedDate: '2027-03-01', parts: [{ item: 'VALVE', qty: 2 }] }, 'submit');
      const [due] = await timersOf(id);
      expect(due).toMatchObject({ kind: 'task-due', node: 'review', attempts: 0 });
      // An hour after the step's database time; a few seconds of test time at most have passed since.
      expect(due?.due_in).toBeGreaterThan(3600 - 60);
      expect(due?.due_in).toBeLessThanOrEqual(3600);

      const before = await snapshot(id);
      expect(await services.workflows.fireDueTimers(10)).toBe(0);
      expect(await snapshot(id)).toEqual(before);
      expect(await timersOf(id)).toHaveLength(1);

      await makeDue(due?.id ?? '');
      expect(await services.workflows.fireDueTimers(10)).toBe(1);
      const afterDue = await snapshot(id);
      expect(afterDue.state).toBe('cooling');
      expect(afterDue.revision).toBe((before.revision ?? 0) + 1);
      expect(afterDue.events.slice(0, before.events.length)).toEqual(before.events);
      expect(afterDue.events.filter((event) => event.endsWith(':ordo.timer'))).toHaveLength(1);
      const [task] = await listTasksOfInstance(database.db, id);
      expect(task).toMatchObject({ node: 'review', status: 'approved' });

      expect(await services.workflows.fireDueTimers(10)).toBe(0);
      expect(await snapshot(id)).toEqual(afterDue);

      const [wait] = await timersOf(id);
      expect(wait).toMatchObject({ kind: 'wait', node: 'cooling' });
      expect(wait?.due_in).toBeGreaterThan(7200 - 60);
      await makeDue(wait?.id ?? '');
      // The wait leads into the invocation, whose call is queued as a timer due at once: the same batch fires both.
      expect(await services.workflows.fireDueTimers(10)).toBe(2);
      const done = await snapshot(id);
      expect(done.status).toBe('done');
      expect(done.events.slice(afterDue.events.length).map((event) => event.split(':')[1])).toEqual(['ordo.timer', 'xstate.done.actor.promising']);
      expect(await timersOf(id)).toEqual([]);
      const job = await services.records.get(clerk, 'job', (await findInstance(database.db, id))?.record_id ?? '');
      // ctp.promise ran on this app's planning snapshot, which has no items: it can promise nothing and says why.
      expect(job.data).toMatchObject({ promisedDate: '2027-03-01', feasibilityNote: 'Line 1 (2 × VALVE) cannot be promised: item VALVE is not in the planning data.' });
      expect(await services.workflows.fireDueTimers(10)).toBe(0);
    });

    it('drops the due time of a task decided meanwhile, and a stale timer of that task that still turns up changes nothing', async () => {
      const id = await startJob({ title: 'valve' }, 'submit');
      const [due] = await database.db.selectFrom('ordo_timers').selectAll().where('instance_id', '=', id).execute();
      if (due === undefined) throw new Error('the review opened without a due time');
      const [task] = await listTasksOfInstance(database.db, id);
      await services.workflows.completeTask(approver, task?.id ?? '', { outcome: 'approve' });
      // Leaving the task state deleted its due time in the decision's transaction.
      expect((await timersOf(id)).map((timer) => timer.kind)).toEqual(['wait']);
      const decided = await snapshot(id);

      // A timer that escaped deletion (say, written back by a restore): it must be told from the current round and ignored.
      await database.db.insertInto('ordo_timers').values({ ...due, payload: JSON.stringify(due.payload) }).execute();
      await makeDue(due.id);
      expect(await services.workflows.fireDueTimers(10)).toBe(1);
      expect(await snapshot(id)).toEqual(decided);
      expect((await timersOf(id)).map((timer) => timer.kind)).toEqual(['wait']);
      const [approved] = await listTasksOfInstance(database.db, id);
      expect(approved).toMatchObject({ status: 'approved', acted_by: 'abe' });
    });

    it('keeps a failing step\'s timer, counts the attempt, keeps the error and retries later until it succeeds', async () => {
      const { record: other } = await services.records.create(clerk, 'job', { title: 'the job to link' });
      const id = await startJob({ title: 'seal', target: 'no-such-job' }, 'hold');
      const before = await snapshot(id);
      expect(before.state).toBe('linking');

      expect(await services.workflows.fireDueTimers(10)).toBe(1);
      const [first] = await timersOf(id);
      expect(first).toMatchObject({ kind: 'wait', node: 'linking', attempts: 1 });
      expect(first?.last_error).toContain('no-such-job');
      // Put back 10 s (x 2^attempts) after the database's now: not due again at once.
      expect(first?.due_in).toBeGreaterThan(5);
      expect(first?.due_in).toBeLessThanOrEqual(10);
      expect(await snapshot(id)).toEqual(before);
      expect(await services.workflows.fireDueTimers(10)).toBe(0);

      await makeDue(first?.id ?? '');
      expect(await services.workflows.fireDueTimers(1)).toBe(1);
      const [second] = await timersOf(id);
      expect(second).toMatchObject({ id: first?.id, attempts: 2 });
      expect(second?.due_in).toBeGreaterThan(15);
      expect(second?.due_in).toBeLessThanOrEqual(20);
      expect(await snapshot(id)).toEqual(before);

      const job = await services.records.get(clerk, 'job', (await findInstance(database.db, id))?.record_id ?? '');
      await services.records.update(clerk, 'job', job.id, job.revision, { target: other.id });
      await makeDue(first?.id ?? '');
      expect(await services.workflows.fireDueTimers(10)).toBe(1);
      const done = await snapshot(id);
      expect(done.status).toBe('done');
      expect(done.events.slice(before.events.length).map((event) => event.split(':')[1])).toEqual(['ordo.timer']);
      expect(await timersOf(id)).toEqual([]);
      expect((await services.records.get(clerk, 'job', other.id)).data['note']).toBe('linked');
    });

    it('leaves every instance consistent: gap-free logs, revisions, open tasks and timers', async () => {
      expect(await workflowInvariantViolations(database.db)).toEqual([]);
    });
  });
}
