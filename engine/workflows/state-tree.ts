import type { StateNode, Transition, WorkflowDefinition } from '../definitions/generated/definition-types.js';
import { escapePointer } from '../definitions/meta-schema-validator.js';

/** One state of the chart with where it sits, for checks and for the machine builder. */
export interface StateEntry {
  readonly name: string;
  readonly node: StateNode;
  readonly pointer: string;
  readonly parent: string | undefined;
  /** Names from the top-level state down to this one. */
  readonly path: readonly string[];
}

/** Every state, parents before children, in definition order. */
export function stateEntries(definition: WorkflowDefinition): StateEntry[] {
  const entries: StateEntry[] = [];
  const visit = (states: Record<string, StateNode>, pointer: string, parent: StateEntry | undefined) => {
    for (const [name, node] of Object.entries(states)) {
      const entry: StateEntry = { name, node, pointer: `${pointer}/${escapePointer(name)}`, parent: parent?.name, path: [...(parent?.path ?? []), name] };
      entries.push(entry);
      if (node.states !== undefined) visit(node.states, `${entry.pointer}/states`, entry);
    }
  };
  visit(definition.states, '/states', undefined);
  return entries;
}

/** A transition of the chart with its JSON pointer and the event that takes it. */
export interface LocatedTransition {
  readonly transition: Transition;
  readonly pointer: string;
  /** The state it leaves; undefined for the workflow-level `on`. */
  readonly from: string | undefined;
  readonly event: string | undefined;
}

function eventTransitions(on: StateNode['on'], pointer: string, from: string | undefined): LocatedTransition[] {
  const located: LocatedTransition[] = [];
  for (const [event, value] of Object.entries(on ?? {})) {
    const base = `${pointer}/${escapePointer(event)}`;
    if (Array.isArray(value)) value.forEach((transition, i) => located.push({ transition, pointer: `${base}/${i}`, from, event }));
    else located.push({ transition: value, pointer: base, from, event });
  }
  return located;
}

/** Every transition a state declares, including those inside its task, invocation and wait. */
export function transitionsOf(entry: StateEntry): LocatedTransition[] {
  const { node, pointer, name } = entry;
  const located = eventTransitions(node.on, `${pointer}/on`, name);
  node.always?.forEach((transition, i) => located.push({ transition, pointer: `${pointer}/always/${i}`, from: name, event: undefined }));
  const single = (transition: Transition | undefined, at: string) => {
    if (transition !== undefined) located.push({ transition, pointer: `${pointer}/${at}`, from: name, event: undefined });
  };
  single(node.onDone, 'onDone');
  single(node.task?.onApproved, 'task/onApproved');
  single(node.task?.onRejected, 'task/onRejected');
  single(node.invoke?.onDone, 'invoke/onDone');
  single(node.invoke?.onError, 'invoke/onError');
  single(node.wait?.then, 'wait/then');
  single(node.spawn?.onDone, 'spawn/onDone');
  return located;
}

export function workflowLevelTransitions(definition: WorkflowDefinition): LocatedTransition[] {
  return eventTransitions(definition.on, '/on', undefined);
}
