import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { ANY_STATE, type GraphEdge, type WorkflowGraph } from './workflow-graph.js';

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

/** An arrow's label and the room it takes, or null for an arrow without one. */
export type LabelSize = (edge: GraphEdge) => { readonly text: string; readonly width: number; readonly height: number } | null;

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

/**
 * The ELK graph of a workflow: compound states hold their children, every transition is an edge, with
 * its label's size when `labelSize` gives one, so ELK keeps labels clear of each other and of nodes.
 */
export function elkGraph(graph: WorkflowGraph, labelSize?: LabelSize): ElkNode {
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
  // ELK leaves a label without text where it was (0, 0).
  const edges: { id: string; sources: string[]; targets: string[]; labels?: { id: string; text: string; width: number; height: number }[] }[] = [{ id: `${START_NODE}>initial`, sources: [START_NODE], targets: [String(graph.root.initial)] }];
  if (graph.edges.some((edge) => edge.source === ANY_STATE)) top.push({ id: ANY_STATE, width: NODE_WIDTH, height: 52 });
  for (const edge of graph.edges) {
    if (edge.target === null || !names.has(edge.target) || (edge.source !== ANY_STATE && !names.has(edge.source)) || edge.source === edge.target) continue;
    const size = labelSize?.(edge) ?? null;
    edges.push({ id: edge.id, sources: [edge.source], targets: [edge.target], ...(size === null ? {} : { labels: [{ id: `${edge.id}#label`, ...size }] }) });
  }
  return {
    id: 'workflow',
    // Routes in the workflow's coordinates, which are the canvas's: no adding up of stage offsets.
    layoutOptions: { ...LAYERED, 'elk.hierarchyHandling': 'INCLUDE_CHILDREN', 'elk.json.edgeCoords': 'ROOT', 'elk.edgeLabels.placement': 'CENTER' },
    children: top,
    edges: edges.filter((edge) => edge.targets[0] !== undefined && (names.has(edge.targets[0]) || edge.targets[0] === ANY_STATE)),
  };
}


const LABEL_FONT_PX = 11;
const LABEL_PADDING = { x: 6, y: 3 };

/** The room a label of this text takes on the canvas (11px text, as the CSS draws it): CJK characters are square, others about 0.6 wide. */
export function labelBox(text: string): { text: string; width: number; height: number } | null {
  if (text === '') return null;
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? LABEL_FONT_PX : LABEL_FONT_PX * 0.6;
  return { text, width: Math.ceil(width + 2 * LABEL_PADDING.x), height: Math.ceil(LABEL_FONT_PX * 1.3 + 2 * LABEL_PADDING.y) };
}
