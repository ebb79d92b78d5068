import type { ElkNode, ELK } from 'elkjs/lib/elk-api.js';
import { elkGraph, NODE_HEIGHT, NODE_WIDTH, type Box } from './elk-graph.js';
import type { WorkflowGraph } from './workflow-graph.js';


/** Positions relative to the parent (as React Flow wants them for nodes with a parentId). */
export type Layout = ReadonlyMap<string, Box>;

let elk: Promise<ELK> | null = null;

/** ELK is loaded the first time a workflow is laid out and runs in a worker, so the page stays responsive. */
function loadElk(): Promise<ELK> {
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
export function initialViewport(boxes: Layout, width: number, height: number): { x: number; y: number; zoom: number } {
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

export async function layoutWorkflow(graph: WorkflowGraph): Promise<Layout> {
  const engine = await loadElk();
  const laidOut = await engine.layout(elkGraph(graph));
  const boxes = new Map<string, Box>();
  collect(laidOut, boxes);
  return boxes;
}
