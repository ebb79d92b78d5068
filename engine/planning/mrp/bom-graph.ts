import { compareText, type MrpModel } from './mrp-model.js';

/**
 * The order items are planned in and what was cut to get it. Every BOM line of every version is an
 * edge parent -> component (phantoms and substitutes included), so one low-level code serves all
 * versions. A substitute must be planned before the primary it stands in for, because the primary's
 * planner draws on what the substitute's own demands left over: that adds an edge substitute -> primary.
 */
export interface BomGraph {
  /** Items in planning order: parents before components, substitutes before their primaries, then by id. */
  readonly order: readonly string[];
  readonly rank: ReadonlyMap<string, number>;
  /** Deepest low-level code + 1. */
  readonly levels: number;
  /** Each cycle's items in order, the first repeated at the end. */
  readonly cycles: readonly (readonly string[])[];
  /** `parent \u0000 component` edges inside a cycle: not exploded. */
  readonly cutEdges: ReadonlySet<string>;
  /** `primary \u0000 substitute` pairs not used because the ordering they need would be circular. */
  readonly disabledSubstitutes: ReadonlySet<string>;
  /** Items whose BOM lines name the key (over cut edges too: they may name it in an exception). */
  readonly parents: ReadonlyMap<string, readonly string[]>;
  /** Items that the key substitutes for, over every BOM. */
  readonly primariesOf: ReadonlyMap<string, readonly string[]>;
}

export const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;

export function buildBomGraph(model: MrpModel): BomGraph {
  const items = [...model.items.keys()].sort(compareText);
  const children = new Map<string, Set<string>>();
  const parents = new Map<string, Set<string>>();
  const primariesOf = new Map<string, Set<string>>();
  for (const [item, versions] of model.bomsByItem) {
    if (!model.items.has(item)) continue;
    for (const version of versions) {
      for (const line of version.bom.lines) {
        if (!model.items.has(line.component)) continue;
        addTo(children, item, line.component);
        addTo(parents, line.component, item);
      }
      for (const [lineNo, substitutes] of version.substitutes) {
        const primary = version.primaries.find((line) => line.lineNo === lineNo)?.component;
        if (primary === undefined || !model.items.has(primary)) continue;
        for (const line of substitutes) if (model.items.has(line.component) && line.component !== primary) addTo(primariesOf, line.component, primary);
      }
    }
  }

  // Each item's neighbours are worked out once: the passes below visit every edge several times.
  const successors = new Map(items.map((item) => [item, sorted(children.get(item))]));
  const bomSuccessors = (item: string) => successors.get(item)!;
  const cutEdges = new Set<string>();
  const cycles: string[][] = [];
  for (const component of stronglyConnected(items, bomSuccessors)) {
    const member = new Set(component);
    const selfLoop = component.length === 1 && children.get(component[0]!)?.has(component[0]!) === true;
    if (component.length === 1 && !selfLoop) continue;
    for (const from of component) for (const to of children.get(from) ?? []) if (member.has(to)) cutEdges.add(edgeKey(from, to));
    cycles.push(cycleThrough(component, member, bomSuccessors));
  }
  cycles.sort((a, b) => compareText(a[0]!, b[0]!));

  const uncut = new Map(items.map((item) => [item, cutEdges.size === 0 ? bomSuccessors(item) : bomSuccessors(item).filter((to) => !cutEdges.has(edgeKey(item, to)))]));
  const bomEdges = (item: string) => uncut.get(item)!;
  const disabledSubstitutes = new Set<string>();
  const planningEdges = (item: string) =>
    primariesOf.has(item) ? [...bomEdges(item), ...sorted(primariesOf.get(item)).filter((primary) => !disabledSubstitutes.has(edgeKey(primary, item)))] : bomEdges(item);
  for (const component of stronglyConnected(items, planningEdges)) {
    if (component.length === 1) continue;
    const member = new Set(component);
    for (const substitute of component) for (const primary of primariesOf.get(substitute) ?? []) if (member.has(primary)) disabledSubstitutes.add(edgeKey(primary, substitute));
  }

  const lowLevel = longestPathLevels(items, bomEdges);
  const planningLevel = longestPathLevels(items, planningEdges);
  const order = [...items].sort((a, b) => planningLevel.get(a)! - planningLevel.get(b)! || compareText(a, b));
  let levels = 0;
  for (const level of lowLevel.values()) levels = Math.max(levels, level + 1);
  return {
    order,
    rank: new Map(order.map((item, index) => [item, index])),
    levels,
    cycles,
    cutEdges,
    disabledSubstitutes,
    parents: new Map([...parents].map(([item, set]) => [item, sorted(set)])),
    primariesOf: new Map([...primariesOf].map(([item, set]) => [item, sorted(set).filter((primary) => !disabledSubstitutes.has(edgeKey(primary, item)))])),
  };
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([value]));
  else set.add(value);
}

function sorted(set: ReadonlySet<string> | undefined): string[] {
  return set === undefined ? [] : [...set].sort(compareText);
}

/** Tarjan's strongly connected components, iterative so a deep BOM cannot overflow the stack. */
function stronglyConnected(nodes: readonly string[], successors: (node: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const frames: { node: string; next: readonly string[]; at: number }[] = [];
    const enter = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter += 1;
      stack.push(node);
      onStack.add(node);
      frames.push({ node, next: successors(node), at: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.at < frame.next.length) {
        const next = frame.next[frame.at++]!;
        if (!index.has(next)) enter(next);
        else if (onStack.has(next)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort(compareText));
      }
    }
  }
  return components;
}

/** The shortest cycle through the component's first item (breadth-first, neighbours by id): what the exception names. */
function cycleThrough(component: readonly string[], member: ReadonlySet<string>, successors: (node: string) => readonly string[]): string[] {
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of successors(node)) {
      if (!member.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.push(at);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** Longest path from any root (Kahn's order over an acyclic graph). */
function longestPathLevels(nodes: readonly string[], successors: (node: string) => readonly string[]): Map<string, number> {
  const indegree = new Map<string, number>(nodes.map((node) => [node, 0]));
  const next = new Map<string, readonly string[]>();
  for (const node of nodes) {
    const targets = successors(node);
    next.set(node, targets);
    for (const target of targets) indegree.set(target, indegree.get(target)! + 1);
  }
  const level = new Map<string, number>(nodes.map((node) => [node, 0]));
  const queue = nodes.filter((node) => indegree.get(node) === 0);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const target of next.get(node)!) {
      level.set(target, Math.max(level.get(target)!, level.get(node)! + 1));
      const left = indegree.get(target)! - 1;
      indegree.set(target, left);
      if (left === 0) queue.push(target);
    }
  }
  return level;
}
