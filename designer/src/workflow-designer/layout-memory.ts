/**
 * The rules for a workflow's remembered drawing (saved with the draft, see docs/workflow-designer.md):
 * when it can be drawn as it is, which of ELK's routes still hold after a node was moved by hand, and
 * how it travels to and from the server. Pure.
 */
import type { DiagramLayout, DiagramRoute } from '../../../engine/workflows/diagram-layout.js';
import { START_NODE, type Box } from './elk-graph.js';
import { ANY_STATE, descendants, type GraphEdge, type WorkflowGraph } from './workflow-graph.js';

/** What the canvas draws from: boxes relative to their parent (as React Flow wants nodes with a parentId), and ELK's routes by edge id. */
export interface CanvasLayout {
  readonly boxes: ReadonlyMap<string, Box>;
  readonly routes: ReadonlyMap<string, DiagramRoute>;
}

export function toDiagram(layout: CanvasLayout): DiagramLayout {
  return {
    nodes: Object.fromEntries([...layout.boxes].map(([name, { x, y, width, height }]) => [name, { x, y, width, height }])),
    routes: Object.fromEntries(layout.routes),
  };
}

export function fromDiagram(diagram: DiagramLayout): CanvasLayout {
  return { boxes: new Map(Object.entries(diagram.nodes)), routes: new Map(Object.entries(diagram.routes)) };
}

/** Every node the canvas draws: the states, the start marker, and "any state" when the workflow has workflow-wide events. */
export function drawnNodes(graph: WorkflowGraph): string[] {
  const names = [START_NODE, ...graph.states.map((state) => state.name)];
  if (graph.edges.some((edge) => edge.source === ANY_STATE)) names.push(ANY_STATE);
  return names;
}

/**
 * The saved drawing, when it has a box for every node the graph draws; otherwise null, and the canvas
 * lays the workflow out afresh (a state added or renamed in the JSON view since it was saved).
 */
export function rememberedLayout(graph: WorkflowGraph, saved: DiagramLayout | null): CanvasLayout | null {
  if (saved === null) return null;
  const layout = fromDiagram(saved);
  return drawnNodes(graph).every((name) => layout.boxes.has(name)) ? layout : null;
}

/** The route ELK made for this arrow, if it was made between the same two nodes (an arrow retargeted since has none). */
export function routeFor(routes: ReadonlyMap<string, DiagramRoute>, edge: Pick<GraphEdge, 'id' | 'source' | 'target'>): DiagramRoute | undefined {
  const route = routes.get(edge.id);
  return route !== undefined && route.source === edge.source && route.target === edge.target ? route : undefined;
}

/** The routes that still hold once `moved` were dragged: none that touch a moved node or a step of a moved stage. */
export function routesAfterMove(routes: ReadonlyMap<string, DiagramRoute>, moved: Iterable<string>, graph: WorkflowGraph): ReadonlyMap<string, DiagramRoute> {
  const shifted = new Set<string>();
  for (const name of moved) {
    shifted.add(name);
    for (const inside of descendants(graph.states, name)) shifted.add(inside);
  }
  const kept = [...routes].filter(([, route]) => !shifted.has(route.source) && !shifted.has(route.target));
  return kept.length === routes.size ? routes : new Map(kept);
}
