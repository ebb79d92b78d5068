import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import { compileWorkflow, startWorkflow, stepWorkflow, type CompiledWorkflow, type InstanceState, type WorkflowEvent } from '../../engine/workflows/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { findInstance, listEvents, listTasksOfInstance, type WorkflowInstanceRow } from '../../runtime/stores/index.js';
import { MIGRATED_EVENT, migrateInstances, planMove, scanInstance } from '../../runtime/workflows/index.js';
import { countRows, testDatabases } from '../support/database.js';
import { ORDER_FORM, setUpRuntime, type RuntimeFixture } from '../support/runtime-fixture.js';
import { ORDER_FLOW_V1, ORDER_FLOW_V2, V2_RENAMES, startInstances, taskOf, type StartedInstance } from '../support/workflow-versions-fixture.js';

for (const backend of testDatabases()) {
  describe(`moving workflow instances to another version on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let fixture: RuntimeFixture;
    let started: StartedInstance[];
    const byStage = (stage: string) => started.find((item) => item.stage === stage) as StartedInstance;
    const rows = async () => Promise.all(started.map(async (item) => findInstance(database.db, item.instanceId)));

    beforeAll(async () => {
      database = await backend.open();
      fixture = await setUpRuntime(database);
      await fixture.services.definitions.publish({ forms: [], workflows: [ORDER_FLOW_V1] }, 'system');
      started = await startInstances(fixture, ['draft', 'hold', 'check', 'countersign', 'shipped']);
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    });

    it('publishing version 2 changes no running instance', async () => {
      const before = await rows();
      const { published } = await fixture.services.definitions.publish({ forms: [], workflows: [ORDER_FLOW_V2] }, 'system');
      expect(published).toEqual(['order-flow']);
      expect(fixture.services.definitions.workflow('order-flow').definition.version).toBe(2);
      expect(await rows()).toEqual(before);
      expect(before.map((row) => row?.workflow_version)).toEqual([1, 1, 1, 1, 1]);
    });

    it('a dry run reports each running instance and writes nothing', async () => {
      const counts = await countRows(database);
      const before = await rows();
      const report = await migrateInstances(database, fixture.services.definitions, { workflow: 'order-flow', from: 1, to: 2, renames: V2_RENAMES, dryRun: true });
      expect(report).toMatchObject({ workflow: 'order-flow', from: 1, to: 2, dryRun: true, moved: 3, refused: 1 });
      const entry = (stage: string) => report.entries.find((item) => item.instanceId === byStage(stage).instanceId);
      expect(report.entries).toHaveLength(4);
      expect(entry('shipped')).toBeUndefined();
      expect(entry('draft')).toEqual({ instanceId: byStage('draft').instanceId, recordId: byStage('draft').recordId, oldState: 'draft', newState: 'draft', result: 'ok' });
      expect(entry('check')).toMatchObject({ oldState: { check: 'deciding' }, newState: { 'planner-check': 'deciding' }, result: 'ok' });
      expect(entry('countersign')).toMatchObject({ oldState: { countersign: 'deciding' }, newState: { countersign: 'deciding' }, result: 'ok' });
      expect(entry('hold')).toMatchObject({ oldState: 'hold', newState: 'hold', result: 'state "hold" does not exist in version 2' });
      expect(await countRows(database)).toEqual(counts);
      expect(await rows()).toEqual(before);
    });

    it('moves the instances it can, one event and one audit row each, and leaves the refused one as it was', async () => {
      const held = await findInstance(database.db, byStage('hold').instanceId);
      const counts = await countRows(database);
      const report = await migrateInstances(database, fixture.services.definitions, { workflow: 'order-flow', from: 1, to: 2, renames: V2_RENAMES, dryRun: false });
      expect(report).toMatchObject({ dryRun: false, moved: 3, refused: 1 });
      const after = await countRows(database);
      expect(after.ordo_workflow_events - counts.ordo_workflow_events).toBe(3);
      expect(after.ordo_audit - counts.ordo_audit).toBe(3);
      expect({ ...after, ordo_workflow_events: 0, ordo_audit: 0 }).toEqual({ ...counts, ordo_workflow_events: 0, ordo_audit: 0 });
      expect(await findInstance(database.db, byStage('hold').instanceId)).toEqual(held);

      const checked = (await findInstance(database.db, byStage('check').instanceId)) as WorkflowInstanceRow;
      expect(checked).toMatchObject({ workflow_version: 2, state_value: { 'planner-check': 'deciding' } });
      const context = checked.context as unknown as InstanceState['context'];
      expect(Object.keys(context.approvals)).toEqual(['planner-check']);
      expect(context.approvals['planner-check']?.slots.map((slot) => slot.id)).toEqual(['planner-check.1.1']);
      expect(context.visited).toEqual(['draft', 'planner-check']);
      const events = await listEvents(database.db, checked.id);
      expect(events.at(-1)).toMatchObject({
        seq: checked.last_seq,
        type: MIGRATED_EVENT,
        payload: { from: 1, to: 2, map: V2_RENAMES },
        actor_username: 'system',
        state_before: { check: 'deciding' },
        state_after: { 'planner-check': 'deciding' },
      });
      const [task] = await listTasksOfInstance(database.db, checked.id);
      expect(task).toMatchObject({ node: 'planner-check', slot: 'planner-check.1.1', status: 'open', title: { en: 'Planner checks the order' } });
      const audit = await database.db.selectFrom('ordo_audit').selectAll().where('action', '=', 'workflow.migrated').where('target_id', '=', checked.id).execute();
      expect(audit).toHaveLength(1);
    });

    it('leaves moved instances consistent: the scan finds nothing and they run on under version 2', async () => {
      for (const item of started) expect(await scanInstance(database.db, fixture.services.definitions, item.instanceId)).toEqual([]);
      const { services, planner, finance, sales } = fixture;
      const check = byStage('check').instanceId;
      const moved = await services.workflows.completeTask(planner, await taskOf(services, planner, check), { outcome: 'approve' });
      expect(moved.instance).toMatchObject({ workflowVersion: 2, state: { countersign: 'deciding' } });
      const countersign = byStage('countersign').instanceId;
      await services.workflows.completeTask(finance, await taskOf(services, finance, countersign), { outcome: 'approve' });
      expect((await services.workflows.sendEvent(sales, countersign, { type: 'ship' })).instance).toMatchObject({ state: 'shipped', status: 'done' });
      await expect(services.workflows.sendEvent(sales, byStage('draft').instanceId, { type: 'hold' })).rejects.toMatchObject({ code: 'ORDO_ERR_WORKFLOW_EVENT_REJECTED' });
      for (const item of started) expect(await scanInstance(database.db, fixture.services.definitions, item.instanceId)).toEqual([]);
    });

    it('refuses a map naming states the versions do not have, and the same version twice', async () => {
      const definitions = fixture.services.definitions;
      await expect(migrateInstances(database, definitions, { workflow: 'order-flow', from: 1, to: 2, renames: { chek: 'planner-check' }, dryRun: true })).rejects.toMatchObject({
        code: 'ORDO_ERR_REQUEST_INVALID',
        fields: [{ pointer: '/map/chek' }],
      });
      await expect(migrateInstances(database, definitions, { workflow: 'order-flow', from: 1, to: 2, renames: { check: 'review' }, dryRun: true })).rejects.toMatchObject({
        code: 'ORDO_ERR_REQUEST_INVALID',
      });
      await expect(migrateInstances(database, definitions, { workflow: 'order-flow', from: 2, to: 2, renames: {}, dryRun: true })).rejects.toMatchObject({ code: 'ORDO_ERR_REQUEST_INVALID' });
      await expect(migrateInstances(database, definitions, { workflow: 'order-flow', from: 1, to: 3, renames: {}, dryRun: true })).rejects.toMatchObject({ code: 'ORDO_ERR_WORKFLOW_NOT_FOUND' });
    });
  });
}

describe('where an instance may move', () => {
  const compile = (definition: WorkflowDefinition): CompiledWorkflow => compileWorkflow(definition, { forms: new Map([['order', ORDER_FORM]]) });
  const v1 = compile(ORDER_FLOW_V1);
  const system = { username: 'system', roles: [] };
  const at = '2026-11-24T02:00:00.000Z';

  /** An instance of version 1 driven with the given events, assignees answered with `pat` and `fay`. */
  function instanceAfter(...types: string[]): InstanceState {
    let state = startWorkflow(v1, { initiator: 'sam', record: {} }).state;
    for (const type of types) {
      let result = stepWorkflow(v1, state, {}, { type, actor: { username: 'sam', roles: ['sales'] }, at } as WorkflowEvent);
      for (const effect of result.effects) {
        if (effect.kind === 'resolve-assignees') {
          result = stepWorkflow(v1, result.state, {}, { type: 'ordo.task.assigned', node: effect.node, users: ['pat', 'fay'], purpose: 'open', actor: system, at });
        }
      }
      state = result.state;
    }
    return state;
  }

  const withStates = (states: WorkflowDefinition['states']) => compile({ ...ORDER_FLOW_V1, version: 2, states } as WorkflowDefinition);

  it('not into a compound state that would put it in its initial child', () => {
    const target = withStates({ ...ORDER_FLOW_V1.states, draft: { initial: 'editing', states: { editing: { on: { submit: { target: 'check' }, hold: { target: 'hold' } } } } } });
    expect(planMove(v1, target, instanceAfter(), {}, {})).toMatchObject({ ok: false, reason: 'state draft would become draft.editing in version 2' });
  });

  it('not into a final state', () => {
    const target = withStates({ ...ORDER_FLOW_V1.states, hold: { type: 'final' } });
    expect(planMove(v1, target, instanceAfter('hold'), {}, {})).toMatchObject({ ok: false, reason: 'state hold is final in version 2' });
  });

  it('not while its context holds rounds of a task the target no longer has as a task', () => {
    const target = withStates({ ...ORDER_FLOW_V1.states, check: { on: { done: { target: 'countersign' } } } });
    const state = instanceAfter('submit');
    expect(planMove(v1, target, state, {}, {})).toMatchObject({ ok: false, reason: 'task "check" is not a task in version 2' });
  });

  it('merges a dropped state into another, unless the instance keeps both names', () => {
    const v2 = compile(ORDER_FLOW_V2);
    expect(planMove(v1, v2, instanceAfter('hold'), {}, { hold: 'draft' })).toMatchObject({ ok: true, state: { value: 'draft' } });
    expect(planMove(v1, v2, instanceAfter('submit'), {}, { check: 'draft' })).toMatchObject({ ok: false, reason: '"draft" and "check" would both become "draft"' });
  });

  it('swaps two task names with their slots', () => {
    const states = ORDER_FLOW_V1.states;
    const target = withStates({ ...states, check: { task: { ...states['countersign']?.task, onApproved: { target: 'countersign' } } }, countersign: { task: { ...states['check']?.task, onApproved: { target: 'released' } } } } as WorkflowDefinition['states']);
    const plan = planMove(v1, target, instanceAfter('submit'), {}, { check: 'countersign', countersign: 'check' });
    expect(plan).toMatchObject({ ok: true, state: { value: { countersign: 'deciding' }, context: { visited: ['draft', 'countersign'] } } });
    expect(plan.ok && plan.state.context.approvals['countersign']?.slots[0]?.id).toBe('countersign.1.1');
  });
});
