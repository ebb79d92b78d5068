import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../engine/definitions/index.js';
import { WORKFLOW_PROBLEM_CODES, checkWorkflow, compileWorkflow } from '../../../engine/workflows/index.js';
import { NATIVE_FUNCTIONS } from '../../../engine/functions/index.js';
import { approvalWorkflow, errorOf, jobForm, jobWorkflow, orderForm, pipelineWorkflow, spawningWorkflow } from './workflow-fixtures.js';

const environment = { forms: new Map([['order', orderForm]]), functions: NATIVE_FUNCTIONS };

function pointers(definition: WorkflowDefinition): string[] {
  return checkWorkflow(definition, environment).map((problem) => problem.pointer);
}

/** One definition with one of each problem found before the graph is looked at. */
const broken = approvalWorkflow({
  states: {
    draft: {
      entry: [
        { type: 'setFields', fields: { nofield: '1' } },
        { type: 'createRecord', form: 'ghost', data: { amount: '1' } },
      ],
      on: {
        submit: [
          { target: 'review', guard: 'amount >' },
          { target: 'review', guard: 'missing > 1' },
          { target: 'review', guard: 'amount + 1' },
          { target: 'nowhere' },
        ],
      },
    },
    review: {
      task: {
        mode: 'ratio',
        assignees: [{ role: 'sales-manager' }],
        due: { after: 'P1D', field: 'promisedDate', remindBefore: '2 days' },
        returnTo: ['route'],
        onApproved: { target: 'route', guard: 'special' },
      },
    },
    route: { always: [{ guard: 'special', target: 'group' }, { target: 'approved' }] },
    group: {
      initial: 'inner',
      states: {
        inner: { on: { next: { target: 'promise' } } },
        review: { on: { next: { target: 'approved' } } },
      },
    },
    promise: { invoke: { function: 'ctp.nope', onDone: { target: 'cooling' }, onError: { target: 'draft' } } },
    cooling: { wait: { after: 'soon', then: { target: 'approved' } } },
    approved: { type: 'final' },
  },
} as Partial<WorkflowDefinition>);

const BROKEN_POINTERS = [
  '/states/draft/on/submit/0/guard',
  '/states/draft/on/submit/1/guard',
  '/states/draft/on/submit/2/guard',
  '/states/draft/on/submit/3/target',
  '/states/draft/entry/0/fields/nofield',
  '/states/draft/entry/1/form',
  '/states/review/task/onApproved/guard',
  '/states/review/task/ratio',
  '/states/review/task/returnTo/0',
  '/states/review/task/due',
  '/states/review/task/due/remindBefore',
  '/states/group/states/review',
  '/states/promise/invoke/function',
  '/states/cooling/wait/after',
];

describe('checkWorkflow', () => {
  it('accepts the fixture workflow', () => {
    expect(checkWorkflow(approvalWorkflow(), environment)).toEqual([]);
  });

  it('reports every problem with its JSON pointer, all at once', () => {
    expect(pointers(broken).sort()).toEqual([...BROKEN_POINTERS].sort());
  });

  it('says what is wrong at each pointer', () => {
    const messages = Object.fromEntries(checkWorkflow(broken, environment).map((problem) => [problem.pointer, problem.message]));
    expect(messages['/states/draft/on/submit/3/target']).toContain('no state "nowhere"');
    expect(messages['/states/draft/on/submit/1/guard']).toMatch(/missing/);
    expect(messages['/states/draft/on/submit/2/guard']).toContain('TRUE/FALSE is expected');
    expect(messages['/states/draft/entry/0/fields/nofield']).toContain('no field "nofield"');
    expect(messages['/states/draft/entry/1/form']).toContain('no form "ghost"');
    expect(messages['/states/group/states/review']).toContain('defined twice');
    expect(messages['/states/promise/invoke/function']).toContain('ctp.nope');
    expect(messages['/states/review/task/returnTo/0']).toContain('neither a task nor the initial state');
    expect(messages['/states/cooling/wait/after']).toContain('"soon" is not a duration');
  });

  it('reports unreachable states and states with no way out once every name resolves', () => {
    const graph = approvalWorkflow({
      states: {
        draft: { on: { submit: { target: 'stuck' }, skip: { target: 'approved' } } },
        stuck: { entry: [{ type: 'setFields', fields: { status: '"stuck"' } }] },
        orphan: { type: 'final' },
        lost: { on: { back: { target: 'draft' } } },
        approved: { type: 'final' },
      },
    });
    expect(checkWorkflow(graph, environment)).toEqual([
      { pointer: '/states/orphan', code: 'unreachableState', state: 'orphan', message: 'state "orphan" can never be reached' },
      { pointer: '/states/lost', code: 'unreachableState', state: 'lost', message: 'state "lost" can never be reached' },
      { pointer: '/states/stuck', code: 'deadEnd', state: 'stuck', message: 'state "stuck" is not final and has no way out' },
    ]);
  });

  it('a child leaves through its parent\'s events, and a workflow-level event is a way out of every state', () => {
    const nested = approvalWorkflow({
      states: {
        draft: { on: { submit: { target: 'group' } } },
        group: { initial: 'inner', states: { inner: {} }, on: { done: { target: 'approved' } } },
        approved: { type: 'final' },
      },
    });
    expect(checkWorkflow(nested, environment)).toEqual([]);
    const global = approvalWorkflow({ on: { cancel: { target: 'approved' } }, states: { draft: { on: { submit: { target: 'stuck' } } }, stuck: {}, approved: { type: 'final' } } });
    expect(checkWorkflow(global, environment)).toEqual([]);
  });

  it('a due field and a wait field must be date or date-time fields of the form', () => {
    const dated = approvalWorkflow({
      states: {
        draft: { on: { submit: { target: 'review' }, hold: { target: 'hold' }, park: { target: 'park' } } },
        review: { task: { assignees: [{ role: 'sales-manager' }], due: { field: 'amount' }, onApproved: { target: 'approved' } } },
        hold: { wait: { untilField: 'note', then: { target: 'approved' } } },
        park: { wait: { untilField: 'nothing', then: { target: 'approved' } } },
        approved: { type: 'final' },
      },
    });
    expect(checkWorkflow(dated, environment)).toEqual([
      { pointer: '/states/review/task/due/field', code: 'notDateField', message: 'field "amount" is not a date or date-time field' },
      { pointer: '/states/hold/wait/untilField', code: 'notDateField', message: 'field "note" is not a date or date-time field' },
      { pointer: '/states/park/wait/untilField', code: 'unknownField', message: 'no field "nothing" in form "order"' },
    ]);
    const fine = approvalWorkflow({ states: { draft: { on: { hold: { target: 'hold' } } }, hold: { wait: { untilField: 'promisedDate', then: { target: 'approved' } } }, approved: { type: 'final' } } });
    expect(checkWorkflow(fine, environment)).toEqual([]);
  });

  it('a workflow naming an unknown form reports it and checks no formula against it', () => {
    expect(pointers({ ...approvalWorkflow(), form: 'ghost' })).toEqual(['/form']);
  });

  it('unknown roles are reported when the app\'s roles are given', () => {
    const problems = checkWorkflow(approvalWorkflow(), { ...environment, roles: new Set(['sales-manager', 'engineer']) });
    expect(problems.map((problem) => problem.pointer)).toEqual(['/states/countersign/task/assignees/1/role']);
  });
});

describe('compileWorkflow', () => {
  it('throws ORDO_ERR_DEFINITION_INVALID whose fields hold every pointer', () => {
    const error = errorOf(() => compileWorkflow(broken, { forms: environment.forms }));
    expect(error.code).toBe('ORDO_ERR_DEFINITION_INVALID');
    expect(error.fields.map((field) => field.pointer).sort()).toEqual([...BROKEN_POINTERS].sort());
    expect(error.fields.every((field) => (WORKFLOW_PROBLEM_CODES as readonly string[]).includes(field.code) && field.message.length > 0)).toBe(true);
    expect(error.fields.find((field) => field.pointer === '/states/draft/on/submit/0/guard')?.code).toBe('invalidGuard');
    expect(error.message).toContain('/states/draft/on/submit/3/target');
  });

  it('lists the business events and task states of a valid workflow', () => {
    const compiled = compileWorkflow(approvalWorkflow({ on: { cancel: { target: 'approved' } } }), { forms: environment.forms });
    expect(compiled.businessEvents).toEqual(['cancel', 'submit']);
    expect(compiled.taskStates).toEqual(['review', 'countersign']);
    expect(compiled.taskOf('review')?.assignees).toEqual([{ role: 'sales-manager' }]);
    expect(compiled.taskOf('route')).toBeUndefined();
  });
});

describe('spawn states', () => {
  const withJobs = { forms: new Map([['order', orderForm], ['job', jobForm]]), functions: NATIVE_FUNCTIONS, workflows: new Map([[jobWorkflow.id, jobWorkflow]]) };

  it('accept the shipped shape', () => {
    expect(checkWorkflow(spawningWorkflow(), withJobs)).toEqual([]);
  });

  it('report an unknown child workflow, a form the child does not drive, a non-table forEach, unknown fields and bad formulas', () => {
    const base = spawningWorkflow();
    const spawn = (change: Record<string, unknown>) => ({ ...base, states: { ...base.states, making: { spawn: { ...base.states['making']?.spawn, ...change } } } }) as WorkflowDefinition;
    const problems = (change: Record<string, unknown>) => checkWorkflow(spawn(change), withJobs).map((problem) => problem.pointer);
    expect(problems({ workflow: 'ghost' })).toEqual(['/states/making/spawn/workflow']);
    expect(problems({ cancelEvent: 'explode' })).toEqual(['/states/making/spawn/cancelEvent']);
    expect(problems({ form: 'order' })).toEqual(['/states/making/spawn/form', '/states/making/spawn/link', '/states/making/spawn/data/sku', '/states/making/spawn/data/qty', '/states/making/spawn/data/due']);
    expect(problems({ forEach: 'amount' })).toEqual(['/states/making/spawn/forEach', '/states/making/spawn/data/sku', '/states/making/spawn/data/qty']);
    expect(problems({ link: 'nolink', data: { sku: 'sku +' } })).toEqual(['/states/making/spawn/link', '/states/making/spawn/data/sku']);
  });

  it('checks an invocation\'s input lists: a real sub-table, formulas over the line, no name given twice', () => {
    const definition = pipelineWorkflow();
    const invoke = definition.states['promise']?.invoke;
    if (invoke === undefined) throw new Error('the pipeline has no invoke');
    invoke.inputLists = {
      lines: { forEach: 'lines', input: { item: 'sku', qty: 'qty + amount', bad: 'nosuch * 2' } },
      notes: { forEach: 'amount', input: { x: '1' } },
      requestedDate: { forEach: 'lines', input: { sku: 'sku' } },
    };
    expect(pointers(definition)).toEqual([
      '/states/promise/invoke/inputLists/lines/input/bad',
      '/states/promise/invoke/inputLists/notes/forEach',
      '/states/promise/invoke/inputLists/requestedDate',
    ]);
  });
});
