import { OrdoError } from '../../engine/errors/index.js';
import { jsonEqual } from '../../engine/forms/index.js';
import type { InstanceState } from '../../engine/workflows/index.js';
import {
  findInstance,
  listEvents,
  listInstances,
  listTasksOfInstance,
  type Executor,
  type WorkflowEventRow,
  type WorkflowInstanceRow,
} from '../stores/index.js';
import type { DefinitionService } from '../services/types.js';
import { replayInstance } from './instance-replay.js';
import { projectTasks } from './task-projection.js';

export type ViolationKind =
  | 'seq-gap'
  | 'seq-duplicate'
  | 'seq-beyond-last'
  | 'last-event-state'
  | 'event-state'
  | 'replay-failed'
  | 'replay-state'
  | 'replay-context'
  | 'replay-status'
  | 'task-missing'
  | 'task-unexpected'
  | 'task-differs';

/** One broken invariant of one instance. */
export interface Violation {
  instanceId: string;
  kind: ViolationKind;
  /** The event it concerns, for the log's checks. */
  seq?: number;
  /** The approval slot it concerns, for the task checks. */
  slot?: string;
  message: string;
}

type Found = Omit<Violation, 'instanceId'>;

const PAGE = 500;

function describe(value: unknown): string {
  return JSON.stringify(value);
}

/** The log is numbered 1..last_seq with nothing missing, nothing twice and nothing after. */
function sequenceViolations(instance: WorkflowInstanceRow, events: readonly WorkflowEventRow[]): Found[] {
  const found: Found[] = [];
  const counts = new Map<number, number>();
  for (const row of events) counts.set(row.seq, (counts.get(row.seq) ?? 0) + 1);
  for (let seq = 1; seq <= instance.last_seq; seq += 1) {
    if (!counts.has(seq)) found.push({ kind: 'seq-gap', seq, message: `event ${seq} of 1..${instance.last_seq} is missing` });
  }
  for (const [seq, count] of counts) {
    if (count > 1) found.push({ kind: 'seq-duplicate', seq, message: `event ${seq} is in the log ${count} times` });
    if (seq < 1 || seq > instance.last_seq)
      found.push({ kind: 'seq-beyond-last', seq, message: `event ${seq} lies outside 1..${instance.last_seq} (last_seq)` });
  }
  return found;
}

function lastEventViolations(instance: WorkflowInstanceRow, events: readonly WorkflowEventRow[]): Found[] {
  const last = events.at(-1);
  if (last !== undefined && jsonEqual(last.state_after, instance.state_value)) return [];
  return [
    {
      kind: 'last-event-state',
      ...(last === undefined ? {} : { seq: last.seq }),
      message:
        last === undefined
          ? 'the instance has no events'
          : `the last event leaves ${describe(last.state_after)} but the instance is in ${describe(instance.state_value)}`,
    },
  ];
}

/** The replay must end where the instance is: same state value, same context, same ended-or-running. */
function replayViolations(instance: WorkflowInstanceRow, replayed: InstanceState): Found[] {
  const found: Found[] = [];
  if (!jsonEqual(replayed.value, instance.state_value)) {
    found.push({ kind: 'replay-state', message: `the replay ends in ${describe(replayed.value)} but the instance is in ${describe(instance.state_value)}` });
  }
  const context = replayed.context as unknown as Record<string, unknown>;
  const differing = [...new Set([...Object.keys(context), ...Object.keys(instance.context)])].filter((key) => !jsonEqual(context[key], instance.context[key]));
  if (differing.length > 0) {
    found.push({ kind: 'replay-context', message: `the replay's context differs from the stored one in ${differing.join(', ')}` });
  }
  if ((replayed.status === 'done') !== (instance.status === 'done')) {
    found.push({ kind: 'replay-status', message: `the replay is ${replayed.status} but the instance is ${instance.status}` });
  }
  return found;
}

/** Every open or waiting task row is a pending slot of the stored context, with the same assignee and turn, and the other way round. */
async function taskViolations(exec: Executor, instance: WorkflowInstanceRow): Promise<Found[]> {
  const context = instance.context as unknown as InstanceState['context'];
  const expected = new Map(
    projectTasks({ approvals: {} }, { approvals: context.approvals ?? {} }, { type: 'ordo.scan', actor: { username: 'system' } })
      .added.filter((view) => view.status === 'open' || view.status === 'waiting')
      .map((view) => [view.slot, view]),
  );
  const rows = (await listTasksOfInstance(exec, instance.id)).filter((row) => row.status === 'open' || row.status === 'waiting');
  const found: Found[] = [];
  for (const row of rows) {
    const view = expected.get(row.slot);
    if (view === undefined) {
      found.push({ kind: 'task-unexpected', slot: row.slot, message: `task ${row.id} (${row.slot}) is ${row.status} but its slot is not pending` });
    } else if (view.user !== row.assignee || view.status !== row.status) {
      found.push({
        kind: 'task-differs',
        slot: row.slot,
        message: `task ${row.id} (${row.slot}) is ${row.status} for ${row.assignee}; the slot is ${view.status} for ${view.user}`,
      });
    }
  }
  const present = new Set(rows.map((row) => row.slot));
  for (const view of expected.values()) {
    if (!present.has(view.slot))
      found.push({
        kind: 'task-missing',
        slot: view.slot,
        message: `slot ${view.slot} is ${view.status} for ${view.user} but has no open or waiting task row`,
      });
  }
  return found;
}

/**
 * Checks one instance against the invariants the runtime keeps: a gap-free log that ends in the
 * stored state, a log that replays through the engine to the stored state and context, and an
 * inbox that mirrors the pending approval slots.
 */
export async function scanInstance(exec: Executor, definitions: Pick<DefinitionService, 'workflow'>, instanceId: string): Promise<Violation[]> {
  const instance = await findInstance(exec, instanceId);
  if (instance === undefined) throw new OrdoError('ORDO_ERR_WORKFLOW_NOT_FOUND', `No workflow instance ${instanceId}`);
  const events = await listEvents(exec, instanceId);
  const found = [...sequenceViolations(instance, events), ...lastEventViolations(instance, events)];
  const unique = events.filter((row, i) => i === 0 || row.seq !== events[i - 1]?.seq);
  const replay = await replayInstance(exec, definitions, instance, unique);
  found.push(...replay.problems);
  if (replay.state !== undefined) found.push(...replayViolations(instance, replay.state));
  found.push(...(await taskViolations(exec, instance)));
  return found.map((violation) => ({ instanceId, ...violation }));
}

/** Scans every instance (of one workflow), running or ended, oldest first. */
export async function scanInstances(
  exec: Executor,
  definitions: Pick<DefinitionService, 'workflow'>,
  filter: { workflow?: string } = {},
): Promise<{ checked: number; violations: Violation[] }> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await listInstances(exec, { ...filter, limit: PAGE, offset });
    for (const row of page.rows) ids.add(row.id);
    if (page.rows.length < PAGE) break;
  }
  const ordered = [...ids].reverse();
  const violations: Violation[] = [];
  for (const id of ordered) violations.push(...(await scanInstance(exec, definitions, id)));
  return { checked: ordered.length, violations };
}
