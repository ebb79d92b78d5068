import type { CommentRule, WorkflowTask } from '../api/workflow-types.js';
import { pointerSegments, type DataError } from '../forms/error-schema.js';

export type TaskAction = 'approve' | 'reject' | 'return' | 'transfer' | 'add-signer';

/** Whether the server will refuse the action without a comment (the task's commentRequired). */
export function commentNeeded(rule: CommentRule, action: TaskAction): boolean {
  if (rule === 'always') return true;
  return rule === 'reject' && (action === 'reject' || action === 'return');
}

/** What the task form starts with: the record, with the assignee's saved draft over it. */
export function taskStartData(record: Readonly<Record<string, unknown>>, task: Pick<WorkflowTask, 'draft'>): Record<string, unknown> {
  return task.draft === null ? { ...record } : { ...record, ...task.draft };
}

/**
 * The errors the assignee can fix: those in the task's editable fields. A required field left
 * empty elsewhere in the record is not theirs to fill and must not block the decision.
 */
export function errorsInEditable<E extends DataError>(errors: readonly E[], editable: readonly string[]): E[] {
  return errors.filter((error) => {
    const [top] = pointerSegments(error.pointer);
    return top !== undefined && editable.includes(top);
  });
}

/**
 * Whether a refused task command was about the comment (`/comment` from the workflow engine,
 * `/body/comment` from the request schema): the page then says so at the comment box.
 */
export function isCommentProblem(fieldErrors: readonly { pointer: string }[]): boolean {
  return fieldErrors.some((error) => error.pointer === '/comment' || error.pointer === '/body/comment');
}
