import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../designer/src/api/workflow-types.js';
import { describeStep, timelineSteps } from '../../designer/src/workflows/timeline-steps.js';
import { ORDER_WORKFLOW } from './order-workflow.js';

let seq = 0;
function entry(type: string, fields: Partial<TimelineEntry> = {}): TimelineEntry {
  seq += 1;
  return {
    seq,
    type,
    at: '2026-11-24T08:00:00.000Z',
    actor: { username: 'li.na', displayName: '李娜' },
    comment: null,
    node: null,
    stateBefore: null,
    stateAfter: 'draft',
    ...fields,
  };
}

const zh = (place: unknown) => (typeof place === 'object' && place !== null ? (place as Record<string, string>)['zh-CN'] : place);

describe('timeline steps', () => {
  it('reads a task decision at its node and where it led', () => {
    const step = describeStep(entry('approve', { node: 'review', stateBefore: { review: 'deciding' }, stateAfter: 'feasibility', comment: 'ok' }), ORDER_WORKFLOW);
    expect(step?.kind).toBe('approve');
    expect(zh(step?.at)).toBe('订单审核');
    expect(zh(step?.to)).toBe('交期评估');
    expect(step?.entry.comment).toBe('ok');
  });

  it('leaves out where it led when the step stays (one countersign of several)', () => {
    const step = describeStep(entry('approve', { node: 'deciding', stateAfter: { approval: { deciding: 'deciding' } } }), ORDER_WORKFLOW);
    expect(zh(step?.at)).toBe('工程会签');
    expect(step?.to).toBeUndefined();
  });

  it('names business events by their title, or by their name without one', () => {
    expect(zh(describeStep(entry('submit', { stateAfter: { review: 'assigning' } }), ORDER_WORKFLOW)?.event)).toBe('提交审核');
    const change = describeStep(entry('change-request', { stateAfter: { review: 'assigning' } }), ORDER_WORKFLOW);
    expect(change).toMatchObject({ kind: 'event', event: 'change-request' });
    expect(zh(change?.to)).toBe('订单审核');
  });

  it('reads the start, timers, returns and the automatic steps', () => {
    expect(zh(describeStep(entry('ordo.start'), ORDER_WORKFLOW)?.to)).toBe('草稿');
    expect(describeStep(entry('ordo.timer', { node: 'review', stateAfter: { review: 'deciding' } }), ORDER_WORKFLOW)?.kind).toBe('timer');
    expect(describeStep(entry('return', { node: 'review' }), ORDER_WORKFLOW)).toMatchObject({ kind: 'return' });
    const done = describeStep(entry('xstate.done.actor.feasibility', { stateAfter: { approval: { confirm: 'assigning' } } }), ORDER_WORKFLOW);
    expect(done?.kind).toBe('auto-done');
    expect(zh(done?.at)).toBe('交期评估');
    expect(zh(done?.to)).toBe('销售代表确认交期');
    expect(describeStep(entry('xstate.error.actor.feasibility', { stateAfter: { review: 'assigning' } }), ORDER_WORKFLOW)?.kind).toBe('auto-error');
  });

  it('reads child workflows and version moves', () => {
    expect(describeStep(entry('ordo.children.started', { node: 'review', stateAfter: 'review' }), ORDER_WORKFLOW)).toMatchObject({ kind: 'children-started' });
    expect(describeStep(entry('ordo.child.ended', { stateAfter: 'released' }), ORDER_WORKFLOW)?.kind).toBe('child-ended');
    expect(describeStep(entry('ordo.migrated'), ORDER_WORKFLOW)?.kind).toBe('migrated');
    // An engine type this version of the web app does not know reads as its name.
    expect(describeStep(entry('ordo.something-new'), ORDER_WORKFLOW)).toMatchObject({ kind: 'event', event: 'ordo.something-new' });
  });

  it('shows state names when the definition does not know them (another version)', () => {
    const step = describeStep(entry('approve', { node: 'old-check', stateAfter: 'gone' }), undefined);
    expect(step).toMatchObject({ at: 'old-check', to: 'gone' });
  });

  it('orders by sequence and hides the engine handing tasks out', () => {
    const start = entry('ordo.start');
    const submit = entry('submit', { stateAfter: { review: 'assigning' } });
    const assigned = entry('ordo.task.assigned', { node: 'review', actor: { username: 'system', displayName: 'Ordo' }, stateAfter: { review: 'deciding' } });
    const steps = timelineSteps([assigned, submit, start], ORDER_WORKFLOW);
    expect(steps.map((step) => step.entry.type)).toEqual(['ordo.start', 'submit']);
  });
});
