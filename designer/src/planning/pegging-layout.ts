import type { ELK } from 'elkjs/lib/elk-api.js';
import type { NodeBox } from './initial-view.js';
import type { PeggingGraph, PeggingNode } from './pegging-graph.js';

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
