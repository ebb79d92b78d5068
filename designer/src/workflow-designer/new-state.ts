import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import type { Json } from './workflow-graph.js';

/** What the palette adds: the kinds of state a business user builds a workflow from. */
export const PALETTE_KINDS = ['state', 'task', 'decision', 'function', 'child', 'timer', 'final'] as const;
export type PaletteKind = (typeof PALETTE_KINDS)[number];

export interface NewStateContext {
  readonly title: LocalizedText;
  /** A role to give a new task, so it is valid from the start. */
  readonly role: string;
  /** The first function of the catalogue, for a new function node. */
  readonly fn: string | undefined;
  /** A workflow a new child-workflow node starts, with its form and that form's first field. */
  readonly child: { readonly workflow: string; readonly form: string; readonly firstField: string | undefined } | undefined;
}

/** A new state of a kind, as valid as it can be before it is connected. */
export function newStateNode(kind: PaletteKind, { title, role, fn, child }: NewStateContext): Json {
  switch (kind) {
    case 'state':
      return { title };
    case 'task':
      return { title, task: { title, assignees: [{ role }], onApproved: {} } };
    case 'decision':
      return { title, always: [{}] };
    case 'function':
      return { title, invoke: { function: fn ?? 'mrp.plan', onDone: {}, onError: {} } };
    case 'child':
      // The new record's first field starts empty, so the node is a valid draft the designer then fills in.
      return { title, spawn: { workflow: child?.workflow ?? '', form: child?.form ?? '', data: child?.firstField === undefined ? {} : { [child.firstField]: '""' }, onDone: {} } };
    case 'timer':
      return { title, wait: { after: 'PT24H', then: {} } };
    case 'final':
      return { title, type: 'final' };
  }
}
