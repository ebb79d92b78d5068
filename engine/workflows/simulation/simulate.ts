import { OrdoError, isOrdoError } from '../../errors/index.js';
import { jsonEqual } from '../../forms/model/index.js';
import { dueInstant, remindInstant } from '../due-times.js';
import { startWorkflow, stepWorkflow, type InstanceState, type StepResult } from '../run-workflow.js';
import { SYSTEM_ACTOR, type WorkflowEffect, type WorkflowEvent } from '../workflow-types.js';
import { activeStateNames, activeStatePaths } from './active-states.js';
import { resolveSampleAssignees } from './sample-directory.js';
import type {
  FieldChange,
  PendingInvocation,
  SimulatedEffect,
  SimulatedTimer,
  Simulation,
  SimulationAction,
  SimulationSetup,
  SimulationStep,
  StepCause,
} from './simulation-types.js';

/** As the runtime's step runner: more steps than this in one command means the definition loops. */
const MAX_STEPS_PER_COMMAND = 100;
const SIMULATION_COMMENT = '(simulation)';

/** The record as the runtime would store it: the form's computed fields recomputed (lookups are not fetched). */
function storedRecord(setup: SimulationSetup, record: Readonly<Record<string, unknown>>, at: string): Readonly<Record<string, unknown>> {
  if (setup.form === undefined) return record;
  return setup.form.evaluate(record, { roles: ['admin'], locale: 'en', now: new Date(at) }, {}).data as Record<string, unknown>;
}

function changesBetween(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.filter((field) => !jsonEqual(before[field] ?? null, after[field] ?? null)).map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

interface Settled {
  readonly result: StepResult;
  readonly effects: readonly SimulatedEffect[];
  readonly invocations: readonly PendingInvocation[];
  readonly timers: readonly SimulatedTimer[];
  readonly nextTimerId: number;
}

/**
 * Answers what the runtime answers from the database (assignees, spawned children) by stepping the
 * engine again, as runtime/workflows/step-runner.ts `settle` does, and turns the rest into the
 * effects the runtime would write: timers, queued calls, notifications with their people.
 */
function settle(setup: SimulationSetup, sim: Pick<Simulation, 'timers' | 'invocations' | 'nextTimerId'>, first: StepResult, at: string): Settled {
  const { compiled } = setup;
  const when = new Date(at);
  const effects: SimulatedEffect[] = [];
  let timers = [...sim.timers];
  let invocations = [...sim.invocations];
  let nextTimerId = sim.nextTimerId;
  let result = first;
  const pending: WorkflowEffect[] = [...first.effects];
  const users = (assignees: Parameters<typeof resolveSampleAssignees>[0]) => resolveSampleAssignees(assignees, result.record, when, setup.directory, setup.departments);
  for (let steps = 0; pending.length > 0; steps += 1) {
    if (steps > MAX_STEPS_PER_COMMAND)
      throw new OrdoError('ORDO_ERR_DEFINITION_INVALID', `workflow "${compiled.definition.id}" did not settle within ${MAX_STEPS_PER_COMMAND} steps`);
    const effect = pending.shift() as WorkflowEffect;
    let answer: WorkflowEvent | undefined;
    switch (effect.kind) {
      case 'resolve-assignees': {
        const assigned = users(effect.assignees);
        if (effect.purpose === 'reassign') effects.push({ kind: 'reassigned', node: effect.node, users: assigned });
        answer = { type: 'ordo.task.assigned', node: effect.node, users: assigned, purpose: effect.purpose, actor: SYSTEM_ACTOR, at };
        break;
      }
      case 'spawn': {
        const children = effect.records.map((_record, i) => `${effect.node}-${effect.round}-child-${i + 1}`);
        effects.push({ kind: 'spawn', node: effect.node, workflow: effect.workflow, form: effect.form, children, records: effect.records });
        answer = { type: 'ordo.children.started', node: effect.node, round: effect.round, children, actor: SYSTEM_ACTOR, at };
        break;
      }
      case 'task-opened': {
        const due = effect.due === undefined ? undefined : dueInstant(effect.due, result.record, compiled.definition.calendar, when);
        const round = result.state.context.approvals[effect.node];
        const opened = round?.slots.filter((slot) => slot.status === 'pending').map((slot) => slot.user) ?? [];
        effects.push({ kind: 'task-opened', node: effect.node, round: effect.round, title: effect.title, users: opened, ...(due === undefined ? {} : { dueAt: due.toISOString() }) });
        if (due !== undefined) {
          const set = (kind: SimulatedTimer['kind'], dueAt: Date) => {
            const timer = { id: nextTimerId, kind, node: effect.node, round: effect.round, dueAt: dueAt.toISOString() };
            nextTimerId += 1;
            timers.push(timer);
            effects.push({ kind: 'timer-set', timer });
          };
          set('task-due', due);
          const remindAt = remindInstant(due, effect.due?.remindBefore, when);
          if (remindAt !== undefined) set('task-remind', remindAt);
        }
        break;
      }
      case 'wait': {
        const spec = { ...(effect.wait.after === undefined ? {} : { after: effect.wait.after }), ...(effect.wait.untilField === undefined ? {} : { field: effect.wait.untilField }), ...(effect.wait.businessTime === undefined ? {} : { businessTime: effect.wait.businessTime }) };
        const due = dueInstant(spec, result.record, compiled.definition.calendar, when) ?? when;
        const timer = { id: nextTimerId, kind: 'wait' as const, node: effect.node, round: effect.round, dueAt: due.toISOString() };
        nextTimerId += 1;
        timers.push(timer);
        effects.push({ kind: 'timer-set', timer });
        break;
      }
      case 'node-left': {
        const dropped = timers.filter((timer) => timer.node === effect.node).length;
        timers = timers.filter((timer) => timer.node !== effect.node);
        invocations = invocations.filter((call) => call.node !== effect.node);
        if (dropped > 0) effects.push({ kind: 'timers-dropped', node: effect.node, count: dropped });
        break;
      }
      case 'invoke':
        invocations.push({ node: effect.node, round: effect.round, function: effect.function, input: effect.input });
        effects.push({ kind: 'invoke', node: effect.node, function: effect.function, input: effect.input });
        break;
      case 'notify':
        effects.push({ kind: 'notify', notification: effect.notification, users: users(effect.to), message: effect.message });
        break;
      case 'create-record':
      case 'update-record':
      case 'emit':
      case 'cancel-children':
        effects.push(effect);
        break;
    }
    if (answer !== undefined) {
      result = stepWorkflow(compiled, result.state, result.record, answer);
      pending.push(...result.effects);
    }
  }
  return { result, effects, invocations, timers, nextTimerId };
}

function recordStep(setup: SimulationSetup, sim: Simulation, cause: StepCause, first: StepResult, at: string): Simulation {
  const settled = settle(setup, sim, first, at);
  const record = storedRecord(setup, settled.result.record, at);
  const before = sim.trail.length === 0 && cause.kind === 'start' ? [] : activeStatePaths(setup.compiled.definition, sim.state.value);
  const after = activeStatePaths(setup.compiled.definition, settled.result.state.value);
  const wasActive = activeStateNames(before);
  const entered = [...activeStateNames(after)].filter((name) => !wasActive.has(name));
  const changes = changesBetween(sim.record, record);
  const step: SimulationStep = {
    index: sim.trail.length,
    at,
    cause,
    before,
    after,
    entered,
    changes,
    effects: settled.effects,
    moved: cause.kind === 'start' || !jsonEqual(sim.state, settled.result.state) || changes.length > 0 || settled.effects.length > 0,
  };
  return {
    now: at,
    state: settled.result.state,
    record,
    timers: settled.timers,
    invocations: settled.invocations,
    trail: [...sim.trail, step],
    nextTimerId: settled.nextTimerId,
  };
}

/** Starts a simulated instance on a sample record at a simulated instant. */
export function startSimulation(setup: SimulationSetup, input: { record: Readonly<Record<string, unknown>>; at: string }): Simulation {
  const initiator = setup.initiator ?? 'initiator';
  const record = storedRecord(setup, input.record, input.at);
  const first = startWorkflow(setup.compiled, { initiator, record });
  const empty: Simulation = {
    now: input.at,
    state: first.state,
    record,
    timers: [],
    invocations: [],
    trail: [],
    nextTimerId: 1,
  };
  return recordStep(setup, empty, { kind: 'start', user: initiator }, first, input.at);
}

function running(sim: Simulation): InstanceState {
  if (sim.state.status !== 'running') throw new OrdoError('ORDO_ERR_WORKFLOW_EVENT_REJECTED', 'The workflow has ended');
  return sim.state;
}

/**
 * Applies what the caller chose: a business event (as a user with the given roles, `admin` when
 * none, who passes every role check), an assignee's decision on a slot, the end of a queued
 * function call or of a child. Throws as the runtime's command would (ORDO_ERR_WORKFLOW_EVENT_REJECTED,
 * ORDO_ERR_TASK_NOT_ACTIVE, a formula's runtime error).
 */
export function applySimulation(setup: SimulationSetup, sim: Simulation, action: SimulationAction): Simulation {
  const state = running(sim);
  const at = sim.now;
  const { compiled } = setup;
  switch (action.kind) {
    case 'event': {
      const user = action.user ?? setup.initiator ?? 'initiator';
      const event = { type: action.event, actor: { username: user, roles: action.roles ?? ['admin'] }, at, ...(action.comment === undefined ? {} : { comment: action.comment }) };
      return recordStep(setup, sim, { kind: 'event', event: action.event, user }, stepWorkflow(compiled, state, sim.record, event), at);
    }
    case 'decision': {
      const node = action.slot.slice(0, action.slot.indexOf('.'));
      const slot = state.context.approvals[node]?.slots.find((candidate) => candidate.id === action.slot);
      const user = slot?.user ?? '';
      const event = { type: action.decision, slot: action.slot, actor: { username: user, roles: [] }, at, comment: action.comment ?? SIMULATION_COMMENT };
      return recordStep(setup, sim, { kind: 'decision', node, slot: action.slot, user, decision: action.decision }, stepWorkflow(compiled, state, sim.record, event), at);
    }
    case 'invocation': {
      const call = sim.invocations.find((candidate) => candidate.node === action.node);
      if (call === undefined) throw new OrdoError('ORDO_ERR_WORKFLOW_EVENT_REJECTED', `No call of "${action.node}" is waiting`);
      const base = { actor: SYSTEM_ACTOR, at, round: call.round };
      const event =
        action.outcome === 'done'
          ? { ...base, type: `xstate.done.actor.${action.node}` as const, output: action.output }
          : { ...base, type: `xstate.error.actor.${action.node}` as const, error: action.error ?? 'failed' };
      const done = { ...sim, invocations: sim.invocations.filter((candidate) => candidate !== call) };
      return recordStep(setup, done, { kind: 'invocation', node: action.node, function: call.function, outcome: action.outcome }, stepWorkflow(compiled, state, sim.record, event), at);
    }
    case 'child-ended': {
      const event = { type: 'ordo.child.ended', child: action.child, actor: SYSTEM_ACTOR, at };
      return recordStep(setup, sim, { kind: 'child-ended', node: action.node, child: action.child }, stepWorkflow(compiled, state, sim.record, event), at);
    }
  }
}

/** The timer that fires next, if any (the earliest; ties in the order they were set). */
export function nextTimer(sim: Simulation): SimulatedTimer | undefined {
  return [...sim.timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id - b.id)[0];
}

/**
 * Moves the clock to the next timer and fires it, as the timer worker does: the event of a task
 * decided meanwhile is dropped (ORDO_ERR_WORKFLOW_EVENT_REJECTED), anything else fails the step.
 * Returns the simulation unchanged when no timer is set.
 */
export function advanceSimulation(setup: SimulationSetup, sim: Simulation): Simulation {
  const timer = nextTimer(sim);
  if (timer === undefined || sim.state.status !== 'running') return sim;
  const at = timer.dueAt > sim.now ? timer.dueAt : sim.now;
  const rest = { ...sim, now: at, timers: sim.timers.filter((candidate) => candidate.id !== timer.id) };
  const kind = timer.kind === 'task-due' ? 'due' : timer.kind === 'task-remind' ? 'remind' : 'wait';
  const event = { type: 'ordo.timer', node: timer.node, round: timer.round, timer: kind, actor: SYSTEM_ACTOR, at };
  let first: StepResult;
  try {
    first = stepWorkflow(setup.compiled, sim.state, sim.record, event);
  } catch (error) {
    if (!isOrdoError(error) || error.code !== 'ORDO_ERR_WORKFLOW_EVENT_REJECTED') throw error;
    first = { state: sim.state, record: sim.record, effects: [] };
  }
  return recordStep(setup, rest, { kind: 'timer', timer }, first, at);
}

/** Edits the sample record between steps (as a user saving the record would); the form recomputes. */
export function editSimulationRecord(setup: SimulationSetup, sim: Simulation, patch: Readonly<Record<string, unknown>>): Simulation {
  const record = storedRecord(setup, { ...sim.record, ...patch }, sim.now);
  const changes = changesBetween(sim.record, record);
  if (changes.length === 0) return sim;
  const paths = activeStatePaths(setup.compiled.definition, sim.state.value);
  const step: SimulationStep = { index: sim.trail.length, at: sim.now, cause: { kind: 'edit', fields: changes.map((change) => change.field) }, before: paths, after: paths, entered: [], changes, effects: [], moved: true };
  return { ...sim, record, trail: [...sim.trail, step] };
}

/** The simulation's current active states, as dotted paths of definition state names. */
export function simulationStates(setup: Pick<SimulationSetup, 'compiled'>, sim: Simulation): string[] {
  return activeStatePaths(setup.compiled.definition, sim.state.value);
}
