import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import { isLoneStep, planStep } from '../../runtime/workflows/index.js';
import type { RecordRow, WorkflowInstanceRow } from '../../runtime/stores/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory, type ShippedFactory } from '../support/shipped-factory.js';
import { workflowInvariantViolations } from '../support/workflow-invariants.js';

const text = (en: string) => ({ 'zh-CN': en, en });

/** `ping` and `pong` write only the instance, its event and audit row; `ask` opens an approval; `mark` sets a field. */
const lamp: WorkflowDefinition = {
  kind: 'workflow',
  id: 'order-lamp',
  version: 1,
  title: text('Order lamp'),
  form: 'sales-order',
  initial: 'off',
  states: {
    off: {
      on: {
        ping: { target: 'on' },
        ask: { target: 'asking' },
        mark: { target: 'on', actions: [{ type: 'setFields', fields: { remarks: '"lamp on"' } }] },
      },
    },
    on: { on: { pong: { target: 'off' } } },
    asking: {
      task: { title: text('Say yes'), assignees: [{ user: 'li.na' }], onApproved: { target: 'off' }, onRejected: { target: 'off' } },
    },
  },
} as WorkflowDefinition;

/*
 * A business event whose step writes only the instance, its event and its audit row runs without
 * BEGIN and COMMIT (isLoneStep): the one conditional statement is its own transaction, so the
 * guarantees of every other command must hold for it as well.
 */
for (const backend of testDatabases()) {
  describe(`lone workflow steps on ${backend.name}`, () => {
    let factory: ShippedFactory;

    beforeAll(async () => {
      factory = await openShippedFactory(backend, { usernames: ['li.na'], workflows: (shipped) => [...shipped, lamp] });
    }, 60_000);
    afterAll(async () => {
      await factory?.database.close();
    });

    const instanceRow = async (id: string) =>
      (await sql<WorkflowInstanceRow>`select * from ordo_workflow_instances where id = ${id}`.execute(factory.database.db)).rows[0] as WorkflowInstanceRow;
    const recordRow = async (id: string) => (await sql<RecordRow>`select * from ordo_records where id = ${id}`.execute(factory.database.db)).rows[0] as RecordRow;

    it('tells a step that writes one statement from one that adds tasks or changes the record', async () => {
      const { services } = factory;
      const { instance } = await services.workflows.start(factory.as('li.na'), 'order-lamp', 'so-gz-nansha-port-0056');
      const row = await instanceRow(instance.id);
      const record = await recordRow(row.record_id);
      const compiled = services.definitions.workflow('order-lamp');
      const plan = (type: string) => planStep(compiled, { instance: row, event: { type }, actor: factory.as('li.na'), at: new Date(), record });
      expect(isLoneStep(row, plan('ping'))).toBe(true);
      expect(isLoneStep(row, plan('ask'))).toBe(false);
      expect(isLoneStep(row, plan('mark'))).toBe(false);
    });

    it('lets exactly one of 50 simultaneous events win; the rest get 409 and the log holds one', async () => {
      const { services } = factory;
      const { instance } = await services.workflows.start(factory.as('li.na'), 'order-lamp', 'so-jx-ganbei-copper-1211');
      const before = await instanceRow(instance.id);
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => services.workflows.sendEvent(factory.as('li.na'), instance.id, { type: 'ping' })));
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.flatMap((result) => (result.status === 'rejected' ? [(result.reason as { code: string }).code] : []));
      expect(won).toHaveLength(1);
      expect(new Set(lost)).toEqual(new Set(lost.filter((code) => code === 'ORDO_ERR_INSTANCE_CONFLICT' || code === 'ORDO_ERR_WORKFLOW_EVENT_REJECTED')));
      const after = await instanceRow(instance.id);
      expect(after.revision).toBe(before.revision + 1);
      expect(after.state_value).toBe('on');
      const pings = await sql<{ n: number }>`select count(*)::int as n from ordo_workflow_events where instance_id = ${instance.id} and type = 'ping'`.execute(factory.database.db);
      expect(pings.rows[0]?.n).toBe(1);
      const audits = await sql<{ n: number }>`select count(*)::int as n from ordo_audit where target_id = ${instance.id} and action = 'workflow.ping'`.execute(factory.database.db);
      expect(audits.rows[0]?.n).toBe(1);
    });

    it('still writes a step with tasks or a record change whole, and answers as before', async () => {
      const { services } = factory;
      const { instance } = await services.workflows.start(factory.as('li.na'), 'order-lamp', 'so-sz-pengcheng-tunnel-1210');
      const asked = await services.workflows.sendEvent(factory.as('li.na'), instance.id, { type: 'ask' });
      expect(asked.instance.state).toEqual({ asking: 'deciding' });
      expect(asked.instance.openTasks.map((task) => task.assignee)).toEqual(['li.na']);
      const task = asked.instance.openTasks[0] as { id: string };
      await services.workflows.completeTask(factory.as('li.na'), task.id, { outcome: 'approve' });
      const marked = await services.workflows.sendEvent(factory.as('li.na'), instance.id, { type: 'mark' });
      expect(marked.instance.state).toBe('on');
      expect((await recordRow((await instanceRow(instance.id)).record_id)).data).toMatchObject({ remarks: 'lamp on' });
      expect(await workflowInvariantViolations(factory.database.db)).toEqual([]);
    });

    it('replays an event sent with an idempotency key, as every command does', async () => {
      const { services } = factory;
      const { instance } = await services.workflows.start(factory.as('li.na'), 'order-lamp', 'so-hz-water-1187');
      const first = await services.workflows.sendEvent(factory.as('li.na'), instance.id, { type: 'ping' }, { idempotencyKey: 'lamp-1' });
      const again = await services.workflows.sendEvent(factory.as('li.na'), instance.id, { type: 'ping' }, { idempotencyKey: 'lamp-1' });
      expect(again.replayed).toBe(true);
      expect(again.instance).toEqual(first.instance);
      expect((await instanceRow(instance.id)).last_seq).toBe(2);
    });
  });
}
