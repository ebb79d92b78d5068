import { OrdoError } from '../../engine/errors/index.js';
import { jsonEqual, pointerOf } from '../../engine/forms/index.js';
import { restoreSnapshot, type CompiledWorkflow, type InstanceState } from '../../engine/workflows/index.js';
import type { OrdoDatabase, WorkflowStateValue } from '../db/index.js';
import {
  databaseNow,
  findRecord,
  insertAudit,
  insertEvents,
  listInstances,
  renameInstanceNodes,
  setInstanceVersion,
  type Executor,
  type NodeRename,
  type WorkflowInstanceRow,
} from '../stores/index.js';
import type { DefinitionService } from '../services/types.js';
import { renameInstance, renamedState, stateNames, type StateRenames } from './state-renames.js';

export interface MigrationRequest {
  readonly workflow: string;
  readonly from: number;
  readonly to: number;
  readonly renames: StateRenames;
  /** Check every instance and report, write nothing. */
  readonly dryRun: boolean;
}

export interface MigrationEntry {
  instanceId: string;
  recordId: string;
  oldState: WorkflowStateValue;
  /** Where the instance goes (or, in a dry run, would go): its state value with the renames applied. */
  newState: WorkflowStateValue;
  /** `ok`, or why the instance stays at its version untouched. */
  result: string;
}

export interface MigrationReport {
  workflow: string;
  from: number;
  to: number;
  map: StateRenames;
  dryRun: boolean;
  entries: MigrationEntry[];
  /** Instances moved, or in a dry run those that would move. */
  moved: number;
  refused: number;
}

/** The log's name for the move; a replay of the log renames the instance the same way at this event. */
export const MIGRATED_EVENT = 'ordo.migrated';

const PAGE = 500;

/** A state value as people read it: each active leaf as a dotted path, parallel regions separated by commas. */
export function describeState(value: WorkflowStateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([name, child]) =>
      describeState(child)
        .split(', ')
        .map((path) => `${name}.${path}`)
        .join(', '),
    )
    .join(', ');
}

/** Every state name in a value, except the approval node's own children of task states. */
function namesIn(value: WorkflowStateValue, isTask: (name: string) => boolean): string[] {
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([name, child]) => [name, ...(isTask(name) ? [] : namesIn(child, isTask))]);
}

function originalName(name: string, renames: StateRenames): string {
  return Object.entries(renames).find(([, to]) => to === name)?.[0] ?? name;
}

function named(name: string, renames: StateRenames): string {
  const old = originalName(name, renames);
  return old === name ? `"${name}"` : `"${old}" (renamed "${name}")`;
}

/**
 * Whether an instance can move from `source` to `target` with the renames, and in which state. It
 * may move only into a state the target has, as that very state (not a parent that would resolve to
 * its initial child, not a final one), and every task its context holds rounds of must still be a
 * task there.
 */
export function planMove(
  source: CompiledWorkflow,
  target: CompiledWorkflow,
  state: InstanceState,
  record: Readonly<Record<string, unknown>>,
  renames: StateRenames,
): { ok: true; state: InstanceState } | { ok: false; reason: string; value: WorkflowStateValue } {
  const renamed = renameInstance(state, renames, (name) => source.taskOf(name) !== undefined);
  if (!renamed.ok) return { ...renamed, value: state.value as WorkflowStateValue };
  const next = renamed.state;
  const value = next.value as WorkflowStateValue;
  const version = target.definition.version;
  const refuse = (reason: string) => ({ ok: false as const, reason, value });
  const sourceTasks = new Set(source.taskStates.map((name) => renamedState(name, renames)));
  const known = stateNames(target.definition);
  const missing = namesIn(value, (name) => sourceTasks.has(name)).find((name) => !known.has(name));
  if (missing !== undefined) return refuse(`state ${named(missing, renames)} does not exist in version ${version}`);
  const lostTask = Object.keys(next.context.approvals).find((node) => target.taskOf(node) === undefined);
  if (lostTask !== undefined) return refuse(`task ${named(lostTask, renames)} is not a task in version ${version}`);
  let resolved: { value: unknown; status: string };
  try {
    resolved = restoreSnapshot(target, next, record);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return refuse(`state ${describeState(value)} cannot be restored in version ${version}: ${cause instanceof Error ? cause.message : String(error)}`);
  }
  if (!jsonEqual(resolved.value, value)) {
    return refuse(`state ${describeState(value)} would become ${describeState(resolved.value as WorkflowStateValue)} in version ${version}`);
  }
  if (resolved.status !== 'active') return refuse(`state ${describeState(value)} is final in version ${version}`);
  return { ok: true, state: next };
}

/** A rename naming a state the versions do not have is a typo, not a migration: refused before anything runs. */
function checkRenames(source: CompiledWorkflow, target: CompiledWorkflow, renames: StateRenames): void {
  const before = stateNames(source.definition);
  const after = stateNames(target.definition);
  const fields = Object.entries(renames).flatMap(([from, to]) => [
    ...(before.has(from) ? [] : [{ pointer: pointerOf('map', from), code: 'unknown', message: `version ${source.definition.version} has no state "${from}"` }]),
    ...(after.has(to) ? [] : [{ pointer: pointerOf('map', from), code: 'unknown', message: `version ${target.definition.version} has no state "${to}"` }]),
  ]);
  if (fields.length > 0) {
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `--map names states the versions do not have: ${fields.map((field) => field.message).join('; ')}`, {
      fields,
    });
  }
}

async function runningInstances(db: Executor, workflow: string, version: number): Promise<WorkflowInstanceRow[]> {
  const rows = new Map<string, WorkflowInstanceRow>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await listInstances(db, { workflow, version, status: 'running', limit: PAGE, offset });
    for (const row of page.rows) rows.set(row.id, row);
    if (page.rows.length < PAGE) return [...rows.values()];
  }
}

function nodeRenames(target: CompiledWorkflow, renames: StateRenames): NodeRename[] {
  return Object.entries(renames)
    .filter(([from, to]) => from !== to)
    .map(([from, to]) => ({ from, to, title: target.taskOf(to)?.title ?? { 'zh-CN': to, en: to } }));
}

interface Move {
  readonly request: MigrationRequest;
  readonly target: CompiledWorkflow;
  readonly row: WorkflowInstanceRow;
  readonly state: InstanceState;
  readonly recordRevision: number | null;
}

/**
 * One instance in one transaction: the version, state and context under the instance's revision
 * (a step that got there first wins and this instance is left for another run), the event, the
 * renamed task rows and timers, the audit row.
 */
async function writeMove(database: OrdoDatabase, move: Move): Promise<boolean> {
  const { request, row } = move;
  const stateAfter = move.state.value as WorkflowStateValue;
  return database.db.transaction().execute(async (trx) => {
    const at = await databaseNow(trx);
    const written = await setInstanceVersion(trx, {
      id: row.id,
      expectedRevision: row.revision,
      version: request.to,
      stateValue: stateAfter,
      context: move.state.context as unknown as Record<string, unknown>,
      lastSeq: row.last_seq + 1,
      at,
    });
    if (written === undefined) return false;
    const detail = { from: request.from, to: request.to, map: request.renames };
    await insertEvents(trx, [
      {
        instanceId: row.id,
        seq: row.last_seq + 1,
        type: MIGRATED_EVENT,
        payload: detail,
        actor: { id: null, username: 'system', displayName: 'Ordo' },
        at,
        stateBefore: row.state_value,
        stateAfter,
        recordRevision: move.recordRevision,
      },
    ]);
    await renameInstanceNodes(trx, row.id, nodeRenames(move.target, request.renames));
    await insertAudit(trx, {
      at,
      actor: { id: null, username: 'system' },
      action: 'workflow.migrated',
      target: { kind: 'workflow-instance', id: row.id },
      detail: { workflow: request.workflow, ...detail, stateBefore: row.state_value, stateAfter },
    });
    return true;
  });
}

/**
 * Moves every running instance of a workflow from one published version to another, renaming
 * states on the way. An instance that cannot be in the target version is skipped whole and
 * reported with the reason; the others move one transaction each.
 */
export async function migrateInstances(
  database: OrdoDatabase,
  definitions: Pick<DefinitionService, 'workflow'>,
  request: MigrationRequest,
): Promise<MigrationReport> {
  if (request.from === request.to) {
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', '--from and --to name the same version', {
      fields: [{ pointer: '/to', code: 'same', message: 'must differ from --from' }],
    });
  }
  const source = definitions.workflow(request.workflow, request.from);
  const target = definitions.workflow(request.workflow, request.to);
  checkRenames(source, target, request.renames);
  const entries: MigrationEntry[] = [];
  for (const row of await runningInstances(database.db, request.workflow, request.from)) {
    const record = await findRecord(database.db, row.form, row.record_id);
    const state: InstanceState = { value: row.state_value, context: row.context as unknown as InstanceState['context'], status: 'running' };
    const plan = planMove(source, target, state, record?.data ?? {}, request.renames);
    const base = { instanceId: row.id, recordId: row.record_id, oldState: row.state_value };
    if (!plan.ok) {
      entries.push({ ...base, newState: plan.value, result: plan.reason });
      continue;
    }
    const newState = plan.state.value as WorkflowStateValue;
    const moved = request.dryRun || (await writeMove(database, { request, target, row, state: plan.state, recordRevision: record?.revision ?? null }));
    entries.push({ ...base, newState, result: moved ? 'ok' : 'the instance moved on while it was being migrated; run the command again' });
  }
  const moved = entries.filter((entry) => entry.result === 'ok').length;
  return {
    workflow: request.workflow,
    from: request.from,
    to: request.to,
    map: request.renames,
    dryRun: request.dryRun,
    entries,
    moved,
    refused: entries.length - moved,
  };
}
