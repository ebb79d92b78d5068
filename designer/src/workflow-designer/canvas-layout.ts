import type { ElkNode, ELK } from 'elkjs/lib/elk-api.js';
import type { DiagramRoute } from '../../../engine/workflows/diagram-layout.js';
import { routeOf } from './edge-route.js';
import { elkGraph, NODE_HEIGHT, NODE_WIDTH, type Box, type LabelSize } from './elk-graph.js';
import type { CanvasLayout } from './layout-memory.js';
import { quickLayout } from './quick-layout.js';
import type { WorkflowGraph } from './workflow-graph.js';

let elk: Promise<ELK> | null = null;

/**
 * Loads ELK and starts its worker (which fetches and compiles 1.6 MB), once. Called when the designer
 * opens, so this runs while the draft is fetched; layouts run in the worker and the page stays responsive.
 */
export function prepareElk(): Promise<ELK> {
  elk ??= Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(([{ default: Elk }, { default: workerUrl }]) => new Elk({ workerUrl }));
  return elk;
}

function collect(node: ElkNode, into: Map<string, Box>): void {
  for (const child of node.children ?? []) {
    into.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? NODE_WIDTH, height: child.height ?? NODE_HEIGHT });
    collect(child, into);
  }
}

/** Where the view starts: the whole width in view when it can be read, the top (the start) showing. */
export function initialViewport(boxes: ReadonlyMap<string, Box>, width: number, height: number): { x: number; y: number; zoom: number } {
  const all = [...boxes.values()];
  if (all.length === 0) return { x: 0, y: 0, zoom: 1 };
  const minX = Math.min(...all.map((box) => box.x));
  const maxX = Math.max(...all.map((box) => box.x + box.width));
  const minY = Math.min(...all.map((box) => box.y));
  const maxY = Math.max(...all.map((box) => box.y + box.height));
  const margin = 24;
  const zoom = Math.min(1, Math.max(0.55, Math.min((width - 2 * margin) / (maxX - minX), (height - 2 * margin) / (maxY - minY))));
  const x = (width - (maxX - minX) * zoom) / 2 - minX * zoom;
  const fitsHeight = (maxY - minY) * zoom <= height - 2 * margin;
  const y = fitsHeight ? (height - (maxY - minY) * zoom) / 2 - minY * zoom : margin - minY * zoom;
  return { x: Math.max(x, margin - minX * zoom), y, zoom };
}

/** ELK's layout of the workflow: boxes, and a route for every arrow, its label placed clear of the others. */
export async function layoutWorkflow(graph: WorkflowGraph, labelSize?: LabelSize): Promise<CanvasLayout> {
  const engine = await prepareElk();
  const laidOut = await engine.layout(elkGraph(graph, labelSize));
  const boxes = new Map<string, Box>();
  collect(laidOut, boxes);
  const routes = new Map<string, DiagramRoute>();
  for (const edge of laidOut.edges ?? []) {
    const route = routeOf(edge);
    if (route !== null) routes.set(edge.id, route);
  }
  return { boxes, routes };
}

/** The quick main-thread layout (quick-layout.ts) in the canvas's form: boxes, no routes yet. */
export function quickCanvasLayout(graph: WorkflowGraph): CanvasLayout {
  return { boxes: quickLayout(elkGraph(graph)).boxes, routes: new Map() };
}
