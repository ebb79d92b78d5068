import { CompiledQuery, type Selectable } from 'kysely';
import type { WorkflowInstanceStatus, WorkflowInstancesTable, WorkflowStateValue } from '../db/index.js';
import { preparedStatement } from '../db/index.js';
import type { Executor } from './executor.js';
import type { RecordRow } from './records-store.js';

export type WorkflowInstanceRow = Selectable<WorkflowInstancesTable>;

export interface NewWorkflowInstanceRow {
  id: string;
  workflow: string;
  workflowVersion: number;
  form: string;
  recordId: string;
  stateValue: WorkflowStateValue;
  context: Record<string, unknown>;
  /** Events appended together with the instance (its start events). */
  lastSeq: number;
  initiator: string;
  initiatorId: string | null;
  parentId?: string | null;
  at: Date;
}

export interface InstanceVersionChange {
  id: string;
  expectedRevision: number;
  version: number;
  stateValue: WorkflowStateValue;
  context: Record<string, unknown>;
  /** The move is logged as an event of its own, so last_seq grows with it. */
  lastSeq: number;
  at: Date;
}

export interface InstancePageQuery {
  workflow?: string;
  version?: number;
  status?: WorkflowInstanceStatus;
  initiator?: string;
  limit: number;
  offset: number;
}

/**
 * A new running instance at revision 1. Throws the driver's unique violation (23505) when the
 * workflow already runs on the record.
 */
export async function insertInstance(db: Executor, row: NewWorkflowInstanceRow): Promise<WorkflowInstanceRow> {
  return db
    .insertInto('ordo_workflow_instances')
    .values({
      id: row.id,
      workflow: row.workflow,
      workflow_version: row.workflowVersion,
      form: row.form,
      record_id: row.recordId,
      status: 'running',
      state_value: JSON.stringify(row.stateValue),
      context: JSON.stringify(row.context),
      revision: 1,
      last_seq: row.lastSeq,
      initiator: row.initiator,
      initiator_id: row.initiatorId,
      parent_id: row.parentId ?? null,
      started_at: row.at,
      updated_at: row.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findInstance(db: Executor, id: string): Promise<WorkflowInstanceRow | undefined> {
  return db.selectFrom('ordo_workflow_instances').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves the instance to another version of its workflow (a new revision), under the same revision check. */
export async function setInstanceVersion(db: Executor, change: InstanceVersionChange): Promise<WorkflowInstanceRow | undefined> {
  return db
    .updateTable('ordo_workflow_instances')
    .set((eb) => ({
      workflow_version: change.version,
      state_value: JSON.stringify(change.stateValue),
      context: JSON.stringify(change.context),
      last_seq: change.lastSeq,
      revision: eb('revision', '+', 1),
      updated_at: change.at,
    }))
    .where('id', '=', change.id)
    .where('revision', '=', change.expectedRevision)
    .returningAll()
    .executeTakeFirst();
}

export async function findRunningInstance(db: Executor, workflow: string, recordId: string): Promise<WorkflowInstanceRow | undefined> {
  return db
    .selectFrom('ordo_workflow_instances')
    .selectAll()
    .where('workflow', '=', workflow)
    .where('record_id', '=', recordId)
    .where('status', '=', 'running')
    .executeTakeFirst();
}

/** Every instance (of any workflow) started on the record, newest first. */
export async function listInstancesOfRecord(db: Executor, recordId: string): Promise<WorkflowInstanceRow[]> {
  return db
    .selectFrom('ordo_workflow_instances')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A page of instances, newest first, and how many match in all. */
export async function listInstances(db: Executor, query: InstancePageQuery): Promise<{ rows: WorkflowInstanceRow[]; total: number }> {
  let base = db.selectFrom('ordo_workflow_instances');
  if (query.workflow !== undefined) base = base.where('workflow', '=', query.workflow);
  if (query.version !== undefined) base = base.where('workflow_version', '=', query.version);
  if (query.status !== undefined) base = base.where('status', '=', query.status);
  if (query.initiator !== undefined) base = base.where('initiator', '=', query.initiator);
  const rows = await base
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const counted = await base.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  return { rows, total: Number(counted.total) };
}

/** Plain SQL compiled once: every command on an instance runs it first (BENCHMARKS.md, bench:workflow). */
const INSTANCE_FOR_COMMAND = preparedStatement('ordo_instance_for_command', `select i.id, i.workflow, i.workflow_version, i.form, i.record_id, i.status, i.state_value, i.context, i.revision, i.last_seq,
  i.initiator, i.initiator_id, i.parent_id, i.started_at, i.updated_at, i.ended_at,
  r.id as r_id, r.form_version as r_form_version, r.revision as r_revision, r.data as r_data, r.created_at as r_created_at,
  r.created_by as r_created_by, r.updated_at as r_updated_at, r.updated_by as r_updated_by, now() as db_now
from ordo_workflow_instances as i
left join ordo_records as r on r.id = i.record_id and r.form = i.form and r.deleted_at is null
where i.id = $1::text`);

type Nulls<T> = { [K in keyof T]: T[K] | null };
type RecordColumns = Pick<RecordRow, 'id' | 'form_version' | 'revision' | 'data' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by'>;
type InstanceForCommandRow = WorkflowInstanceRow & { [K in keyof RecordColumns as `r_${K}`]: Nulls<RecordColumns>[K] } & { db_now: Date };

/** An instance, its live record and the database's now() in one round trip. */
export async function findInstanceForCommand(
  db: Executor,
  id: string,
): Promise<{ instance: WorkflowInstanceRow; record: RecordRow | undefined; now: Date } | undefined> {
  const row = (await db.executeQuery<InstanceForCommandRow>(CompiledQuery.raw(INSTANCE_FOR_COMMAND, [id]))).rows[0];
  if (row === undefined) return undefined;
  const { r_id, r_form_version, r_revision, r_data, r_created_at, r_created_by, r_updated_at, r_updated_by, db_now, ...instance } = row;
  const record: RecordRow | undefined =
    r_id === null || r_form_version === null || r_revision === null || r_data === null || r_created_at === null || r_created_by === null || r_updated_at === null || r_updated_by === null
      ? undefined
      : { id: r_id, form: instance.form, form_version: r_form_version, revision: r_revision, data: r_data, created_at: r_created_at, created_by: r_created_by, updated_at: r_updated_at, updated_by: r_updated_by, deleted_at: null, deleted_by: null };
  return { instance, record, now: new Date(db_now) };
}
