import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OrdoError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../db/index.js';
import type { Actor, Services } from '../services/index.js';
import { findUserByUsername } from '../stores/index.js';

/**
 * One shipped workflow the demo runs on one of its records: started and sent `events` by
 * `startedBy`, then every open task approved by its own assignee until the instance ends.
 * `taskData` gives what a task's assignee fills in, by task node (the fields a decision reads).
 */
export interface DemoWorkflowRun {
  workflow: string;
  record: string;
  startedBy: string;
  events?: string[];
  taskData?: Record<string, Record<string, unknown>>;
}

/** A run that needs more task rounds than this is a demo file mistake (a loop), not history. */
const MAX_ROUNDS = 20;

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
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${file}: must be {workflows: [{workflow, record, startedBy, events?, taskData?}]}`);
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
    (run.events === undefined || (Array.isArray(run.events) && run.events.every((event) => typeof event === 'string'))) &&
    (run.taskData === undefined || (typeof run.taskData === 'object' && run.taskData !== null))
  );
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
    for (const type of run.events ?? []) await services.workflows.sendEvent(starter, instance.id, { type });
    for (let round = 0; ; round += 1) {
      const detail = await services.workflows.get(admin, instance.id);
      // Sorted so the same demo gives the same history, whatever ids the tasks got.
      const open = detail.tasks.filter((task) => task.status === 'open').sort((a, b) => a.node.localeCompare(b.node) || a.assignee.localeCompare(b.assignee));
      if (open.length === 0) break;
      if (round === MAX_ROUNDS) throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `history.json: ${run.workflow} on ${run.record} still has open tasks after ${MAX_ROUNDS} rounds`);
      for (const task of open) {
        const data = run.taskData?.[task.node];
        await services.workflows.completeTask(await actorOf(task.assignee), task.id, { outcome: 'approve', ...(data === undefined ? {} : { data }) });
      }
    }
    ran += 1;
  }
  return ran;
}
