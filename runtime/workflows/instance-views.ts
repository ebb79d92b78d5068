import type { StateValue } from 'xstate';
import type { LocalizedText } from '../../engine/definitions/index.js';
import { acceptedEvents, type CompiledWorkflow, type InstanceState } from '../../engine/workflows/index.js';
import type { NotificationRow, TaskRow, WorkflowEventRow, WorkflowInstanceRow } from '../stores/index.js';
import type { Actor } from '../services/types.js';
import type { InstanceDto, NotificationDto, TaskDto, TimelineEntry } from './types.js';

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** Leaf state names of a state value (`{ approval: { countersign: 'deciding' } }` gives countersign). */
function activeStates(value: StateValue, compiled: CompiledWorkflow): string[] {
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([name, child]) => {
    const below = child === undefined ? [] : activeStates(child, compiled);
    // A task state's own children (assigning, deciding) are the fragment's, not the definition's.
    return compiled.taskOf(name) !== undefined || below.length === 0 || below.every((leaf) => leaf === 'assigning' || leaf === 'deciding') ? [name] : below;
  });
}

function titleOf(compiled: CompiledWorkflow, state: string): LocalizedText {
  const find = (states: Record<string, { title?: LocalizedText; states?: Record<string, unknown> }> | undefined): LocalizedText | undefined => {
    for (const [name, node] of Object.entries(states ?? {})) {
      if (name === state) return node.title;
      const inner = find(node.states as never);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  return find(compiled.definition.states as never) ?? { 'zh-CN': state, en: state };
}

export function taskDto(row: TaskRow, compiled: CompiledWorkflow | undefined, names: ReadonlyMap<string, string>): TaskDto {
  const task = compiled?.taskOf(row.node);
  return {
    id: row.id,
    instanceId: row.instance_id,
    workflow: row.workflow,
    form: row.form,
    recordId: row.record_id,
    node: row.node,
    round: row.round,
    title: row.title,
    assignee: row.assignee,
    assigneeName: names.get(row.assignee) ?? row.assignee,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    dueAt: iso(row.due_at),
    actedAt: iso(row.acted_at),
    actedBy: row.acted_by,
    comment: row.comment,
    draft: row.draft,
    editableFields: [...(task?.editableFields ?? [])],
    actions: {
      returnTo: [...(task?.returnTo ?? ['previous', 'initiator'])],
      transfer: task?.allow?.transfer !== false,
      addSigner: task?.allow?.addSigner !== false,
      batch: task?.allow?.batch !== false,
      commentRequired: task?.commentRequired ?? 'reject',
    },
  };
}

export function instanceState(row: WorkflowInstanceRow): InstanceState {
  return {
    value: row.state_value as StateValue,
    context: row.context as unknown as InstanceState['context'],
    status: row.status === 'done' ? 'done' : 'running',
  };
}

export function instanceDto(
  row: WorkflowInstanceRow,
  compiled: CompiledWorkflow,
  openTasks: TaskDto[],
  viewer: { actor: Actor; record: Readonly<Record<string, unknown>> | undefined; at: Date },
): InstanceDto {
  const state = instanceState(row);
  const events =
    row.status !== 'running' || viewer.record === undefined
      ? []
      : acceptedEvents(compiled, state, viewer.record, { username: viewer.actor.username, roles: viewer.actor.roles }, viewer.at.toISOString());
  return {
    id: row.id,
    workflow: row.workflow,
    workflowVersion: row.workflow_version,
    title: compiled.definition.title,
    form: row.form,
    recordId: row.record_id,
    status: row.status,
    state: state.value,
    stateTitles: activeStates(state.value, compiled).map((name) => titleOf(compiled, name)),
    revision: row.revision,
    initiator: row.initiator,
    startedAt: row.started_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    endedAt: iso(row.ended_at),
    openTasks,
    acceptedEvents: events,
  };
}

export function timelineEntry(row: WorkflowEventRow): TimelineEntry {
  const payload = (row.payload ?? {}) as { comment?: unknown; node?: unknown; slot?: unknown };
  const slot = typeof payload.slot === 'string' ? payload.slot : undefined;
  return {
    seq: row.seq,
    type: row.type,
    at: row.at.toISOString(),
    actor: { username: row.actor_username, displayName: row.actor_display_name },
    comment: typeof payload.comment === 'string' ? payload.comment : null,
    node: typeof payload.node === 'string' ? payload.node : slot === undefined ? null : slot.slice(0, slot.indexOf('.')),
    stateBefore: row.state_before as StateValue | null,
    stateAfter: row.state_after as StateValue,
  };
}

export function notificationDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    instanceId: row.instance_id,
    form: row.form,
    recordId: row.record_id,
    message: row.message,
    createdAt: row.created_at.toISOString(),
    readAt: iso(row.read_at),
  };
}
