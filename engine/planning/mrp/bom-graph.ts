import { compareText, type MrpModel } from './mrp-model.js';

/**
 * The order items are planned in and what was cut to get it. Every BOM line of every version is an
 * edge parent -> component (phantoms and substitutes included), so one low-level code serves all
 * versions. A substitute must be planned before the primary it stands in for, because the primary's
 * planner draws on what the substitute's own demands left over: that adds an edge substitute -> primary.
 */
export interface BomGraph {
  /** Every item, in id order: the order a plan lists them in. */
  readonly items: readonly string[];
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

/**
 * The graph is worked out on item numbers (their places in id order, so ascending numbers are text
 * order): a factory of 10k items has 100k BOM lines, and passes over maps keyed by id strings cost
 * several times more.
 */
export function buildBomGraph(model: MrpModel): BomGraph {
  const items = [...model.items.keys()].sort(compareText);
  const count = items.length;
  const numberOf = new Map(items.map((item, at) => [item, at]));
  const children: number[][] = items.map(() => []);
  const parents: number[][] = items.map(() => []);
  const primaries: number[][] = items.map(() => []);
  const seen = new Int32Array(count).fill(-1);
  for (const [item, versions] of model.bomsByItem) {
    const parent = numberOf.get(item);
    if (parent === undefined) continue;
    for (const version of versions) {
      for (const line of version.bom.lines) {
        const child = numberOf.get(line.component);
        if (child === undefined || seen[child] === parent) continue;
        seen[child] = parent;
        children[parent]!.push(child);
        parents[child]!.push(parent);
      }
      for (const [lineNo, substitutes] of version.substitutes) {
        const primary = numberOf.get(version.primaries.find((line) => line.lineNo === lineNo)?.component ?? '');
        if (primary === undefined) continue;
        for (const line of substitutes) {
          const substitute = numberOf.get(line.component);
          if (substitute !== undefined && substitute !== primary) primaries[substitute]!.push(primary);
        }
      }
    }
  }
  for (const list of [...children, ...parents]) list.sort(ascending);
  for (let at = 0; at < count; at++) primaries[at] = [...new Set(primaries[at]!)].sort(ascending);

  const bomSuccessors = (node: number) => children[node]!;
  // Per item in a cycle, the components its cut edges lead to.
  const cut = new Map<number, Set<number>>();
  const cycles: number[][] = [];
  for (const component of stronglyConnected(count, bomSuccessors)) {
    const member = new Set(component);
    const selfLoop = component.length === 1 && children[component[0]!]!.includes(component[0]!);
    if (component.length === 1 && !selfLoop) continue;
    for (const from of component) for (const to of children[from]!) if (member.has(to)) addTo(cut, from, to);
    cycles.push(cycleThrough(component, member, bomSuccessors));
  }
  const uncut = cut.size === 0 ? children : children.map((list, from) => (cut.has(from) ? list.filter((to) => !cut.get(from)!.has(to)) : list));
  const bomEdges = (node: number) => uncut[node]!;
  // Per substitute, the primaries it may not stand in for: the ordering they need would be circular.
  const disabled = new Map<number, Set<number>>();
  const usablePrimaries = (node: number) => (disabled.has(node) ? primaries[node]!.filter((primary) => !disabled.get(node)!.has(primary)) : primaries[node]!);
  const planningEdges = (node: number) => (primaries[node]!.length === 0 ? bomEdges(node) : [...bomEdges(node), ...usablePrimaries(node)]);
  for (const component of stronglyConnected(count, planningEdges)) {
    if (component.length === 1) continue;
    const member = new Set(component);
    for (const substitute of component) for (const primary of primaries[substitute]!) if (member.has(primary)) addTo(disabled, substitute, primary);
  }

  const lowLevel = longestPathLevels(count, bomEdges);
  const planningLevel = longestPathLevels(count, planningEdges);
  const order = items.map((_, at) => at).sort((a, b) => planningLevel[a]! - planningLevel[b]! || a - b);
  let levels = 0;
  for (const level of lowLevel) levels = Math.max(levels, level + 1);
  const named = (list: readonly number[]) => list.map((node) => items[node]!);
  const cutEdges = new Set<string>();
  for (const [from, targets] of cut) for (const to of targets) cutEdges.add(edgeKey(items[from]!, items[to]!));
  const disabledSubstitutes = new Set<string>();
  for (const [substitute, of] of disabled) for (const primary of of) disabledSubstitutes.add(edgeKey(items[primary]!, items[substitute]!));
  return {
    items,
    order: named(order),
    rank: new Map(order.map((node, at) => [items[node]!, at])),
    levels,
    cycles: cycles.map(named).sort((a, b) => compareText(a[0]!, b[0]!)),
    cutEdges,
    disabledSubstitutes,
    parents: new Map(parents.flatMap((list, node) => (list.length === 0 ? [] : [[items[node]!, named(list)] as const]))),
    primariesOf: new Map(primaries.flatMap((list, node) => (list.length === 0 ? [] : [[items[node]!, named(usablePrimaries(node))] as const]))),
  };
}

const ascending = (a: number, b: number) => a - b;

function addTo(map: Map<number, Set<number>>, key: number, value: number): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([value]));
  else set.add(value);
}

/** Tarjan's strongly connected components, iterative so a deep BOM cannot overflow the stack; each component in ascending order. */
function stronglyConnected(count: number, successors: (node: number) => readonly number[]): number[][] {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const frames: { node: number; next: readonly number[]; at: number }[] = [];
    const enter = (node: number) => {
      index[node] = counter;
      low[node] = counter;
      counter += 1;
      stack.push(node);
      onStack[node] = 1;
      frames.push({ node, next: successors(node), at: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.at < frame.next.length) {
        const next = frame.next[frame.at++]!;
        if (index[next] === -1) enter(next);
        else if (onStack[next] === 1) low[frame.node] = Math.min(low[frame.node]!, index[next]!);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] === index[frame.node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort(ascending));
      }
    }
  }
  return components;
}

/** The shortest cycle through the component's first item (breadth-first, neighbours in id order): what the exception names. */
function cycleThrough(component: readonly number[], member: ReadonlySet<number>, successors: (node: number) => readonly number[]): number[] {
  const start = component[0]!;
  const previous = new Map<number, number>();
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
function longestPathLevels(count: number, successors: (node: number) => readonly number[]): Int32Array {
  const indegree = new Int32Array(count);
  const next: (readonly number[])[] = [];
  for (let node = 0; node < count; node++) {
    const targets = successors(node);
    next.push(targets);
    for (const target of targets) indegree[target] = indegree[target]! + 1;
  }
  const level = new Int32Array(count);
  const queue: number[] = [];
  for (let node = 0; node < count; node++) if (indegree[node] === 0) queue.push(node);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const target of next[node]!) {
      level[target] = Math.max(level[target]!, level[node]! + 1);
      indegree[target] = indegree[target]! - 1;
      if (indegree[target] === 0) queue.push(target);
    }
  }
  return level;
}
