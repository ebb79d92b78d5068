import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OrdoError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../db/index.js';
import type { Actor, Services } from '../services/index.js';
import { findUserByUsername } from '../stores/index.js';

/** Send a business event (as `by`, else the starter), or approve every open task of a task node as its own assignee. */
export type DemoStep = { send: string; by?: string } | { approve: string; data?: Record<string, unknown> };

/**
 * One shipped workflow the demo runs on one of its records: started by `startedBy`, then its steps
 * in order. The instance must have ended after the last step, so the history leaves no open task.
 */
export interface DemoWorkflowRun {
  workflow: string;
  record: string;
  startedBy: string;
  steps: DemoStep[];
}

/** A node whose tasks keep coming back more often than this is a demo file mistake (a loop), not history. */
const MAX_ROUNDS = 10;

/** Reads history.json of the demo directory: `{workflows: [...]}`; no file means no history. */
export async function readDemoHistory(dir: string): Promise<DemoWorkflowRun[]> {
  const file = path.join(dir, 'history.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const parsed = JSON.parse(text) as { workflows?: unknown };
  if (!Array.isArray(parsed.workflows) || !parsed.workflows.every(isRun)) {
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${file}: must be {workflows: [{workflow, record, startedBy, steps: [{send, by?} | {approve, data?}]}]}`);
  }
  return parsed.workflows;
}

function isRun(value: unknown): value is DemoWorkflowRun {
  const run = value as Partial<DemoWorkflowRun> | null;
  return (
    typeof run === 'object' &&
    run !== null &&
    typeof run.workflow === 'string' &&
    typeof run.record === 'string' &&
    typeof run.startedBy === 'string' &&
    Array.isArray(run.steps) &&
    run.steps.every(isStep)
  );
}

function isStep(value: unknown): value is DemoStep {
  const step = value as { send?: unknown; by?: unknown; approve?: unknown; data?: unknown } | null;
  if (typeof step !== 'object' || step === null) return false;
  if (typeof step.send === 'string') return step.by === undefined || typeof step.by === 'string';
  return typeof step.approve === 'string' && (step.data === undefined || (typeof step.data === 'object' && step.data !== null && !Array.isArray(step.data)));
}

/**
 * Gives the demo real approval history through the workflow service, as the demo users would:
 * the inbox's done box and the approval cycle-time report then have something to show. A record
 * that already has an instance of the workflow is skipped, so loading twice runs nothing twice.
 * Returns how many workflows it ran.
 */
export async function runDemoHistory(services: Services, database: OrdoDatabase, runs: readonly DemoWorkflowRun[], admin: Actor): Promise<number> {
  const actors = new Map<string, Actor>();
  const actorOf = async (username: string): Promise<Actor> => {
    let actor = actors.get(username);
    if (actor === undefined) {
      const row = await findUserByUsername(database.db, username);
      if (row === undefined) throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `history.json: no demo user ${username}`);
      actor = { userId: row.id, username: row.username, displayName: row.display_name, roles: [...row.roles], locale: row.locale === 'en' ? 'en' : 'zh-CN' };
      actors.set(username, actor);
    }
    return actor;
  };

  let ran = 0;
  for (const run of runs) {
    const form = services.definitions.workflow(run.workflow).definition.form;
    const existing = await services.workflows.listForRecord(admin, form, run.record);
    if (existing.some((instance) => instance.workflow === run.workflow)) continue;
    const starter = await actorOf(run.startedBy);
    const { instance } = await services.workflows.start(starter, run.workflow, run.record);
    const where = `history.json: ${run.workflow} on ${run.record}`;
    for (const step of run.steps) {
      if ('send' in step) {
        await services.workflows.sendEvent(step.by === undefined ? starter : await actorOf(step.by), instance.id, { type: step.send });
        continue;
      }
      for (let round = 0; ; round += 1) {
        const detail = await services.workflows.get(admin, instance.id);
        // By assignee, so the same demo gives the same history whatever ids the tasks got.
        const open = detail.tasks.filter((task) => task.node === step.approve && task.status === 'open').sort((a, b) => a.assignee.localeCompare(b.assignee));
        if (open.length === 0 && round === 0) throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${where}: no open task at ${step.approve}`);
        if (open.length === 0) break;
        if (round === MAX_ROUNDS) throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${where}: ${step.approve} still has open tasks after ${MAX_ROUNDS} rounds`);
        for (const task of open) await services.workflows.completeTask(await actorOf(task.assignee), task.id, { outcome: 'approve', ...(step.data === undefined ? {} : { data: step.data }) });
      }
    }
    const ended = await services.workflows.get(admin, instance.id);
    if (ended.status === 'running') throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${where}: the instance has not ended after its steps (it would leave open tasks)`);
    ran += 1;
  }
  return ran;
}
