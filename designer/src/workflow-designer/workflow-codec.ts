import type { LocalizedText, WorkflowDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { DraftCodec } from '../definition-drafts/index.js';
import { definitionText, fromDefinition, isJson, type WorkflowGraph } from './workflow-graph.js';

/** A new workflow: one state to start from, on the form it runs on. */
export function emptyWorkflow(id: string, form: string, title: LocalizedText): WorkflowDefinition {
  return {
    kind: 'workflow',
    id,
    version: 1,
    title,
    form,
    initial: 'draft',
    states: { draft: { title: { 'zh-CN': '草稿', en: 'Draft' } } },
  };
}

/** The workflow designer's draft: the definition's text read as a graph and written back unchanged. */
export const workflowCodec: DraftCodec<WorkflowGraph> = {
  parse(text) {
    const value: unknown = JSON.parse(text);
    if (!isJson(value) || !isJson(value.states)) throw new Error('A workflow definition is an object with "states"');
    return fromDefinition(value as unknown as WorkflowDefinition);
  },
  print: definitionText,
  empty: (id) => fromDefinition(emptyWorkflow(id, id, { 'zh-CN': id, en: id })),
  withVersion: (graph, version) => ({ ...graph, root: { ...graph.root, version } }),
};
