import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkflowTask } from '../../designer/src/api/workflow-types.js';
import { batchableIds, isOverdue, recordKeys, waitingFor } from '../../designer/src/workflows/inbox-view.js';
import { commentNeeded, errorsInEditable, isCommentProblem, taskStartData } from '../../designer/src/workflows/task-rules.js';
import { text } from './order-definition.js';

function task(fields: Partial<WorkflowTask>): WorkflowTask {
  return {
    id: 't1',
    instanceId: 'i1',
    workflow: 'order-flow',
    form: 'sales-order',
    recordId: 'so-1',
    node: 'review',
    round: 1,
    title: text('Review', '审核'),
    assignee: 'wang.qiang',
    assigneeName: '王强',
    status: 'open',
    createdAt: '2026-11-24T08:00:00.000Z',
    dueAt: null,
    actedAt: null,
    actedBy: null,
    comment: null,
    draft: null,
    editableFields: [],
    actions: { returnTo: ['initiator'], transfer: true, addSigner: true, batch: true, commentRequired: 'reject' },
    ...fields,
  };
}

describe('the inbox', () => {
  it('marks an open task overdue after its due time, never a decided one or one without a due time', () => {
    const now = new Date('2026-11-25T09:00:00Z');
    expect(isOverdue(task({ dueAt: '2026-11-25T08:59:59Z' }), now)).toBe(true);
    expect(isOverdue(task({ dueAt: '2026-11-25T09:00:00Z' }), now)).toBe(false);
    expect(isOverdue(task({ dueAt: '2026-11-25T08:00:00Z', status: 'approved' }), now)).toBe(false);
    expect(isOverdue(task({ dueAt: null }), now)).toBe(false);
    expect(isOverdue(task({ dueAt: 'not a date' }), now)).toBe(false);
  });

  it('names who holds the work, each once, in the order the tasks opened, leaving out those waiting their turn', () => {
    const openTasks = [
      task({ id: 'b', assignee: 'xu.lei', assigneeName: '徐磊', createdAt: '2026-11-24T09:00:00Z' }),
      task({ id: 'a', assignee: 'wu.gang', assigneeName: '吴刚', createdAt: '2026-11-24T08:00:00Z' }),
      task({ id: 'c', assignee: 'wu.gang', assigneeName: '吴刚', createdAt: '2026-11-24T10:00:00Z' }),
      task({ id: 'd', assignee: 'zheng.hao', assigneeName: '', createdAt: '2026-11-24T11:00:00Z' }),
      task({ id: 'e', assignee: 'sun.wei', assigneeName: '孙伟', status: 'waiting' }),
    ];
    expect(waitingFor({ openTasks })).toEqual(['吴刚', '徐磊', 'zheng.hao']);
  });

  it('offers batch approval only for open tasks whose node allows it', () => {
    const tasks = [task({ id: 'a' }), task({ id: 'b', actions: { ...task({}).actions, batch: false } }), task({ id: 'c', status: 'approved' })];
    expect(batchableIds(tasks)).toEqual(['a']);
  });

  it('lists each mentioned record once, skipping messages without one', () => {
    const items = [
      { form: 'sales-order', recordId: 'so-1' },
      { form: 'ncr', recordId: 'so-1' },
      { form: 'sales-order', recordId: 'so-1' },
      { form: null, recordId: null },
    ];
    expect(recordKeys(items)).toEqual([
      { form: 'sales-order', recordId: 'so-1' },
      { form: 'ncr', recordId: 'so-1' },
    ]);
    fc.assert(
      fc.property(fc.array(fc.record({ form: fc.constantFrom('a', 'b'), recordId: fc.string({ maxLength: 3 }) })), (list) => {
        const keys = recordKeys(list);
        expect(keys.length).toBe(new Set(list.map((item) => JSON.stringify([item.form, item.recordId]))).size);
      }),
    );
  });
});

describe('task rules', () => {
  it('asks for a comment as the task says', () => {
    expect(commentNeeded('reject', 'approve')).toBe(false);
    expect(commentNeeded('reject', 'reject')).toBe(true);
    expect(commentNeeded('reject', 'return')).toBe(true);
    expect(commentNeeded('reject', 'transfer')).toBe(false);
    expect(commentNeeded('always', 'approve')).toBe(true);
    expect(commentNeeded('always', 'add-signer')).toBe(true);
    expect(commentNeeded('never', 'reject')).toBe(false);
  });

  it('starts the task form from the record with the saved draft over it', () => {
    expect(taskStartData({ a: 1, b: 2 }, { draft: null })).toEqual({ a: 1, b: 2 });
    expect(taskStartData({ a: 1, b: 2 }, { draft: { b: 3, c: 4 } })).toEqual({ a: 1, b: 3, c: 4 });
  });

  it('blocks a decision only on errors the assignee can fix', () => {
    const errors = [
      { pointer: '/remarks', message: 'too long' },
      { pointer: '/rushReason', message: 'required' },
      { pointer: '/lines/0/qty', message: 'required' },
      { pointer: '', message: 'whole record' },
    ];
    expect(errorsInEditable(errors, ['remarks', 'lines'])).toEqual([errors[0], errors[2]]);
    expect(errorsInEditable(errors, [])).toEqual([]);
  });

  it('recognises a refusal about the comment', () => {
    expect(isCommentProblem([{ pointer: '/comment' }])).toBe(true);
    expect(isCommentProblem([{ pointer: '/body/comment' }])).toBe(true);
    expect(isCommentProblem([{ pointer: '/data/comment' }])).toBe(false);
    expect(isCommentProblem([])).toBe(false);
  });
});
