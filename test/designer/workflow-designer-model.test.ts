import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import ElkModule from 'elkjs/lib/elk.bundled.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import { validateAgainstMetaSchema } from '../../engine/definitions/index.js';
import { ANY_STATE, definitionText, fromDefinition, isJson, toDefinition, type Json } from '../../designer/src/workflow-designer/workflow-graph.js';
import { elkGraph } from '../../designer/src/workflow-designer/elk-graph.js';
import { addState, connectSlot, deleteState, deleteTransition, renameEvent, renameState } from '../../designer/src/workflow-designer/workflow-edits.js';

const dir = join(import.meta.dirname, '../../definitions/mto/workflows');
const shipped = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowDefinition);
const ncr = shipped.find((workflow) => workflow.id === 'ncr')!;
const canonical = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every target named anywhere in a definition. */
function targets(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((entry) => targets(entry, into));
  else if (isJson(value)) {
    for (const [key, entry] of Object.entries(value)) {
      if (key === 'target' && typeof entry === 'string') into.push(entry);
      else targets(entry, into);
    }
  }
  return into;
}

const stateName = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/);
const text = fc.record({ 'zh-CN': fc.string({ minLength: 1, maxLength: 6 }), en: fc.string({ minLength: 1, maxLength: 6 }) });
const transition = (names: readonly string[]) =>
  fc.record({ target: fc.constantFrom(...names), guard: fc.option(fc.constant('amount > 100'), { nil: undefined }), title: fc.option(text, { nil: undefined }) }, { requiredKeys: ['target'] });

/** Workflows made of the shipped ones' building blocks: tasks, decisions, timers, compounds, shuffled key orders. */
const generated: fc.Arbitrary<WorkflowDefinition> = fc.uniqueArray(stateName, { minLength: 2, maxLength: 10 }).chain((names) =>
  fc
    .tuple(
      ...names.map((name, index) =>
        fc.oneof(
          fc.record({ title: text, on: fc.dictionary(fc.constantFrom('submit', 'cancel', 'ship-it'), fc.oneof(transition(names), fc.array(transition(names), { minLength: 1, maxLength: 3 })), { minKeys: 1 }) }),
          fc.record({ task: fc.record({ assignees: fc.constant([{ role: 'buyer' }]), mode: fc.constantFrom('all', 'any', 'single'), onApproved: transition(names), onRejected: transition(names) }), title: text }),
          fc.record({ title: text, always: fc.array(transition(names), { minLength: 1, maxLength: 3 }) }),
          fc.record({ wait: fc.record({ after: fc.constantFrom('PT24H', 'P2D'), then: transition(names) }) }),
          fc.record({ type: fc.constant('final'), title: text }),
          index === 0
            ? fc.constant({ initial: `${name}-inner`, states: { [`${name}-inner`]: { type: 'final' } }, onDone: { target: names[1]! } })
            : fc.record({ title: text }),
        ),
      ),
    )
    .map((nodes) => ({ kind: 'workflow', id: 'generated', version: 1, title: { 'zh-CN': '生成', en: 'Generated' }, form: 'ncr', initial: names[0]!, states: Object.fromEntries(names.map((name, index) => [name, nodes[index]])) }) as unknown as WorkflowDefinition),
);

describe('the workflow designer model', () => {
  it('round-trips every shipped workflow byte for byte', () => {
    for (const workflow of shipped) {
      const graph = fromDefinition(workflow);
      expect(definitionText(graph)).toBe(canonical(workflow));
      expect(toDefinition(fromDefinition(toDefinition(graph)))).toEqual(workflow);
    }
  });

  it('round-trips generated workflows and draws one edge per transition', () => {
    fc.assert(
      fc.property(generated, (workflow) => {
        const graph = fromDefinition(workflow);
        expect(definitionText(graph)).toBe(canonical(workflow));
        expect(graph.edges.filter((edge) => edge.target !== null).map((edge) => edge.target).sort()).toEqual(targets(workflow.states).sort());
      }),
      { numRuns: 200 },
    );
  });

  it('reads the NCR workflow as typed nodes, a compound state with children, and its transitions', () => {
    const graph = fromDefinition(ncr);
    const kind = (name: string) => graph.states.find((state) => state.name === name)?.kind;
    expect([kind('open'), kind('containment'), kind('cause-decision'), kind('disposition'), kind('closed')]).toEqual(['state', 'task', 'decision', 'compound', 'final']);
    expect(graph.states.filter((state) => state.parent === 'disposition').map((state) => state.name)).toEqual(['disposition-proposal', 'material-review', 'disposition-agreed']);
    expect(graph.edges.find((edge) => edge.source === ANY_STATE)?.target).toBe('cancelled');
    expect(graph.edges.filter((edge) => edge.source === 'open').map((edge) => edge.id)).toEqual(['open>on:submit:0', 'open>on:submit:1']);
    expect(graph.edges.find((edge) => edge.id === 'material-review>rejected')?.target).toBe('disposition-proposal');
  });

  it('keeps every reference consistent when a state is renamed, for any state of any workflow', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shipped), fc.nat(), (workflow, pick) => {
        const graph = fromDefinition(workflow);
        const from = graph.states[pick % graph.states.length]!.name;
        const renamed = toDefinition(renameState(graph, from, 'renamed-state'));
        const before = targets(workflow).map((target) => (target === from ? 'renamed-state' : target));
        expect(targets(renamed)).toEqual(before);
        expect(fromDefinition(renamed).states.map((state) => state.name)).not.toContain(from);
        expect(validateAgainstMetaSchema('workflow', renamed)).toEqual([]);
        expect(definitionText(renameState(fromDefinition(renamed), 'renamed-state', from))).toBe(canonical(workflow));
      }),
    );
  });

  it('leaves no transition into a deleted state, and keeps the definition valid', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shipped), fc.nat(), (workflow, pick) => {
        const graph = fromDefinition(workflow);
        const name = graph.states[pick % graph.states.length]!.name;
        const after = deleteState(graph, name);
        const definition = toDefinition(after);
        const left = new Set(after.states.map((state) => state.name));
        expect(left.has(name)).toBe(false);
        expect(targets(definition).every((target) => left.has(target))).toBe(true);
        expect(left.has(definition.initial)).toBe(true);
        expect(validateAgainstMetaSchema('workflow', definition)).toEqual([]);
      }),
    );
  });

  it('adds a countersign task, connects it by an event and by its approval, and deletes a transition', () => {
    let graph = fromDefinition(ncr);
    const task = { title: { 'zh-CN': '复核', en: 'Review' }, task: { assignees: [{ role: 'engineer' }], mode: 'all', onApproved: {} } } satisfies Json;
    graph = addState(graph, 'review', task);
    graph = connectSlot(graph, 'open', { kind: 'on', event: 'review' }, { target: 'review' });
    graph = connectSlot(graph, 'review', { kind: 'approved' }, { target: 'closed' });
    const definition = toDefinition(graph) as unknown as { states: Record<string, Json> };
    expect(Object.keys(definition.states).at(-1)).toBe('review');
    expect(definition.states.review).toEqual({ ...task, task: { ...task.task, onApproved: { target: 'closed' } } });
    expect((definition.states.open!.on as Json).review).toEqual({ target: 'review' });
    expect(validateAgainstMetaSchema('workflow', definition)).toEqual([]);

    const second = connectSlot(graph, 'open', { kind: 'on', event: 'review' }, { target: 'closed' });
    expect(((toDefinition(second).states.open as Json).on as Json).review).toEqual([{ target: 'review' }, { target: 'closed' }]);
    const edge = second.edges.find((candidate) => candidate.id === 'open>on:review:0')!;
    const moved = renameEvent(second, edge, 'escalate');
    expect(((toDefinition(moved).states.open as Json).on as Json).escalate).toEqual({ target: 'review' });
    const gone = deleteTransition(graph, graph.edges.find((candidate) => candidate.id === 'open>on:review:0')!);
    expect(definitionText(deleteState(gone, 'review'))).toBe(canonical(ncr));
  });
});

describe('the workflow designer layout', () => {
  it('lays out every shipped workflow with ELK, each stage holding its steps', async () => {
    // elkjs is CommonJS: depending on the loader the default import is the class or its module.
    const Elk = ((ElkModule as unknown as { default?: unknown }).default ?? ElkModule) as new () => ELK;
    const elk = new Elk();
    for (const workflow of shipped) {
      const graph = fromDefinition(workflow);
      const laidOut = await elk.layout(elkGraph(graph));
      const placed = new Map<string, ElkNode>();
      const visit = (node: ElkNode, parent: string | null) => {
        for (const child of node.children ?? []) {
          placed.set(child.id, child);
          const state = graph.states.find((candidate) => candidate.name === child.id);
          if (state !== undefined) expect(state.parent).toBe(parent);
          visit(child, child.id);
        }
      };
      visit(laidOut, null);
      for (const state of graph.states) {
        const box = placed.get(state.name)!;
        const parent = state.parent === null ? undefined : placed.get(state.parent);
        expect(box.x).toBeGreaterThanOrEqual(0);
        if (parent !== undefined) expect(box.x! + box.width!).toBeLessThanOrEqual(parent.width!);
      }
    }
  });
});
