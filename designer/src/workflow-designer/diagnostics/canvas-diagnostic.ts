import type { LocalizedText } from '../../../../engine/definitions/generated/definition-types.js';

/**
 * One problem of a workflow draft, placed on the canvas: the state it belongs to (dotted path of
 * state names) and, for a transition, its event and index. Events are the definition's names; the
 * other transitions are named `always`, `onDone`, `onApproved`, `onRejected`, `invoke.onDone`,
 * `invoke.onError`, `wait.then` and `spawn.onDone`. A single (not listed) transition has index 0.
 */
export interface CanvasDiagnostic {
  readonly pointer: string;
  readonly code: string;
  readonly message: LocalizedText | string;
  readonly severity: 'error' | 'warning';
  readonly statePath?: string;
  readonly event?: string;
  readonly transitionIndex?: number;
}

export interface CanvasPlace {
  readonly statePath?: string;
  readonly event?: string;
  readonly transitionIndex?: number;
}

const OUTCOMES: Readonly<Record<string, string>> = {
  'task/onApproved': 'onApproved',
  'task/onRejected': 'onRejected',
  'invoke/onDone': 'invoke.onDone',
  'invoke/onError': 'invoke.onError',
  'wait/then': 'wait.then',
  'spawn/onDone': 'spawn.onDone',
};

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

const isIndex = (segment: string | undefined) => segment !== undefined && /^\d+$/.test(segment);

/** Where on the canvas a JSON pointer into a workflow definition lands. */
export function placeOf(pointer: string): CanvasPlace {
  const segments = pointer === '' ? [] : pointer.split('/').slice(1).map(unescapeSegment);
  const path: string[] = [];
  let i = 0;
  while (segments[i] === 'states' && segments[i + 1] !== undefined) {
    path.push(segments[i + 1] as string);
    i += 2;
  }
  const rest = segments.slice(i);
  const place: { statePath?: string; event?: string; transitionIndex?: number } = path.length === 0 ? {} : { statePath: path.join('.') };
  if (rest[0] === 'on' && rest[1] !== undefined) {
    place.event = rest[1];
    place.transitionIndex = isIndex(rest[2]) ? Number(rest[2]) : 0;
  } else if (rest[0] === 'always' && isIndex(rest[1])) {
    place.event = 'always';
    place.transitionIndex = Number(rest[1]);
  } else if (rest[0] === 'onDone') {
    place.event = 'onDone';
    place.transitionIndex = 0;
  } else {
    const outcome = OUTCOMES[`${rest[0] ?? ''}/${rest[1] ?? ''}`];
    if (outcome !== undefined) {
      place.event = outcome;
      place.transitionIndex = 0;
    }
  }
  return place;
}
