/** Drawing an arrow along ELK's route: the SVG path and where a label goes. Pure. */
import type { ElkExtendedEdge } from 'elkjs/lib/elk-api.js';
import type { DiagramRoute, Point } from '../../../engine/workflows/diagram-layout.js';

/** The radius of an arrow's bends. */
export const CORNER = 8;

/** An SVG path through the points, each bend rounded (never by more than half of either leg). */
export function routePath(points: readonly Point[], corner = CORNER): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  let path = `M ${first[0]} ${first[1]}`;
  for (let index = 0; index < rest.length; index += 1) {
    const [x, y] = rest[index]!;
    const next = rest[index + 1];
    if (next === undefined) {
      path += ` L ${x} ${y}`;
      break;
    }
    const [px, py] = index === 0 ? first : rest[index - 1]!;
    const inLength = Math.hypot(x - px, y - py);
    const outLength = Math.hypot(next[0] - x, next[1] - y);
    const r = Math.min(corner, inLength / 2, outLength / 2);
    if (r <= 0) {
      path += ` L ${x} ${y}`;
      continue;
    }
    const before: Point = [x - ((x - px) / inLength) * r, y - ((y - py) / inLength) * r];
    const after: Point = [x + ((next[0] - x) / outLength) * r, y + ((next[1] - y) / outLength) * r];
    path += ` L ${before[0]} ${before[1]} Q ${x} ${y} ${after[0]} ${after[1]}`;
  }
  return path;
}

/** The point halfway along the route, for a label ELK did not place. */
export function routeMidpoint(points: readonly Point[]): Point {
  const legs = points.slice(1).map((point, index) => Math.hypot(point[0] - points[index]![0], point[1] - points[index]![1]));
  let left = legs.reduce((sum, length) => sum + length, 0) / 2;
  for (let index = 0; index < legs.length; index += 1) {
    const length = legs[index]!;
    const [ax, ay] = points[index]!;
    const [bx, by] = points[index + 1]!;
    if (left <= length && length > 0) return [ax + ((bx - ax) * left) / length, ay + ((by - ay) * left) / length];
    left -= length;
  }
  return points[0] ?? [0, 0];
}

/** An edge's route as ELK answered it (`elk.json.edgeCoords: ROOT`, so in the canvas's coordinates). */
export function routeOf(edge: ElkExtendedEdge): DiagramRoute | null {
  const points: Point[] = [];
  for (const section of edge.sections ?? []) {
    points.push([section.startPoint.x, section.startPoint.y]);
    for (const bend of section.bendPoints ?? []) points.push([bend.x, bend.y]);
    points.push([section.endPoint.x, section.endPoint.y]);
  }
  const source = edge.sources[0];
  const target = edge.targets[0];
  if (points.length < 2 || source === undefined || target === undefined) return null;
  const label = edge.labels?.[0];
  const centre: Point | undefined = label?.x === undefined || label.y === undefined ? undefined : [label.x + (label.width ?? 0) / 2, label.y + (label.height ?? 0) / 2];
  return centre === undefined ? { source, target, points } : { source, target, points, label: centre };
}
