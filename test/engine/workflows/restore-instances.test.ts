import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../engine/definitions/index.js';
import { isOrdoError } from '../../../engine/errors/index.js';
import { activeSlots, SYSTEM_ACTOR, type InstanceState } from '../../../engine/workflows/index.js';
import { actor, approvalWorkflow, compile, Driver, errorOf, pipelineWorkflow, withReview, type TestEvent } from './workflow-fixtures.js';

interface StoredInstance {
  readonly name: string;
  readonly workflow: string;
  readonly state: InstanceState;
  readonly record: Record<string, unknown>;
  readonly then: TestEvent[];
  readonly expect: { value: unknown; status: string; record: unknown; context: unknown; effects: unknown[] };
}

interface InstancesFile {
  readonly xstate: string;
  readonly directory: Record<string, string[]>;
  readonly definitions: Record<string, WorkflowDefinition>;
  readonly instances: StoredInstance[];
}

const stored = JSON.parse(readFileSync(new URL('fixtures/instances-v1.json', import.meta.url), 'utf8')) as InstancesFile;

describe('instances written by the first workflow release (xstate 5.33.3)', () => {
  it('hold Ordo\'s own format: the state value, a plain context without the record, and a status', () => {
    expect(stored.xstate).toBe('5.33.3');
    expect(stored.instances.length).toBeGreaterThanOrEqual(7);
    for (const instance of stored.instances) {
      expect(Object.keys(instance.state).sort()).toEqual(['context', 'status', 'value']);
      expect(Object.keys(instance.state.context).sort()).toEqual(['actedSinceSubmit', 'approvals', 'initiator', 'rounds', 'visited']);
      expect(instance.state.status).toBe('running');
    }
  });

  it.each(stored.instances.map((instance) => [instance.name, instance] as const))('%s is restored and driven to its end', (_name, instance) => {
    const compiled = compile(stored.definitions[instance.workflow] as WorkflowDefinition);
    const driver = new Driver(compiled, instance.record, instance.state.context.initiator, { resume: instance.state, directory: stored.directory });
    for (const event of instance.then) driver.send(event);
    expect(driver.state.value).toEqual(instance.expect.value);
    expect(driver.state.status).toBe(instance.expect.status);
    expect(driver.record).toEqual(instance.expect.record);
    expect(driver.state.context).toEqual(instance.expect.context);
    expect(driver.effects).toEqual(instance.expect.effects);
  });

  it('an instance in a state its definition does not have is refused', () => {
    const compiled = compile(approvalWorkflow());
    const lost: InstanceState = { ...(stored.instances[0] as StoredInstance).state, value: { vanished: 'deciding' } };
    const error = errorOf(() => new Driver(compiled, {}, 'li', { resume: lost }).send({ type: 'submit', actor: actor('li') }));
    expect(error.code).toBe('ORDO_ERR_WORKFLOW_STATE_UNKNOWN');
  });
});

/** A richer chart for random runs: the review may fall due and be reassigned. */
const random = compile(withReview({ due: { after: 'P1D', remindBefore: 'PT4H', onDue: { action: 'reassign', to: [{ user: 'boss' }] } } }));
const USERS = ['li', 'wang', 'wu', 'xu', 'zheng', 'zhao', 'boss'];

/** Who acts: mostly someone a task waits for now (by index among them), sometimes anyone. */
type Who = { readonly holder: number } | { readonly anyone: number };
type Command =
  | { kind: 'submit' | 'withdraw'; by: Who }
  | { kind: 'approve' | 'reject'; by: Who; comment: boolean }
  | { kind: 'return'; by: Who; to: 'previous' | 'initiator' }
  | { kind: 'transfer'; by: Who; to: number }
  | { kind: 'add-signer'; by: Who; user: number; position: 'before' | 'after' | 'beside' }
  | { kind: 'timer'; node: 'review' | 'countersign'; timer: 'due' | 'remind'; stale: boolean };

const user = fc.nat(USERS.length - 1);
const who: fc.Arbitrary<Who> = fc.oneof({ weight: 4, arbitrary: fc.nat(5).map((holder) => ({ holder })) }, { weight: 1, arbitrary: user.map((anyone) => ({ anyone })) });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('submit' as const, 'withdraw' as const), by: who }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constantFrom('approve' as const, 'approve' as const, 'reject' as const), by: who, comment: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), by: who, to: fc.constantFrom('previous' as const, 'initiator' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('transfer' as const), by: who, to: user }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add-signer' as const), by: who, user, position: fc.constantFrom('before' as const, 'after' as const, 'beside' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('timer' as const), node: fc.constantFrom('review' as const, 'countersign' as const), timer: fc.constantFrom('due' as const, 'remind' as const), stale: fc.boolean() }),
  },
);

function actingUser(driver: Driver, by: Who): string {
  if ('anyone' in by) return USERS[by.anyone] as string;
  const holders = Object.values(driver.state.context.approvals).flatMap((round) => activeSlots(round).map((slot) => slot.user));
  return holders.length === 0 ? 'li' : (holders[by.holder % holders.length] as string);
}

/** The concrete event for a command, read off the instance: a user acts on their own open slot when they have one. */
function eventFor(driver: Driver, command: Command): TestEvent {
  if (command.kind === 'timer') {
    const round = (driver.state.context.rounds[command.node] ?? 0) - (command.stale ? 1 : 0);
    return { type: 'ordo.timer', node: command.node, round, timer: command.timer, actor: SYSTEM_ACTOR };
  }
  if (command.kind === 'submit' || command.kind === 'withdraw') {
    // The initiator sends these, except now and then someone else.
    const username = 'anyone' in command.by ? (USERS[command.by.anyone] as string) : 'li';
    return { type: command.kind, actor: actor(username) };
  }
  const username = actingUser(driver, command.by);
  const by = actor(username);
  let slot = 'review.1.1';
  try {
    slot = driver.slotOf(username);
  } catch {
    // Nobody's open slot: the event names one the actor does not hold, which the engine refuses.
  }
  switch (command.kind) {
    case 'approve':
    case 'reject':
      return { type: command.kind, slot, actor: by, ...(command.comment ? { comment: 'ok' } : {}) };
    case 'return':
      return { type: 'return', slot, to: command.to, actor: by, comment: 'again' };
    case 'transfer':
      return { type: 'transfer', slot, to: USERS[command.to] as string, actor: by };
    case 'add-signer':
      return { type: 'add-signer', slot, user: USERS[command.user] as string, position: command.position, actor: by };
  }
}

function attempt(driver: Driver, event: TestEvent): string | undefined {
  try {
    driver.send(event);
    return undefined;
  } catch (error) {
    if (isOrdoError(error)) return error.code;
    throw error;
  }
}

describe('a persisted instance continues as the one in memory', () => {
  it('random event sequences give the same results when state and record pass through JSON before every step', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(commandArb, { minLength: 5, maxLength: 30 }), (special, commands) => {
        const record = { amount: 10, special };
        const memory = new Driver(random, record);
        const reloaded = new Driver(random, record, 'li', { roundTrip: true });
        for (const command of commands) {
          const event = eventFor(memory, command);
          expect(attempt(reloaded, event)).toBe(attempt(memory, event));
          expect(reloaded.state).toEqual(memory.state);
          expect(reloaded.record).toEqual(memory.record);
          expect(reloaded.effects).toEqual(memory.effects);
          expect(JSON.parse(JSON.stringify(memory.state))).toEqual(memory.state);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the pipeline (wait, invoke, parallel) gives the same results through JSON', () => {
    const events: TestEvent[] = [
      { type: 'submit', actor: actor('li') },
      { type: 'ordo.timer', node: 'cooling', round: 1, timer: 'wait', actor: SYSTEM_ACTOR },
      { type: 'xstate.done.actor.promise', output: { promisedDate: '2026-12-31', reason: 'ok' }, actor: SYSTEM_ACTOR },
      { type: 'approve', slot: 'quality-review.1.1', actor: actor('qian') },
      { type: 'approve', slot: 'finance-review.1.1', actor: actor('fang') },
    ];
    const memory = new Driver(compile(pipelineWorkflow()), { amount: 1 });
    const reloaded = new Driver(compile(pipelineWorkflow()), { amount: 1 }, 'li', { roundTrip: true });
    for (const event of events) {
      memory.send(event);
      reloaded.send(event);
      expect(reloaded.state).toEqual(memory.state);
      expect(reloaded.record).toEqual(memory.record);
    }
    expect(reloaded.effects).toEqual(memory.effects);
    expect(memory.state.status).toBe('done');
  });
});
