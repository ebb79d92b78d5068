import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import { checkDiagramLayout, diagramStateNames, pruneDiagramLayout, type DiagramLayout, type DiagramRoute } from '../../engine/workflows/index.js';
import { CORNER, routeMidpoint, routeOf, routePath } from '../../designer/src/workflow-designer/edge-route.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { elkGraph, labelBox, NODE_HEIGHT, NODE_WIDTH, START_NODE, type Box } from '../../designer/src/workflow-designer/elk-graph.js';
import { flowEdges } from '../../designer/src/workflow-designer/flow-elements.js';
import { drawnNodes, fromDiagram, rememberedLayout, routesAfterMove, toDiagram, type CanvasLayout } from '../../designer/src/workflow-designer/layout-memory.js';
import { absoluteBoxes, freeSpot, placeInStage, stageAt } from '../../designer/src/workflow-designer/node-placement.js';
import { quickLayout, STAGE_PADDING } from '../../designer/src/workflow-designer/quick-layout.js';
import { renameState } from '../../designer/src/workflow-designer/workflow-edits.js';
import { fromDefinition, toDefinition, type WorkflowGraph } from '../../designer/src/workflow-designer/workflow-graph.js';

function collectBoxes(node: ElkNode, into = new Map<string, Box>()): Map<string, Box> {
  for (const child of node.children ?? []) {
    into.set(child.id, { x: child.x!, y: child.y!, width: child.width!, height: child.height! });
    collectBoxes(child, into);
  }
  return into;
}

const dir = join(import.meta.dirname, '../../definitions/mto/workflows');
const shipped = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => fromDefinition(JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowDefinition));
const ncr = shipped.find((graph) => graph.root.id === 'ncr')!;

/** A drawing of the graph as the canvas makes one: the quick layout, and a straight route for every arrow. */
function drawing(graph: WorkflowGraph): CanvasLayout {
  const { boxes } = quickLayout(elkGraph(graph));
  const routes = new Map<string, DiagramRoute>();
  for (const edge of graph.edges) if (edge.target !== null) routes.set(edge.id, { source: edge.source, target: edge.target, points: [[0, 0], [10, 40]], label: [5, 20] });
  return { boxes, routes };
}

describe('a workflow\'s remembered drawing', () => {
  it('goes to the server and back unchanged, passes its checks, and is drawn again as it was', () => {
    for (const graph of shipped) {
      const layout = drawing(graph);
      const diagram = JSON.parse(JSON.stringify(toDiagram(layout))) as DiagramLayout;
      expect(checkDiagramLayout(diagram)).toEqual([]);
      expect(pruneDiagramLayout(diagram, diagramStateNames(toDefinition(graph)))).toEqual(diagram);
      expect(rememberedLayout(graph, diagram)).toEqual(fromDiagram(diagram));
      expect(fromDiagram(diagram)).toEqual(layout);
    }
  });

  it('is drawn only when it places every node: a state renamed in the JSON since is laid out afresh', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shipped), fc.nat(), (graph, pick) => {
        const layout = toDiagram(drawing(graph));
        const state = graph.states[pick % graph.states.length]!;
        const renamed = renameState(graph, state.name, `${state.name}-renamed`);
        const trimmed = pruneDiagramLayout(layout, diagramStateNames(toDefinition(renamed)));
        expect(Object.keys(trimmed.nodes).sort()).toEqual(drawnNodes(graph).filter((name) => name !== state.name).sort());
        expect(Object.values(trimmed.routes).every((route) => route.source !== state.name && route.target !== state.name)).toBe(true);
        expect(rememberedLayout(renamed, trimmed)).toBeNull();
        expect(rememberedLayout(graph, null)).toBeNull();
      }),
    );
  });

  it('drops the routes of every arrow touching a node moved by hand, or a step of a moved stage, and keeps the rest', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shipped), fc.uniqueArray(fc.nat(), { maxLength: 3 }), (graph, picks) => {
        const { routes } = drawing(graph);
        const moved = picks.map((pick) => graph.states[pick % graph.states.length]!.name);
        const kept = routesAfterMove(routes, moved, graph);
        const inside = (name: string): boolean => moved.includes(name) || (graph.states.find((state) => state.name === name)?.parent ?? null) !== null && inside(graph.states.find((state) => state.name === name)!.parent!);
        for (const [id, route] of routes) expect(kept.has(id), id).toBe(!inside(route.source) && !inside(route.target));
        if (moved.length === 0) expect(kept).toBe(routes);
      }),
    );
  });

  it('draws an arrow along its route only while it still joins the two states ELK routed it between', () => {
    const { routes } = drawing(ncr);
    const edges = flowEdges(ncr, () => 'x', new Map(), null, routes);
    expect(edges.filter((edge) => edge.id !== `${START_NODE}>initial`).every((edge) => edge.type === 'routed' && edge.data?.route === routes.get(edge.id))).toBe(true);
    const first = ncr.edges.find((edge) => edge.target !== null)!;
    const elsewhere = new Map(routes);
    elsewhere.set(first.id, { ...routes.get(first.id)!, target: 'somewhere-else' });
    expect(flowEdges(ncr, () => 'x', new Map(), null, elsewhere).find((edge) => edge.id === first.id)?.data?.route).toBeUndefined();
  });

  it('refuses a malformed layout with a pointer to each problem', () => {
    expect(checkDiagramLayout([])).toEqual([{ pointer: '/layout', code: 'type', message: expect.any(String) }]);
    const problems = checkDiagramLayout({ nodes: { 'a/b': { x: Number.NaN, y: 0, width: 10, height: -1, z: 1 } }, routes: { e: { source: 'a', target: 3, points: [[0, 0], [1]] } } });
    expect(problems.map((problem) => problem.pointer).sort()).toEqual(['/layout/nodes/a~1b/height', '/layout/nodes/a~1b/x', '/layout/nodes/a~1b/z', '/layout/routes/e/points', '/layout/routes/e/target']);
  });
});

describe('placing a node added from the palette', () => {
  const views = fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }), width: fc.integer({ min: 300, max: 1600 }), height: fc.integer({ min: 200, max: 1000 }) });
  const boxes = fc.array(fc.record({ x: fc.integer({ min: -2500, max: 3500 }), y: fc.integer({ min: -2500, max: 3000 }), width: fc.integer({ min: 20, max: 400 }), height: fc.integer({ min: 20, max: 300 }) }), { maxLength: 40 });

  it('puts a clicked node in view, on a free spot when the view has one', () => {
    fc.assert(
      fc.property(views, boxes, (view, taken) => {
        const centre = { x: view.x + view.width / 2, y: view.y + view.height / 2 };
        const spot = freeSpot(centre, taken, view);
        const box = { x: spot.x - NODE_WIDTH / 2, y: spot.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT };
        expect(box.x >= view.x - 0.001 && box.y >= view.y - 0.001 && box.x + box.width <= view.x + view.width + 0.001 && box.y + box.height <= view.y + view.height + 0.001).toBe(true);
        const overlaps = taken.some((other) => box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height);
        if (overlaps) expect(spot).toEqual(centre);
      }),
    );
  });

  it('makes a node dropped on a stage\'s frame one of its steps, inside the frame, which grows to hold it', () => {
    const { boxes: layout } = quickLayout(elkGraph(ncr));
    const absolute = absoluteBoxes(ncr, layout);
    const stage = absolute.get('disposition')!;
    const inFrame = { x: stage.x + 30, y: stage.y + stage.height - 10 };
    expect(stageAt(inFrame, ncr, absolute)).toBe('disposition');
    expect(stageAt({ x: stage.x - 5, y: stage.y + 10 }, ncr, absolute)).toBeNull();
    const { child, stage: grown } = placeInStage(inFrame, layout.get('disposition')!, stage);
    expect(child.x).toBeGreaterThanOrEqual(STAGE_PADDING.left);
    expect(child.y).toBeGreaterThanOrEqual(STAGE_PADDING.top);
    expect(grown.width).toBeGreaterThanOrEqual(child.x + child.width + STAGE_PADDING.right);
    expect(grown.height).toBeGreaterThanOrEqual(child.y + child.height + STAGE_PADDING.bottom);
    expect({ x: grown.x, y: grown.y }).toEqual({ x: layout.get('disposition')!.x, y: layout.get('disposition')!.y });
    // Dropped onto one of the stage's steps, it goes below them all rather than on top.
    const steps = ncr.states.filter((state) => state.parent === 'disposition').map((state) => layout.get(state.name)!);
    const onStep = { x: stage.x + steps[0]!.x + 20, y: stage.y + steps[0]!.y + 20 };
    const below = placeInStage(onStep, layout.get('disposition')!, stage, steps);
    expect(below.child.y).toBeGreaterThanOrEqual(Math.max(...steps.map((step) => step.y + step.height)));
    expect(below.stage.height).toBeGreaterThanOrEqual(below.child.y + below.child.height + STAGE_PADDING.bottom);
  });
});

describe('an arrow along ELK\'s route', () => {
  const routes = fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 })), { minLength: 2, maxLength: 8 });

  it('starts and ends where the route does, and labels it halfway along', () => {
    fc.assert(
      fc.property(routes, (points) => {
        const path = routePath(points);
        expect(path.startsWith(`M ${points[0]![0]} ${points[0]![1]}`)).toBe(true);
        expect(path.endsWith(`L ${points.at(-1)![0]} ${points.at(-1)![1]}`)).toBe(true);
        const [x, y] = routeMidpoint(points);
        const xs = points.map((point) => point[0]);
        const ys = points.map((point) => point[1]);
        expect(x >= Math.min(...xs) && x <= Math.max(...xs) && y >= Math.min(...ys) && y <= Math.max(...ys)).toBe(true);
      }),
    );
    expect(routeMidpoint([[0, 0], [0, 100], [100, 100]])).toEqual([0, 100]);
    expect(routePath([[0, 0], [0, 100], [100, 100]])).toBe(`M 0 0 L 0 ${100 - CORNER} Q 0 100 ${CORNER} 100 L 100 100`);
  });

  it('gives ELK room for each label, CJK characters wider than Latin ones', () => {
    expect(labelBox('')).toBeNull();
    expect(labelBox('提交审批')!.width).toBeGreaterThan(labelBox('abcd')!.width);
  });
});

describe('ELK\'s drawing of the shipped workflows', () => {
  it('places every label of the NCR and sales-order workflows clear of every other label and of every node', async () => {
    // The same ELK as the worker's, run in this process.
    const Elk = (await import('elkjs/lib/elk.bundled.js')).default as unknown as new () => { layout(graph: ElkNode): Promise<ElkNode> };
    const elk = new Elk();
    for (const graph of shipped.filter((candidate) => ['ncr', 'sales-order-lifecycle'].includes(String(candidate.root.id)))) {
      const laidOut = await elk.layout(elkGraph(graph, (edge) => labelBox(`${edge.slot.kind} ${edge.id}`)));
      const labels = (laidOut.edges ?? []).filter((edge) => edge.id !== `${START_NODE}>initial`).map((edge) => {
        const route = routeOf(edge)!;
        const label = edge.labels![0]!;
        expect(route.label, edge.id).toEqual([label.x! + label.width! / 2, label.y! + label.height! / 2]);
        return { id: edge.id, x: label.x!, y: label.y!, width: label.width!, height: label.height! };
      });
      const nodes = [...absoluteBoxes(graph, collectBoxes(laidOut))].filter(([name]) => graph.states.find((state) => state.name === name)?.childrenAt === null);
      const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      for (const label of labels) {
        for (const other of labels) if (other.id !== label.id) expect(overlap(label, other), `${label.id} / ${other.id}`).toBe(false);
        for (const [name, box] of nodes) expect(overlap(label, box), `${label.id} on ${name}`).toBe(false);
      }
    }
  }, 30_000);
});
