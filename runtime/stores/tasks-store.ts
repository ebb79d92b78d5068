import type { Selectable } from 'kysely';
import type { LocalizedText } from '../../engine/definitions/index.js';
import type { TaskStatus, TasksTable } from '../db/index.js';
import type { Executor } from './executor.js';

export type TaskRow = Selectable<TasksTable>;

export interface NewTaskRow {
  id: string;
  instanceId: string;
  workflow: string;
  form: string;
  recordId: string;
  node: string;
  round: number;
  /** Unique within the instance: one approval slot of one round of one node. */
  slot: string;
  assignee: string;
  status: TaskStatus;
  title: LocalizedText;
  at: Date;
  dueAt?: Date | null;
}

/** What changes on one slot; absent fields keep their value. */
export interface TaskChange {
  instanceId: string;
  slot: string;
  status: TaskStatus;
  actedAt?: Date;
  actedBy?: string;
  comment?: string;
  assignee?: string;
}

export interface TaskPageQuery {
  assignee?: string;
  statuses?: readonly TaskStatus[];
  actedBy?: string;
  workflow?: string;
  form?: string;
  limit: number;
  offset: number;
}

/** Throws the driver's unique violation (23505) when a slot of the instance already has a task. */
export async function insertTasks(db: Executor, rows: readonly NewTaskRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('ordo_tasks')
    .values(
      rows.map((row) => ({
        id: row.id,
        instance_id: row.instanceId,
        workflow: row.workflow,
        form: row.form,
        record_id: row.recordId,
        node: row.node,
        round: row.round,
        slot: row.slot,
        assignee: row.assignee,
        status: row.status,
        title: JSON.stringify(row.title),
        created_at: row.at,
        due_at: row.dueAt ?? null,
      })),
    )
    .execute();
}

/** Applies each change to its slot; returns the rows changed (a slot that does not exist is skipped). */
export async function updateTasks(db: Executor, changes: readonly TaskChange[]): Promise<TaskRow[]> {
  const updated: TaskRow[] = [];
  for (const change of changes) {
    const row = await db
      .updateTable('ordo_tasks')
      .set({
        status: change.status,
        ...(change.actedAt === undefined ? {} : { acted_at: change.actedAt }),
        ...(change.actedBy === undefined ? {} : { acted_by: change.actedBy }),
        ...(change.comment === undefined ? {} : { comment: change.comment }),
        ...(change.assignee === undefined ? {} : { assignee: change.assignee }),
      })
      .where('instance_id', '=', change.instanceId)
      .where('slot', '=', change.slot)
      .returningAll()
      .executeTakeFirst();
    if (row !== undefined) updated.push(row);
  }
  return updated;
}

export async function findTask(db: Executor, id: string): Promise<TaskRow | undefined> {
  return db.selectFrom('ordo_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTaskBySlot(db: Executor, instanceId: string, slot: string): Promise<TaskRow | undefined> {
  return db.selectFrom('ordo_tasks').selectAll().where('instance_id', '=', instanceId).where('slot', '=', slot).executeTakeFirst();
}

/** The instance's tasks in the order they were created. */
export async function listTasksOfInstance(db: Executor, instanceId: string): Promise<TaskRow[]> {
  return db
    .selectFrom('ordo_tasks')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('created_at', 'asc')
    .orderBy('round', 'asc')
    .orderBy('slot', 'asc')
    .execute();
}

/**
 * A page of tasks and how many match in all. Newest first: by creation time, or by the time acted
 * when `actedBy` asks for the tasks someone has dealt with.
 */
export async function listTasks(db: Executor, query: TaskPageQuery): Promise<{ rows: TaskRow[]; total: number }> {
  let base = db.selectFrom('ordo_tasks');
  if (query.assignee !== undefined) base = base.where('assignee', '=', query.assignee);
  if (query.statuses !== undefined) {
    const statuses = [...query.statuses];
    base = base.where((eb) => eb('status', '=', eb.fn.any(eb.val(statuses))));
  }
  if (query.actedBy !== undefined) base = base.where('acted_by', '=', query.actedBy);
  if (query.workflow !== undefined) base = base.where('workflow', '=', query.workflow);
  if (query.form !== undefined) base = base.where('form', '=', query.form);
  const newest = query.actedBy === undefined ? 'created_at' : 'acted_at';
  const rows = await base
    .selectAll()
    .orderBy(newest, 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const counted = await base.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  return { rows, total: Number(counted.total) };
}

/** Keeps the assignee's unfinished input on an open task; undefined when the task is not open (any more). */
export async function saveTaskDraft(db: Executor, id: string, draft: Record<string, unknown> | null): Promise<TaskRow | undefined> {
  return db
    .updateTable('ordo_tasks')
    .set({ draft: draft === null ? null : JSON.stringify(draft) })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** The user's open tasks, newest first. */
export async function listOpenTasksOf(db: Executor, username: string): Promise<TaskRow[]> {
  return db
    .selectFrom('ordo_tasks')
    .selectAll()
    .where('assignee', '=', username)
    .where('status', '=', 'open')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
