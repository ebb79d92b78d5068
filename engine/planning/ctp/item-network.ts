import type { DayNumber } from '../calendar/index.js';
import { parseDay } from '../calendar/index.js';
import type { MrpItem, MrpScenario } from '../generated/planning-types.js';

/** One operation of an item's routing, with its work center resolved to an index (-1: unknown, not constrained). */
export interface RoutingStep {
  readonly workCenter: string;
  readonly workCenterIndex: number;
  readonly setupHours: number;
  readonly runHoursPerUnit: number;
  readonly outsourcedDays: number | undefined;
}

export interface SubstituteOption {
  readonly component: ItemNode | undefined;
  readonly componentId: string;
  /** Units of the substitute per unit of the primary. */
  readonly ratio: number;
}

export interface ComponentLine {
  readonly component: ItemNode | undefined;
  readonly componentId: string;
  /** qtyPer * (1 + component scrap): what one unit of the parent consumes. */
  readonly qtyPerUnit: number;
  readonly phantom: boolean;
  /** Lines that may stand in when this component is short, best first; empty for most lines. */
  readonly substitutes: readonly SubstituteOption[];
  /** Tells requirements apart that share an item and a date but not their substitutes. */
  readonly substituteKey: string;
}

export interface BomVersion {
  readonly version: string;
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly lines: readonly ComponentLine[];
}

export interface ItemNode {
  readonly index: number;
  readonly id: string;
  readonly item: MrpItem;
  /** Deepest position in any BOM (0: never a component): a requirement is complete once every lower code is exploded. */
  lowLevelCode: number;
  /** On a BOM cycle: the material pass refuses to explode it. */
  cyclic: boolean;
  readonly boms: BomVersion[];
  readonly routing: readonly RoutingStep[];
}

export interface ItemNetwork {
  readonly items: readonly ItemNode[];
  readonly byId: ReadonlyMap<string, ItemNode>;
  readonly workCenters: readonly { readonly id: string; readonly dailyCapacityHours: number }[];
  readonly workCenterIndex: ReadonlyMap<string, number>;
  readonly maxLowLevelCode: number;
}

/** The BOM version effective on `day`: the latest one started by then (ties: the higher version). */
export function bomAt(node: ItemNode, day: DayNumber): BomVersion | undefined {
  let best: BomVersion | undefined;
  for (const bom of node.boms) {
    if (bom.from > day || bom.to < day) continue;
    if (best === undefined || bom.from > best.from || (bom.from === best.from && bom.version > best.version)) best = bom;
  }
  return best;
}

/** Items, BOMs and routings indexed for the recursive asks, with low-level codes computed once per scenario. */
export function buildItemNetwork(scenario: MrpScenario): ItemNetwork {
  const workCenters = (scenario.workCenters ?? []).map((center) => ({ id: center.id, dailyCapacityHours: center.dailyCapacityHours }));
  const workCenterIndex = new Map(workCenters.map((center, index) => [center.id, index]));
  const routingsById = new Map<string, NonNullable<MrpScenario['routings']>[number]>();
  const routingByItem = new Map<string, NonNullable<MrpScenario['routings']>[number]>();
  for (const routing of scenario.routings ?? []) {
    routingsById.set(routing.id, routing);
    if (!routingByItem.has(routing.item)) routingByItem.set(routing.item, routing);
  }

  const items: ItemNode[] = [];
  const byId = new Map<string, ItemNode>();
  for (const item of scenario.items) {
    if (byId.has(item.id)) continue;
    const routing = (item.routing === undefined ? undefined : routingsById.get(item.routing)) ?? routingByItem.get(item.id);
    const steps = [...(routing?.operations ?? [])]
      .sort((a, b) => a.opNo - b.opNo)
      .map((op) => ({
        workCenter: op.workCenter,
        workCenterIndex: op.outsourced ? -1 : (workCenterIndex.get(op.workCenter) ?? -1),
        setupHours: op.outsourced ? 0 : op.setupMinutes / 60,
        runHoursPerUnit: op.outsourced ? 0 : op.runMinutes / 60,
        outsourcedDays: op.outsourced ? (op.leadDays ?? 0) : undefined,
      }));
    const node: ItemNode = { index: items.length, id: item.id, item, lowLevelCode: 0, cyclic: false, boms: [], routing: steps };
    items.push(node);
    byId.set(item.id, node);
  }

  for (const bom of scenario.boms) {
    const parent = byId.get(bom.item);
    if (parent === undefined) continue;
    parent.boms.push({
      version: bom.version,
      from: bom.effectiveFrom === undefined ? -Infinity : (parseDay(bom.effectiveFrom) ?? -Infinity),
      to: bom.effectiveTo === undefined ? Infinity : (parseDay(bom.effectiveTo) ?? Infinity),
      lines: componentLines(bom, byId),
    });
  }

  const maxLowLevelCode = assignLowLevelCodes(items);
  return { items, byId, workCenters, workCenterIndex, maxLowLevelCode };
}

function componentLines(bom: MrpScenario['boms'][number], byId: ReadonlyMap<string, ItemNode>): ComponentLine[] {
  const substitutes = new Map<number, (MrpScenario['boms'][number]['lines'][number] & { substituteFor: number })[]>();
  for (const line of bom.lines) {
    if (line.substituteFor === undefined) continue;
    const list = substitutes.get(line.substituteFor) ?? [];
    list.push(line as (typeof list)[number]);
    substitutes.set(line.substituteFor, list);
  }
  return bom.lines
    .filter((line) => line.substituteFor === undefined)
    .map((line) => {
      const options = (substitutes.get(line.lineNo) ?? [])
        .sort((a, b) => (a.priority ?? 1) - (b.priority ?? 1) || a.lineNo - b.lineNo)
        .map((sub) => ({ component: byId.get(sub.component), componentId: sub.component, ratio: sub.ratio ?? 1 }));
      return {
        component: byId.get(line.component),
        componentId: line.component,
        qtyPerUnit: line.qtyPer * (1 + (line.scrapPct ?? 0) / 100),
        phantom: line.phantom ?? false,
        substitutes: options,
        substituteKey: options.length === 0 ? '' : `${bom.id}#${line.lineNo}`,
      };
    });
}

/**
 * Low-level codes by depth-first search over every BOM version and substitute. Items on a cycle are
 * marked instead of looping; MRP reports the cycle itself.
 */
function assignLowLevelCodes(items: readonly ItemNode[]): number {
  const children = (node: ItemNode) =>
    node.boms.flatMap((bom) => bom.lines.flatMap((line) => [line.component, ...line.substitutes.map((sub) => sub.component)])).filter((child) => child !== undefined);
  const state = new Uint8Array(items.length); // 0 new, 1 on the stack, 2 done
  const depth = new Int32Array(items.length); // longest path below the item, in BOM levels
  const visit = (root: ItemNode) => {
    const stack: { node: ItemNode; next: ItemNode[]; at: number }[] = [{ node: root, next: children(root), at: 0 }];
    state[root.index] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.at < frame.next.length) {
        const child = frame.next[frame.at++]!;
        if (state[child.index] === 1) {
          for (const onStack of stack.slice(stack.findIndex((entry) => entry.node === child))) onStack.node.cyclic = true;
        } else if (state[child.index] === 0) {
          state[child.index] = 1;
          stack.push({ node: child, next: children(child), at: 0 });
        }
        continue;
      }
      stack.pop();
      state[frame.node.index] = 2;
      let below = 0;
      for (const child of frame.next) if (!child.cyclic && state[child.index] === 2) below = Math.max(below, depth[child.index]! + 1);
      depth[frame.node.index] = below;
    }
  };
  for (const node of items) if (state[node.index] === 0) visit(node);

  // Top-down pass: an item sits one level below its deepest parent.
  const order = [...items].sort((a, b) => depth[b.index]! - depth[a.index]!);
  let maxCode = 0;
  for (const node of order) {
    if (node.cyclic) continue;
    for (const child of children(node)) {
      if (child.cyclic) continue;
      if (child.lowLevelCode < node.lowLevelCode + 1) child.lowLevelCode = node.lowLevelCode + 1;
      maxCode = Math.max(maxCode, child.lowLevelCode);
    }
  }
  return maxCode;
}
