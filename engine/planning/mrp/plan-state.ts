import type { MrpPlan, PlanException, PlannedOrder, RescheduleMessage } from '../generated/planning-types.js';
import { type BomGraph, buildBomGraph, edgeKey } from './bom-graph.js';
import { type Incoming, incomingFrom } from './demand-table.js';
import { type ItemFragment, itemFragment, type ItemHeadline, itemHeadline } from './item-fragment.js';
import { type ItemRows, itemRows } from './item-rows.js';
import type { ListDiff } from './explosion-diff.js';
import type { ExplosionList } from './explosion-list.js';
import { KeptIncoming } from './kept-incoming.js';
import { KeptTable } from './kept-table.js';
import { planItem } from './item-planner.js';
import type { ItemResult, PoolEntry, SubstituteDraw } from './item-records.js';
import { compareText, type MrpModel } from './mrp-model.js';
import type { MrpPlanHeadline } from './plan-headline.js';
import { type AssembledArray, assembleArray, concatAll } from './plan-arrays.js';

/**
 * Everything a plan is assembled from; the incremental planner keeps it between changes. Results are
 * the planner's own arrays; headlines and fragments (an item's plan records as objects) are made when
 * the plan is written out and kept until the item changes.
 */
export interface PlanState {
  readonly model: MrpModel;
  graph: BomGraph;
  readonly results: Map<string, ItemResult>;
  readonly headlines: Map<string, ItemHeadline>;
  readonly fragments: Map<string, ItemFragment>;
  /**
   * Items' demand and peg records made while they were planned, for a plan that will be written out
   * in full (`keepRows`), until they are: writing out would otherwise plan each item again.
   */
  readonly rows: Map<string, ItemRows>;
  readonly keepRows: boolean;
  /** Each item's demand table, kept by the incremental planner only (kept-table.ts). */
  readonly tables: Map<string, KeptTable> | undefined;
  /** Each item's incoming lists, kept by the incremental planner only (kept-incoming.ts). */
  readonly incoming: Map<string, KeptIncoming> | undefined;
  /** While net-change replans: the explosion lists it replaced, by the new list, for the components' kept tables. */
  readonly diffs: Map<ExplosionList, ListDiff>;
  /** While net-change replans: per item, the parents whose explosion lists it replaced. */
  readonly changedParents: Map<string, string[]>;
  /** The arrays of the last headline or plan written out, for the next to copy unchanged items' records from. */
  assembled: AssembledHeadline | undefined;
}

interface AssembledHeadline {
  /** The items whose parts they are (the graph's, replaced when items change). */
  readonly items: readonly string[];
  readonly plannedOrders: AssembledArray<PlannedOrder>;
  readonly rescheduleMessages: AssembledArray<RescheduleMessage>;
  readonly exceptions: AssembledArray<PlanException>;
}

export function createPlanState(model: MrpModel, keep: { rows: boolean; tables: boolean }): PlanState {
  return {
    model,
    graph: buildBomGraph(model),
    results: new Map(),
    headlines: new Map(),
    fragments: new Map(),
    rows: new Map(),
    keepRows: keep.rows,
    tables: keep.tables ? new Map() : undefined,
    incoming: keep.tables ? new Map() : undefined,
    diffs: new Map(),
    changedParents: new Map(),
    assembled: undefined,
  };
}

/**
 * An item's output changed: what was written out of it is dropped. Its rows are the planning's own,
 * replaced when it is replanned.
 */
export function forgetWritten(state: PlanState, item: string): void {
  state.headlines.delete(item);
  state.fragments.delete(item);
}

const NO_PARENTS: readonly string[] = [];

function incomingAt(state: PlanState, item: string, parent: string): Incoming | undefined {
  // A parent across a cut cycle edge may be planned after this item and still hold an older result.
  if (state.graph.cutEdges.size > 0 && state.graph.cutEdges.has(edgeKey(parent, item))) return undefined;
  const list = state.results.get(parent)?.explosions;
  return list === undefined ? undefined : incomingFrom(parent, list, item);
}

/** The item's parents' lists to it: gathered, or for the incremental planner kept and brought up to date. */
function incomingOf(state: PlanState, item: string): readonly Incoming[] {
  const parents = state.graph.parents.get(item) ?? NO_PARENTS;
  if (state.incoming === undefined) {
    const incoming: Incoming[] = [];
    for (const parent of parents) {
      const from = incomingAt(state, item, parent);
      if (from !== undefined) incoming.push(from);
    }
    return incoming;
  }
  const at = (parent: string) => incomingAt(state, item, parent);
  const kept = state.incoming.get(item);
  if (kept === undefined || kept.parents !== parents) {
    const gathered = KeptIncoming.gather(parents, at);
    state.incoming.set(item, gathered);
    return gathered.list;
  }
  const changed = state.changedParents.get(item);
  return changed === undefined ? kept.list : kept.replace(changed, at);
}

/** Net-change replaced the parent's explosion list: the item's kept incoming lists must take the new one. */
export function parentChanged(state: PlanState, item: string, parent: string): void {
  const changed = state.changedParents.get(item);
  if (changed === undefined) state.changedParents.set(item, [parent]);
  else if (changed[changed.length - 1] !== parent) changed.push(parent);
}

/** A substitute's leftover supply as the primary finds it: minus what primaries planned before it drew. */
function poolsFor(state: PlanState, item: string): (substitute: string) => PoolEntry[] | undefined {
  const views = new Map<string, PoolEntry[] | undefined>();
  const rank = state.graph.rank.get(item)!;
  return (substitute) => {
    if (views.has(substitute)) return views.get(substitute);
    const base = state.results.get(substitute)?.pool;
    const view = base?.map((entry) => ({ ...entry }));
    if (view !== undefined) {
      const byIndex = new Map(view.map((entry) => [entry.index, entry]));
      for (const primary of state.graph.primariesOf.get(substitute) ?? []) {
        if (state.graph.rank.get(primary)! >= rank) continue;
        for (const draw of state.results.get(primary)?.draws ?? []) {
          const entry = draw.substitute === substitute ? byIndex.get(draw.supplyIndex) : undefined;
          if (entry !== undefined) entry.avail -= draw.qty;
        }
      }
    }
    views.set(substitute, view);
    return view;
  };
}

/**
 * Plans the item and keeps its result, its demand and peg records where rows are kept, and its
 * demand table where tables are kept (the incremental planner: a copy, unless the kept table was
 * patched and planned from). Its previous result's unchanged shortages are handed on.
 */
export function replanItem(state: PlanState, item: string): ItemResult {
  const table = state.tables?.get(item);
  const kept = table === undefined ? undefined : { table, diffs: state.diffs };
  const previous = { kept, shortages: state.results.get(item)?.shortages ?? [] };
  const { result, detail } = planItem(state.model, state.graph, item, incomingOf(state, item), poolsFor(state, item), previous);
  state.results.set(item, result);
  state.tables?.set(item, detail.demands.kept ?? new KeptTable(detail.demands));
  if (state.keepRows) state.rows.set(item, itemRows(state.model, result, detail));
  else state.rows.delete(item);
  return result;
}

export function drawsOn(state: PlanState, substitute: string): SubstituteDraw[] {
  const primaries = [...(state.graph.primariesOf.get(substitute) ?? [])].sort((a, b) => state.graph.rank.get(a)! - state.graph.rank.get(b)!);
  const draws: SubstituteDraw[] = [];
  for (const primary of primaries) for (const draw of state.results.get(primary)?.draws ?? []) if (draw.substitute === substitute) draws.push(draw);
  return draws;
}

/** An item's planned orders, reschedule messages and exceptions, made from its result on first request. */
export function headlineOf(state: PlanState, item: string): ItemHeadline | undefined {
  const known = state.headlines.get(item);
  if (known !== undefined) return known;
  const result = state.results.get(item);
  if (result === undefined) return undefined;
  const headline = itemHeadline(state.model, result, drawsOn(state, item));
  state.headlines.set(item, headline);
  return headline;
}

/**
 * An item's plan records, made on first request: from the records kept when it was planned, or else
 * its demands and pegs are worked out again (the same inputs give the same plan).
 */
export function fragmentOf(state: PlanState, item: string): ItemFragment | undefined {
  const known = state.fragments.get(item);
  if (known !== undefined) return known;
  const headline = headlineOf(state, item);
  const result = state.results.get(item);
  if (headline === undefined || result === undefined) return undefined;
  let rows = state.rows.get(item);
  if (rows === undefined) {
    const again = planItem(state.model, state.graph, item, incomingOf(state, item), poolsFor(state, item));
    rows = itemRows(state.model, again.result, again.detail);
  }
  state.rows.delete(item);
  const fragment = itemFragment(state.model, result, rows, drawsOn(state, item), headline);
  state.fragments.set(item, fragment);
  return fragment;
}

/**
 * The regenerative run: every item in planning order. Nothing is written out yet, but for a plan
 * that will be written out in full (`keepRows`), each item's demand and peg records are made while
 * its detail is at hand, rather than planning it again then; the incremental planner keeps every
 * item's demand table, so that the first change patches tables too.
 */
export function planAll(state: PlanState): void {
  state.results.clear();
  state.headlines.clear();
  state.fragments.clear();
  state.rows.clear();
  state.tables?.clear();
  state.incoming?.clear();
  for (const item of state.graph.order) replanItem(state, item);
}

export function assembleHeadline(state: PlanState, replannedItems?: number): MrpPlanHeadline {
  return headlineFrom(state, state.graph.items.map((item) => headlineOf(state, item)!), replannedItems);
}

/** The graph's items' parts, in its order: the arrays are assembled from the last ones where those were of the same items. */
function headlineFrom(state: PlanState, parts: readonly ItemHeadline[], replannedItems: number | undefined): MrpPlanHeadline {
  const { model } = state;
  let shortages = 0;
  for (const part of parts) shortages += part.shortages;
  const items = state.graph.items;
  const last = state.assembled?.items === items ? state.assembled : undefined;
  const assembled: AssembledHeadline = {
    items,
    plannedOrders: assembleArray([], parts.map((part) => part.plannedOrders), last?.plannedOrders),
    rescheduleMessages: assembleArray([], parts.map((part) => part.rescheduleMessages), last?.rescheduleMessages),
    exceptions: assembleArray(globalExceptions(state), parts.map((part) => part.exceptions), last?.exceptions),
  };
  state.assembled = assembled;
  const plannedOrders = assembled.plannedOrders.all;
  const headline: MrpPlanHeadline = {
    horizon: { start: model.scenario.horizon.start, end: model.scenario.horizon.end, bucketDays: model.bucketDays },
    plannedOrders,
    rescheduleMessages: assembled.rescheduleMessages.all,
    exceptions: assembled.exceptions.all,
    summary: { items: model.items.size, levels: state.graph.levels, plannedOrders: plannedOrders.length, shortages },
  };
  if (replannedItems !== undefined) headline.summary.replannedItems = replannedItems;
  return headline;
}

export function assemblePlan(state: PlanState, replannedItems?: number): MrpPlan {
  const fragments = state.graph.items.map((item) => fragmentOf(state, item)!);
  const headline = headlineFrom(state, fragments, replannedItems);
  return {
    horizon: headline.horizon,
    plannedOrders: headline.plannedOrders,
    supplies: concatAll([], fragments.map((fragment) => fragment.supplies)),
    demands: concatAll([], fragments.map((fragment) => fragment.demands)),
    pegging: concatAll([], fragments.map((fragment) => fragment.pegging)),
    rescheduleMessages: headline.rescheduleMessages,
    exceptions: headline.exceptions,
    summary: headline.summary,
  };
}

/** Exceptions that belong to no known item: BOM cycles, and records naming items that do not exist. */
function globalExceptions(state: PlanState): PlanException[] {
  const { model } = state;
  const exceptions: PlanException[] = state.graph.cycles.map((cycle) => ({
    type: 'bom-cycle',
    item: cycle[0]!,
    items: [...cycle],
    message: `BOM cycle ${cycle.join(' -> ')}: these lines are not exploded`,
  }));
  const unknown = (map: ReadonlyMap<string, unknown>) => [...map.keys()].filter((item) => !model.items.has(item)).sort(compareText);
  for (const item of unknown(model.bomsByItem)) {
    for (const version of model.bomsByItem.get(item)!) {
      exceptions.push({ type: 'unknown-item', item, message: `BOM ${version.bom.id} is for the unknown item ${item}; not used` });
    }
  }
  for (const item of unknown(model.demandsByItem)) {
    for (const demand of [...model.demandsByItem.get(item)!.values()].sort((a, b) => compareText(a.id, b.id))) {
      exceptions.push({ type: 'unknown-item', item, demand: demand.id, message: `${demand.id} asks for the unknown item ${item}; not planned` });
    }
  }
  for (const item of unknown(model.stockByItem)) {
    exceptions.push({ type: 'unknown-item', item, message: `stock of the unknown item ${item} is ignored` });
  }
  for (const item of unknown(model.suppliesByItem)) {
    for (const supply of [...model.suppliesByItem.get(item)!.values()].sort((a, b) => compareText(a.id, b.id))) {
      exceptions.push({ type: 'unknown-item', item, supply: supply.id, message: `${supply.id} supplies the unknown item ${item}; ignored` });
    }
  }
  return exceptions;
}
