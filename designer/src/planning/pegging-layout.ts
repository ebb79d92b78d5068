import type { ELK } from 'elkjs/lib/elk-api.js';
import type { PeggingGraph, PeggingNode } from './pegging-graph.js';

export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function nodeSize(node: PeggingNode): { width: number; height: number } {
  return node.type === 'shortage' ? { width: 130, height: 50 } : { width: 220, height: 86 };
}

let elk: Promise<ELK> | null = null;

/**
 * ELK is some 1.5 MB of script: loaded the first time a tree is drawn, not with the app, and run in a
 * worker, so laying out a large tree (seconds) leaves the page responsive.
 */
function loadElk(): Promise<ELK> {
  elk ??= Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(
    ([{ default: Elk }, { default: workerUrl }]) => new Elk({ workerUrl }),
  );
  return elk;
}

/** Left-to-right layers (order line → supplies → components → ...), placed by ELK's layered algorithm. */
export async function layoutPegging(graph: PeggingGraph): Promise<Map<string, NodeBox>> {
  const engine = await loadElk();
  const laidOut = await engine.layout({
    id: 'pegging',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.nodeNode': '18',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    },
    children: graph.nodes.map((node) => ({ id: node.id, ...nodeSize(node) })),
    edges: graph.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const boxes = new Map<string, NodeBox>();
  for (const child of laidOut.children ?? []) {
    boxes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
  }
  return boxes;
}

export interface TreeView {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
  /** The canvas height that shows the whole tree at this zoom, within sensible bounds. */
  readonly height: number;
}

const PADDING = 24;
/** The zoom buttons sit in the bottom-left corner: the order lines start right of them. */
const LEFT = 64;
/** Below this the boxes' text is too small to read: the planner pans instead. */
const MIN_ZOOM = 0.75;

/**
 * The first view of a tree: as large as fits up to 1:1, never below a readable zoom, the order lines at
 * the left edge. A tree taller than the canvas opens centred on the `focus` node (the first order line).
 */
export function initialView(boxes: ReadonlyMap<string, NodeBox>, canvasWidth: number, focus?: string): TreeView {
  let right = 0;
  let bottom = 0;
  for (const box of boxes.values()) {
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  const zoom = Math.min(1, Math.max(MIN_ZOOM, (canvasWidth - LEFT - PADDING) / Math.max(right, 1)));
  const height = Math.min(720, Math.max(320, bottom * zoom + 2 * PADDING));
  const fits = bottom * zoom + 2 * PADDING <= height;
  const focusBox = focus === undefined ? undefined : boxes.get(focus);
  if (fits || focusBox === undefined) return { x: LEFT, y: Math.max(PADDING, (height - bottom * zoom) / 2), zoom, height };
  return { x: LEFT, y: height / 2 - (focusBox.y + focusBox.height / 2) * zoom, zoom, height };
}
