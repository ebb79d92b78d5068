import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../engine/definitions/index.js';
import { acceptedEvents, SYSTEM_ACTOR, type WorkflowEffect } from '../../../engine/workflows/index.js';
import { actor, approvalWorkflow, AT, compile, Driver, dueWorkflow, errorOf, pipelineWorkflow, spawningWorkflow, withReview } from './workflow-fixtures.js';

const li = actor('li', 'sales');
const approval = compile(approvalWorkflow());

/** The effects one call produced, including those of the assignee answers the driver sent. */
function effectsOf(driver: Driver, run: () => unknown): WorkflowEffect[] {
  const mark = driver.effects.length;
  run();
  return driver.effects.slice(mark);
}

function submitted(record: Record<string, unknown> = { amount: 100, special: true }, compiled = approval): Driver {
  return new Driver(compiled, record).send({ type: 'submit', actor: li });
}

const approve = (driver: Driver, user: string, comment?: string) =>
  driver.send({ type: 'approve', slot: driver.slotOf(user), actor: actor(user), ...(comment === undefined ? {} : { comment }) });

describe('the two-step approval', () => {
  it('goes draft -> review -> countersign -> approved and sets the status fields', () => {
    const driver = new Driver(approval, { amount: 100, special: true });
    expect(driver.state.value).toBe('draft');
    const opened = effectsOf(driver, () => driver.send({ type: 'submit', actor: li }));
    expect(driver.record['status']).toBe('review');
    expect(driver.state.value).toEqual({ review: 'deciding' });
    expect(opened).toEqual([
      { kind: 'resolve-assignees', node: 'review', purpose: 'open', assignees: [{ role: 'sales-manager' }] },
      { kind: 'task-opened', node: 'review', round: 1, title: { 'zh-CN': 'review', en: 'review' } },
    ]);

    approve(driver, 'wang');
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
    expect(driver.state.context.approvals['countersign']?.slots.map((slot) => slot.user)).toEqual(['wu', 'xu', 'zheng']);
    approve(driver, 'wu');
    approve(driver, 'zheng');
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
    expect(driver.state.status).toBe('running');
    const last = effectsOf(driver, () => approve(driver, 'xu'));
    expect(driver.state.value).toBe('approved');
    expect(driver.state.status).toBe('done');
    expect(driver.record['status']).toBe('approved');
    expect(last).toEqual([{ kind: 'node-left', node: 'countersign' }]);
    expect(errorOf(() => driver.send({ type: 'submit', actor: li })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
  });

  it('skips the countersign when the guard on the `special` field does not hold', () => {
    const driver = submitted({ amount: 100, special: false });
    approve(driver, 'wang');
    expect(driver.state.value).toBe('approved');
    expect(driver.state.status).toBe('done');
  });

  it('a rejection goes back to the initial state, and the next round has new slot ids', () => {
    const driver = submitted();
    const first = driver.slotOf('wang');
    expect(errorOf(() => driver.send({ type: 'reject', slot: first, actor: actor('wang') })).fields).toEqual([
      { pointer: '/comment', code: 'required', message: 'A comment is required' },
    ]);
    driver.send({ type: 'reject', slot: first, actor: actor('wang'), comment: 'price too low' });
    expect(driver.state.value).toBe('draft');
    expect(driver.state.context.approvals['review']?.slots.map((slot) => [slot.status, slot.comment])).toEqual([['rejected', 'price too low']]);
    driver.send({ type: 'submit', actor: li });
    expect(driver.slotOf('wang')).not.toBe(first);
    expect(errorOf(() => driver.send({ type: 'approve', slot: first, actor: actor('wang') })).code).toBe('ORDO_ERR_TASK_NOT_ACTIVE');
    approve(driver, 'wang');
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
  });

  it('a guard formula that fails while computing gives its own error code, not a crash', () => {
    const broken = approvalWorkflow({
      states: { ...approvalWorkflow().states, draft: { on: { submit: { target: 'review', guard: '1 / amount > 0' } } } },
    });
    const driver = new Driver(compile(broken), { amount: 0 });
    expect(errorOf(() => driver.send({ type: 'submit', actor: actor('li', 'sales-clerk') })).code).toBe('ORDO_ERR_EXPRESSION_RUNTIME');
    expect(driver.state.value).toBe('draft');
  });

  it('an unknown business event is rejected', () => {
    const driver = submitted();
    const error = errorOf(() => driver.send({ type: 'frobnicate', actor: li }));
    expect(error.code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    expect(error.extra).toMatchObject({ event: 'frobnicate', state: { review: 'deciding' } });
  });

  it('a task action on a slot that is not the actor\'s is refused', () => {
    const driver = submitted();
    const error = errorOf(() => driver.send({ type: 'approve', slot: driver.slotOf('wang'), actor: actor('wu') }));
    expect(error.code).toBe('ORDO_ERR_TASK_NOT_ACTIVE');
    expect(error.extra).toEqual({ waiting: ['review.1.1'] });
    expect(errorOf(() => driver.send({ type: 'approve', slot: 'nowhere', actor: actor('wang') })).code).toBe('ORDO_ERR_TASK_NOT_ACTIVE');
  });
});

describe('returns', () => {
  it('to `previous` goes back one task; to `initiator` goes to the start; both need a comment', () => {
    const driver = submitted();
    approve(driver, 'wang');
    const slot = driver.slotOf('wu');
    const missing = errorOf(() => driver.send({ type: 'return', slot, to: 'previous', actor: actor('wu') }));
    expect(missing.code).toBe('ORDO_ERR_VALIDATION');
    expect(missing.fields.map((field) => field.pointer)).toEqual(['/comment']);
    const effects = effectsOf(driver, () => driver.send({ type: 'return', slot, to: 'previous', actor: actor('wu'), comment: 'check the price' }));
    expect(driver.state.value).toEqual({ review: 'deciding' });
    expect(driver.state.context.rounds['review']).toBe(2);
    expect(driver.state.context.approvals['countersign']?.slots.every((candidate) => candidate.status === 'cancelled')).toBe(true);
    expect(effects[0]).toEqual({ kind: 'node-left', node: 'countersign' });

    const back = driver.slotOf('wang');
    expect(errorOf(() => driver.send({ type: 'return', slot: back, to: 'initiator', actor: actor('wang'), comment: '  ' })).code).toBe('ORDO_ERR_VALIDATION');
    driver.send({ type: 'return', slot: back, to: 'initiator', actor: actor('wang'), comment: 'start over' });
    expect(driver.state.value).toBe('draft');
    expect(driver.state.context.visited).toEqual(['draft']);
  });

  it('to a named state only when returnTo lists it', () => {
    const named = compile(
      approvalWorkflow({
        states: {
          ...approvalWorkflow().states,
          countersign: { task: { mode: 'all', assignees: [{ role: 'engineer' }], returnTo: ['review'], onApproved: { target: 'approved' } } },
        },
      }),
    );
    const driver = submitted(undefined, named);
    approve(driver, 'wang');
    const slot = driver.slotOf('wu');
    expect(errorOf(() => driver.send({ type: 'return', slot, to: 'initiator', actor: actor('wu'), comment: 'no' })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    driver.send({ type: 'return', slot, to: 'review', actor: actor('wu'), comment: 'again' });
    expect(driver.state.value).toEqual({ review: 'deciding' });
  });
});

describe('comment rules and task permissions', () => {
  it('`always` needs a comment on approval too; `never` accepts a rejection without one', () => {
    const always = submitted(undefined, compile(withReview({ commentRequired: 'always' })));
    expect(errorOf(() => approve(always, 'wang')).code).toBe('ORDO_ERR_VALIDATION');
    approve(always, 'wang', 'fine');
    expect(always.state.value).toEqual({ countersign: 'deciding' });

    const never = submitted(undefined, compile(withReview({ commentRequired: 'never' })));
    never.send({ type: 'reject', slot: never.slotOf('wang'), actor: actor('wang') });
    expect(never.state.value).toBe('draft');
  });

  it('a task that does not allow transfer or add-signer refuses them', () => {
    const driver = submitted(undefined, compile(withReview({ allow: { transfer: false, addSigner: false } })));
    const slot = driver.slotOf('wang');
    expect(errorOf(() => driver.send({ type: 'transfer', slot, to: 'zhao', actor: actor('wang') })).code).toBe('ORDO_ERR_FORBIDDEN');
    expect(errorOf(() => driver.send({ type: 'add-signer', slot, user: 'zhao', position: 'before', actor: actor('wang') })).code).toBe('ORDO_ERR_FORBIDDEN');
  });
});

describe('transfer and add-signer', () => {
  it('transfer moves the task: the new user can approve, the old one no longer', () => {
    const driver = submitted();
    const old = driver.slotOf('wang');
    driver.send({ type: 'transfer', slot: old, to: 'zhao', actor: actor('wang'), comment: 'on leave' });
    expect(driver.state.value).toEqual({ review: 'deciding' });
    expect(errorOf(() => driver.send({ type: 'approve', slot: old, actor: actor('wang') })).code).toBe('ORDO_ERR_TASK_NOT_ACTIVE');
    approve(driver, 'zhao');
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
  });

  it('single mode: a signer added before decides first and the task comes back', () => {
    const driver = submitted();
    driver.send({ type: 'add-signer', slot: driver.slotOf('wang'), user: 'zhao', position: 'before', actor: actor('wang') });
    expect(errorOf(() => approve(driver, 'wang')).code).toBe('ORDO_ERR_TASK_NOT_ACTIVE');
    approve(driver, 'zhao');
    expect(driver.state.value).toEqual({ review: 'deciding' });
    approve(driver, 'wang');
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
  });

  it('single mode: a signer added after decides once the adder approved', () => {
    const driver = submitted();
    driver.send({ type: 'add-signer', slot: driver.slotOf('wang'), user: 'zhao', position: 'after', actor: actor('wang') });
    expect(errorOf(() => approve(driver, 'zhao')).code).toBe('ORDO_ERR_TASK_NOT_ACTIVE');
    approve(driver, 'wang');
    expect(driver.state.value).toEqual({ review: 'deciding' });
    approve(driver, 'zhao');
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
  });

  it('sequential mode: before and after slot into the order', () => {
    const sequential = compile(withReview({ mode: 'sequential', assignees: [{ user: 'a' }, { user: 'b' }] }));
    const driver = submitted(undefined, sequential);
    driver.send({ type: 'add-signer', slot: driver.slotOf('a'), user: 'x', position: 'after', actor: actor('a') });
    driver.send({ type: 'add-signer', slot: driver.slotOf('a'), user: 'y', position: 'before', actor: actor('a') });
    const order: string[] = [];
    for (const user of ['y', 'a', 'x', 'b']) {
      for (const other of ['a', 'b', 'x', 'y'].filter((candidate) => candidate !== user && !order.includes(candidate))) {
        expect(errorOf(() => approve(driver, other)).code).toBe('ORDO_ERR_TASK_NOT_ACTIVE');
      }
      approve(driver, user);
      order.push(user);
    }
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
  });

  it('a handover moves a slot that still waits its turn; the new holder acts in that place', () => {
    const sequential = compile(withReview({ mode: 'sequential', assignees: [{ user: 'a' }, { user: 'b' }] }));
    const driver = submitted(undefined, sequential);
    driver.send({ type: 'ordo.task.handover', slot: driver.slotOf('b'), to: 'k', actor: actor('admin', 'admin') });
    expect(errorOf(() => approve(driver, 'k')).code).toBe('ORDO_ERR_TASK_NOT_ACTIVE');
    approve(driver, 'a');
    expect(() => driver.slotOf('b')).toThrow('no pending slot for b');
    approve(driver, 'k');
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
    expect(errorOf(() => driver.send({ type: 'ordo.task.handover', slot: driver.slotOf('wu'), to: 'xu', actor: actor('admin', 'admin') })).code).toBe('ORDO_ERR_REQUEST_INVALID');
  });

  it('countersign: a signer added beside must approve too', () => {
    const driver = submitted();
    approve(driver, 'wang');
    driver.send({ type: 'add-signer', slot: driver.slotOf('wu'), user: 'zhao', position: 'beside', actor: actor('wu') });
    for (const user of ['wu', 'xu', 'zheng']) approve(driver, user);
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
    approve(driver, 'zhao');
    expect(driver.state.value).toBe('approved');
  });
});

describe('withdraw', () => {
  it('works for the initiator before anyone acted, and again after a resubmission', () => {
    const driver = submitted();
    const effects = effectsOf(driver, () => driver.send({ type: 'withdraw', actor: li }));
    expect(driver.state.value).toBe('draft');
    expect(effects).toEqual([{ kind: 'node-left', node: 'review' }]);
    expect(driver.state.context.approvals['review']?.slots.map((slot) => slot.status)).toEqual(['cancelled']);
    driver.send({ type: 'submit', actor: li });
    driver.send({ type: 'withdraw', actor: li });
    expect(driver.state.value).toBe('draft');
  });

  it('is rejected after an approval, after a transfer, and for anyone but the initiator', () => {
    const approved = submitted();
    approve(approved, 'wang');
    expect(errorOf(() => approved.send({ type: 'withdraw', actor: li })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');

    const transferred = submitted();
    transferred.send({ type: 'transfer', slot: transferred.slotOf('wang'), to: 'zhao', actor: actor('wang') });
    expect(errorOf(() => transferred.send({ type: 'withdraw', actor: li })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');

    const fresh = submitted();
    expect(errorOf(() => fresh.send({ type: 'withdraw', actor: actor('wang', 'sales-manager') })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
  });
});

describe('roles and guards on transitions', () => {
  const guarded = compile(
    approvalWorkflow({
      states: {
        ...approvalWorkflow().states,
        draft: { on: { submit: { target: 'review', roles: ['sales'], guard: 'amount > 0' } } },
      },
    }),
  );

  it('a transition with roles takes only actors with one of them, or admin', () => {
    const driver = new Driver(guarded, { amount: 5 });
    expect(errorOf(() => driver.send({ type: 'submit', actor: actor('li', 'buyer') })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    expect(acceptedEvents(guarded, driver.state, driver.record, actor('li', 'buyer'), AT)).toEqual([]);
    expect(acceptedEvents(guarded, driver.state, driver.record, li, AT)).toEqual(['submit']);
    driver.send({ type: 'submit', actor: actor('root', 'admin') });
    expect(driver.state.value).toEqual({ review: 'deciding' });
  });

  it('a guard reads the record fields', () => {
    const driver = new Driver(guarded, { amount: 0 });
    expect(errorOf(() => driver.send({ type: 'submit', actor: li })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    driver.record = { amount: 1 };
    driver.send({ type: 'submit', actor: li });
    expect(driver.state.value).toEqual({ review: 'deciding' });
  });
});

describe('ordo.timer on a task', () => {
  const timer = (timerKind: 'due' | 'remind' | 'wait', round = 1, node = 'review') => ({ type: 'ordo.timer', node, round, timer: timerKind, actor: SYSTEM_ACTOR });

  it('the opened task carries its due settings; remind notifies the open assignees', () => {
    const driver = new Driver(compile(dueWorkflow({ action: 'approve' })), { amount: 1 });
    const opened = effectsOf(driver, () => driver.send({ type: 'submit', actor: li }));
    expect(opened).toContainEqual({ kind: 'task-opened', node: 'review', round: 1, title: { 'zh-CN': 'review', en: 'review' }, due: { after: 'P1D', remindBefore: 'PT4H', onDue: { action: 'approve' } } });
    const reminded = effectsOf(driver, () => driver.send(timer('remind')));
    expect(reminded).toEqual([{ kind: 'notify', to: [{ user: 'wang' }], message: expect.any(Object), notification: 'remind' }]);
    expect(driver.state.value).toEqual({ review: 'deciding' });
  });

  it('a timer of an earlier round or another node is stale and rejected', () => {
    const driver = submitted(undefined, compile(dueWorkflow({ action: 'approve' })));
    driver.send({ type: 'reject', slot: driver.slotOf('wang'), actor: actor('wang'), comment: 'no' });
    expect(errorOf(() => driver.send(timer('due'))).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    driver.send({ type: 'submit', actor: li });
    expect(errorOf(() => driver.send(timer('due', 1))).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    expect(errorOf(() => driver.send(timer('due', 2, 'countersign'))).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    expect(errorOf(() => driver.send(timer('wait', 2))).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    driver.send(timer('due', 2));
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
  });

  it('onDue approve approves on the assignees\' behalf and moves on', () => {
    const driver = submitted({ amount: 1, special: false }, compile(dueWorkflow({ action: 'approve' })));
    driver.send(timer('due'));
    expect(driver.state.value).toBe('approved');
    expect(driver.state.context.approvals['review']?.slots.map((slot) => [slot.status, slot.actedBy])).toEqual([['approved', 'system']]);
  });

  it('onDue return goes back to the previous step', () => {
    const driver = submitted(undefined, compile(dueWorkflow({ action: 'return' })));
    driver.send(timer('due'));
    expect(driver.state.value).toBe('draft');
  });

  it('onDue notify tells the listed people; without onDue the open assignees hear of it', () => {
    const notify = submitted(undefined, compile(dueWorkflow({ action: 'notify', to: [{ user: 'boss' }] })));
    expect(effectsOf(notify, () => notify.send(timer('due')))).toEqual([{ kind: 'notify', to: [{ user: 'boss' }], message: expect.any(Object), notification: 'escalation' }]);
    const plain = submitted(undefined, compile(dueWorkflow()));
    expect(effectsOf(plain, () => plain.send(timer('due')))).toEqual([{ kind: 'notify', to: [{ user: 'wang' }], message: expect.any(Object), notification: 'escalation' }]);
    expect(plain.state.value).toEqual({ review: 'deciding' });
  });

  it('onDue reassign asks for the new assignees and moves the open slots to them', () => {
    const driver = submitted(undefined, compile(dueWorkflow({ action: 'reassign', to: [{ user: 'boss' }] })));
    const old = driver.slotOf('wang');
    const effects = effectsOf(driver, () => driver.send(timer('due')));
    expect(effects[0]).toEqual({ kind: 'resolve-assignees', node: 'review', purpose: 'reassign', assignees: [{ user: 'boss' }] });
    expect(driver.events.at(-1)).toMatchObject({ type: 'ordo.task.assigned', node: 'review', purpose: 'reassign', users: ['boss'] });
    expect(errorOf(() => driver.send({ type: 'approve', slot: old, actor: actor('wang') })).code).toBe('ORDO_ERR_TASK_NOT_ACTIVE');
    approve(driver, 'boss');
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
  });

  it('an escalation by reassignment is not an assignee acting: the initiator may still withdraw', () => {
    const driver = submitted(undefined, compile(dueWorkflow({ action: 'reassign', to: [{ user: 'boss' }] })));
    driver.send(timer('due'));
    driver.send({ type: 'withdraw', actor: li });
    expect(driver.state.value).toBe('draft');
  });

  it('a reassignment to nobody is refused and the countersign stays with its assignees', () => {
    const driver = submitted(undefined, compile(withReview({ mode: 'all', assignees: [{ role: 'engineer' }], due: { after: 'P1D', onDue: { action: 'reassign', to: [{ role: 'nobody' }] } } })));
    expect(errorOf(() => driver.send(timer('due'))).code).toBe('ORDO_ERR_WORKFLOW_NO_ASSIGNEE');
    expect(driver.state.value).toEqual({ review: 'deciding' });
    approve(driver, 'wu');
    approve(driver, 'xu');
    expect(driver.state.value).toEqual({ countersign: 'deciding' });
  });
});

describe('wait, invoke and parallel states', () => {
  const pipeline = compile(pipelineWorkflow());
  const system = SYSTEM_ACTOR;

  function atPromise(): Driver {
    const driver = new Driver(pipeline, { amount: 1, requestedDate: '2026-12-31' }).send({ type: 'submit', actor: li });
    driver.send({ type: 'ordo.timer', node: 'cooling', round: 1, timer: 'wait', actor: system });
    return driver;
  }

  it('a wait state asks for a timer and leaves when it fires, not on a stale one', () => {
    const driver = new Driver(pipeline, { amount: 1 });
    const effects = effectsOf(driver, () => driver.send({ type: 'submit', actor: li }));
    expect(effects).toEqual([{ kind: 'wait', node: 'cooling', round: 1, wait: { after: 'PT2H', then: { target: 'promise' } } }]);
    expect(errorOf(() => driver.send({ type: 'ordo.timer', node: 'cooling', round: 2, timer: 'wait', actor: system })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    expect(errorOf(() => driver.send({ type: 'ordo.timer', node: 'cooling', round: 1, timer: 'due', actor: system })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    driver.send({ type: 'ordo.timer', node: 'cooling', round: 1, timer: 'wait', actor: system });
    expect(driver.state.value).toBe('promise');
  });

  it('an invoke state asks for the call with its evaluated input', () => {
    const driver = new Driver(pipeline, { amount: 1, requestedDate: '2026-12-31' }).send({ type: 'submit', actor: li });
    const effects = effectsOf(driver, () => driver.send({ type: 'ordo.timer', node: 'cooling', round: 1, timer: 'wait', actor: system }));
    expect(effects).toEqual([
      { kind: 'node-left', node: 'cooling' },
      { kind: 'invoke', node: 'promise', round: 1, function: 'ctp.promise', input: { orderDate: '2026-11-24', requestedDate: '2026-12-31' } },
    ]);
  });

  it('an input list gives one object per line of a sub-table, its formulas seeing the line before the header', () => {
    const definition = pipelineWorkflow();
    const promise = definition.states['promise'];
    if (promise?.invoke === undefined) throw new Error('the pipeline has no invoke');
    promise.invoke.inputLists = { lines: { forEach: 'lines', input: { item: 'sku', qty: 'qty * 2', requestedDate: 'requestedDate' } } };
    const record = { amount: 1, requestedDate: '2026-12-31', lines: [{ sku: 'P-1', qty: 3 }, { sku: 'P-2', qty: 0.5 }] };
    const driver = new Driver(compile(definition), record).send({ type: 'submit', actor: li });
    const effects = effectsOf(driver, () => driver.send({ type: 'ordo.timer', node: 'cooling', round: 1, timer: 'wait', actor: system }));
    expect(effects.find((effect) => effect.kind === 'invoke')).toMatchObject({
      input: {
        orderDate: '2026-11-24',
        requestedDate: '2026-12-31',
        lines: [
          { item: 'P-1', qty: 6, requestedDate: '2026-12-31' },
          { item: 'P-2', qty: 1, requestedDate: '2026-12-31' },
        ],
      },
    });
  });

  it('the result copies fields per `output` (a missing property gives null) and takes onDone', () => {
    const driver = atPromise();
    driver.send({ type: 'xstate.done.actor.promise', output: { promisedDate: '2026-12-31', feasible: true }, actor: system });
    expect(driver.record).toMatchObject({ promisedDate: '2026-12-31', note: null });
    expect(driver.state.value).toEqual({ checks: { finance: { 'finance-review': 'deciding' }, quality: { 'quality-review': 'deciding' } } });
  });

  it('a result of an earlier visit (an older round) is refused; the current round is taken', () => {
    const driver = atPromise();
    const stale = { type: 'xstate.done.actor.promise' as const, round: 0, output: { promisedDate: '2026-01-01' }, actor: system };
    expect(errorOf(() => driver.send(stale)).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    driver.send({ ...stale, round: 1, output: { promisedDate: '2026-12-31' } });
    expect(driver.record['promisedDate']).toBe('2026-12-31');
  });

  it('an error takes onError', () => {
    const driver = atPromise();
    driver.send({ type: 'xstate.error.actor.promise', error: { message: 'down' }, actor: system });
    expect(driver.state.value).toBe('draft');
    expect(driver.record['status']).toBe('promise failed');
  });

  it('a parallel state with two regions finishes with onDone when both are final', () => {
    const driver = atPromise();
    driver.send({ type: 'xstate.done.actor.promise', output: { promisedDate: '2026-12-31', reason: 'ok' }, actor: system });
    expect(driver.effects.filter((effect) => effect.kind === 'task-opened').map((effect) => effect.kind === 'task-opened' && effect.node)).toEqual(['finance-review', 'quality-review']);
    approve(driver, 'qian');
    expect(driver.state.value).toEqual({ checks: { finance: { 'finance-review': 'deciding' }, quality: 'quality-ok' } });
    expect(driver.state.status).toBe('running');
    approve(driver, 'fang');
    expect(driver.state.value).toBe('approved');
    expect(driver.state.status).toBe('done');
    expect(driver.record['status']).toBe('approved');
  });
});

describe('workflow-level events, cc and outcome actions', () => {
  it('a workflow-level event leaves an open task and closes its slots', () => {
    const cancellable = compile(approvalWorkflow({ on: { cancel: { target: 'cancelled', roles: ['sales'] } }, states: { ...approvalWorkflow().states, cancelled: { type: 'final' } } }));
    const driver = submitted(undefined, cancellable);
    expect(errorOf(() => driver.send({ type: 'cancel', actor: actor('wang', 'sales-manager') })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    const effects = effectsOf(driver, () => driver.send({ type: 'cancel', actor: li }));
    expect(effects).toEqual([{ kind: 'node-left', node: 'review' }]);
    expect(driver.state).toMatchObject({ value: 'cancelled', status: 'done' });
    expect(driver.state.context.approvals['review']?.slots.map((slot) => slot.status)).toEqual(['cancelled']);
  });

  it('the outcome tells the cc list and runs the outcome transition\'s actions', () => {
    const cc = compile(
      withReview({
        cc: [{ user: 'boss' }],
        onApproved: { target: 'route', actions: [{ type: 'setFields', fields: { note: '"reviewed"' } }] },
        onRejected: { target: 'draft', actions: [{ type: 'setFields', fields: { status: '"rejected"' } }] },
      }),
    );
    const approved = submitted({ amount: 1, special: false }, cc);
    expect(effectsOf(approved, () => approve(approved, 'wang'))).toContainEqual({ kind: 'notify', to: [{ user: 'boss' }], message: expect.any(Object), notification: 'cc' });
    expect(approved.record).toMatchObject({ note: 'reviewed', status: 'approved' });
    const rejected = submitted({ amount: 1 }, cc);
    expect(effectsOf(rejected, () => rejected.send({ type: 'reject', slot: rejected.slotOf('wang'), actor: actor('wang'), comment: 'no' }))).toContainEqual({
      kind: 'notify',
      to: [{ user: 'boss' }],
      message: expect.any(Object),
      notification: 'cc',
    });
    expect(rejected.state.value).toBe('draft');
    expect(rejected.record['status']).toBe('rejected');
  });
});

describe('actions on transitions', () => {
  it('createRecord, updateRecord, emit and notify become effects with their formulas evaluated at the event time', () => {
    const form = approvalWorkflow();
    const definition: WorkflowDefinition = {
      ...form,
      states: {
        draft: {
          on: {
            submit: {
              target: 'approved',
              actions: [
                { type: 'createRecord', form: 'order', data: { amount: 'amount * 2', note: '"copy"' } },
                { type: 'updateRecord', form: 'order', record: 'rep', fields: { status: '"linked"' } },
                { type: 'emit', event: 'order.submitted', data: { day: 'TODAY()' } },
                { type: 'notify', to: [{ user: 'boss' }], message: { 'zh-CN': '新订单', en: 'New order' } },
              ],
            },
          },
        },
        approved: { type: 'final' },
      },
    };
    const driver = new Driver(compile(definition), { amount: 21, rep: 'order-7' });
    expect(effectsOf(driver, () => driver.send({ type: 'submit', actor: li }))).toEqual([
      { kind: 'create-record', form: 'order', data: { amount: 42, note: 'copy' } },
      { kind: 'update-record', form: 'order', record: 'order-7', fields: { status: 'linked' } },
      { kind: 'emit', event: 'order.submitted', data: { day: '2026-11-24' } },
      { kind: 'notify', to: [{ user: 'boss' }], message: { 'zh-CN': '新订单', en: 'New order' }, notification: 'notify' },
    ]);
  });
});

describe('child workflows', () => {
  const making = compile(spawningWorkflow());
  const system = SYSTEM_ACTOR;
  const lines = [{ sku: 'P-1', qty: 2 }, { sku: 'P-2', qty: 5 }];

  it('a spawn state asks for one child record per line, its formulas reading the line before the header', () => {
    const driver = new Driver(making, { promisedDate: '2026-12-31', lines });
    const effects = effectsOf(driver, () => driver.send({ type: 'submit', actor: li }));
    expect(effects).toEqual([
      {
        kind: 'spawn',
        node: 'making',
        round: 1,
        workflow: 'job-flow',
        form: 'job',
        link: 'order',
        records: [
          { sku: 'P-1', qty: 4, due: '2026-12-31' },
          { sku: 'P-2', qty: 10, due: '2026-12-31' },
        ],
      },
    ]);
  });

  it('waits until every child it started has ended, ignoring others and repeats, then takes onDone', () => {
    const driver = new Driver(making, { lines }).send({ type: 'submit', actor: li });
    driver.send({ type: 'ordo.children.started', node: 'making', round: 1, children: ['c1', 'c2'], actor: system });
    driver.send({ type: 'ordo.child.ended', child: 'c1', actor: system });
    driver.send({ type: 'ordo.child.ended', child: 'c1', actor: system });
    expect(driver.state.value).toBe('making');
    expect(errorOf(() => driver.send({ type: 'ordo.child.ended', child: 'stranger', actor: system })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    driver.send({ type: 'ordo.child.ended', child: 'c2', actor: system });
    expect(driver.state.value).toBe('made');
  });

  it('leaving before the children ended asks for the cancel event to go to those still running', () => {
    const base = spawningWorkflow();
    const making = base.states['making'];
    const cancelling = compile({
      ...base,
      on: { abort: { target: 'made' } },
      states: { ...base.states, making: { spawn: { ...making?.spawn, cancelEvent: 'finish' } } },
    } as WorkflowDefinition);
    const driver = new Driver(cancelling, { lines }).send({ type: 'submit', actor: li });
    driver.send({ type: 'ordo.children.started', node: 'making', round: 1, children: ['c1', 'c2'], actor: system });
    driver.send({ type: 'ordo.child.ended', child: 'c1', actor: system });
    const effects = effectsOf(driver, () => driver.send({ type: 'abort', actor: li }));
    expect(effects).toContainEqual({ kind: 'cancel-children', node: 'making', event: 'finish', children: ['c2'] });
  });

  it('with no lines it has nothing to wait for; a start answer for another round is refused', () => {
    const driver = new Driver(making, { lines: [] }).send({ type: 'submit', actor: li });
    expect(errorOf(() => driver.send({ type: 'ordo.children.started', node: 'making', round: 2, children: [], actor: system })).code).toBe('ORDO_ERR_WORKFLOW_EVENT_REJECTED');
    driver.send({ type: 'ordo.children.started', node: 'making', round: 1, children: [], actor: system });
    expect(driver.state.value).toBe('made');
  });
});
