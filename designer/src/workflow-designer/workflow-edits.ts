/**
 * The designer's edits, each a pure function from graph to graph. They change only the keys they are
 * about, in place, so a definition that goes through an edit and back keeps everything else as it was.
 */
import { ANY_STATE, descendants, isJson, rebuild, type GraphEdge, type GraphState, type Json, type TransitionSlot, type WorkflowGraph } from './workflow-graph.js';

export const STATE_NAME = /^[a-z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*$/;
export const EVENT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const RESERVED_EVENTS = new Set(['approve', 'reject', 'return', 'transfer', 'add-signer', 'withdraw']);

export function isEventName(name: string): boolean {
  return EVENT_NAME.test(name) && name.length <= 63 && !RESERVED_EVENTS.has(name);
}

function withStates(graph: WorkflowGraph, states: readonly GraphState[], root: Json = graph.root): WorkflowGraph {
  return rebuild(root, graph.rootChildrenAt, states);
}

/** Replaces a state's own JSON (title, task, timers, ...). */
export function updateNode(graph: WorkflowGraph, name: string, change: (node: Json) => Json): WorkflowGraph {
  return withStates(
    graph,
    graph.states.map((state) => (state.name === name ? { ...state, node: change(state.node) } : state)),
  );
}

export function updateRoot(graph: WorkflowGraph, change: (root: Json) => Json): WorkflowGraph {
  return withStates(graph, graph.states, change(graph.root));
}

/** The first of `base-1`, `base-2`, ... no state uses. */
export function freeName(graph: WorkflowGraph, base: string): string {
  const taken = new Set(graph.states.map((state) => state.name));
  for (let index = 1; ; index += 1) if (!taken.has(`${base}-${index}`)) return `${base}-${index}`;
}

/** Adds a state at the end of `parent`'s states (the top level when null); the first child becomes the initial one. */
export function addState(graph: WorkflowGraph, name: string, node: Json, parent: string | null = null): WorkflowGraph {
  const added: GraphState = { name, parent, kind: 'state', node, childrenAt: null };
  const inside = parent === null ? [] : [parent, ...descendants(graph.states, parent)];
  const lastAt = parent === null ? graph.states.length - 1 : Math.max(...graph.states.map((state, index) => (inside.includes(state.name) ? index : -1)));
  const states = [...graph.states];
  states.splice(lastAt + 1, 0, added);
  if (parent === null) return withStates(graph, states);
  return withStates(
    graph,
    states.map((state) => {
      if (state.name !== parent || state.childrenAt !== null) return state;
      const node = typeof state.node.initial === 'string' ? state.node : { ...state.node, initial: name };
      return { ...state, node, childrenAt: Object.keys(node).length };
    }),
  );
}

type TargetFix = (target: string) => string | null;

/** Rewrites the targets of one transition; null removes the target. */
function retarget(transition: unknown, fix: TargetFix): unknown {
  if (!isJson(transition) || typeof transition.target !== 'string') return transition;
  const next = fix(transition.target);
  if (next === transition.target) return transition;
  if (next === null) return Object.fromEntries(Object.entries(transition).filter(([key]) => key !== 'target'));
  return { ...transition, target: next };
}

/** A transition that listed among others (an event's list, `always`) goes when its target goes. */
function retargetList(list: unknown[], fix: TargetFix): unknown[] {
  return list.flatMap((transition) => {
    if (isJson(transition) && typeof transition.target === 'string' && fix(transition.target) === null) return [];
    return [retarget(transition, fix)];
  });
}

function retargetEvents(on: unknown, fix: TargetFix): unknown {
  if (!isJson(on)) return on;
  const entries = Object.entries(on).flatMap(([event, value]): [string, unknown][] => {
    if (!Array.isArray(value)) {
      if (isJson(value) && typeof value.target === 'string' && fix(value.target) === null) return [];
      return [[event, retarget(value, fix)]];
    }
    const list = retargetList(value, fix);
    return list.length === 0 ? [] : [[event, list]];
  });
  return Object.fromEntries(entries);
}

function retargetNode(node: Json, fix: TargetFix): Json {
  const next: Json = { ...node };
  if (isJson(node.on)) next.on = retargetEvents(node.on, fix);
  if (Array.isArray(node.always)) {
    const always = retargetList(node.always, fix);
    next.always = always.length > 0 ? always : [{}];
  }
  if (isJson(node.onDone)) next.onDone = retarget(node.onDone, fix);
  if (isJson(node.task)) {
    const task: Json = { ...node.task, onApproved: retarget(node.task.onApproved, fix) };
    if (node.task.onRejected !== undefined) task.onRejected = retarget(node.task.onRejected, fix);
    if (Array.isArray(node.task.returnTo)) {
      task.returnTo = node.task.returnTo.flatMap((entry: unknown) => (typeof entry === 'string' && entry !== 'previous' && entry !== 'initiator' ? (fix(entry) === null ? [] : [fix(entry)]) : [entry]));
    }
    next.task = task;
  }
  if (isJson(node.invoke)) next.invoke = { ...node.invoke, onDone: retarget(node.invoke.onDone, fix), onError: retarget(node.invoke.onError, fix) };
  if (isJson(node.wait)) next.wait = { ...node.wait, then: retarget(node.wait.then, fix) };
  if (isJson(node.spawn)) next.spawn = { ...node.spawn, onDone: retarget(node.spawn.onDone, fix) };
  // A deleted initial state is replaced by the caller, which knows the siblings left.
  if (typeof node.initial === 'string') next.initial = fix(node.initial) ?? node.initial;
  return next;
}

/** Renames a state and every reference to it: targets, `initial`, `returnTo`, children's parent. */
export function renameState(graph: WorkflowGraph, from: string, to: string): WorkflowGraph {
  if (from === to) return graph;
  const fix: TargetFix = (target) => (target === from ? to : target);
  const states = graph.states.map((state) => ({
    ...state,
    name: state.name === from ? to : state.name,
    parent: state.parent === from ? to : state.parent,
    node: retargetNode(state.node, fix),
  }));
  return withStates(graph, states, retargetNode(graph.root, fix));
}

/** Deletes a state with its children; transitions into them lose their target (or go, where one of several). */
export function deleteState(graph: WorkflowGraph, name: string): WorkflowGraph {
  const gone = new Set([name, ...descendants(graph.states, name)]);
  const fix: TargetFix = (target) => (gone.has(target) ? null : target);
  const left = graph.states.filter((state) => !gone.has(state.name));
  const states = left.map((state) => {
    const node = retargetNode(state.node, fix);
    if (state.childrenAt === null) return { ...state, node };
    const children = left.filter((child) => child.parent === state.name);
    if (children.length === 0) {
      const { initial: _initial, ...rest } = node;
      return { ...state, node: rest, childrenAt: null };
    }
    return { ...state, node: typeof node.initial === 'string' && gone.has(node.initial) ? { ...node, initial: children[0]!.name } : node };
  });
  const root = retargetNode(graph.root, fix);
  const first = states.find((state) => state.parent === null);
  if (typeof root.initial === 'string' && gone.has(root.initial) && first !== undefined) root.initial = first.name;
  return withStates(graph, states, root);
}

function writeSlot(node: Json, slot: TransitionSlot, transition: Json | null): Json {
  switch (slot.kind) {
    case 'on': {
      const on = isJson(node.on) ? node.on : {};
      const current = on[slot.event];
      let value: unknown;
      if (slot.list && Array.isArray(current)) {
        const list = [...current];
        if (transition === null) list.splice(slot.index, 1);
        else list[slot.index] = transition;
        value = list.length === 0 ? undefined : list;
      } else value = transition ?? undefined;
      const entries = Object.entries(on).flatMap(([event, entry]): [string, unknown][] => (event !== slot.event ? [[event, entry]] : value === undefined ? [] : [[event, value]]));
      if (!(slot.event in on) && value !== undefined) entries.push([slot.event, value]);
      if (entries.length === 0) {
        const { on: _on, ...rest } = node;
        return rest;
      }
      return { ...node, on: Object.fromEntries(entries) };
    }
    case 'always': {
      const list = Array.isArray(node.always) ? [...node.always] : [];
      if (transition === null) list.splice(slot.index, 1);
      else list[slot.index] = transition;
      return { ...node, always: list.length > 0 ? list : [{}] };
    }
    case 'onDone':
      if (transition === null) {
        const { onDone: _onDone, ...rest } = node;
        return rest;
      }
      return { ...node, onDone: transition };
    case 'approved':
      return { ...node, task: { ...(node.task as Json), onApproved: transition ?? {} } };
    case 'rejected': {
      const task = { ...(node.task as Json) };
      if (transition === null) delete task.onRejected;
      else task.onRejected = transition;
      return { ...node, task };
    }
    case 'invokeDone':
      return { ...node, invoke: { ...(node.invoke as Json), onDone: transition ?? {} } };
    case 'invokeError':
      return { ...node, invoke: { ...(node.invoke as Json), onError: transition ?? {} } };
    case 'timer':
      return { ...node, wait: { ...(node.wait as Json), then: transition ?? {} } };
    case 'spawnDone':
      return { ...node, spawn: { ...(node.spawn as Json), onDone: transition ?? {} } };
  }
}

function writeEdge(graph: WorkflowGraph, source: string, slot: TransitionSlot, transition: Json | null): WorkflowGraph {
  if (source === ANY_STATE) return updateRoot(graph, (root) => writeSlot(root, slot, transition));
  return updateNode(graph, source, (node) => writeSlot(node, slot, transition));
}

export function updateTransition(graph: WorkflowGraph, edge: GraphEdge, transition: Json): WorkflowGraph {
  return writeEdge(graph, edge.source, edge.slot, transition);
}

/** Deletes a transition; ones a state must have (a task's approval, a timer's) lose their target instead. */
export function deleteTransition(graph: WorkflowGraph, edge: GraphEdge): WorkflowGraph {
  const removable = edge.slot.kind === 'on' || edge.slot.kind === 'always' || edge.slot.kind === 'onDone' || edge.slot.kind === 'rejected';
  if (removable) return writeEdge(graph, edge.source, edge.slot, null);
  const { target: _target, ...rest } = edge.transition;
  return writeEdge(graph, edge.source, edge.slot, rest);
}

/** Moves an event's transition to another event name (appended to that event's transitions). */
export function renameEvent(graph: WorkflowGraph, edge: GraphEdge, event: string): WorkflowGraph {
  if (edge.slot.kind !== 'on' || edge.slot.event === event) return graph;
  const without = writeEdge(graph, edge.source, edge.slot, null);
  return connectSlot(without, edge.source, { kind: 'on', event }, edge.transition);
}

export type ConnectChoice = { readonly kind: 'on'; readonly event: string } | { readonly kind: Exclude<TransitionSlot['kind'], 'on'> };

/** Adds (or, for a slot holding one transition, sets) a transition from `source`. */
export function connectSlot(graph: WorkflowGraph, source: string, choice: ConnectChoice, transition: Json): WorkflowGraph {
  const node = source === ANY_STATE ? graph.root : graph.states.find((state) => state.name === source)?.node;
  if (node === undefined) return graph;
  if (choice.kind === 'on') {
    const current = isJson(node.on) ? node.on[choice.event] : undefined;
    if (current === undefined) return writeEdge(graph, source, { kind: 'on', event: choice.event, index: 0, list: false }, transition);
    const list = Array.isArray(current) ? current : [current];
    return updateOn(graph, source, choice.event, [...list, transition]);
  }
  if (choice.kind === 'always') {
    const list = Array.isArray(node.always) ? node.always : [];
    const open = list.findIndex((entry) => isJson(entry) && entry.target === undefined && Object.keys(entry).length === 0);
    return writeEdge(graph, source, { kind: 'always', index: open === -1 ? list.length : open }, transition);
  }
  const existing = choice.kind === 'onDone' ? node.onDone : undefined;
  const merged = isJson(existing) ? { ...existing, ...transition } : transition;
  return writeEdge(graph, source, { kind: choice.kind } as TransitionSlot, merged);
}

function updateOn(graph: WorkflowGraph, source: string, event: string, list: unknown[]): WorkflowGraph {
  const change = (node: Json): Json => ({ ...node, on: { ...(isJson(node.on) ? node.on : {}), [event]: list } });
  return source === ANY_STATE ? updateRoot(graph, change) : updateNode(graph, source, change);
}

/** Ways a new connection from a state of this kind can go, the likeliest first. */
export function connectChoices(state: GraphState | undefined): ConnectChoice['kind'][] {
  switch (state?.kind) {
    case 'task':
      return isJson(state.node.task) && isJson(state.node.task.onApproved) && typeof state.node.task.onApproved.target === 'string' ? ['rejected', 'approved', 'on'] : ['approved', 'rejected', 'on'];
    case 'decision':
      return ['always', 'on'];
    case 'function':
      return isJson(state.node.invoke) && isJson(state.node.invoke.onDone) && typeof state.node.invoke.onDone.target === 'string' ? ['invokeError', 'invokeDone', 'on'] : ['invokeDone', 'invokeError', 'on'];
    case 'timer':
      return ['timer', 'on'];
    case 'child':
      return ['spawnDone', 'on'];
    case 'compound':
    case 'parallel':
      return ['onDone', 'on'];
    case 'final':
      return [];
    default:
      return ['on', 'always'];
  }
}
