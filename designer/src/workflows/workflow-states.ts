import type { LocalizedText, StateMap, StateNode, Transition, WorkflowDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { StateValue } from '../api/workflow-types.js';
import { ADMIN_ROLE } from '../forms/access.js';

/** The approval fragment's own child states: the task state is the step people know. */
const TASK_INTERNALS = new Set(['assigning', 'deciding']);

function search(states: StateMap | undefined, name: string): StateNode | undefined {
  for (const [key, node] of Object.entries(states ?? {})) {
    if (key === name) return node;
    const inner = search(node.states, name);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** A state by name at any depth (state names are unique across a workflow). */
export function findState(definition: WorkflowDefinition | undefined, name: string): StateNode | undefined {
  return definition === undefined ? undefined : search(definition.states, name);
}

export function stateTitle(definition: WorkflowDefinition | undefined, name: string): LocalizedText | undefined {
  return findState(definition, name)?.title;
}

/**
 * The active steps of a state value: `{approval: {'rep-confirmation': 'deciding'}}` gives
 * rep-confirmation. With the definition, a task state stops the descent even if a state of the
 * definition happens to be called `deciding`.
 */
export function leafStates(value: StateValue, definition?: WorkflowDefinition): string[] {
  if (typeof value === 'string') return TASK_INTERNALS.has(value) && findState(definition, value) === undefined ? [] : [value];
  return Object.entries(value).flatMap(([name, child]) => {
    if (findState(definition, name)?.task !== undefined) return [name];
    const below = child === undefined ? [] : leafStates(child, definition);
    return below.length === 0 ? [name] : below;
  });
}

/**
 * Whether the instance sits in a step the server finishes by itself soon (a native function such as
 * the feasibility check, fired by the timer worker): the page then asks again shortly.
 */
export function finishesByItself(definition: WorkflowDefinition | undefined, instance: { status: string; state: StateValue }): boolean {
  if (instance.status !== 'running') return false;
  return leafStates(instance.state, definition).some((name) => findState(definition, name)?.invoke !== undefined);
}

function firstTitle(transition: Transition | readonly Transition[] | undefined): LocalizedText | undefined {
  if (transition === undefined) return undefined;
  const list: readonly Transition[] = Array.isArray(transition) ? transition : [transition as Transition];
  return list.find((entry) => entry.title !== undefined)?.title;
}

function eventIn(states: StateMap | undefined, event: string): LocalizedText | undefined {
  for (const node of Object.values(states ?? {})) {
    const found = firstTitle(node.on?.[event]) ?? eventIn(node.states, event);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The button text of a business event (`submit` -> 提交审核), from the first transition that titles it. */
export function eventTitle(definition: WorkflowDefinition | undefined, event: string): LocalizedText | undefined {
  if (definition === undefined) return undefined;
  return eventIn(definition.states, event) ?? firstTitle(definition.on?.[event]);
}

/** Who may start a workflow, as the server decides it: its start roles, else whoever may create the form's records. */
export function mayStart(workflow: WorkflowDefinition, roles: readonly string[], mayCreate: boolean): boolean {
  if (roles.includes(ADMIN_ROLE)) return true;
  const allowed = workflow.start?.roles;
  return allowed === undefined ? mayCreate : allowed.some((role) => roles.includes(role));
}
