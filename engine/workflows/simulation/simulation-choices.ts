import { compileExpression } from '../../expressions/index.js';
import { isOrdoError } from '../../errors/index.js';
import { activeSlots } from '../approval/approval-rules.js';
import { acceptedEvents } from '../run-workflow.js';
import { stateEntries, transitionsOf, workflowLevelTransitions, type LocatedTransition } from '../state-tree.js';
import { activeStatePaths } from './active-states.js';
import type { CandidateTransition, ChildChoice, EventChoice, GuardResult, InvocationChoice, Simulation, SimulationChoice, SimulationSetup, TaskSlotChoice } from './simulation-types.js';

/** A guard's value on the record now, or why it cannot be computed (a formula's runtime error). */
export function evaluateGuard(source: string, record: Readonly<Record<string, unknown>>, at: string): GuardResult {
  try {
    return { ok: true, value: compileExpression(source).evaluate({ fields: record }, { now: new Date(at) }) };
  } catch (error) {
    if (isOrdoError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

/**
 * The transitions that could take `event` now, in the order xstate tries them: the deepest active
 * state first, then its ancestors, then the workflow-level `on`; within one event, as listed.
 */
function candidatesFor(setup: SimulationSetup, sim: Simulation, event: string): CandidateTransition[] {
  const entries = new Map(stateEntries(setup.compiled.definition).map((entry) => [entry.name, entry]));
  const located: LocatedTransition[] = [];
  for (const path of activeStatePaths(setup.compiled.definition, sim.state.value)) {
    for (const name of path.split('.').reverse()) {
      const entry = entries.get(name);
      if (entry === undefined) continue;
      for (const transition of transitionsOf(entry)) if (transition.event === event && !located.some((seen) => seen.pointer === transition.pointer)) located.push(transition);
    }
  }
  located.push(...workflowLevelTransitions(setup.compiled.definition).filter((transition) => transition.event === event));
  let taken = false;
  return located.map(({ transition, pointer, from }) => {
    const guardResult = transition.guard === undefined ? undefined : evaluateGuard(transition.guard, sim.record, sim.now);
    const passes = guardResult === undefined || (guardResult.ok && guardResult.value === true);
    const isTaken = passes && !taken;
    if (isTaken) taken = true;
    return {
      pointer,
      from,
      target: transition.target,
      ...(transition.title === undefined ? {} : { title: transition.title }),
      ...(transition.guard === undefined ? {} : { guard: transition.guard }),
      ...(guardResult === undefined ? {} : { guardResult }),
      passes,
      ...(transition.roles === undefined ? {} : { roles: transition.roles }),
      taken: isTaken,
    };
  });
}

/**
 * What can happen now: the business events of the active states (each with its candidate
 * transitions, guard values and roles, and whether the instance accepts it), every slot of the open
 * approval rounds, the function calls waiting for a result and the children still running. Timers
 * are not choices: `advanceSimulation` fires them.
 */
export function simulationChoices(setup: SimulationSetup, sim: Simulation): SimulationChoice[] {
  if (sim.state.status !== 'running') return [];
  const { compiled } = setup;
  const choices: SimulationChoice[] = [];
  const actor = { username: setup.initiator ?? 'initiator', roles: ['admin'] };
  const accepted = new Set(acceptedEvents(compiled, sim.state, sim.record, actor, sim.now));
  for (const event of compiled.businessEvents) {
    const candidates = candidatesFor(setup, sim, event);
    if (candidates.length === 0) continue;
    const roles = compiled.eventRoles(event);
    const title = candidates.find((candidate) => candidate.title !== undefined)?.title;
    const choice: EventChoice = {
      kind: 'event',
      event,
      ...(title === undefined ? {} : { title }),
      accepted: accepted.has(event),
      candidates,
      ...(roles === undefined ? {} : { roles: [...roles] }),
    };
    choices.push(choice);
  }
  const entries = new Map(stateEntries(compiled.definition).map((entry) => [entry.name, entry]));
  const due = new Map(sim.timers.filter((timer) => timer.kind === 'task-due').map((timer) => [`${timer.node}.${timer.round}`, timer.dueAt]));
  for (const round of Object.values(sim.state.context.approvals)) {
    const open = new Set(activeSlots(round).map((slot) => slot.id));
    if (open.size === 0) continue;
    const task = compiled.taskOf(round.node);
    const title = task?.title ?? entries.get(round.node)?.node.title ?? { 'zh-CN': round.node, en: round.node };
    const slots = round.slots.map((slot) => ({ slot: slot.id, user: slot.user, status: slot.status }));
    const dueAt = due.get(`${round.node}.${round.round}`);
    for (const slot of round.slots) {
      if (slot.status !== 'pending') continue;
      const choice: TaskSlotChoice = {
        kind: 'task',
        node: round.node,
        title,
        mode: round.mode,
        ratio: round.ratio,
        round: round.round,
        slot: slot.id,
        user: slot.user,
        open: open.has(slot.id),
        slots,
        ...(dueAt === undefined ? {} : { dueAt }),
      };
      choices.push(choice);
    }
  }
  for (const call of sim.invocations) {
    const choice: InvocationChoice = { kind: 'invocation', node: call.node, function: call.function, input: call.input, output: entries.get(call.node)?.node.invoke?.output ?? {} };
    choices.push(choice);
  }
  for (const [node, group] of Object.entries(sim.state.context.children ?? {})) {
    if (group.round !== sim.state.context.rounds[node]) continue;
    for (const child of group.ids.filter((id) => !group.ended.includes(id))) {
      const choice: ChildChoice = { kind: 'child', node, child };
      choices.push(choice);
    }
  }
  return choices;
}
