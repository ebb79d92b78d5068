import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StateMap, WorkflowDefinition } from '../../../engine/definitions/index.js';
import { NATIVE_FUNCTIONS } from '../../../engine/functions/index.js';
import { WORKFLOW_PROBLEM_CODES, checkWorkflow } from '../../../engine/workflows/index.js';
import { approvalWorkflow, orderForm } from './workflow-fixtures.js';

const environment = { forms: new Map([['order', orderForm]]), functions: NATIVE_FUNCTIONS };
const check = (states: Record<string, unknown>, extra: Partial<WorkflowDefinition> = {}) =>
  checkWorkflow(approvalWorkflow({ ...extra, states: states as StateMap }), environment).map(({ pointer, code, state }) => ({ pointer, code, ...(state === undefined ? {} : { state }) }));

describe('graph checks', () => {
  it('an unreachable state is reported once, with the state it is about', () => {
    expect(check({ draft: { on: { submit: { target: 'done' } } }, island: { on: { go: { target: 'done' } } }, done: { type: 'final' } })).toEqual([
      { pointer: '/states/island', code: 'unreachableState', state: 'island' },
    ]);
  });

  it('a nested state is reachable through its parent\'s initial child only', () => {
    const states = {
      draft: { on: { submit: { target: 'group' } } },
      group: { initial: 'first', states: { first: { on: { next: { target: 'done' } } }, second: { on: { next: { target: 'done' } } } } },
      done: { type: 'final' },
    };
    expect(check(states)).toEqual([{ pointer: '/states/group/states/second', code: 'unreachableState', state: 'second' }]);
  });

  it('a dead end is a non-final leaf with no transition, task, wait, invocation or spawn, nor a parent event', () => {
    expect(check({ draft: { on: { submit: { target: 'parked' } } }, parked: { entry: [{ type: 'setFields', fields: { status: '"parked"' } }] }, done: { type: 'final' } }, {})).toEqual([
      { pointer: '/states/done', code: 'unreachableState', state: 'done' },
      { pointer: '/states/parked', code: 'deadEnd', state: 'parked' },
    ]);
    // A wait or a task is a way out: its outcome moves on.
    expect(check({ draft: { on: { submit: { target: 'cooling' } } }, cooling: { wait: { after: 'PT1H', then: { target: 'done' } } }, done: { type: 'final' } })).toEqual([]);
  });

  it('a state with children whose onDone can never happen does not count as leaving', () => {
    const states = {
      draft: { on: { submit: { target: 'group' } } },
      group: { initial: 'inner', states: { inner: {} }, onDone: { target: 'done' } },
      done: { type: 'final' },
    };
    expect(check(states)).toEqual([{ pointer: '/states/group/states/inner', code: 'deadEnd', state: 'inner' }]);
  });

  it.each([
    ['an eventless transition', { draft: { always: [{ guard: 'amount > 1' }, { target: 'done' }] }, done: { type: 'final' } }, '/states/draft/always/0'],
    ['a task outcome', { draft: { task: { assignees: [{ role: 'x' }], onApproved: {} } } }, '/states/draft/task/onApproved'],
    ['a rejection', { draft: { task: { assignees: [{ role: 'x' }], onApproved: { target: 'done' }, onRejected: { actions: [] } } }, done: { type: 'final' } }, '/states/draft/task/onRejected'],
    ['a wait', { draft: { wait: { after: 'PT1H', then: {} } } }, '/states/draft/wait/then'],
    ['a function result', { draft: { invoke: { function: 'ctp.promise', onDone: {}, onError: { target: 'done' } } }, done: { type: 'final' } }, '/states/draft/invoke/onDone'],
    ['a parent being done', { draft: { initial: 'a', states: { a: { type: 'final' } }, onDone: {} } }, '/states/draft/onDone'],
  ])('%s needs a target', (_name, states, pointer) => {
    expect(check(states)).toEqual([{ pointer, code: 'missingTarget' }]);
  });

  it('a transition still without a target does not hide the rest of the graph (a chart being drawn)', () => {
    const states = { draft: { task: { assignees: [{ role: 'x' }], onApproved: {}, onRejected: { target: 'draft' } } }, released: { type: 'final' }, parked: {} };
    expect(check(states)).toEqual([
      { pointer: '/states/draft/task/onApproved', code: 'missingTarget' },
      { pointer: '/states/released', code: 'unreachableState', state: 'released' },
      { pointer: '/states/parked', code: 'unreachableState', state: 'parked' },
      { pointer: '/states/parked', code: 'deadEnd', state: 'parked' },
    ]);
  });

  it('a business event may stay where it is (its actions are the point)', () => {
    expect(check({ draft: { on: { note: { actions: [{ type: 'setFields', fields: { note: '"seen"' } }] }, submit: { target: 'done' } } }, done: { type: 'final' } })).toEqual([]);
  });

  it('a guard that does not compile has its own code at the guard, and the graph is still checked', () => {
    expect(check({ draft: { on: { submit: { target: 'done', guard: 'amount >' } } }, island: { type: 'final' }, done: { type: 'final' } })).toEqual([
      { pointer: '/states/draft/on/submit/guard', code: 'invalidGuard' },
      { pointer: '/states/island', code: 'unreachableState', state: 'island' },
    ]);
    expect(check({ draft: { on: { submit: { target: 'done', guard: 'amount + 1' } } }, done: { type: 'final' } })).toEqual([{ pointer: '/states/draft/on/submit/guard', code: 'invalidGuard' }]);
  });

  it('docs/workflows.md lists every problem code', () => {
    const docs = readFileSync(new URL('../../../docs/workflows.md', import.meta.url), 'utf8');
    expect(WORKFLOW_PROBLEM_CODES.filter((code) => !docs.includes(`\`${code}\``))).toEqual([]);
  });
});

/**
 * A random chart: the start reaches every middle state by an event of its own, each middle state
 * leaves to the final state and maybe to other middle states, and the start can finish directly.
 */
const charts = fc.integer({ min: 1, max: 12 }).chain((size) =>
  fc.record({
    size: fc.constant(size),
    extra: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 2 }),
    kinds: fc.array(fc.constantFrom('event', 'task', 'wait', 'always'), { minLength: size, maxLength: size }),
    victim: fc.nat(size - 1),
  }),
);

function chart({ size, extra, kinds }: { size: number; extra: readonly [number, number][]; kinds: readonly string[] }, without?: number): WorkflowDefinition {
  const name = (i: number) => `s${i}`;
  const start: Record<string, { target: string }> = { finish: { target: 'done' } };
  for (let i = 0; i < size; i += 1) if (i !== without) start[`go${i}`] = { target: name(i) };
  const states: Record<string, unknown> = { start: { on: start }, done: { type: 'final' } };
  for (let i = 0; i < size; i += 1) {
    const on = Object.fromEntries(extra.filter(([from]) => from === i).map(([, to], k) => [`jump${k}`, { target: name(to) }]));
    const exit = { target: 'done' };
    const node =
      kinds[i] === 'task' ? { task: { assignees: [{ role: 'x' }], onApproved: exit } } : kinds[i] === 'wait' ? { wait: { after: 'PT1H', then: exit } } : kinds[i] === 'always' ? { always: [exit] } : { on: { ...on, leave: exit } };
    // Eventless and outcome states take their business events too.
    states[name(i)] = { ...node, ...(kinds[i] === 'event' ? {} : { on }) };
  }
  return approvalWorkflow({ initial: 'start', states: states as StateMap });
}

describe('graph checks, for all charts', () => {
  it('a chart where every state is reachable and has a way out passes', () => {
    fc.assert(
      fc.property(charts, (shape) => {
        expect(checkWorkflow(chart(shape), environment)).toEqual([]);
      }),
    );
  });

  it('removing the one edge into a state gives exactly an unreachable-state problem naming it', () => {
    fc.assert(
      fc.property(charts, (shape) => {
        // Only a state no other middle state jumps to loses every way in.
        fc.pre(!shape.extra.some(([from, to]) => to === shape.victim && from !== shape.victim));
        const problems = checkWorkflow(chart(shape, shape.victim), environment);
        expect(problems.map(({ code, state, pointer }) => ({ code, state, pointer }))).toEqual([
          { code: 'unreachableState', state: `s${shape.victim}`, pointer: `/states/s${shape.victim}` },
        ]);
      }),
    );
  });
});
