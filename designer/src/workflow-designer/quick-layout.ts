/**
 * A layered layout computed on the main thread in a few milliseconds, so the canvas can draw at once
 * while ELK (a 1.6 MB worker, cold on first use) works out the real one. It reads the same graph ELK
 * is given (`elkGraph`) and answers in the same shape: boxes relative to their parent.
 *
 * Per container (the workflow, then each stage): depth-first from the nodes nothing points to marks the
 * edges that close a cycle as back edges (as ELK's DEPTH_FIRST cycle breaking does), the others give
 * longest-path layers top-down, a few barycentre sweeps order each layer, and layers are stacked and
 * centred. A stage is laid out first so it can be placed as one big node.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { NODE_HEIGHT, NODE_WIDTH, type Box } from './elk-graph.js';

export const LAYER_GAP = 70;
export const NODE_GAP = 36;
/** Room inside a stage's frame for its title (top) and around its steps, as in `elkGraph`. */
export const STAGE_PADDING = { top: 44, left: 20, bottom: 20, right: 20 } as const;
const SWEEPS = 4;

export interface QuickLayout {
  /** Every node's box, relative to its parent (the workflow or a stage). */
  readonly boxes: Map<string, Box>;
  /** Edges drawn against the flow: each closes a cycle of the others, which all point downwards. */
  readonly backEdges: Set<string>;
}

interface Edge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

/** For each node, its parent's id (the root's children have the root's id). */
function parents(root: ElkNode): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      found.set(child.id, node.id);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** The child of `container` that holds `id` (or is it), or undefined when `id` is not inside it. */
function childWithin(id: string, container: string, parentOf: ReadonlyMap<string, string>): string | undefined {
  let current = id;
  for (let parent = parentOf.get(current); parent !== undefined; parent = parentOf.get(current)) {
    if (parent === container) return current;
    current = parent;
  }
  return undefined;
}

/** Back edges of a depth-first walk that starts from the nodes with nothing pointing at them, in order. */
function backEdgesOf(ids: readonly string[], edges: readonly Edge[]): Set<string> {
  const out = new Map<string, Edge[]>(ids.map((id) => [id, []]));
  const pointedAt = new Set<string>();
  for (const edge of edges) {
    out.get(edge.source)!.push(edge);
    pointedAt.add(edge.target);
  }
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  const visit = (start: string) => {
    // Iterative, so a long chain cannot overflow the stack.
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edge = out.get(top.id)![top.next];
      if (edge === undefined) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      top.next += 1;
      const seen = state.get(edge.target);
      if (seen === 'open') back.add(edge.id);
      else if (seen === undefined) {
        state.set(edge.target, 'open');
        stack.push({ id: edge.target, next: 0 });
      }
    }
  };
  for (const id of ids) if (!pointedAt.has(id) && !state.has(id)) visit(id);
  for (const id of ids) if (!state.has(id)) visit(id);
  return back;
}

/** Lays out `container`'s children (stages first, recursively); returns the container's size. */
function layoutContainer(container: ElkNode, allEdges: readonly Edge[], parentOf: ReadonlyMap<string, string>, into: QuickLayout, padding: typeof STAGE_PADDING | null): { width: number; height: number } {
  const children = container.children ?? [];
  const sizes = new Map<string, { width: number; height: number }>();
  for (const child of children) {
    sizes.set(child.id, (child.children?.length ?? 0) > 0 ? layoutContainer(child, allEdges, parentOf, into, STAGE_PADDING) : { width: child.width ?? NODE_WIDTH, height: child.height ?? NODE_HEIGHT });
  }
  const ids = children.map((child) => child.id);
  // An edge counts here when both its ends lie inside this container, under different children.
  const edges: Edge[] = [];
  for (const edge of allEdges) {
    const source = childWithin(edge.source, container.id, parentOf);
    const target = childWithin(edge.target, container.id, parentOf);
    if (source !== undefined && target !== undefined && source !== target) edges.push({ id: edge.id, source, target });
  }
  const back = backEdgesOf(ids, edges);
  for (const id of back) into.backEdges.add(id);
  const forward = edges.filter((edge) => !back.has(edge.id));

  // Longest path from the top: a node sits one layer below the lowest node pointing at it.
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]));
  const outgoing = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of forward) {
    incoming.get(edge.target)!.push(edge.source);
    outgoing.get(edge.source)!.push(edge.target);
  }
  const layer = new Map<string, number>();
  const waiting = new Map(ids.map((id) => [id, incoming.get(id)!.length]));
  const ready = ids.filter((id) => waiting.get(id) === 0);
  for (let index = 0; index < ready.length; index += 1) {
    const id = ready[index]!;
    layer.set(id, Math.max(-1, ...incoming.get(id)!.map((source) => layer.get(source)!)) + 1);
    for (const target of outgoing.get(id)!) {
      const left = waiting.get(target)! - 1;
      waiting.set(target, left);
      if (left === 0) ready.push(target);
    }
  }
  const layers: string[][] = [];
  // `ready` is a topological order, so within a layer nodes start in the order the flow reaches them.
  for (const id of ready) (layers[layer.get(id)!] ??= []).push(id);

  // Barycentre ordering: each node moves toward the mean position of its neighbours in the layers already placed.
  const position = new Map<string, number>();
  const number = () => layers.forEach((row) => row.forEach((id, index) => position.set(id, index / Math.max(1, row.length - 1))));
  number();
  for (let sweep = 0; sweep < SWEEPS; sweep += 1) {
    const down = sweep % 2 === 0;
    const neighbours = down ? incoming : outgoing;
    const order = down ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const row of order) {
      const centre = new Map(
        row.map((id) => {
          const around = neighbours.get(id)!;
          return [id, around.length === 0 ? position.get(id)! : around.reduce((sum, other) => sum + position.get(other)!, 0) / around.length];
        }),
      );
      row.sort((a, b) => centre.get(a)! - centre.get(b)!);
      row.forEach((id, index) => position.set(id, index / Math.max(1, row.length - 1)));
    }
  }

  const rowWidth = (row: readonly string[]) => row.reduce((sum, id) => sum + sizes.get(id)!.width, 0) + NODE_GAP * Math.max(0, row.length - 1);
  const width = Math.max(0, ...layers.map(rowWidth));
  const left = padding?.left ?? 0;
  let y = padding?.top ?? 0;
  for (const row of layers) {
    let x = left + (width - rowWidth(row)) / 2;
    const height = Math.max(...row.map((id) => sizes.get(id)!.height));
    for (const id of row) {
      const size = sizes.get(id)!;
      into.boxes.set(id, { x, y, width: size.width, height: size.height });
      x += size.width + NODE_GAP;
    }
    y += height + LAYER_GAP;
  }
  const contentHeight = layers.length === 0 ? 0 : y - LAYER_GAP - (padding?.top ?? 0);
  return { width: width + left + (padding?.right ?? 0), height: contentHeight + (padding?.top ?? 0) + (padding?.bottom ?? 0) };
}

/** The quick layout of a graph in ELK's form (`elkGraph`): boxes relative to their parent, as ELK answers. */
export function quickLayout(root: ElkNode): QuickLayout {
  const parentOf = parents(root);
  const edges = (root.edges ?? []).flatMap((edge) => {
    const source = edge.sources[0];
    const target = edge.targets[0];
    return source === undefined || target === undefined || !parentOf.has(source) || !parentOf.has(target) ? [] : [{ id: edge.id, source, target }];
  });
  const layout: QuickLayout = { boxes: new Map(), backEdges: new Set() };
  layoutContainer(root, edges, parentOf, layout, null);
  return layout;
}
