import type { LocalizedText, WorkflowDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { TimelineEntry } from '../api/workflow-types.js';
import { eventTitle, leafStates, stateTitle } from './workflow-states.js';

export type StepKind =
  | 'start'
  | 'approve'
  | 'reject'
  | 'return'
  | 'transfer'
  | 'add-signer'
  | 'withdraw'
  | 'timer'
  | 'auto-done'
  | 'auto-error'
  | 'children-started'
  | 'child-ended'
  | 'migrated'
  | 'event';

/** A state's title, or its name when the definition (of another version, say) has no such state. */
export type StepPlace = LocalizedText | string;

/** One line of the timeline as people read it: what happened, at which step, and where it led. */
export interface TimelineStep {
  readonly entry: TimelineEntry;
  readonly kind: StepKind;
  /** The step it happened at: a task's node, or the automatic step that finished. */
  readonly at?: StepPlace;
  /** The step it led to, when that is another one. */
  readonly to?: StepPlace;
  /** A business event's own title (`submit` -> 提交审核), or its name when the definition has none. */
  readonly event?: StepPlace;
}

/** Logged types that are a kind's own name. */
const NAMED_KINDS: ReadonlySet<string> = new Set(['approve', 'reject', 'return', 'transfer', 'add-signer', 'withdraw']);
/** The engine's own logged types, as people read them. */
const ENGINE_KINDS: Readonly<Record<string, StepKind>> = {
  'ordo.start': 'start',
  'ordo.timer': 'timer',
  'ordo.children.started': 'children-started',
  'ordo.child.ended': 'child-ended',
  'ordo.migrated': 'migrated',
};
const AUTO_DONE = 'xstate.done.actor.';
const AUTO_ERROR = 'xstate.error.actor.';

function placeOf(definition: WorkflowDefinition | undefined, name: string): StepPlace {
  return stateTitle(definition, name) ?? name;
}

/**
 * Reads one logged event. The engine's own bookkeeping (handing a task to its assignees) is left
 * out: the open tasks show who holds the work now, and the step before says why.
 */
export function describeStep(entry: TimelineEntry, definition: WorkflowDefinition | undefined): TimelineStep | undefined {
  const { type } = entry;
  if (type === 'ordo.task.assigned') return undefined;
  let kind: StepKind = 'event';
  let atName = entry.node ?? undefined;
  if (Object.hasOwn(ENGINE_KINDS, type)) kind = ENGINE_KINDS[type] ?? 'event';
  else if (NAMED_KINDS.has(type)) kind = type as StepKind;
  else if (type.startsWith(AUTO_DONE)) [kind, atName] = ['auto-done', type.slice(AUTO_DONE.length)];
  else if (type.startsWith(AUTO_ERROR)) [kind, atName] = ['auto-error', type.slice(AUTO_ERROR.length)];
  const [reached] = leafStates(entry.stateAfter, definition);
  const step: { -readonly [K in keyof TimelineStep]: TimelineStep[K] } = { entry, kind };
  if (atName !== undefined) step.at = placeOf(definition, atName);
  if (reached !== undefined && reached !== atName) step.to = placeOf(definition, reached);
  if (kind === 'event') step.event = eventTitle(definition, type) ?? type;
  return step;
}

/** The timeline in order of the log, without the engine's bookkeeping. */
export function timelineSteps(timeline: readonly TimelineEntry[], definition: WorkflowDefinition | undefined): TimelineStep[] {
  return [...timeline]
    .sort((a, b) => a.seq - b.seq)
    .map((entry) => describeStep(entry, definition))
    .filter((step): step is TimelineStep => step !== undefined);
}
