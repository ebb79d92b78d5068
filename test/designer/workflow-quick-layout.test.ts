import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import { elkGraph, START_NODE, type Box } from '../../designer/src/workflow-designer/elk-graph.js';
import { quickLayout } from '../../designer/src/workflow-designer/quick-layout.js';
import { fromDefinition } from '../../designer/src/workflow-designer/workflow-graph.js';

const dir = join(import.meta.dirname, '../../definitions/mto/workflows');
const shipped = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => fromDefinition(JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowDefinition));

interface Spec {
  readonly parents: readonly (number | null)[];
  readonly sizes: readonly { width: number; height: number }[];
  readonly edges: readonly [number, number][];
}

/** Graphs in ELK's form: nodes nested in stages (a node's parent comes before it), edges between any two. */
const specs: fc.Arbitrary<Spec> = fc.integer({ min: 1, max: 24 }).chain((count) =>
  fc.record({
    parents: fc.tuple(...Array.from({ length: count }, (_, index) => (index === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: index - 1 }), { freq: 2 })))),
    sizes: fc.array(fc.record({ width: fc.integer({ min: 20, max: 260 }), height: fc.integer({ min: 20, max: 120 }) }), { minLength: count, maxLength: count }),
    edges: fc.array(fc.tuple(fc.integer({ min: 0, max: count - 1 }), fc.integer({ min: 0, max: count - 1 })), { maxLength: count * 3 }),
  }),
);

function toElk(spec: Spec): ElkNode {
  const nodes: ElkNode[] = spec.parents.map((_, index) => ({ id: `n${index}`, ...spec.sizes[index]! }));
  const root: ElkNode = { id: 'root', children: [] };
  spec.parents.forEach((parent, index) => {
    const holder = parent === null ? root : nodes[parent]!;
    (holder.children ??= []).push(nodes[index]!);
  });
  for (const node of nodes) {
    if (node.children === undefined) continue;
    delete node.width;
    delete node.height;
  }
  return { ...root, edges: spec.edges.map(([from, to], index) => ({ id: `e${index}`, sources: [`n${from}`], targets: [`n${to}`] })) };
}

function parentsOf(spec: Spec): Map<string, string> {
  return new Map(spec.parents.map((parent, index) => [`n${index}`, parent === null ? 'root' : `n${parent}`]));
}

function absolute(boxes: ReadonlyMap<string, Box>, parentOf: ReadonlyMap<string, string>): Map<string, Box> {
  return new Map(
    [...boxes].map(([id, box]) => {
      let { x, y } = box;
      for (let parent = parentOf.get(id); parent !== undefined && parent !== 'root'; parent = parentOf.get(parent)) {
        x += boxes.get(parent)!.x;
        y += boxes.get(parent)!.y;
      }
      return [id, { ...box, x, y }];
    }),
  );
}

function ancestors(id: string, parentOf: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (let parent = parentOf.get(id); parent !== undefined; parent = parentOf.get(parent)) found.push(parent);
  return found;
}

/** An edge as its container lays it out: its ends replaced by the container's children that hold them. */
function atLevel(source: string, target: string, parentOf: ReadonlyMap<string, string>): { container: string; source: string; target: string } | null {
  const chain = (id: string) => [id, ...ancestors(id, parentOf)];
  const fromChain = chain(source);
  const toChain = chain(target);
  const container = fromChain.slice(1).find((candidate) => toChain.slice(1).includes(candidate))!;
  const from = fromChain[fromChain.indexOf(container) - 1]!;
  const to = toChain[toChain.indexOf(container) - 1]!;
  return fromChain.indexOf(container) === 0 || toChain.indexOf(container) === 0 || from === to ? null : { container, source: from, target: to };
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the quick layout drawn while ELK works', () => {
  it('never overlaps two nodes, and keeps every step inside its stage', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const parentOf = parentsOf(spec);
        const boxes = absolute(quickLayout(toElk(spec)).boxes, parentOf);
        expect(boxes.size).toBe(spec.parents.length);
        const ids = [...boxes.keys()];
        for (const a of ids) {
          for (const b of ids) {
            if (a >= b || ancestors(a, parentOf).includes(b) || ancestors(b, parentOf).includes(a)) continue;
            expect(overlap(boxes.get(a)!, boxes.get(b)!), `${a} and ${b}`).toBe(false);
          }
          const parent = parentOf.get(a)!;
          if (parent === 'root') continue;
          const inner = boxes.get(a)!;
          const outer = boxes.get(parent)!;
          expect(inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height, `${a} inside ${parent}`).toBe(true);
        }
      }),
    );
  });

  it('puts every edge\'s target below its source, but for back edges, each of which closes a cycle of downward edges', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const parentOf = parentsOf(spec);
        const { boxes, backEdges } = quickLayout(toElk(spec));
        const downward = new Map<string, string[]>();
        const back: { source: string; target: string }[] = [];
        spec.edges.forEach(([from, to], index) => {
          const edge = atLevel(`n${from}`, `n${to}`, parentOf);
          if (edge === null) return expect(backEdges.has(`e${index}`)).toBe(false);
          if (backEdges.has(`e${index}`)) return back.push(edge);
          const source = boxes.get(edge.source)!;
          expect(boxes.get(edge.target)!.y).toBeGreaterThanOrEqual(source.y + source.height);
          downward.set(edge.source, [...(downward.get(edge.source) ?? []), edge.target]);
        });
        for (const edge of back) {
          const reached = new Set([edge.target]);
          const queue = [edge.target];
          for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
            for (const target of downward.get(next) ?? []) if (!reached.has(target)) queue.push(target), reached.add(target);
          }
          expect(reached.has(edge.source), `${edge.source} -> ${edge.target} closes a cycle`).toBe(true);
        }
      }),
    );
  });

  it('places every state of every shipped workflow, the start marker above the first state and the happy path flowing down', () => {
    for (const graph of shipped) {
      const { boxes, backEdges } = quickLayout(elkGraph(graph));
      for (const state of graph.states) expect(boxes.has(state.name), state.name).toBe(true);
      const start = boxes.get(START_NODE)!;
      expect(boxes.get(String(graph.root.initial))!.y).toBeGreaterThan(start.y);
      // Rejections point back up; the first step's own arrows go down.
      expect(graph.edges.filter((edge) => edge.slot.kind === 'rejected').every((edge) => backEdges.has(edge.id) || edge.target !== String(graph.root.initial))).toBe(true);
    }
  });

  it('lays out the 60-state workflow of the bench as one column with its rejections as back edges', async () => {
    const { largeWorkflowDefinition, largeStateName } = await import('../support/large-workflow.js');
    const graph = fromDefinition(largeWorkflowDefinition() as unknown as WorkflowDefinition);
    const { boxes, backEdges } = quickLayout(elkGraph(graph));
    const ys = Array.from({ length: 60 }, (_, index) => boxes.get(largeStateName(index + 1))!.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(60);
    expect([...backEdges].sort()).toEqual(graph.edges.filter((edge) => edge.slot.kind === 'rejected').map((edge) => edge.id).sort());
  });
});
