import { CompiledQuery } from 'kysely';
import type { WorkflowInstanceStatus, WorkflowStateValue } from '../db/index.js';
import { preparedStatement } from '../db/index.js';
import { auditValues, type AuditEntry } from './audit-store.js';
import type { Executor } from './executor.js';
import { eventColumns, type NewWorkflowEventRow } from './workflow-events-store.js';
import type { WorkflowInstanceRow } from './workflow-instances-store.js';

/** What one committed step changes on its instance. */
export interface InstanceStep {
  stateValue: WorkflowStateValue;
  context: Record<string, unknown>;
  status: WorkflowInstanceStatus;
  lastSeq: number;
  at: Date;
  /** Set when the step ends the instance; left unchanged when absent. */
  endedAt?: Date;
}

/**
 * The instance update is conditional on the revision the step was computed from; the events and
 * the audit row select from its result, so a stale step writes nothing at all. Plain SQL kept as
 * one constant: every transition runs it, and building it with kysely's query builder cost more
 * CPU than PostgreSQL spends executing it (BENCHMARKS.md, bench:workflow).
 */
const COMMIT_STEP = preparedStatement('ordo_commit_step', `with moved as (
  update ordo_workflow_instances
  set state_value = $3::jsonb, context = $4::jsonb, status = $5::text, last_seq = $6::integer, revision = revision + 1,
      updated_at = $7::timestamptz, ended_at = coalesce($8::timestamptz, ended_at)
  where id = $1::text and revision = $2::integer
  returning revision, ended_at
), events as (
  insert into ordo_workflow_events (instance_id, seq, type, payload, actor_id, actor_username, actor_display_name, at, state_before, state_after, record_revision)
  select e.instance_id, e.seq, e.type, coalesce(e.payload, 'null'::jsonb), e.actor_id, e.actor_username, e.actor_display_name, e.at, e.state_before, e.state_after, e.record_revision
  from jsonb_to_recordset($9::jsonb) as e(instance_id text, seq integer, type text, payload jsonb, actor_id text, actor_username text,
       actor_display_name text, at timestamptz, state_before jsonb, state_after jsonb, record_revision integer)
  where exists (select from moved)
), audit as (
  insert into ordo_audit (at, actor_id, actor_username, action, target_kind, target_id, detail)
  select $10::timestamptz, $11::text, $12::text, $13::text, $14::text, $15::text, $16::jsonb from moved
)
select revision, ended_at from moved`);

/**
 * Writes one step of an instance in one statement: the instance (when its stored revision is still
 * the one it was read at), its events and the audit row. Returns the instance as stored now, or
 * undefined when someone else moved it first and nothing was written. Throws the driver's unique
 * violation (23505) when an event's seq is taken.
 */
export async function commitStep(
  db: Executor,
  instance: WorkflowInstanceRow,
  step: InstanceStep,
  events: readonly NewWorkflowEventRow[],
  audit: AuditEntry,
): Promise<WorkflowInstanceRow | undefined> {
  const entry = auditValues(audit);
  const result = await db.executeQuery<{ revision: number; ended_at: Date | null }>(
    CompiledQuery.raw(COMMIT_STEP, [
      instance.id,
      instance.revision,
      JSON.stringify(step.stateValue),
      JSON.stringify(step.context),
      step.status,
      step.lastSeq,
      step.at,
      step.endedAt ?? null,
      JSON.stringify(events.map(eventColumns)),
      entry.at,
      entry.actor_id,
      entry.actor_username,
      entry.action,
      entry.target_kind,
      entry.target_id,
      entry.detail,
    ]),
  );
  const stored = result.rows[0];
  if (stored === undefined) return undefined;
  // Built from what was written rather than read back: the context can be large, and parsing it again costs CPU on every step.
  return {
    ...instance,
    state_value: step.stateValue,
    context: step.context,
    status: step.status,
    last_seq: step.lastSeq,
    revision: stored.revision,
    updated_at: step.at,
    ended_at: stored.ended_at,
  };
}
