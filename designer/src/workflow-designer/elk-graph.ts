import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { ANY_STATE, type WorkflowGraph } from './workflow-graph.js';

export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 74;
/** The pseudo node pointing at the initial state. */
export const START_NODE = '^start';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  // Depth first from the start keeps the happy path flowing downwards; rejections and loops point back up.
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.nodeNode': '36',
  'elk.spacing.edgeNode': '24',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};

/** The ELK graph of a workflow: compound states hold their children, every transition is an edge. */
export function elkGraph(graph: WorkflowGraph): ElkNode {
  const byParent = new Map<string | null, ElkNode[]>();
  const elkNodes = new Map<string, ElkNode>();
  for (const state of graph.states) {
    const node: ElkNode = { id: state.name, width: NODE_WIDTH, height: NODE_HEIGHT };
    elkNodes.set(state.name, node);
    const siblings = byParent.get(state.parent) ?? [];
    siblings.push(node);
    byParent.set(state.parent, siblings);
  }
  for (const [parent, children] of byParent) {
    if (parent === null) continue;
    const node = elkNodes.get(parent);
    if (node === undefined) continue;
    delete node.width;
    delete node.height;
    node.children = children;
    node.layoutOptions = { ...LAYERED, 'elk.padding': '[top=44,left=20,bottom=20,right=20]' };
  }
  const names = new Set(graph.states.map((state) => state.name));
  const top = [...(byParent.get(null) ?? [])];
  top.unshift({ id: START_NODE, width: 36, height: 36 });
  const edges = [{ id: `${START_NODE}>initial`, sources: [START_NODE], targets: [String(graph.root.initial)] }];
  if (graph.edges.some((edge) => edge.source === ANY_STATE)) top.push({ id: ANY_STATE, width: NODE_WIDTH, height: 52 });
  for (const edge of graph.edges) {
    if (edge.target === null || !names.has(edge.target) || (edge.source !== ANY_STATE && !names.has(edge.source)) || edge.source === edge.target) continue;
    edges.push({ id: edge.id, sources: [edge.source], targets: [edge.target] });
  }
  return {
    id: 'workflow',
    layoutOptions: { ...LAYERED, 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' },
    children: top,
    edges: edges.filter((edge) => edge.targets[0] !== undefined && (names.has(edge.targets[0]) || edge.targets[0] === ANY_STATE)),
  };
}

