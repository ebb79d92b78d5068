/**
 * The workflow designer's model: a workflow definition read as a graph of states (nodes, compound
 * states holding their children) and transitions (edges). Each state keeps its own JSON object as it
 * was — key order and every keyword the designer does not edit included — so `toDefinition` rebuilds
 * exactly the definition `fromDefinition` read. Edges are derived from the states, never stored twice.
 */
import type { WorkflowDefinition } from '../../../engine/definitions/generated/definition-types.js';

export type Json = Record<string, unknown>;

/** How the canvas draws a state; read from which keywords the state has. */
export type StateKind = 'state' | 'task' | 'final' | 'decision' | 'function' | 'child' | 'timer' | 'compound' | 'parallel';

export interface GraphState {
  /** The state's name: unique across the chart, so it is also the node's id. */
  readonly name: string;
  /** The compound state it sits in, or null at the top level. */
  readonly parent: string | null;
  readonly kind: StateKind;
  /** The state's JSON without `states`; its children are states of their own with `parent` set. */
  readonly node: Json;
  /** Where `states` sat among the node's keys (so it is written back in place), or null without children. */
  readonly childrenAt: number | null;
}

/** Where a transition lives in its source state. */
export type TransitionSlot =
  | { readonly kind: 'on'; readonly event: string; readonly index: number; readonly list: boolean }
  | { readonly kind: 'always'; readonly index: number }
  | { readonly kind: 'onDone' }
  | { readonly kind: 'approved' }
  | { readonly kind: 'rejected' }
  | { readonly kind: 'invokeDone' }
  | { readonly kind: 'invokeError' }
  | { readonly kind: 'timer' }
  | { readonly kind: 'spawnDone' };

/** The source of the workflow-level `on` (events accepted in every state). */
export const ANY_STATE = '*';

export interface GraphEdge {
  readonly id: string;
  /** A state's name, or ANY_STATE for the workflow-level `on`. */
  readonly source: string;
  /** The target state, or null for a transition without one (it stays, running its actions). */
  readonly target: string | null;
  readonly slot: TransitionSlot;
  readonly transition: Json;
}

export interface WorkflowGraph {
  /** The definition's top-level keys in order, without `states`. */
  readonly root: Json;
  readonly rootChildrenAt: number;
  /** Every state, depth first in definition order (a parent before its children). */
  readonly states: readonly GraphState[];
  readonly edges: readonly GraphEdge[];
}

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stateKind(node: Json): StateKind {
  if (isJson(node.states)) return node.type === 'parallel' ? 'parallel' : 'compound';
  if (node.type === 'final') return 'final';
  if (isJson(node.task)) return 'task';
  if (isJson(node.invoke)) return 'function';
  if (isJson(node.spawn)) return 'child';
  if (isJson(node.wait)) return 'timer';
  if (Array.isArray(node.always)) return 'decision';
  return 'state';
}

function withoutKey(node: Json, key: string): { rest: Json; at: number | null } {
  const keys = Object.keys(node);
  const at = keys.indexOf(key);
  if (at === -1) return { rest: node, at: null };
  return { rest: Object.fromEntries(Object.entries(node).filter(([name]) => name !== key)), at };
}

function withKeyAt(node: Json, key: string, value: unknown, at: number): Json {
  const entries = Object.entries(node);
  entries.splice(Math.min(at, entries.length), 0, [key, value]);
  return Object.fromEntries(entries);
}

function slotKey(slot: TransitionSlot): string {
  switch (slot.kind) {
    case 'on':
      return `on:${slot.event}:${slot.index}`;
    case 'always':
      return `always:${slot.index}`;
    default:
      return slot.kind;
  }
}

export function edgeId(source: string, slot: TransitionSlot): string {
  return `${source}>${slotKey(slot)}`;
}

function edge(source: string, slot: TransitionSlot, transition: unknown): GraphEdge {
  const body = isJson(transition) ? transition : {};
  return { id: edgeId(source, slot), source, target: typeof body.target === 'string' ? body.target : null, slot, transition: body };
}

function eventEdges(source: string, on: unknown): GraphEdge[] {
  if (!isJson(on)) return [];
  return Object.entries(on).flatMap(([event, value]) =>
    Array.isArray(value) ? value.map((transition, index) => edge(source, { kind: 'on', event, index, list: true }, transition)) : [edge(source, { kind: 'on', event, index: 0, list: false }, value)],
  );
}

/** The transitions leaving one state, in the order the definition lists them. */
export function stateEdges(name: string, node: Json): GraphEdge[] {
  const edges = eventEdges(name, node.on);
  if (Array.isArray(node.always)) node.always.forEach((transition, index) => edges.push(edge(name, { kind: 'always', index }, transition)));
  if (isJson(node.onDone)) edges.push(edge(name, { kind: 'onDone' }, node.onDone));
  const { task, invoke, wait, spawn } = node;
  if (isJson(task)) {
    if (isJson(task.onApproved)) edges.push(edge(name, { kind: 'approved' }, task.onApproved));
    if (isJson(task.onRejected)) edges.push(edge(name, { kind: 'rejected' }, task.onRejected));
  }
  if (isJson(invoke)) {
    if (isJson(invoke.onDone)) edges.push(edge(name, { kind: 'invokeDone' }, invoke.onDone));
    if (isJson(invoke.onError)) edges.push(edge(name, { kind: 'invokeError' }, invoke.onError));
  }
  if (isJson(wait) && isJson(wait.then)) edges.push(edge(name, { kind: 'timer' }, wait.then));
  if (isJson(spawn) && isJson(spawn.onDone)) edges.push(edge(name, { kind: 'spawnDone' }, spawn.onDone));
  return edges;
}

export function graphEdges(root: Json, states: readonly GraphState[]): GraphEdge[] {
  return [...eventEdges(ANY_STATE, root.on), ...states.flatMap((state) => stateEdges(state.name, state.node))];
}

function readStates(map: unknown, parent: string | null, into: GraphState[]): void {
  if (!isJson(map)) return;
  for (const [name, value] of Object.entries(map)) {
    const node = isJson(value) ? value : {};
    const { rest, at } = withoutKey(node, 'states');
    into.push({ name, parent, kind: stateKind(node), node: rest, childrenAt: at });
    readStates(node.states, name, into);
  }
}

export function fromDefinition(definition: WorkflowDefinition): WorkflowGraph {
  const source = definition as unknown as Json;
  const { rest, at } = withoutKey(source, 'states');
  const states: GraphState[] = [];
  readStates(source.states, null, states);
  return { root: rest, rootChildrenAt: at ?? Object.keys(rest).length, states, edges: graphEdges(rest, states) };
}

function writeStates(states: readonly GraphState[], parent: string | null): Json {
  const map: Json = {};
  for (const state of states) {
    if (state.parent !== parent) continue;
    map[state.name] = state.childrenAt === null ? state.node : withKeyAt(state.node, 'states', writeStates(states, state.name), state.childrenAt);
  }
  return map;
}

export function toDefinition(graph: Pick<WorkflowGraph, 'root' | 'rootChildrenAt' | 'states'>): WorkflowDefinition {
  return withKeyAt(graph.root, 'states', writeStates(graph.states, null), graph.rootChildrenAt) as unknown as WorkflowDefinition;
}

/** The text the JSON view shows and the draft stores (the same layout the server writes). */
export function definitionText(graph: Pick<WorkflowGraph, 'root' | 'rootChildrenAt' | 'states'>): string {
  return `${JSON.stringify(toDefinition(graph), null, 2)}\n`;
}

/** A graph with its edges worked out again after its states or root changed. */
export function rebuild(root: Json, rootChildrenAt: number, states: readonly GraphState[]): WorkflowGraph {
  // Unchanged states stay the same objects, so the canvas redraws only the node that changed.
  const fresh = states.map((state) => {
    const kind = stateKind(state.childrenAt === null ? state.node : { ...state.node, states: {} });
    return kind === state.kind ? state : { ...state, kind };
  });
  return { root, rootChildrenAt, states: fresh, edges: graphEdges(root, fresh) };
}

/** The states inside `name`, at any depth. */
export function descendants(states: readonly GraphState[], name: string): Set<string> {
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const state of states) {
      if (state.parent !== null && (state.parent === name || found.has(state.parent)) && !found.has(state.name)) {
        found.add(state.name);
        grew = true;
      }
    }
  }
  return found;
}
