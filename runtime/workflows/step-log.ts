import type { StateValue } from 'xstate';
import type { CompiledWorkflow, WorkflowEvent } from '../../engine/workflows/index.js';
import type { WorkflowStateValue } from '../db/index.js';
import type { AuditEntry, NewWorkflowEventRow } from '../stores/index.js';
import type { Actor } from '../services/types.js';

/** Who a command runs for: a signed-in user, or the system for timers and invocations. */
export type CommandActor = Actor | 'system';

/** One event the engine took in a step, with the state before and after it. */
export interface Applied {
  event: WorkflowEvent;
  before: WorkflowStateValue | null;
  after: WorkflowStateValue;
}

/** What a step's log rows need to know of the step. */
export interface LoggedStep {
  readonly instanceId: string;
  readonly actor: CommandActor;
  readonly at: Date;
  readonly firstSeq: number;
  readonly recordRevision: number;
  /** The task form's field changes the first event was applied with: logged with it so a replay sees what the step saw. */
  readonly recordPatch?: Record<string, unknown>;
}

/** xstate types a state value's map as possibly holding undefined; a resolved value never does. */
export function stored(value: StateValue): WorkflowStateValue {
  return value as WorkflowStateValue;
}

function logActor(actor: CommandActor): NewWorkflowEventRow['actor'] {
  return actor === 'system'
    ? { id: null, username: 'system', displayName: 'Ordo' }
    : { id: actor.userId, username: actor.username, displayName: actor.displayName };
}

/** The event log rows of a step: each applied event, the task form's changes on the first. */
export function eventRows(step: LoggedStep, applied: readonly Applied[]): NewWorkflowEventRow[] {
  return applied.map((item, i) => {
    const { actor: _actor, at: _at, ...payload } = item.event;
    return {
      instanceId: step.instanceId,
      seq: step.firstSeq + i,
      type: item.event.type,
      payload: i === 0 && step.recordPatch !== undefined ? { ...payload, recordPatch: step.recordPatch } : payload,
      actor: item.event.actor.username === 'system' && i > 0 ? logActor('system') : logActor(step.actor),
      at: step.at,
      stateBefore: item.before,
      stateAfter: item.after,
      recordRevision: step.recordRevision,
    };
  });
}

/** The audit row of a step, named after the event that caused it. */
export function auditEntry(step: LoggedStep, compiled: CompiledWorkflow, applied: readonly Applied[], state: StateValue): AuditEntry {
  const { actor } = step;
  return {
    at: step.at,
    actor: actor === 'system' ? { id: null, username: 'system' } : { id: actor.userId, username: actor.username },
    action: `workflow.${applied[0]?.event.type ?? 'start'}`,
    target: { kind: 'workflow-instance', id: step.instanceId },
    detail: { workflow: compiled.definition.id, version: compiled.definition.version, state: stored(state) },
  };
}
