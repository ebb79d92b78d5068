import type { WorkflowDefinition } from '../definitions/generated/definition-types.js';
import { transitionsOf, workflowLevelTransitions, type LocatedTransition, type StateEntry } from './state-tree.js';
import type { WorkflowProblem } from './workflow-problem.js';

const SPECIAL_RETURNS = new Set(['previous', 'initiator']);

/**
 * Transitions that fire by themselves (`always`, a parent's `onDone`) or on an outcome (a task's
 * decision, a function's result, a wait's end, the children's end). Without a target such a
 * transition keeps the instance where it is: an eventless one would be taken again at once, an
 * outcome leaves a state nothing else will ever move on. A business event may stay put (its
 * actions are the point), so `on` is not in the list.
 */
export function targetRequired(located: LocatedTransition): boolean {
  return /\/(always\/\d+|onDone|task\/on(Approved|Rejected)|invoke\/on(Done|Error)|wait\/then|spawn\/onDone)$/.test(located.pointer);
}

/** Unreachable states and dead ends, once every name resolves. */
export function graphProblems(definition: WorkflowDefinition, entries: readonly StateEntry[], byName: ReadonlyMap<string, StateEntry>): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const reachable = new Set<string>();
  const queue: string[] = [];
  const reach = (name: string) => {
    // Entering a state enters its ancestors too.
    for (
      let entry = byName.get(name);
      entry !== undefined && !reachable.has(entry.name);
      entry = entry.parent === undefined ? undefined : byName.get(entry.parent)
    ) {
      reachable.add(entry.name);
      queue.push(entry.name);
    }
  };
  reach(definition.initial);
  for (const located of workflowLevelTransitions(definition)) if (located.transition.target !== undefined) reach(located.transition.target);
  while (queue.length > 0) {
    const entry = byName.get(queue.shift() as string) as StateEntry;
    const { node } = entry;
    if (node.states !== undefined) {
      if (node.type === 'parallel') Object.keys(node.states).forEach(reach);
      else if (node.initial !== undefined) reach(node.initial);
    }
    for (const located of transitionsOf(entry)) if (located.transition.target !== undefined) reach(located.transition.target);
    if (node.task !== undefined) {
      reach(definition.initial);
      for (const target of node.task.returnTo ?? ['previous']) if (!SPECIAL_RETURNS.has(target)) reach(target);
    }
  }
  for (const entry of entries) {
    if (!reachable.has(entry.name)) {
      problems.push({ pointer: entry.pointer, code: 'unreachableState', state: entry.name, message: `state "${entry.name}" can never be reached` });
    }
  }

  const leavesByEvent = (entry: StateEntry): boolean =>
    transitionsOf(entry).some((located) => located.transition.target !== undefined && !located.pointer.endsWith('/onDone'));
  const hasWayOut = (entry: StateEntry): boolean => {
    const { node } = entry;
    if (node.task !== undefined || node.wait !== undefined || node.invoke !== undefined || node.spawn !== undefined || leavesByEvent(entry)) return true;
    const parent = entry.parent === undefined ? undefined : byName.get(entry.parent);
    return parent !== undefined && hasWayOut({ ...parent, node: { on: parent.node.on, always: parent.node.always } });
  };
  const workflowWayOut = workflowLevelTransitions(definition).some((located) => located.transition.target !== undefined);
  for (const entry of entries) {
    const leaf = entry.node.states === undefined;
    if (!leaf || entry.node.type === 'final' || workflowWayOut || hasWayOut(entry)) continue;
    problems.push({ pointer: entry.pointer, code: 'deadEnd', state: entry.name, message: `state "${entry.name}" is not final and has no way out` });
  }
  return problems;
}
