import { randomUUID } from 'node:crypto';
import type { StateValue } from 'xstate';
import { OrdoError, isOrdoError } from '../../engine/errors/index.js';
import type { DepartmentDefinition } from '../../engine/definitions/index.js';
import type { CompiledForm } from '../../engine/forms/index.js';
import { jsonEqual } from '../../engine/forms/index.js';
import {
  SYSTEM_ACTOR,
  startWorkflow,
  stepWorkflow,
  type CompiledWorkflow,
  type InstanceState,
  type StepResult,
  type WorkflowEffect,
  type WorkflowEvent,
} from '../../engine/workflows/index.js';
import {
  commitStep,
  findInstance,
  findRecord,
  insertAudit,
  insertEvents,
  insertInstance,
  insertTasks,
  insertTimers,
  isUniqueViolation,
  listTasksOfInstance,
  updateRecordData,
  updateTasks,
  type Executor,
  type RecordRow,
  type WorkflowInstanceRow,
} from '../stores/index.js';
import { recordChange } from '../services/record-writes.js';
import { computeChanges } from '../services/record-changes.js';
import { fetchLookups } from '../services/record-context.js';
import type { Actor } from '../services/types.js';
import { resolveAssignees } from './assignee-resolver.js';
import { spawnChildren } from './child-spawner.js';
import { applyEffects, taskDueDates } from './effect-writer.js';
import { auditEntry, eventRows, stored, type Applied, type CommandActor, type LoggedStep } from './step-log.js';
import { projectTasks, type SlotView } from './task-projection.js';

/** Enough steps for any chain of decisions and assignments; more means a definition loops forever. */
const MAX_STEPS_PER_COMMAND = 100;

export interface StepDependencies {
  form(id: string): CompiledForm;
  /** The latest version, or the one an instance is pinned to. */
  workflow(id: string, version?: number): CompiledWorkflow;
  /** The published app's departments, for department assignees. */
  departments(): readonly DepartmentDefinition[];
}

function eventActor(actor: CommandActor): WorkflowEvent['actor'] {
  return actor === 'system' ? SYSTEM_ACTOR : { username: actor.username, roles: actor.roles };
}

/** The record writes of a workflow are the workflow's, not the user's: they follow the form's rules, not the user's field rights. */
function recordActor(actor: CommandActor): Actor {
  const base = actor === 'system' ? { userId: 'system', username: 'system', displayName: 'Ordo', locale: 'en' as const } : actor;
  return { ...base, roles: ['admin'] };
}

/** Where a step happens: the instance (its id is chosen before a start is written) and its record. */
interface StepPlace {
  readonly trx: Executor;
  readonly deps: StepDependencies;
  readonly instanceId: string;
  readonly record: RecordRow;
  readonly actor: CommandActor;
  readonly at: Date;
}

/** The engine asked for something only the database knows; the answer is the next event. */
async function answer(place: StepPlace, effect: WorkflowEffect, record: Readonly<Record<string, unknown>>): Promise<WorkflowEvent | undefined> {
  const { trx, at } = place;
  if (effect.kind === 'resolve-assignees') {
    const users = await resolveAssignees(trx, effect.assignees, { record, at, departments: place.deps.departments() });
    return { type: 'ordo.task.assigned', node: effect.node, users, purpose: effect.purpose, actor: SYSTEM_ACTOR, at: at.toISOString() };
  }
  if (effect.kind === 'spawn') {
    const spawnPlace = { parentId: place.instanceId, parentRecordId: place.record.id, recordActor: recordActor(place.actor), at };
    const children = await spawnChildren(trx, place.deps, effect, spawnPlace, (child, workflow, parentId) =>
      startInstance(trx, place.deps, workflow, { record: child, actor: place.actor, at, parentId }).then((outcome) => outcome.row),
    );
    return { type: 'ordo.children.started', node: effect.node, round: effect.round, children, actor: SYSTEM_ACTOR, at: at.toISOString() };
  }
  return undefined;
}

/** Runs the engine until no assignment or spawn is pending, answering each from the database. */
async function settle(
  place: StepPlace,
  compiled: CompiledWorkflow,
  first: StepResult,
  firstEvent: WorkflowEvent | undefined,
  before: InstanceState | undefined,
): Promise<{
  state: InstanceState;
  record: Readonly<Record<string, unknown>>;
  applied: Applied[];
  effects: WorkflowEffect[];
  slots: Map<string, SlotView>;
  newSlots: Set<string>;
}> {
  const applied: Applied[] =
    firstEvent === undefined ? [] : [{ event: firstEvent, before: before === undefined ? null : stored(before.value), after: stored(first.state.value) }];
  const effects: WorkflowEffect[] = [];
  const slots = new Map<string, SlotView>();
  const newSlots = new Set<string>();
  const track = (from: Pick<InstanceState['context'], 'approvals'>, to: Pick<InstanceState['context'], 'approvals'>, event: WorkflowEvent) => {
    const { added, changed } = projectTasks(from, to, event);
    for (const view of added) newSlots.add(view.slot);
    for (const view of [...added, ...changed]) slots.set(view.slot, view);
  };
  if (firstEvent !== undefined && before !== undefined) track(before.context, first.state.context, firstEvent);
  let result = first;
  const pending = [...first.effects];
  for (let steps = 0; pending.length > 0; steps += 1) {
    if (steps > MAX_STEPS_PER_COMMAND)
      throw new OrdoError('ORDO_ERR_DEFINITION_INVALID', `workflow "${compiled.definition.id}" did not settle within ${MAX_STEPS_PER_COMMAND} steps`);
    const effect = pending.shift() as WorkflowEffect;
    const event = await answer(place, effect, result.record);
    if (event === undefined) {
      effects.push(effect);
      continue;
    }
    const next = stepWorkflow(compiled, result.state, result.record, event);
    applied.push({ event, before: stored(result.state.value), after: stored(next.state.value) });
    track(result.state.context, next.state.context, event);
    pending.push(...next.effects);
    result = next;
  }
  return { state: result.state, record: result.record, applied, effects, slots, newSlots };
}

type Settled = Awaited<ReturnType<typeof settle>>;

interface Persist extends LoggedStep {
  readonly trx: Executor;
  readonly deps: StepDependencies;
  readonly compiled: CompiledWorkflow;
  readonly record: RecordRow;
}

/** Writes what a step did besides the instance row, its events and its audit row; returns the record's data as stored (computed fields recomputed). */
async function persistRest(p: Persist, settled: Settled, instance: WorkflowInstanceRow): Promise<Readonly<Record<string, unknown>>> {
  const { trx, compiled, at } = p;
  const written = await writeRecord(p, settled.record);
  const added = [...settled.slots.values()].filter((view) => settled.newSlots.has(view.slot));
  const dueAt = await dueOfAdded(p, settled, added);
  const changed = [...settled.slots.values()].filter((view) => !settled.newSlots.has(view.slot));
  await insertTasks(
    trx,
    added.map((view) => ({
      id: randomUUID(),
      instanceId: p.instanceId,
      workflow: compiled.definition.id,
      form: compiled.definition.form,
      recordId: p.record.id,
      node: view.node,
      round: view.round,
      slot: view.slot,
      assignee: view.user,
      status: view.status,
      title: compiled.taskOf(view.node)?.title ?? { 'zh-CN': view.node, en: view.node },
      at,
      dueAt: dueAt(view),
    })),
  );
  await updateTasks(
    trx,
    changed.map((view) => ({
      instanceId: p.instanceId,
      slot: view.slot,
      status: view.status,
      ...(view.status === 'open' || view.status === 'waiting' ? {} : { actedAt: at }),
      ...(view.actedBy === undefined ? {} : { actedBy: view.actedBy }),
      ...(view.comment === undefined ? {} : { comment: view.comment }),
    })),
  );
  await applyEffects(trx, p.deps, {
    instance,
    effects: settled.effects,
    record: settled.record,
    recordActor: recordActor(p.actor),
    calendar: compiled.definition.calendar,
    at,
  });
  for (const effect of settled.effects) {
    if (effect.kind === 'cancel-children') await cancelChildren(p, effect.event, effect.children);
  }
  if (settled.state.status === 'done' && instance.parent_id !== null) {
    // Queued like a timer, so a parent busy with another command hears of it once it is free.
    await insertTimers(trx, [
      { id: randomUUID(), instanceId: instance.parent_id, kind: 'child-ended', node: '', round: 0, payload: { child: p.instanceId }, dueAt: at },
    ]);
  }
  return written;
}

/**
 * When each added task falls due: a round opened in this step from its due rule; a slot added to a
 * running round (transfer, added signer, reassignment) keeps the round's due time, which its timer
 * still holds.
 */
async function dueOfAdded(p: Persist, settled: Settled, added: readonly SlotView[]): Promise<(view: SlotView) => Date | null> {
  const opened = taskDueDates(settled.effects, settled.record, p.compiled.definition.calendar, p.at);
  const running = added.some((view) => !opened.has(view.node) && p.compiled.taskOf(view.node)?.due !== undefined);
  const earlier = running ? (await listTasksOfInstance(p.trx, p.instanceId)).filter((row) => row.due_at !== null) : [];
  return (view) => opened.get(view.node) ?? earlier.find((row) => row.node === view.node && row.round === view.round)?.due_at ?? null;
}

/**
 * A parent left its spawn state before the children ended: each child still running gets the cancel
 * event from the workflow itself, in the parent's transaction. A child that does not take it keeps
 * running (it may be past the point where cancelling means anything).
 */
async function cancelChildren(p: Persist, event: string, children: readonly string[]): Promise<void> {
  for (const id of children) {
    const child = await findInstance(p.trx, id);
    if (child === undefined || child.status !== 'running') continue;
    try {
      await advanceInstance(p.trx, p.deps, p.deps.workflow(child.workflow, child.workflow_version), { instance: child, event: { type: event }, actor: 'system', at: p.at });
    } catch (error) {
      if (!isOrdoError(error) || error.code !== 'ORDO_ERR_WORKFLOW_EVENT_REJECTED') throw error;
    }
  }
}

/** The workflow's field changes go through the form's rules like any other write, in the same transaction. */
async function writeRecord(p: Persist, data: Readonly<Record<string, unknown>>): Promise<Readonly<Record<string, unknown>>> {
  if (jsonEqual(data, p.record.data)) return p.record.data;
  const compiled = p.deps.form(p.record.form);
  const actor = recordActor(p.actor);
  const lookups = await fetchLookups(p.trx, compiled, data);
  const prepared = compiled.prepare({ data, previous: p.record.data }, { roles: actor.roles, locale: actor.locale, now: p.at }, lookups);
  const row = await updateRecordData(p.trx, {
    id: p.record.id,
    expectedRevision: p.record.revision,
    formVersion: compiled.definition.version,
    data: prepared,
    at: p.at,
    by: actor.username,
  });
  if (row === undefined)
    throw new OrdoError('ORDO_ERR_REVISION_CONFLICT', 'The record changed while the workflow moved; try again', {
      extra: { currentRevision: p.record.revision },
    });
  await recordChange(p.trx, actor, row, 'update', computeChanges(p.record.data, prepared), p.at);
  return prepared;
}

export async function loadRecord(trx: Executor, form: string, id: string): Promise<RecordRow> {
  const record = await findRecord(trx, form, id);
  if (record === undefined) throw new OrdoError('ORDO_ERR_RECORD_NOT_FOUND', `No record ${id} in form ${form}`);
  return record;
}

/** The instance as the command left it, and its record's data after the step. */
export interface StepOutcome {
  readonly row: WorkflowInstanceRow;
  readonly record: Readonly<Record<string, unknown>>;
}

/** Starts an instance on a record: one transaction with its first events, tasks and timers. */
export async function startInstance(
  trx: Executor,
  deps: StepDependencies,
  compiled: CompiledWorkflow,
  input: { record: RecordRow; actor: CommandActor; at: Date; parentId?: string },
): Promise<StepOutcome> {
  const initiator = input.actor === 'system' ? 'system' : input.actor.username;
  const first = startWorkflow(compiled, { initiator, record: input.record.data });
  const startEvent: WorkflowEvent = { type: 'ordo.start', actor: eventActor(input.actor), at: input.at.toISOString() };
  const id = randomUUID();
  const settled = await settle({ trx, deps, instanceId: id, record: input.record, actor: input.actor, at: input.at }, compiled, first, startEvent, undefined);
  let row: WorkflowInstanceRow;
  try {
    row = await insertInstance(trx, {
      id,
      workflow: compiled.definition.id,
      workflowVersion: compiled.definition.version,
      form: compiled.definition.form,
      recordId: input.record.id,
      stateValue: stored(settled.state.value),
      context: settled.state.context as unknown as Record<string, unknown>,
      lastSeq: settled.applied.length,
      initiator,
      initiatorId: input.actor === 'system' ? null : input.actor.userId,
      parentId: input.parentId ?? null,
      at: input.at,
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new OrdoError('ORDO_ERR_WORKFLOW_RUNNING', `Workflow ${compiled.definition.id} already runs on record ${input.record.id}`);
    throw error;
  }
  const persist: Persist = { trx, deps, compiled, instanceId: id, record: input.record, actor: input.actor, at: input.at, firstSeq: 1, recordRevision: input.record.revision };
  await insertEvents(trx, eventRows(persist, settled.applied));
  const record = await persistRest(persist, settled, row);
  await insertAudit(trx, auditEntry(persist, compiled, settled.applied, settled.state.value));
  return { row, record };
}

/** What advancing an instance by one command needs to know. */
export interface AdvanceInput {
  instance: WorkflowInstanceRow;
  event: Omit<WorkflowEvent, 'actor' | 'at'> & { type: string };
  actor: CommandActor;
  at: Date;
  recordPatch?: Record<string, unknown>;
  /** The instance's record when the caller read it already (with the instance, in one statement). */
  record?: RecordRow;
}

/** The engine's first step of a command, computed before anything is written. */
export interface PlannedStep {
  readonly record: RecordRow;
  readonly state: InstanceState;
  readonly event: WorkflowEvent;
  readonly first: StepResult;
}

/** Runs the engine's first step of a command; pure, so the caller may decide from it whether the writes need a transaction. */
export function planStep(compiled: CompiledWorkflow, input: AdvanceInput & { record: RecordRow }): PlannedStep {
  const { instance, record } = input;
  const state: InstanceState = {
    value: instance.state_value as StateValue,
    context: instance.context as unknown as InstanceState['context'],
    status: instance.status === 'done' ? 'done' : 'running',
  };
  const data = input.recordPatch === undefined ? record.data : { ...record.data, ...input.recordPatch };
  // The engine sees the assignee an administrator acts for; the log keeps the administrator.
  const onBehalfOf = (input.event as { onBehalfOf?: unknown }).onBehalfOf;
  const engineActor = typeof onBehalfOf === 'string' ? { username: onBehalfOf, roles: [] } : eventActor(input.actor);
  const event = { ...input.event, actor: engineActor, at: input.at.toISOString() } as WorkflowEvent;
  return { record, state, event, first: stepWorkflow(compiled, state, data, event) };
}

/**
 * True when committing the planned step is the one conditional statement of commitStep (the
 * instance, its events, its audit row): the engine asks for nothing more, and no task, record,
 * timer or parent changes. Such a step needs no transaction of its own, and BEGIN and COMMIT
 * would be two of its four round trips (BENCHMARKS.md, bench:workflow).
 */
export function isLoneStep(instance: WorkflowInstanceRow, planned: PlannedStep): boolean {
  const { first, state, event, record } = planned;
  if (first.effects.length > 0 || !jsonEqual(first.record, record.data)) return false;
  if (first.state.status === 'done' && instance.parent_id !== null) return false;
  const { added, changed } = projectTasks(state.context, first.state.context, event);
  return added.length === 0 && changed.length === 0;
}

/**
 * Applies one command to an instance: the engine step and every step it causes, then one
 * statement that writes the instance if its revision is unchanged (a stale revision is a 409 and
 * nothing is kept), its events and the audit entry, then the record change, the tasks, timers and
 * notifications. `trx` is a transaction, or may be a bare connection for a lone step (isLoneStep).
 */
export async function advanceInstance(
  trx: Executor,
  deps: StepDependencies,
  compiled: CompiledWorkflow,
  input: AdvanceInput,
  planned?: PlannedStep,
): Promise<StepOutcome> {
  const { instance, at } = input;
  const { record, state, event, first } = planned ?? planStep(compiled, { ...input, record: input.record ?? (await loadRecord(trx, instance.form, instance.record_id)) });
  const settled = await settle({ trx, deps, instanceId: instance.id, record, actor: input.actor, at }, compiled, first, event, state);
  const persist: Persist = {
    trx,
    deps,
    compiled,
    instanceId: instance.id,
    record,
    actor: input.actor,
    at,
    firstSeq: instance.last_seq + 1,
    recordRevision: record.revision,
    ...(input.recordPatch === undefined ? {} : { recordPatch: input.recordPatch }),
  };
  const step = {
    stateValue: stored(settled.state.value),
    context: settled.state.context as unknown as Record<string, unknown>,
    status: settled.state.status,
    lastSeq: instance.last_seq + settled.applied.length,
    at,
    ...(settled.state.status === 'done' ? { endedAt: at } : {}),
  };
  const row = await commitStep(trx, instance, step, eventRows(persist, settled.applied), auditEntry(persist, compiled, settled.applied, settled.state.value));
  if (row === undefined) throw new OrdoError('ORDO_ERR_INSTANCE_CONFLICT', 'Someone else moved this workflow first; nothing was changed');
  const written = await persistRest(persist, settled, row);
  return { row, record: written };
}
