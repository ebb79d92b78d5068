/**
 * The graph as React Flow draws it. Pure, and each node's `data` object is built once per state change,
 * so dragging (which only moves positions) re-renders no node view.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { DiagramRoute } from '../../../engine/workflows/diagram-layout.js';
import { NODE_HEIGHT, NODE_WIDTH, START_NODE, type Box } from './elk-graph.js';
import { routeFor } from './layout-memory.js';
import { ANY_STATE, type GraphEdge, type GraphState, type WorkflowGraph } from './workflow-graph.js';

/** Problems found in a state or transition, from the checks as you build or a refused publish. */
export interface Marks {
  readonly errors: number;
  readonly warnings: number;
  readonly messages: readonly string[];
}

export interface StateNodeData extends Record<string, unknown> {
  readonly state: GraphState;
  readonly initial: boolean;
  readonly marks: Marks | undefined;
  readonly active: boolean;
}

export type StateFlowNode = Node<StateNodeData, 'state' | 'group'>;
export type PseudoFlowNode = Node<{ readonly kind: 'start' | 'any' }, 'pseudo'>;
export type WorkflowFlowNode = StateFlowNode | PseudoFlowNode;

/** Each state's node data; `previous` gives back the same object for a state that did not change, so its view does not redraw. */
export function nodeData(graph: WorkflowGraph, marks: ReadonlyMap<string, Marks>, active: ReadonlySet<string>, previous: ReadonlyMap<string, StateNodeData> = new Map()): Map<string, StateNodeData> {
  const initials = new Set<string>([String(graph.root.initial)]);
  for (const state of graph.states) if (typeof state.node.initial === 'string' && state.childrenAt !== null) initials.add(state.node.initial);
  return new Map(
    graph.states.map((state) => {
      const next: StateNodeData = { state, initial: initials.has(state.name), marks: marks.get(state.name), active: active.has(state.name) };
      const before = previous.get(state.name);
      const same = before !== undefined && before.state === next.state && before.initial === next.initial && before.marks === next.marks && before.active === next.active;
      return [state.name, same ? before : next];
    }),
  );
}

const START_DATA: PseudoFlowNode['data'] = { kind: 'start' };
const ANY_DATA: PseudoFlowNode['data'] = { kind: 'any' };

export type MeasuredSizes = ReadonlyMap<string, { readonly width: number; readonly height: number }>;

/**
 * React Flow's nodes for the graph. `measured` hands back the sizes React Flow reported: a node object
 * without them is hidden until measured again, and a node whose size has not changed is never measured
 * again, so it would stay invisible.
 */
export function flowNodes(graph: WorkflowGraph, data: ReadonlyMap<string, StateNodeData>, boxes: ReadonlyMap<string, Box>, selected: string | null, measured: MeasuredSizes = new Map()): WorkflowFlowNode[] {
  const nodes: WorkflowFlowNode[] = [];
  const size = (id: string) => {
    const known = measured.get(id);
    return known === undefined ? {} : { measured: { width: known.width, height: known.height } };
  };
  const start = boxes.get(START_NODE);
  nodes.push({ id: START_NODE, type: 'pseudo', position: { x: start?.x ?? 0, y: start?.y ?? 0 }, data: START_DATA, draggable: true, selectable: false, connectable: false, deletable: false, ...size(START_NODE) });
  if (graph.edges.some((edge) => edge.source === ANY_STATE)) {
    const any = boxes.get(ANY_STATE);
    nodes.push({ id: ANY_STATE, type: 'pseudo', position: { x: any?.x ?? 0, y: any?.y ?? 0 }, data: ANY_DATA, draggable: true, selectable: false, connectable: false, deletable: false, ...size(ANY_STATE) });
  }
  for (const state of graph.states) {
    const box = boxes.get(state.name);
    const group = state.childrenAt !== null;
    nodes.push({
      id: state.name,
      type: group ? 'group' : 'state',
      position: { x: box?.x ?? 0, y: box?.y ?? 0 },
      data: data.get(state.name)!,
      selected: state.name === selected,
      ...size(state.name),
      ...(state.parent !== null ? { parentId: state.parent, extent: 'parent' as const } : {}),
      ...(group ? { style: { width: box?.width ?? NODE_WIDTH * 2, height: box?.height ?? NODE_HEIGHT * 2 }, zIndex: -1 } : {}),
    });
  }
  return nodes;
}

export type EdgeLabel = (edge: GraphEdge) => string;

export interface RoutedEdgeData extends Record<string, unknown> {
  /** ELK's route, while both ends are where ELK put them. */
  readonly route: DiagramRoute | undefined;
}

export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>;

function edgeClass(edge: GraphEdge, marks: Marks | undefined): string {
  const classes = ['wd-edge', `wd-edge-${edge.slot.kind}`];
  if (edge.transition.guard !== undefined) classes.push('wd-edge-guarded');
  if (marks !== undefined && marks.errors > 0) classes.push('is-error');
  return classes.join(' ');
}

/** React Flow's edges: each along ELK's route when `routes` has one between its two ends (see RoutedEdge). */
export function flowEdges(graph: WorkflowGraph, label: EdgeLabel, marks: ReadonlyMap<string, Marks>, selected: string | null, routes: ReadonlyMap<string, DiagramRoute> = new Map()): RoutedFlowEdge[] {
  const names = new Set(graph.states.map((state) => state.name));
  const start = { id: `${START_NODE}>initial`, source: START_NODE, target: String(graph.root.initial) };
  const edges: RoutedFlowEdge[] = [{ ...start, type: 'routed', data: { route: routeFor(routes, start) }, className: 'wd-edge wd-edge-start', selectable: false, markerEnd: { type: MarkerType.ArrowClosed } }];
  for (const edge of graph.edges) {
    if (edge.target === null || !names.has(edge.target)) continue;
    edges.push({
      id: edge.id,
      type: 'routed',
      data: { route: routeFor(routes, edge) },
      source: edge.source,
      target: edge.target,
      label: label(edge),
      className: edgeClass(edge, marks.get(edge.id)),
      selected: edge.id === selected,
      markerEnd: { type: MarkerType.ArrowClosed },
      labelBgPadding: [6, 3],
      labelBgBorderRadius: 4,
      interactionWidth: 16,
    });
  }
  return edges;
}

function sameNode(a: WorkflowFlowNode, b: WorkflowFlowNode): boolean {
  return (
    a.type === b.type &&
    a.data === b.data &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.parentId === b.parentId &&
    a.style?.width === b.style?.width &&
    a.style?.height === b.style?.height &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height
  );
}

function sameEdge(a: RoutedFlowEdge, b: RoutedFlowEdge): boolean {
  return a.source === b.source && a.target === b.target && a.label === b.label && a.className === b.className && a.selected === b.selected && a.data?.route === b.data?.route;
}

/**
 * The new list with last time's object for every element that did not change: React Flow then leaves
 * those alone, so a keystroke in a 60-state workflow re-renders one node and its arrows, not all of them.
 */
export function keepUnchanged<T extends WorkflowFlowNode | RoutedFlowEdge>(next: readonly T[], previous: readonly T[]): T[] {
  const before = new Map(previous.map((element) => [element.id, element]));
  return next.map((element) => {
    const old = before.get(element.id);
    if (old === undefined) return element;
    const same = 'position' in element ? sameNode(element as WorkflowFlowNode, old as WorkflowFlowNode) : sameEdge(element as RoutedFlowEdge, old as RoutedFlowEdge);
    return same ? old : element;
  });
}
