import type { MrpPlan, PlanDemand, PlanSupply } from '../../../engine/planning/generated/planning-types.js';
import { indexPlan, type PlanIndex } from './plan-index.js';

export interface DemandNode {
  readonly id: string;
  readonly type: 'demand';
  readonly demand: PlanDemand;
  /** 0 for the order lines, one more per BOM level below. */
  readonly level: number;
}

export interface SupplyNode {
  readonly id: string;
  readonly type: 'supply';
  readonly supply: PlanSupply;
  readonly level: number;
  /** Available after the due date of a demand it serves in this tree. */
  readonly late: boolean;
  /** Should have been released before the horizon start. */
  readonly pastDueStart: boolean;
  /** Component demands below the level limit, not drawn. */
  readonly hiddenComponents: number;
}

/** The part of a demand no supply covers on time: drawn as a leaf of its own so the gap is seen, not read. */
export interface ShortageNode {
  readonly id: string;
  readonly type: 'shortage';
  readonly demand: PlanDemand;
  readonly qty: number;
  readonly level: number;
}

export type PeggingNode = DemandNode | SupplyNode | ShortageNode;

export interface PeggingEdge {
  /** Unique even when a plan pegs the same supply to the same demand twice. */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** peg: demand → the supply covering it; component: supply → a demand of its BOM; short: demand → its shortage. */
  readonly kind: 'peg' | 'component' | 'short';
  readonly qty: number;
  readonly late: boolean;
}

export interface PeggingGraph {
  readonly nodes: readonly PeggingNode[];
  readonly edges: readonly PeggingEdge[];
  /** The walk stopped at the node limit; the drawing shows part of the tree. */
  readonly truncated: boolean;
}

export const demandNodeId = (id: string) => `demand:${id}`;
export const supplyNodeId = (id: string) => `supply:${id}`;
const shortageNodeId = (id: string) => `short:${id}`;

/** Beyond this a drawing is unreadable anyway, and ELK's layout time grows quickly. */
export const MAX_PEGGING_NODES = 250;

export interface PeggingLimits {
  /** Stop after this many nodes (the walk is breadth-first, so the upper levels come complete). */
  readonly maxNodes?: number;
  /** The deepest BOM level drawn: 0 shows the order lines and their supplies only. */
  readonly maxLevel?: number;
}

/**
 * The pegging tree below the given demands: each demand, the supplies pegged to it (with the quantity
 * pegged), the component demands of those supplies, and so on down to purchases and stock. A supply
 * shared by several demands of the tree is one node with several incoming edges; each node is visited
 * once, so a cyclic plan cannot loop.
 */
export function buildPeggingGraph(
  plan: MrpPlan,
  rootDemandIds: readonly string[],
  index: PlanIndex = indexPlan(plan),
  limits: PeggingLimits = {},
): PeggingGraph {
  const maxNodes = limits.maxNodes ?? MAX_PEGGING_NODES;
  const maxLevel = limits.maxLevel ?? Number.POSITIVE_INFINITY;
  const nodes = new Map<string, PeggingNode>();
  const edges: PeggingEdge[] = [];
  const lateSupplies = new Set<string>();
  let truncated = false;
  const room = () => {
    if (nodes.size < maxNodes) return true;
    truncated = true;
    return false;
  };

  let frontier: PlanDemand[] = [];
  for (const id of rootDemandIds) {
    const demand = index.demandById.get(id);
    if (demand && !nodes.has(demandNodeId(id)) && room()) {
      nodes.set(demandNodeId(id), { id: demandNodeId(id), type: 'demand', demand, level: 0 });
      frontier.push(demand);
    }
  }

  for (let level = 0; frontier.length > 0; level += 1) {
    const next: PlanDemand[] = [];
    for (const demand of frontier) {
      const from = demandNodeId(demand.id);
      const short = demand.shortQty ?? 0;
      if (short > 0 && room()) {
        nodes.set(shortageNodeId(demand.id), { id: shortageNodeId(demand.id), type: 'shortage', demand, qty: short, level });
        edges.push({ id: `${from}->short`, source: from, target: shortageNodeId(demand.id), kind: 'short', qty: short, late: false });
      }
      for (const peg of index.pegsByDemand.get(demand.id) ?? []) {
        const supply = index.supplyById.get(peg.supply);
        if (!supply) continue;
        const to = supplyNodeId(supply.id);
        const late = supply.date > demand.due;
        if (late) lateSupplies.add(supply.id);
        if (!nodes.has(to)) {
          if (!room()) continue;
          const components = index.componentsBySupply.get(supply.id) ?? [];
          const hiddenComponents = level + 1 > maxLevel ? components.length : 0;
          nodes.set(to, { id: to, type: 'supply', supply, level, late: false, pastDueStart: index.pastDueStart.has(supply.id), hiddenComponents });
          for (const component of hiddenComponents > 0 ? [] : components) {
            const componentId = demandNodeId(component.id);
            if (nodes.has(componentId) || !room()) continue;
            nodes.set(componentId, { id: componentId, type: 'demand', demand: component, level: level + 1 });
            edges.push({ id: `${to}->${componentId}`, source: to, target: componentId, kind: 'component', qty: component.qty, late: false });
            next.push(component);
          }
        }
        edges.push({ id: `${from}->${to}#${edges.length}`, source: from, target: to, kind: 'peg', qty: peg.qty, late });
      }
    }
    frontier = next;
  }

  const withLateness = [...nodes.values()].map((node) => (node.type === 'supply' && lateSupplies.has(node.supply.id) ? { ...node, late: true } : node));
  return { nodes: withLateness, edges, truncated };
}

export interface SupplyUse {
  readonly demand: PlanDemand;
  /** Quantity of the supply pegged to this demand. */
  readonly qty: number;
  /** The independent demands (order lines, forecasts, safety stock) this use ultimately serves. */
  readonly tops: readonly PlanDemand[];
}

/** The independent demands above a demand: up through the supply whose BOM needs it, then the demands that supply is pegged to. */
function topDemands(index: PlanIndex, demand: PlanDemand): PlanDemand[] {
  const tops = new Map<string, PlanDemand>();
  const seen = new Set<string>();
  const stack = [demand];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (seen.has(current.id)) continue;
    seen.add(current.id);
    if (current.parentSupply === undefined) {
      tops.set(current.id, current);
      continue;
    }
    for (const peg of index.pegsBySupply.get(current.parentSupply) ?? []) {
      const above = index.demandById.get(peg.demand);
      if (above) stack.push(above);
    }
  }
  return [...tops.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** 反查: every demand a supply is pegged to, each with the order lines it serves at the top of the BOM. */
export function whereUsed(index: PlanIndex, supplyId: string): SupplyUse[] {
  const uses: SupplyUse[] = [];
  for (const peg of index.pegsBySupply.get(supplyId) ?? []) {
    const demand = index.demandById.get(peg.demand);
    if (demand) uses.push({ demand, qty: peg.qty, tops: topDemands(index, demand) });
  }
  return uses;
}

/** The deepest level whose tree stays within the node budget: the first drawing of a large order, before the planner asks for more. */
export function readableLevel(plan: MrpPlan, rootDemandIds: readonly string[], index: PlanIndex, budget: number): number {
  let level = 0;
  for (;;) {
    const deeper = buildPeggingGraph(plan, rootDemandIds, index, { maxLevel: level + 1, maxNodes: budget + 1 });
    if (deeper.truncated || deeper.nodes.length > budget) return level;
    if (!deeper.nodes.some((node) => node.type === 'supply' && node.hiddenComponents > 0)) return level + 1;
    level += 1;
  }
}
