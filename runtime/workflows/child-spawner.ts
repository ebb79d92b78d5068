import type { CompiledForm } from '../../engine/forms/index.js';
import type { CompiledWorkflow, WorkflowEffect } from '../../engine/workflows/index.js';
import { createRecordWithin } from '../services/record-writes.js';
import type { Actor } from '../services/types.js';
import type { Executor, RecordRow, WorkflowInstanceRow } from '../stores/index.js';

type SpawnEffect = Extract<WorkflowEffect, { kind: 'spawn' }>;

export interface SpawnPlace {
  readonly parentId: string;
  readonly parentRecordId: string;
  /** Who the children's records are written for; workflow writes follow the form's rules. */
  readonly recordActor: Actor;
  readonly at: Date;
}

/**
 * Creates one record per child, through the form's rules with serial codes, linked to the parent's
 * record, and starts the child workflow on it, all in the parent's transaction. Returns the child
 * instance ids in order.
 */
export async function spawnChildren(
  trx: Executor,
  deps: { form(id: string): CompiledForm; workflow(id: string): CompiledWorkflow },
  effect: SpawnEffect,
  place: SpawnPlace,
  start: (record: RecordRow, compiled: CompiledWorkflow, parentId: string) => Promise<WorkflowInstanceRow>,
): Promise<string[]> {
  const form = deps.form(effect.form);
  const workflow = deps.workflow(effect.workflow);
  const ids: string[] = [];
  for (const values of effect.records) {
    const data = effect.link === undefined ? { ...values } : { ...values, [effect.link]: place.parentRecordId };
    const record = await createRecordWithin(trx, form, place.recordActor, data, place.at);
    ids.push((await start(record, workflow, place.parentId)).id);
  }
  return ids;
}
