import type { Kysely } from 'kysely';
import { isOrdoError } from '../../engine/errors/index.js';
import type { DatabaseSchema } from '../db/index.js';
import { claimDueTimers, databaseNow, deleteTimer, findInstance, retryTimer, type Executor, type TimerRow, type WorkflowInstanceRow } from '../stores/index.js';

/** Applies a system event to an instance in the caller's transaction (the workflow service's `advance`). */
export type AdvanceAsSystem = (
  trx: Executor,
  instance: WorkflowInstanceRow,
  event: { type: string; [key: string]: unknown },
  actor: 'system',
  at: Date,
) => Promise<unknown>;

/** Runs the native function a workflow invoked, in the timer's transaction (planning functions read their snapshot through it). */
export type InvokeFunction = (trx: Executor, name: string, input: Readonly<Record<string, unknown>>) => Promise<Record<string, unknown>>;

/**
 * Claims one due timer with SKIP LOCKED and applies it in the claiming transaction: the timer row
 * goes away in the same commit as the step it caused, so it fires once even with several
 * processes and after a crash. A failing timer is retried later with a growing delay.
 */
export function createTimerFiring(db: Kysely<DatabaseSchema>, advance: AdvanceAsSystem, invoke: InvokeFunction): () => Promise<'fired' | 'none'> {
  return async () => {
    let claimed: TimerRow | undefined;
    try {
      return await db.transaction().execute(async (trx) => {
        [claimed] = await claimDueTimers(trx, 1);
        if (claimed === undefined) return 'none';
        const timer = claimed;
        const instance = await findInstance(trx, timer.instance_id);
        await deleteTimer(trx, timer.id);
        if (instance === undefined || instance.status !== 'running') return 'fired';
        const at = await databaseNow(trx);
        try {
          await advance(trx, instance, await timerEvent(trx, timer, invoke), 'system', at);
        } catch (error) {
          // A timer of a task that was decided in the meantime no longer applies.
          if (!isOrdoError(error) || error.code !== 'ORDO_ERR_WORKFLOW_EVENT_REJECTED') throw error;
        }
        return 'fired';
      });
    } catch (error) {
      if (claimed === undefined) throw error;
      const failed = claimed;
      const message = error instanceof Error ? error.message : String(error);
      const delaySeconds = Math.min(3600, 10 * 2 ** failed.attempts);
      await db.transaction().execute((trx) => retryTimer(trx, failed.id, { error: message.slice(0, 2000), delaySeconds }));
      return 'fired';
    }
  };
}

/** The event a due timer row stands for; a queued invocation runs its native function here. */
async function timerEvent(trx: Executor, timer: TimerRow, invoke: InvokeFunction): Promise<{ type: string; [key: string]: unknown }> {
  if (timer.kind === 'child-ended') return { type: 'ordo.child.ended', child: (timer.payload as { child?: string }).child ?? '' };
  if (timer.kind !== 'invoke') {
    const kind = timer.kind === 'task-due' ? 'due' : timer.kind === 'task-remind' ? 'remind' : 'wait';
    return { type: 'ordo.timer', node: timer.node, round: timer.round, timer: kind };
  }
  const payload = timer.payload as { function?: string; input?: Record<string, unknown> };
  try {
    return { type: `xstate.done.actor.${timer.node}`, round: timer.round, output: await invoke(trx, payload.function ?? '', payload.input ?? {}) };
  } catch (error) {
    return { type: `xstate.error.actor.${timer.node}`, round: timer.round, error: error instanceof Error ? error.message : String(error) };
  }
}
