import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import { readDuration, writeDuration } from '../../designer/src/workflow-designer/duration.js';
import { flowEdges, flowNodes, keepUnchanged, nodeData } from '../../designer/src/workflow-designer/flow-elements.js';
import { placeProblem, problemMarks } from '../../designer/src/workflow-designer/problem-marks.js';
import { updateNode } from '../../designer/src/workflow-designer/workflow-edits.js';
import { ANY_STATE, fromDefinition, type GraphEdge, type TransitionSlot, type WorkflowGraph } from '../../designer/src/workflow-designer/workflow-graph.js';

const dir = join(import.meta.dirname, '../../definitions/mto/workflows');
const shipped = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => fromDefinition(JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowDefinition));

/** The JSON pointer of a transition, as the engine and the server write it. */
function pointerOf(graph: WorkflowGraph, edge: GraphEdge): string {
  const path: string[] = [];
  for (let name: string | null = edge.source === ANY_STATE ? null : edge.source; name !== null; name = graph.states.find((state) => state.name === name)!.parent) path.unshift('states', name);
  const tail: Record<Exclude<TransitionSlot['kind'], 'on' | 'always'>, string> = {
    onDone: 'onDone',
    approved: 'task/onApproved',
    rejected: 'task/onRejected',
    invokeDone: 'invoke/onDone',
    invokeError: 'invoke/onError',
    timer: 'wait/then',
    spawnDone: 'spawn/onDone',
  };
  const { slot } = edge;
  const rest = slot.kind === 'on' ? `on/${slot.event}${slot.list ? `/${slot.index}` : ''}` : slot.kind === 'always' ? `always/${slot.index}` : tail[slot.kind];
  return `/${[...path, rest].join('/')}/target`;
}

describe('the workflow canvas', () => {
  it('places a problem pointing into any transition of a shipped workflow on that arrow and its state', () => {
    for (const graph of shipped) {
      for (const edge of graph.edges) {
        const place = placeProblem({ pointer: pointerOf(graph, edge) });
        expect(place.edge).toBe(edge.id);
        expect(place.state).toBe(edge.source === ANY_STATE ? null : edge.source);
      }
    }
    const marks = problemMarks([
      { pointer: '/states/disposition/states/material-review/task/due/after', message: 'bad', severity: 'error' },
      { pointer: '', message: 'whole', severity: 'warning', statePath: 'disposition.material-review' },
    ]);
    expect(marks.get('material-review')).toEqual({ errors: 1, warnings: 1, messages: ['bad', 'whole'] });
  });

  it('reads back every duration it writes, in hours or days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom('hours' as const, 'days' as const), (amount, unit) => {
        expect(readDuration(writeDuration({ amount, unit }))).toEqual({ amount, unit });
      }),
    );
    expect(readDuration('P1DT4H')).toEqual({ amount: 28, unit: 'hours' });
    expect(readDuration('PT30M')).toBeNull();
  });

  it('hands React Flow the same objects for everything an edit did not touch', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shipped), fc.nat(), fc.string({ maxLength: 8 }), (graph, pick, title) => {
        const boxes = new Map(graph.states.map((state, index) => [state.name, { x: index * 10, y: 0, width: 210, height: 74 }]));
        const label = (edge: GraphEdge) => edge.id;
        const noMarks = new Map();
        const noActive = new Set<string>();
        const data = nodeData(graph, noMarks, noActive);
        const nodes = flowNodes(graph, data, boxes, null);
        const edges = flowEdges(graph, label, noMarks, null);
        const edited = graph.states[pick % graph.states.length]!.name;
        const next = updateNode(graph, edited, (node) => ({ ...node, title: { 'zh-CN': title, en: title } }));
        const nextNodes = keepUnchanged(flowNodes(next, nodeData(next, noMarks, noActive, data), boxes, null), nodes);
        const nextEdges = keepUnchanged(flowEdges(next, label, noMarks, null), edges);
        const changed = nextNodes.filter((node, index) => node !== nodes[index]).map((node) => node.id);
        expect(changed).toEqual([edited]);
        expect(nextEdges.every((edge, index) => edge === edges[index])).toBe(true);
      }),
    );
  });

  it('keeps the sizes React Flow measured on every node it is handed again, edited or not', () => {
    // A node object without its measured size is hidden by React Flow until measured again, and a node
    // whose size did not change is never measured again: it would vanish from the canvas.
    fc.assert(
      fc.property(fc.constantFrom(...shipped), fc.nat(), (graph, pick) => {
        const boxes = new Map(graph.states.map((state, index) => [state.name, { x: index * 10, y: 0, width: 210, height: 74 }]));
        const measured = new Map(graph.states.map((state, index) => [state.name, { width: 200 + index, height: 70 }]));
        const data = nodeData(graph, new Map(), new Set());
        const nodes = flowNodes(graph, data, boxes, null, measured);
        const edited = graph.states[pick % graph.states.length]!.name;
        const next = updateNode(graph, edited, (node) => ({ ...node, title: { 'zh-CN': 'x', en: 'x' } }));
        const nextNodes = keepUnchanged(flowNodes(next, nodeData(next, new Map(), new Set(), data), boxes, null, measured), nodes);
        for (const node of nextNodes.filter((candidate) => measured.has(candidate.id))) expect(node.measured).toEqual(measured.get(node.id));
        const resized = new Map([...measured, [edited, { width: 999, height: 70 }]]);
        const afterResize = keepUnchanged(flowNodes(next, nodeData(next, new Map(), new Set(), data), boxes, null, resized), nextNodes);
        expect(afterResize.filter((node, index) => node !== nextNodes[index]).map((node) => node.id)).toEqual([edited]);
      }),
    );
  });
});
