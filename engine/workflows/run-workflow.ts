import { createActor, initialTransition, type AnyMachineSnapshot, type AnyStateMachine, type StateValue } from 'xstate';
import { OrdoError, isOrdoError } from '../errors/index.js';
import { activeSlots, isActiveSlot } from './approval/approval-rules.js';
import type { CompiledWorkflow } from './compile-workflow.js';
import { takeGuardFailure } from './machine/implementations.js';
import type { WorkflowContext, WorkflowEffect, WorkflowEvent } from './workflow-types.js';

/** The part of an instance Ordo persists: its own format, not xstate's snapshot. */
export interface InstanceState {
  readonly value: StateValue;
  /** The context without the record, which lives in its own table. */
  readonly context: Omit<WorkflowContext, 'record'>;
  readonly status: 'running' | 'done';
}

export interface StepResult {
  readonly state: InstanceState;
  /** The record after the step's field changes; equal to the input when none. */
  readonly record: Readonly<Record<string, unknown>>;
  readonly effects: readonly WorkflowEffect[];
}

const TASK_ACTIONS = new Set(['approve', 'reject', 'return', 'transfer', 'add-signer']);

function persisted(snapshot: AnyMachineSnapshot): InstanceState {
  const { record: _record, ...context } = snapshot.context as WorkflowContext;
  return { value: snapshot.value, context, status: snapshot.status === 'done' ? 'done' : 'running' };
}

/** Turns the executable actions xstate returns into the runtime's effects; assigns are already applied. */
function effectsOf(actions: readonly { type: string; params?: unknown }[]): WorkflowEffect[] {
  const effects: WorkflowEffect[] = [];
  for (const action of actions) {
    if (action.type === 'ordo.effect') effects.push(action.params as WorkflowEffect);
    if (action.type === 'xstate.spawnChild') {
      const spawn = action.params as { id: string; src: string; input: Record<string, unknown> };
      effects.push({ kind: 'invoke', node: spawn.id, round: 0, function: spawn.src, input: spawn.input ?? {} });
    }
  }
  return effects;
}

function withRounds(effects: WorkflowEffect[], context: WorkflowContext): WorkflowEffect[] {
  return effects.map((item) => (item.kind === 'invoke' ? { ...item, round: context.rounds[item.node] ?? 1 } : item));
}

type ExecutableAction = { type: string; params?: unknown };

/**
 * xstate's transition(): the next snapshot and the actions to execute, without executing them.
 * xstate's own builds a throwaway actor from the machine's initial state on every call, and
 * Ordo's machines cannot compute one without input, so it threw (and was caught) on every step:
 * most of the engine's CPU per transition (BENCHMARKS.md, bench:workflow). An actor restored from
 * the snapshot gives the same inert scope (a system of its own, nothing started, nothing run).
 */
function transition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: WorkflowEvent): [AnyMachineSnapshot, ExecutableAction[]] {
  const actions: ExecutableAction[] = [];
  const self = createActor(machine, { snapshot });
  const scope = {
    self,
    id: self.id,
    sessionId: self.sessionId,
    system: self.system,
    logger: () => undefined,
    defer: () => undefined,
    stopChild: () => undefined,
    emit: () => undefined,
    actionExecutor: (action: ExecutableAction) => {
      actions.push(action);
    },
  };
  return [machine.transition(snapshot, event, scope as Parameters<AnyStateMachine['transition']>[2]), actions];
}

/** Formula errors inside guards and actions surface as the user's error, not xstate's wrapper. */
function unwrap<T>(run: () => T): T {
  takeGuardFailure();
  try {
    return run();
  } catch (error) {
    const failure = takeGuardFailure();
    if (failure !== undefined) throw failure;
    const cause = (error as { cause?: unknown }).cause;
    if (!isOrdoError(error) && isOrdoError(cause)) throw cause;
    throw error;
  }
}

/** Starts an instance: the initial state's entry runs with the record as it is. */
export function startWorkflow(compiled: CompiledWorkflow, input: { initiator: string; record: Readonly<Record<string, unknown>> }): StepResult {
  const [snapshot, actions] = unwrap(() => initialTransition(compiled.machine, input));
  const context = snapshot.context as WorkflowContext;
  return { state: persisted(snapshot), record: context.record, effects: withRounds(effectsOf(actions), context) };
}

/** Rebuilds xstate's snapshot from Ordo's instance record and the record's current data. */
export function restoreSnapshot(compiled: CompiledWorkflow, state: InstanceState, record: Readonly<Record<string, unknown>>): AnyMachineSnapshot {
  try {
    return compiled.machine.resolveState({ value: state.value, context: { ...state.context, record } });
  } catch (error) {
    throw new OrdoError(
      'ORDO_ERR_WORKFLOW_STATE_UNKNOWN',
      `The instance is in a state that version ${compiled.definition.version} of ${compiled.definition.id} does not have`,
      { cause: error },
    );
  }
}

function requireTaskAction(compiled: CompiledWorkflow, context: WorkflowContext, event: WorkflowEvent & { slot?: unknown }): void {
  const slot = typeof event.slot === 'string' ? event.slot : '';
  const node = slot.slice(0, slot.indexOf('.'));
  const round = Object.hasOwn(context.approvals, node) ? context.approvals[node] : undefined;
  if (round === undefined || !isActiveSlot(round, slot, event.actor.username)) {
    const waiting = round === undefined ? [] : activeSlots(round).map((candidate) => candidate.id);
    throw new OrdoError('ORDO_ERR_TASK_NOT_ACTIVE', `Task ${slot} is not waiting for ${event.actor.username}`, { extra: { waiting } });
  }
  const task = compiled.taskOf(node);
  const rule = task?.commentRequired ?? 'reject';
  const needsComment = rule === 'always' || (rule === 'reject' && (event.type === 'reject' || event.type === 'return'));
  if (needsComment && (event.comment ?? '').trim() === '') {
    throw new OrdoError('ORDO_ERR_VALIDATION', 'A comment is required for this action', {
      fields: [{ pointer: '/comment', code: 'required', message: 'A comment is required' }],
    });
  }
  const allow = task?.allow ?? {};
  if ((event.type === 'transfer' && allow.transfer === false) || (event.type === 'add-signer' && allow.addSigner === false)) {
    throw new OrdoError('ORDO_ERR_FORBIDDEN', `This task does not allow ${event.type}`);
  }
}

/**
 * Applies one event to an instance: pure, so the runtime can run it inside its transaction and a
 * test can run thousands. Throws ORDO_ERR_WORKFLOW_EVENT_REJECTED (409) when no transition takes
 * the event, and the task errors when a task action is not the actor's to take.
 */
export function stepWorkflow(compiled: CompiledWorkflow, state: InstanceState, record: Readonly<Record<string, unknown>>, event: WorkflowEvent): StepResult {
  const snapshot = restoreSnapshot(compiled, state, record);
  if (snapshot.status !== 'active') throw new OrdoError('ORDO_ERR_WORKFLOW_EVENT_REJECTED', 'The workflow has ended');
  if (TASK_ACTIONS.has(event.type)) requireTaskAction(compiled, snapshot.context as WorkflowContext, event);
  if (!unwrap(() => snapshot.can(event))) {
    throw new OrdoError('ORDO_ERR_WORKFLOW_EVENT_REJECTED', `"${event.type}" is not accepted in state ${JSON.stringify(snapshot.value)}`, {
      extra: { state: snapshot.value, event: event.type },
    });
  }
  const [next, actions] = unwrap(() => transition(compiled.machine, snapshot, event));
  const context = next.context as WorkflowContext;
  return { state: persisted(next), record: context.record, effects: withRounds(effectsOf(actions), context) };
}

/** The business events the instance accepts now, for buttons in the web app. */
export function acceptedEvents(
  compiled: CompiledWorkflow,
  state: InstanceState,
  record: Readonly<Record<string, unknown>>,
  actor: WorkflowEvent['actor'],
  at: string,
): string[] {
  const snapshot = restoreSnapshot(compiled, state, record);
  if (snapshot.status !== 'active') return [];
  return compiled.businessEvents.filter((type) => {
    try {
      return snapshot.can({ type, actor, at });
    } catch {
      return false;
    }
  });
}
