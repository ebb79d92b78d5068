/**
 * Where the workflow designer drew a workflow: each node's box and, for arrows ELK routed, their bend
 * points and label position. It is kept next to a draft, never in the definition, so the definition's
 * text stays exactly what the designer wrote. Pure: the server checks and trims it on save and read,
 * the designer reads and writes it.
 */
import type { FieldError } from '../errors/index.js';
import { escapePointer } from '../definitions/meta-schema-errors.js';

export type Point = readonly [number, number];

/** A box relative to its parent (the workflow, or the stage holding the state), as the canvas keeps it. */
export interface DiagramBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An arrow as ELK routed it, in workflow coordinates; valid only between the `source` and `target` it names. */
export interface DiagramRoute {
  readonly source: string;
  readonly target: string;
  readonly points: readonly Point[];
  readonly label?: Point;
}

export interface DiagramLayout {
  /** By state name, plus the start marker `^start` and the "any state" box `*`. */
  readonly nodes: Readonly<Record<string, DiagramBox>>;
  /** By edge id (`state>slot`, as the designer names transitions). */
  readonly routes: Readonly<Record<string, DiagramRoute>>;
}

/** Nodes the designer draws that are not states. */
export const DIAGRAM_PSEUDO_NODES: readonly string[] = ['^start', '*'];

const LIMITS = { entries: 5000, points: 200, coordinate: 1e6, size: 1e5, name: 200 } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= LIMITS.coordinate;
}

function isPoint(value: unknown): value is Point {
  return Array.isArray(value) && value.length === 2 && isCoordinate(value[0]) && isCoordinate(value[1]);
}

function checkEntries(value: unknown, pointer: string, problems: FieldError[], checkEntry: (entry: unknown, at: string) => void): void {
  if (!isRecord(value)) {
    problems.push({ pointer, code: 'type', message: 'must be an object' });
    return;
  }
  const keys = Object.keys(value);
  if (keys.length > LIMITS.entries) problems.push({ pointer, code: 'maxProperties', message: `must have at most ${LIMITS.entries} entries` });
  for (const key of keys.slice(0, LIMITS.entries)) {
    const at = `${pointer}/${escapePointer(key)}`;
    if (key.length === 0 || key.length > LIMITS.name) problems.push({ pointer: at, code: 'propertyName', message: `names have 1 to ${LIMITS.name} characters` });
    else checkEntry(value[key], at);
  }
}

function checkBox(box: unknown, at: string, problems: FieldError[]): void {
  if (!isRecord(box)) return void problems.push({ pointer: at, code: 'type', message: 'must be an object {x, y, width, height}' });
  for (const key of Object.keys(box)) if (!['x', 'y', 'width', 'height'].includes(key)) problems.push({ pointer: `${at}/${key}`, code: 'additionalProperties', message: 'is not part of a box' });
  for (const key of ['x', 'y'] as const) if (!isCoordinate(box[key])) problems.push({ pointer: `${at}/${key}`, code: 'type', message: `must be a number of at most ${LIMITS.coordinate} either way` });
  for (const key of ['width', 'height'] as const) {
    const size = box[key];
    if (typeof size !== 'number' || !Number.isFinite(size) || size <= 0 || size > LIMITS.size) problems.push({ pointer: `${at}/${key}`, code: 'type', message: `must be a number above 0 and at most ${LIMITS.size}` });
  }
}

function checkRoute(route: unknown, at: string, problems: FieldError[]): void {
  if (!isRecord(route)) return void problems.push({ pointer: at, code: 'type', message: 'must be an object {source, target, points, label?}' });
  for (const key of Object.keys(route)) if (!['source', 'target', 'points', 'label'].includes(key)) problems.push({ pointer: `${at}/${key}`, code: 'additionalProperties', message: 'is not part of a route' });
  for (const key of ['source', 'target'] as const) if (typeof route[key] !== 'string') problems.push({ pointer: `${at}/${key}`, code: 'type', message: 'must be a state name' });
  const { points, label } = route;
  if (!Array.isArray(points) || points.length < 2 || points.length > LIMITS.points || !points.every(isPoint)) problems.push({ pointer: `${at}/points`, code: 'type', message: `must be 2 to ${LIMITS.points} points [x, y]` });
  if (label !== undefined && !isPoint(label)) problems.push({ pointer: `${at}/label`, code: 'type', message: 'must be a point [x, y]' });
}

/** The problems with a layout a client sent, with pointers under `pointer` (the request's `/layout`). */
export function checkDiagramLayout(value: unknown, pointer = '/layout'): FieldError[] {
  const problems: FieldError[] = [];
  if (!isRecord(value)) return [{ pointer, code: 'type', message: 'must be an object {nodes, routes}' }];
  for (const key of Object.keys(value)) if (key !== 'nodes' && key !== 'routes') problems.push({ pointer: `${pointer}/${escapePointer(key)}`, code: 'additionalProperties', message: 'a layout has only nodes and routes' });
  checkEntries(value.nodes, `${pointer}/nodes`, problems, (box, at) => checkBox(box, at, problems));
  checkEntries(value.routes, `${pointer}/routes`, problems, (route, at) => checkRoute(route, at, problems));
  return problems;
}

/**
 * The layout with only what still names the workflow's states: a box for each state (and pseudo node)
 * and routes whose both ends are states. A renamed or removed state's box goes; the designer gives a
 * state without a box a place of its own (see docs/workflow-designer.md).
 */
export function pruneDiagramLayout(layout: DiagramLayout, states: ReadonlySet<string>): DiagramLayout {
  const known = (name: string) => states.has(name) || DIAGRAM_PSEUDO_NODES.includes(name);
  const nodes = Object.fromEntries(Object.entries(layout.nodes).filter(([name]) => known(name)));
  const routes = Object.fromEntries(Object.entries(layout.routes).filter(([, route]) => known(route.source) && known(route.target)));
  return { nodes, routes };
}

/** Every state name of a workflow definition's `states`, at any depth; tolerant of a draft's loose shape. */
export function diagramStateNames(definition: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (states: unknown) => {
    if (!isRecord(states)) return;
    for (const [name, node] of Object.entries(states)) {
      names.add(name);
      if (isRecord(node)) visit(node.states);
    }
  };
  if (isRecord(definition)) visit(definition.states);
  return names;
}
