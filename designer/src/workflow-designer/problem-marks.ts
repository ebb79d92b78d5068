/**
 * Where a problem shows on the canvas: publish errors and the checks as you build point into the
 * definition with JSON pointers (`/states/disposition/states/material-review/task/onApproved/target`);
 * this finds the state, and the transition when the pointer goes into one.
 */
import { ANY_STATE, edgeId, type TransitionSlot } from './workflow-graph.js';
import type { Marks } from './flow-elements.js';

export interface PlacedProblem {
  readonly pointer: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** Dotted path of the state (`disposition.material-review`), when the pointer does not name it. */
  readonly statePath?: string;
}

export interface ProblemPlace {
  /** The state the problem is in, or null for the workflow as a whole. */
  readonly state: string | null;
  readonly edge: string | null;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function slotOf(rest: readonly string[]): TransitionSlot | null {
  const [head, second, third] = rest;
  if (head === 'on' && second !== undefined) return { kind: 'on', event: second, index: third !== undefined && /^\d+$/.test(third) ? Number(third) : 0, list: false };
  if (head === 'always') return { kind: 'always', index: second !== undefined && /^\d+$/.test(second) ? Number(second) : 0 };
  if (head === 'onDone') return { kind: 'onDone' };
  if (head === 'task' && second === 'onApproved') return { kind: 'approved' };
  if (head === 'task' && second === 'onRejected') return { kind: 'rejected' };
  if (head === 'invoke' && second === 'onDone') return { kind: 'invokeDone' };
  if (head === 'invoke' && second === 'onError') return { kind: 'invokeError' };
  if (head === 'wait' && second === 'then') return { kind: 'timer' };
  if (head === 'spawn' && second === 'onDone') return { kind: 'spawnDone' };
  return null;
}

export function placeProblem(problem: Pick<PlacedProblem, 'pointer' | 'statePath'>): ProblemPlace {
  const segments = problem.pointer.split('/').slice(1).map(unescape);
  let state: string | null = null;
  let at = 0;
  while (segments[at] === 'states' && segments[at + 1] !== undefined) {
    state = segments[at + 1]!;
    at += 2;
  }
  if (state === null && problem.statePath !== undefined && problem.statePath !== '') state = problem.statePath.split('.').at(-1)!;
  const slot = slotOf(segments.slice(at));
  const source = state ?? (segments[0] === 'on' ? ANY_STATE : null);
  return { state, edge: slot === null || source === null ? null : edgeId(source, slot) };
}

/** Counts per state and per transition, for the badges on the canvas. */
export function problemMarks(problems: readonly PlacedProblem[]): Map<string, Marks> {
  const marks = new Map<string, { errors: number; warnings: number; messages: string[] }>();
  const add = (id: string, problem: PlacedProblem) => {
    const entry = marks.get(id) ?? { errors: 0, warnings: 0, messages: [] };
    if (problem.severity === 'error') entry.errors += 1;
    else entry.warnings += 1;
    entry.messages.push(problem.message);
    marks.set(id, entry);
  };
  for (const problem of problems) {
    const place = placeProblem(problem);
    if (place.state !== null) add(place.state, problem);
    if (place.edge !== null) add(place.edge, problem);
  }
  return marks;
}
