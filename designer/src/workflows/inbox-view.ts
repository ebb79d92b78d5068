import type { WorkflowInstance, WorkflowTask } from '../api/workflow-types.js';

/** A task still open after its due time. */
export function isOverdue(task: Pick<WorkflowTask, 'dueAt' | 'status'>, now: Date): boolean {
  if (task.dueAt === null || task.status !== 'open') return false;
  const due = Date.parse(task.dueAt);
  return !Number.isNaN(due) && due < now.getTime();
}

/** Who holds the work now, each name once, in the order their tasks opened. */
export function waitingFor(instance: Pick<WorkflowInstance, 'openTasks'>): string[] {
  const open = [...instance.openTasks].filter((task) => task.status === 'open').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return [...new Set(open.map((task) => task.assigneeName || task.assignee))];
}

/** The tasks of a page that may be approved together from the inbox. */
export function batchableIds(tasks: readonly WorkflowTask[]): string[] {
  return tasks.filter((task) => task.status === 'open' && task.actions.batch).map((task) => task.id);
}

export interface RecordKey {
  readonly form: string;
  readonly recordId: string;
}

/** A map key for a record; NUL cannot occur in form ids, so two records never share one. */
export function recordKeyText(key: RecordKey): string {
  return `${key.form}\u0000${key.recordId}`;
}

/** The records a page of the inbox mentions, each once, so their titles are fetched once. */
export function recordKeys(items: readonly { form: string | null; recordId: string | null }[]): RecordKey[] {
  const seen = new Map<string, RecordKey>();
  for (const item of items) {
    if (item.form === null || item.recordId === null) continue;
    const key = { form: item.form, recordId: item.recordId };
    seen.set(recordKeyText(key), key);
  }
  return [...seen.values()];
}
