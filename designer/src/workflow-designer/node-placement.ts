/**
 * Where a node added from the palette goes: by a click, to a free spot in view; by a drop, where it was
 * dropped, inside the stage it was dropped on. Pure.
 */
import { NODE_HEIGHT, NODE_WIDTH, type Box } from './elk-graph.js';
import { STAGE_PADDING } from './quick-layout.js';
import type { WorkflowGraph } from './workflow-graph.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

const GAP = 16;

/** Boxes in canvas coordinates: a step's box is relative to its stage, this adds up the stages' offsets. */
export function absoluteBoxes(graph: WorkflowGraph, boxes: ReadonlyMap<string, Box>): Map<string, Box> {
  const parents = new Map(graph.states.map((state) => [state.name, state.parent]));
  return new Map(
    [...boxes].map(([name, box]) => {
      let { x, y } = box;
      for (let parent = parents.get(name) ?? null; parent !== null; parent = parents.get(parent) ?? null) {
        const outer = boxes.get(parent);
        x += outer?.x ?? 0;
        y += outer?.y ?? 0;
      }
      return [name, { ...box, x, y }];
    }),
  );
}

/**
 * The free spot nearest `centre` for a new node's centre, inside `view` (the part of the canvas on
 * screen) when one is free there: candidates on a grid, nearest first. `centre` itself when the view is full.
 */
export function freeSpot(centre: Point, taken: Iterable<Box>, view: Box): Point {
  const boxes = [...taken];
  const free = (x: number, y: number) => boxes.every((box) => x + NODE_WIDTH / 2 + GAP <= box.x || x - NODE_WIDTH / 2 - GAP >= box.x + box.width || y + NODE_HEIGHT / 2 + GAP <= box.y || y - NODE_HEIGHT / 2 - GAP >= box.y + box.height);
  const inView = (x: number, y: number) => x - NODE_WIDTH / 2 >= view.x && x + NODE_WIDTH / 2 <= view.x + view.width && y - NODE_HEIGHT / 2 >= view.y && y + NODE_HEIGHT / 2 <= view.y + view.height;
  const stepX = NODE_WIDTH / 4;
  const stepY = NODE_HEIGHT / 2;
  const reach = Math.ceil(Math.max(view.width / stepX, view.height / stepY));
  const candidates: Point[] = [];
  for (let column = -reach; column <= reach; column += 1) {
    for (let row = -reach; row <= reach; row += 1) {
      const x = centre.x + column * stepX;
      const y = centre.y + row * stepY;
      if (inView(x, y)) candidates.push({ x, y });
    }
  }
  candidates.sort((a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y));
  return candidates.find((candidate) => free(candidate.x, candidate.y)) ?? centre;
}

/** The innermost stage (compound state) whose frame holds `point`, or null for the top level. */
export function stageAt(point: Point, graph: WorkflowGraph, absolute: ReadonlyMap<string, Box>): string | null {
  let found: { name: string; depth: number } | null = null;
  const depth = (name: string) => {
    let count = 0;
    for (let parent = graph.states.find((state) => state.name === name)?.parent ?? null; parent !== null; parent = graph.states.find((state) => state.name === parent)?.parent ?? null) count += 1;
    return count;
  };
  for (const state of graph.states) {
    if (state.kind !== 'compound') continue;
    const box = absolute.get(state.name);
    if (box === undefined || point.x < box.x || point.x > box.x + box.width || point.y < box.y || point.y > box.y + box.height) continue;
    const level = depth(state.name);
    if (found === null || level > found.depth) found = { name: state.name, depth: level };
  }
  return found?.name ?? null;
}

/**
 * A node dropped with its centre at `drop` into a stage: its box relative to the stage, kept inside the
 * frame's padding and, when it would cover one of the stage's steps (`siblings`, relative boxes too),
 * put below them all; the stage's box grows to hold it.
 */
export function placeInStage(drop: Point, stageBox: Box, stageAbsolute: Point, siblings: readonly Box[] = []): { child: Box; stage: Box } {
  const x = Math.max(STAGE_PADDING.left, drop.x - stageAbsolute.x - NODE_WIDTH / 2);
  let y = Math.max(STAGE_PADDING.top, drop.y - stageAbsolute.y - NODE_HEIGHT / 2);
  const covers = (box: Box) => x < box.x + box.width + GAP && box.x < x + NODE_WIDTH + GAP && y < box.y + box.height + GAP && box.y < y + NODE_HEIGHT + GAP;
  if (siblings.some(covers)) y = Math.max(...siblings.map((box) => box.y + box.height)) + 2 * GAP;
  const child = { x, y, width: NODE_WIDTH, height: NODE_HEIGHT };
  const stage = { ...stageBox, width: Math.max(stageBox.width, x + NODE_WIDTH + STAGE_PADDING.right), height: Math.max(stageBox.height, y + NODE_HEIGHT + STAGE_PADDING.bottom) };
  return { child, stage };
}
