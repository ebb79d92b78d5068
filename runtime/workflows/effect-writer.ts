import { randomUUID } from 'node:crypto';
import type { BusinessCalendar, DepartmentDefinition, TaskDue } from '../../engine/definitions/index.js';
import type { CompiledForm } from '../../engine/forms/index.js';
import { dueInstant, remindInstant, type WorkflowEffect } from '../../engine/workflows/index.js';
import { OrdoError } from '../../engine/errors/index.js';
import {
  deleteTimers,
  findRecord,
  insertNotifications,
  insertOutbox,
  insertTimers,
  updateRecordData,
  type Executor,
  type NewTimerRow,
  type WorkflowInstanceRow,
} from '../stores/index.js';
import { computeChanges } from '../services/record-changes.js';
import { fetchLookups } from '../services/record-context.js';
import { insertNewRecord, recordChange } from '../services/record-writes.js';
import { assignSerials } from '../services/serial-codes.js';
import type { Actor } from '../services/types.js';
import { resolveAssignees } from './assignee-resolver.js';

/** When each task opened in this step falls due, by task state. */
export function taskDueDates(
  effects: readonly WorkflowEffect[],
  record: Readonly<Record<string, unknown>>,
  calendar: BusinessCalendar | undefined,
  at: Date,
): Map<string, Date> {
  const dates = new Map<string, Date>();
  for (const effect of effects) {
    if (effect.kind !== 'task-opened' || effect.due === undefined) continue;
    const due = dueInstant(effect.due, record, calendar, at);
    if (due !== undefined) dates.set(effect.node, due);
  }
  return dates;
}

function taskTimers(instanceId: string, effect: { node: string; round: number; due: TaskDue }, due: Date, at: Date): NewTimerRow[] {
  const timers: NewTimerRow[] = [{ id: randomUUID(), instanceId, kind: 'task-due', node: effect.node, round: effect.round, payload: {}, dueAt: due }];
  const remindAt = remindInstant(due, effect.due.remindBefore, at);
  if (remindAt !== undefined) timers.push({ id: randomUUID(), instanceId, kind: 'task-remind', node: effect.node, round: effect.round, payload: {}, dueAt: remindAt });
  return timers;
}

export interface EffectContext {
  readonly instance: WorkflowInstanceRow;
  readonly effects: readonly WorkflowEffect[];
  readonly record: Readonly<Record<string, unknown>>;
  readonly recordActor: Actor;
  readonly calendar: BusinessCalendar | undefined;
  readonly at: Date;
}

/** Does, in the step's transaction, the work the engine asked for. */
export async function applyEffects(trx: Executor, deps: { form(id: string): CompiledForm; departments(): readonly DepartmentDefinition[] }, c: EffectContext): Promise<void> {
  const timers: NewTimerRow[] = [];
  const { instance, at } = c;
  for (const effect of c.effects) {
    switch (effect.kind) {
      case 'task-opened': {
        const due = effect.due === undefined ? undefined : dueInstant(effect.due, c.record, c.calendar, at);
        if (due !== undefined && effect.due !== undefined) timers.push(...taskTimers(instance.id, { ...effect, due: effect.due }, due, at));
        break;
      }
      case 'node-left':
        await deleteTimers(trx, { instanceId: instance.id, node: effect.node });
        break;
      case 'wait': {
        const due = dueInstant(
          {
            ...(effect.wait.after === undefined ? {} : { after: effect.wait.after }),
            ...(effect.wait.untilField === undefined ? {} : { field: effect.wait.untilField }),
            ...(effect.wait.businessTime === undefined ? {} : { businessTime: effect.wait.businessTime }),
          },
          c.record,
          c.calendar,
          at,
        );
        timers.push({ id: randomUUID(), instanceId: instance.id, kind: 'wait', node: effect.node, round: effect.round, payload: {}, dueAt: due ?? at });
        break;
      }
      case 'invoke':
        timers.push({
          id: randomUUID(),
          instanceId: instance.id,
          kind: 'invoke',
          node: effect.node,
          round: effect.round,
          payload: { function: effect.function, input: effect.input },
          dueAt: at,
        });
        break;
      case 'notify': {
        const users = await resolveAssignees(trx, effect.to, { record: c.record, at, departments: deps.departments() });
        await insertNotifications(
          trx,
          users.map((username) => ({
            id: randomUUID(),
            username,
            kind: effect.notification,
            instanceId: instance.id,
            form: instance.form,
            recordId: instance.record_id,
            message: effect.message,
            at,
          })),
        );
        break;
      }
      case 'create-record': {
        const compiled = deps.form(effect.form);
        const context = { roles: c.recordActor.roles, locale: c.recordActor.locale, now: at };
        const prepared = compiled.prepare({ data: effect.data }, context, await fetchLookups(trx, compiled, effect.data));
        const data = { ...prepared, ...(await assignSerials(trx, compiled.definition, at)) };
        await insertNewRecord(trx, c.recordActor, { id: randomUUID(), form: effect.form, formVersion: compiled.definition.version, data }, at);
        break;
      }
      case 'update-record': {
        const compiled = deps.form(effect.form);
        const stored = await findRecord(trx, effect.form, effect.record);
        if (stored === undefined)
          throw new OrdoError('ORDO_ERR_RECORD_NOT_FOUND', `No record ${effect.record} in form ${effect.form} for the workflow to update`);
        const candidate = { ...stored.data, ...effect.fields };
        const prepared = compiled.prepare(
          { data: candidate, previous: stored.data },
          { roles: c.recordActor.roles, locale: c.recordActor.locale, now: at },
          await fetchLookups(trx, compiled, candidate),
        );
        const row = await updateRecordData(trx, {
          id: stored.id,
          expectedRevision: stored.revision,
          formVersion: compiled.definition.version,
          data: prepared,
          at,
          by: c.recordActor.username,
        });
        if (row === undefined) throw new OrdoError('ORDO_ERR_REVISION_CONFLICT', `Record ${stored.id} changed while the workflow updated it`);
        await recordChange(trx, c.recordActor, row, 'update', computeChanges(stored.data, prepared), at);
        break;
      }
      case 'emit':
        await insertOutbox(trx, [{ instanceId: instance.id, event: effect.event, data: effect.data, at }]);
        break;
      case 'resolve-assignees':
      case 'cancel-children':
        // Answered by the step runner: the first before the step settles, the second by stepping the children.
        break;
    }
  }
  await insertTimers(trx, timers);
}
