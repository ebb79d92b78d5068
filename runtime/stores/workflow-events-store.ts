import type { Selectable } from 'kysely';
import type { WorkflowEventsTable, WorkflowStateValue } from '../db/index.js';
import type { Executor } from './executor.js';

export type WorkflowEventRow = Selectable<WorkflowEventsTable>;

export interface NewWorkflowEventRow {
  instanceId: string;
  seq: number;
  type: string;
  payload: unknown;
  /** A null id is the system (timers, native functions). */
  actor: { id: string | null; username: string; displayName: string };
  at: Date;
  stateBefore: WorkflowStateValue | null;
  stateAfter: WorkflowStateValue;
  /** The record's revision the event saw or wrote, when it touched the record. */
  recordRevision: number | null;
}

/** The column values of one event row, JSON values still as values (each writer encodes them its own way). */
export function eventColumns(row: NewWorkflowEventRow) {
  return {
    instance_id: row.instanceId,
    seq: row.seq,
    type: row.type,
    payload: row.payload ?? null,
    actor_id: row.actor.id,
    actor_username: row.actor.username,
    actor_display_name: row.actor.displayName,
    at: row.at,
    state_before: row.stateBefore,
    state_after: row.stateAfter,
    record_revision: row.recordRevision,
  };
}

/**
 * Appends the events in one statement. Throws the driver's unique violation (23505) when a seq of
 * the instance is taken, so a step computed from a stale last_seq cannot commit.
 */
export async function insertEvents(db: Executor, rows: readonly NewWorkflowEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('ordo_workflow_events')
    .values(
      rows.map((row) => {
        const columns = eventColumns(row);
        return {
          ...columns,
          payload: JSON.stringify(columns.payload),
          state_before: columns.state_before === null ? null : JSON.stringify(columns.state_before),
          state_after: JSON.stringify(columns.state_after),
        };
      }),
    )
    .execute();
}

/** The instance's events in the order they happened. */
export async function listEvents(db: Executor, instanceId: string): Promise<WorkflowEventRow[]> {
  return db.selectFrom('ordo_workflow_events').selectAll().where('instance_id', '=', instanceId).orderBy('seq', 'asc').execute();
}
