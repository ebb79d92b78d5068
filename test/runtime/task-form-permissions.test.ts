import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import { findRecord } from '../../runtime/stores/index.js';
import { codeOf } from '../support/error-code.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

const ORDER = 'so-zhongjian-huadong-2211';


/** The shipped lifecycle with costEstimate (readable by finance only) made editable in the manager's review. */
function withUnreadableEditable(workflow: WorkflowDefinition): WorkflowDefinition {
  const states = structuredClone(workflow.states) as Record<string, { task?: { editableFields?: string[] } }>;
  const review = states['review']?.task;
  if (review === undefined) throw new Error('the lifecycle has no review task');
  review.editableFields = [...(review.editableFields ?? []), 'costEstimate'];
  return { ...workflow, states: states as WorkflowDefinition['states'] };
}

/*
 * A task's editableFields widen what the assignee may write, never what they may read: a field the
 * assignee's roles may not see cannot be written through the task form either, as through the
 * record API (refuseUnreadableFields), since the value could only be a guess and the validation
 * answer would tell what the stored one allows.
 */
for (const backend of testDatabases()) {
  describe(`task form edits and field read permissions on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    const users: Record<string, Actor> = {};
    let taskId = '';
    let instanceId = '';

    beforeAll(async () => {
      const factory = await openShippedFactory(backend, { usernames: ['li.na', 'wang.qiang'], workflows: (shipped) => shipped.map((workflow) => (workflow.id === 'sales-order-lifecycle' ? withUnreadableEditable(workflow) : workflow)) });
      ({ database, services } = factory);
      for (const name of ['li.na', 'wang.qiang']) users[name] = factory.as(name);
      const clerk = users['li.na'] as Actor;
      const { instance } = await services.workflows.start(clerk, 'sales-order-lifecycle', ORDER);
      await services.workflows.sendEvent(clerk, instance.id, { type: 'submit' });
      const page = await services.workflows.listTasks(users['wang.qiang'] as Actor, { box: 'todo', limit: 50, offset: 0 });
      instanceId = instance.id;
      taskId = (page.items as { id: string; instanceId: string }[]).find((task) => task.instanceId === instance.id)?.id ?? '';
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    });

    it('refuses a task edit or draft of a field the assignee may not read, and keeps the stored value', async () => {
      const manager = users['wang.qiang'] as Actor;
      const before = (await findRecord(database.db, 'sales-order', ORDER))?.data['costEstimate'];
      expect(await codeOf(services.workflows.saveDraft(manager, taskId, { costEstimate: 1 }))).toBe('ORDO_ERR_FIELD_FORBIDDEN');
      expect(await codeOf(services.workflows.completeTask(manager, taskId, { outcome: 'approve', data: { costEstimate: 1 } }))).toBe('ORDO_ERR_FIELD_FORBIDDEN');
      expect((await findRecord(database.db, 'sales-order', ORDER))?.data['costEstimate']).toEqual(before);
      expect((await services.workflows.getTask(manager, taskId)).status).toBe('open');
    });

    it("shows a task's draft to its assignee only, not to everyone who may read the instance", async () => {
      const manager = users['wang.qiang'] as Actor;
      await services.workflows.saveDraft(manager, taskId, { remarks: 'not sure yet' });
      const seen = await services.workflows.get(users['li.na'] as Actor, instanceId);
      expect(seen.tasks.find((task) => task.id === taskId)?.draft).toBeNull();
      expect(seen.openTasks.find((task) => task.id === taskId)?.draft).toBeNull();
      expect((await services.workflows.get(manager, instanceId)).tasks.find((task) => task.id === taskId)?.draft).toEqual({ remarks: 'not sure yet' });
    });

    it('still takes the editable fields the assignee may read', async () => {
      const { instance } = await services.workflows.completeTask(users['wang.qiang'] as Actor, taskId, { outcome: 'approve', data: { remarks: 'checked' } });
      expect(instance.state).toBe('feasibility');
      expect((await findRecord(database.db, 'sales-order', ORDER))?.data['remarks']).toBe('checked');
    });
  });
}
