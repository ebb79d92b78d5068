import { describe, expect, it } from 'vitest';
import { eventTitle, findState, finishesByItself, leafStates, mayStart, stateTitle } from '../../designer/src/workflows/workflow-states.js';
import { ORDER_WORKFLOW } from './order-workflow.js';

describe('workflow states in the web app', () => {
  it('finds states at any depth and their titles', () => {
    expect(findState(ORDER_WORKFLOW, 'confirm')?.task?.assignees).toEqual([{ field: 'owner' }]);
    expect(stateTitle(ORDER_WORKFLOW, 'review')?.['zh-CN']).toBe('订单审核');
    expect(stateTitle(ORDER_WORKFLOW, 'confirm')?.en).toBe('Rep confirms');
    expect(stateTitle(ORDER_WORKFLOW, 'cancelled')).toBeUndefined();
    expect(findState(ORDER_WORKFLOW, 'nowhere')).toBeUndefined();
    expect(findState(undefined, 'review')).toBeUndefined();
  });

  it('reads the active steps of a state value, without the approval fragment inside a task', () => {
    expect(leafStates('draft')).toEqual(['draft']);
    expect(leafStates({ review: 'deciding' })).toEqual(['review']);
    expect(leafStates({ review: 'assigning' }, ORDER_WORKFLOW)).toEqual(['review']);
    expect(leafStates({ approval: { confirm: 'deciding' } })).toEqual(['confirm']);
    expect(leafStates({ left: 'a', right: { inner: 'b' } })).toEqual(['a', 'b']);
  });

  it('keeps a definition state named like a fragment state', () => {
    // `deciding` is a real step of this workflow (a task), not the fragment's inner state.
    expect(leafStates({ approval: { deciding: 'deciding' } }, ORDER_WORKFLOW)).toEqual(['deciding']);
    expect(leafStates({ approval: { deciding: 'deciding' } })).toEqual(['deciding']);
    expect(leafStates({ approval: 'deciding' }, ORDER_WORKFLOW)).toEqual(['deciding']);
  });

  it('knows when the server finishes a step by itself', () => {
    expect(finishesByItself(ORDER_WORKFLOW, { status: 'running', state: 'feasibility' })).toBe(true);
    expect(finishesByItself(ORDER_WORKFLOW, { status: 'running', state: { review: 'deciding' } })).toBe(false);
    expect(finishesByItself(ORDER_WORKFLOW, { status: 'done', state: 'feasibility' })).toBe(false);
    expect(finishesByItself(undefined, { status: 'running', state: 'feasibility' })).toBe(false);
  });

  it('titles business events from the first transition that has a title, states before the workflow', () => {
    expect(eventTitle(ORDER_WORKFLOW, 'submit')?.['zh-CN']).toBe('提交审核');
    expect(eventTitle(ORDER_WORKFLOW, 'cancel')?.en).toBe('Cancel');
    expect(eventTitle(ORDER_WORKFLOW, 'change-request')).toBeUndefined();
    expect(eventTitle(undefined, 'submit')).toBeUndefined();
  });

  it('decides who may start as the server does', () => {
    expect(mayStart(ORDER_WORKFLOW, ['sales'], false)).toBe(true);
    expect(mayStart(ORDER_WORKFLOW, ['planner'], true)).toBe(false);
    expect(mayStart(ORDER_WORKFLOW, ['admin'], false)).toBe(true);
    const open = { ...ORDER_WORKFLOW, start: {} };
    expect(mayStart(open, ['planner'], true)).toBe(true);
    expect(mayStart(open, ['planner'], false)).toBe(false);
  });
});
