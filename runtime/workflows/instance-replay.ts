import { isOrdoError } from '../../engine/errors/index.js';
import { jsonEqual } from '../../engine/forms/index.js';
import { SYSTEM_ACTOR, startWorkflow, stepWorkflow, type CompiledWorkflow, type InstanceState, type WorkflowEvent } from '../../engine/workflows/index.js';
import type { WorkflowStateValue } from '../db/index.js';
import { findRecord, findUsersByUsernames, listHistory, type Executor, type WorkflowEventRow, type WorkflowInstanceRow } from '../stores/index.js';
import type { DefinitionService } from '../services/types.js';
import { MIGRATED_EVENT } from './migrate-instances.js';
import { renameInstance, type StateRenames } from './state-renames.js';

/** Where the log and a replay of it part: an event that records another state, or one the engine refuses. */
export interface ReplayProblem {
  /** Absent when the replay could not begin. */
  readonly seq?: number;
  readonly kind: 'event-state' | 'replay-failed';
  readonly message: string;
}

export interface ReplayOutcome {
  /** The instance as the log rebuilds it; undefined when the replay stopped at a refused event. */
  readonly state: InstanceState | undefined;
  readonly problems: readonly ReplayProblem[];
}

/** The events the runtime appends in the step of another event, always right after it, with that step's record. */
const FOLLOW_UP = 'ordo.task.assigned';

/** The instance as the database would hold it, so comparisons see JSON and not what JSON drops. */
function stored(state: InstanceState): InstanceState {
  return JSON.parse(JSON.stringify(state)) as InstanceState;
}

function describe(value: unknown): string {
  return JSON.stringify(value);
}

function reason(error: unknown): string {
  if (isOrdoError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The record each step saw. ordo_record_history keeps every revision's full data and each event
 * names the revision its step read, so one query per instance gives the replay the same record the
 * step had. A revision the history lacks falls back to the record as it is now: a guard or formula
 * reading a field changed since could then take another branch, and the scan would report a
 * divergence that the log does not really have.
 */
async function recordsByRevision(exec: Executor, instance: WorkflowInstanceRow): Promise<(revision: number | null) => Readonly<Record<string, unknown>>> {
  const history = new Map((await listHistory(exec, instance.record_id)).map((row) => [row.revision, row.data]));
  const current = (await findRecord(exec, instance.form, instance.record_id, { includeDeleted: true }))?.data ?? {};
  return (revision) => (revision === null ? undefined : history.get(revision)) ?? current;
}

/**
 * Who sent each event, with roles. The log keeps user names, not roles, so these are the users'
 * roles now: a user who lost a role since sending a business event that needs it makes that event
 * fail to replay. Task actions do not read roles (an administrator acting for an assignee is
 * logged under their own name with `onBehalfOf` naming the assignee), and system events have none.
 */
async function actorsOf(exec: Executor, events: readonly WorkflowEventRow[]): Promise<(row: WorkflowEventRow) => WorkflowEvent['actor']> {
  const names = events.filter((row) => row.actor_id !== null).map((row) => row.actor_username);
  const roles = new Map((await findUsersByUsernames(exec, names)).map((user) => [user.username, user.roles]));
  return (row) => {
    if (row.actor_id === null) return SYSTEM_ACTOR;
    const onBehalfOf = (row.payload as { onBehalfOf?: unknown } | null)?.onBehalfOf;
    if (typeof onBehalfOf === 'string') return { username: onBehalfOf, roles: [] };
    return { username: row.actor_username, roles: roles.get(row.actor_username) ?? [] };
  };
}

/** The version the instance started at: the first migration's `from`, or the version it is at when it never moved. */
function startVersion(instance: WorkflowInstanceRow, events: readonly WorkflowEventRow[]): number {
  const first = events.find((row) => row.type === MIGRATED_EVENT)?.payload as { from?: unknown } | undefined;
  return typeof first?.from === 'number' ? first.from : instance.workflow_version;
}

/**
 * Runs the instance's log through the engine again, from startWorkflow, as the runtime ran it:
 * each command's first event on the record of the revision it read (with the task form's changes
 * it carried), the assignment events after it on the record that step produced, a migration with
 * the same renames the migration applied. Every event's stored state before and after is compared
 * with the replay's; a refused event ends the replay.
 */
export async function replayInstance(
  exec: Executor,
  definitions: Pick<DefinitionService, 'workflow'>,
  instance: WorkflowInstanceRow,
  events: readonly WorkflowEventRow[],
): Promise<ReplayOutcome> {
  const recordAt = await recordsByRevision(exec, instance);
  const actorOf = await actorsOf(exec, events);
  const problems: ReplayProblem[] = [];
  let compiled: CompiledWorkflow;
  try {
    compiled = definitions.workflow(instance.workflow, startVersion(instance, events));
  } catch (error) {
    return { state: undefined, problems: [{ kind: 'replay-failed', message: `the log cannot be replayed: ${reason(error)}` }] };
  }
  let state: InstanceState | undefined;
  let record: Readonly<Record<string, unknown>> = {};

  for (const row of events) {
    const before = state?.value ?? null;
    try {
      const { recordPatch, ...payload } = (row.payload ?? {}) as { recordPatch?: Record<string, unknown>; [key: string]: unknown };
      if (row.type === 'ordo.start') {
        const result = startWorkflow(compiled, { initiator: instance.initiator, record: recordAt(row.record_revision) });
        state = stored(result.state);
        record = result.record;
      } else if (state === undefined) {
        throw new Error(`the log does not start with ordo.start`);
      } else if (row.type === MIGRATED_EVENT) {
        const move = payload as { from?: unknown; to?: unknown; map?: StateRenames };
        if (move.from !== compiled.definition.version || typeof move.to !== 'number') {
          throw new Error(`the log moves the instance from version ${describe(move.from)} while it was at version ${compiled.definition.version}`);
        }
        const source = compiled;
        const renamed = renameInstance(state, move.map ?? {}, (name) => source.taskOf(name) !== undefined);
        if (!renamed.ok) throw new Error(renamed.reason);
        compiled = definitions.workflow(instance.workflow, move.to);
        state = renamed.state;
      } else {
        const data = row.type === FOLLOW_UP ? record : { ...recordAt(row.record_revision), ...(recordPatch ?? {}) };
        const event = { ...payload, type: row.type, actor: actorOf(row), at: row.at.toISOString() } as WorkflowEvent;
        const result = stepWorkflow(compiled, state, data, event);
        state = stored(result.state);
        record = result.record;
      }
    } catch (error) {
      problems.push({ seq: row.seq, kind: 'replay-failed', message: `event ${row.seq} (${row.type}) does not replay: ${reason(error)}` });
      return { state: undefined, problems };
    }
    const after = state.value as WorkflowStateValue;
    if (!jsonEqual(row.state_before, before) || !jsonEqual(row.state_after, after)) {
      problems.push({
        seq: row.seq,
        kind: 'event-state',
        message: `event ${row.seq} (${row.type}) records ${describe(row.state_before)} -> ${describe(row.state_after)}; the replay gives ${describe(before)} -> ${describe(after)}`,
      });
    }
  }
  return { state, problems };
}
