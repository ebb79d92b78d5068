import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseWorkflowDraft, placeOf } from '../../designer/src/workflow-designer/diagnostics/index.js';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { shippedDefinitionsDir } from '../../runtime/cli/paths.js';

const loaded = await loadDefinitions(shippedDefinitionsDir);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const published = loaded.definitions;
const ncr = published.workflows.find((workflow) => workflow.id === 'ncr');
if (ncr === undefined) throw new Error('no ncr workflow');
const text = (value: unknown) => JSON.stringify(value, null, 2);

describe('diagnoseWorkflowDraft', () => {
  it('finds nothing in the shipped workflows', () => {
    for (const workflow of published.workflows) expect(diagnoseWorkflowDraft(text(workflow), published)).toEqual([]);
  });

  it('gives the line and column of broken JSON', () => {
    const [problem, ...rest] = diagnoseWorkflowDraft('{\n  "kind": "workflow",\n  "id": \n}', published);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ pointer: '', code: 'json', severity: 'error', message: { en: 'Not valid JSON at line 4, column 1: value expected' } });
  });

  it('reports meta-schema problems at their state', () => {
    const draft = { ...ncr, states: { ...ncr.states, containment: { ...ncr.states['containment'], colour: 'red' } } };
    expect(diagnoseWorkflowDraft(text(draft), published)).toEqual([
      { pointer: '/states/containment/colour', code: 'schema', severity: 'error', message: 'unknown property "colour"', statePath: 'containment' },
    ]);
  });

  it('places an unreachable nested state, a broken guard and a transition without target', () => {
    const disposition = ncr.states['disposition'];
    const draft = {
      ...ncr,
      states: {
        ...ncr.states,
        open: { ...ncr.states['open'], on: { submit: [{ target: 'containment', guard: 'severity = ' }, { target: 'containment' }] } },
        disposition: { ...disposition, states: { ...disposition?.states, 'spare-review': { task: { assignees: [{ role: 'engineer' }], onApproved: { target: 'disposition-agreed' } } } } },
      },
    };
    const found = diagnoseWorkflowDraft(text(draft), published);
    expect(found.map(({ code, statePath, event, transitionIndex }) => ({ code, statePath, event, transitionIndex }))).toEqual([
      { code: 'invalidGuard', statePath: 'open', event: 'submit', transitionIndex: 0 },
      { code: 'unreachableState', statePath: 'disposition.spare-review', event: undefined, transitionIndex: undefined },
    ]);
    expect(found[1]?.message).toEqual({ 'zh-CN': '没有任何流转能到达“spare-review”', en: 'Nothing leads to "spare-review"' });
    const noTarget = { ...ncr, states: { ...ncr.states, 'cause-decision': { always: [{ guard: 'causeCategory = "supplier"' }, { target: 'disposition' }] } } };
    expect(diagnoseWorkflowDraft(text(noTarget), published).map(({ code, statePath, event, transitionIndex }) => ({ code, statePath, event, transitionIndex }))).toEqual([
      { code: 'missingTarget', statePath: 'cause-decision', event: 'always', transitionIndex: 0 },
    ]);
  });

  it('checks roles against the app and the form against the published forms', () => {
    const draft = { ...ncr, form: 'ghost', start: { roles: ['janitor'] } };
    expect(diagnoseWorkflowDraft(text(draft), published).map((problem) => [problem.pointer, problem.code])).toEqual([
      ['/form', 'unknownForm'],
      ['/start/roles/0', 'unknownRole'],
    ]);
  });

  it('checks department assignees against the app\'s departments and the form\'s department fields, on the state they belong to', () => {
    const containment = ncr.states['containment'] as unknown as { task: Record<string, unknown> };
    const draft = { ...ncr, states: { ...ncr.states, containment: { ...containment, task: { ...containment.task, assignees: [{ department: 'canteen' }, { departmentOf: 'responsible', manager: true }] } } } };
    const found = diagnoseWorkflowDraft(text(draft), published);
    expect(found.map(({ pointer, code, statePath }) => [pointer, code, statePath])).toEqual([
      ['/states/containment/task/assignees/0/department', 'unknownDepartment', 'containment'],
      ['/states/containment/task/assignees/1/departmentOf', 'notDepartmentField', 'containment'],
    ]);
    expect(found[0]?.message).toEqual({ 'zh-CN': '应用中没有这个部门：no department "canteen" in the app', en: 'The app has no such department: no department "canteen" in the app' });
  });
});

describe('placeOf', () => {
  it.each([
    ['/states/open/on/submit/1/guard', { statePath: 'open', event: 'submit', transitionIndex: 1 }],
    ['/states/review/on/next', { statePath: 'review', event: 'next', transitionIndex: 0 }],
    ['/states/a/states/b~1c/task/onApproved/target', { statePath: 'a.b/c', event: 'onApproved', transitionIndex: 0 }],
    ['/states/a/always/2', { statePath: 'a', event: 'always', transitionIndex: 2 }],
    ['/states/a/invoke/onError', { statePath: 'a', event: 'invoke.onError', transitionIndex: 0 }],
    ['/on/cancel/guard', { event: 'cancel', transitionIndex: 0 }],
    ['/initial', {}],
    ['', {}],
  ])('%s', (pointer, place) => {
    expect(placeOf(pointer)).toEqual(place);
  });

  it('names every state on the way down, for any names', () => {
    const name = fc.string({ minLength: 1, maxLength: 6 }).filter((value) => !value.includes('.'));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), (names) => {
        const pointer = names.map((value) => `/states/${value.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('') + '/entry/0';
        expect(placeOf(pointer).statePath).toBe(names.join('.'));
      }),
    );
  });
});
