import type { FieldError } from '../../errors/index.js';
import { type BomGraph, buildBomGraph } from './bom-graph.js';
import { diffExplosions } from './explosion-diff.js';
import { componentsOf, sameExplosions } from './explosion-list.js';
import type { PoolEntry, SubstituteDraw } from './item-records.js';
import type { MrpChange } from './mrp-changes.js';
import { isCancelledOrder, putBom, putDemand, putSupply, removeBom, removeDemand, removeSupply, replaceStock } from './mrp-model.js';
import { forgetWritten, parentChanged, type PlanState, replanItem } from './plan-state.js';
import { bomProblems, demandProblems, itemProblems, supplyProblems, throwIfProblems } from './scenario-checks.js';

/**
 * Applies changes to the model and replans what they reach. An item's result is a pure function of
 * its own records, its incoming dependent demand and the substitute pools it sees, so an item none of
 * those changed for keeps its result; walking the planning order once, an item is replanned when it
 * is dirty, and makes its components dirty only when the demand it places on them changed (likewise
 * primaries when its free pool changed). The outcome is the regenerative run's, by construction.
 * Returns how many items were replanned.
 */
export function applyChanges(state: PlanState, changes: readonly MrpChange[]): number {
  throwIfProblems(changes.flatMap(changeProblems));
  const { model } = state;
  const dirty = new Set<string>();
  let structural = false;
  const removed = new Set<string>();
  for (const change of changes) {
    switch (change.type) {
      case 'upsert-demand':
      case 'remove-demand': {
        const old = model.demands.get(change.type === 'upsert-demand' ? change.demand.id : change.id);
        const orders = [old?.salesOrder, change.type === 'upsert-demand' ? change.demand.salesOrder : undefined];
        const cancelledBefore = orders.map((order) => isCancelledOrder(model, order));
        if (old !== undefined) dirty.add(old.item);
        if (change.type === 'upsert-demand') {
          putDemand(model, change.demand);
          dirty.add(change.demand.item);
        } else removeDemand(model, change.id);
        orders.forEach((order, at) => {
          if (order !== undefined && isCancelledOrder(model, order) !== cancelledBefore[at]) for (const item of model.reservedItems.get(order)?.keys() ?? []) dirty.add(item);
        });
        break;
      }
      case 'upsert-supply':
      case 'remove-supply': {
        const old = model.supplies.get(change.type === 'upsert-supply' ? change.supply.id : change.id);
        if (old !== undefined) dirty.add(old.item);
        if (change.type === 'upsert-supply') {
          putSupply(model, change.supply);
          dirty.add(change.supply.item);
        } else removeSupply(model, change.id);
        break;
      }
      case 'replace-stock':
        replaceStock(model, change.item, change.rows);
        dirty.add(change.item);
        break;
      case 'upsert-item':
        if (!model.items.has(change.item.id)) structural = true;
        model.items.set(change.item.id, change.item);
        removed.delete(change.item.id);
        dirty.add(change.item.id);
        break;
      case 'remove-item':
        if (model.items.delete(change.id)) {
          structural = true;
          removed.add(change.id);
        }
        break;
      case 'upsert-bom':
      case 'remove-bom': {
        const old = model.boms.get(change.type === 'upsert-bom' ? change.bom.id : change.id);
        if (old !== undefined) dirty.add(old.item);
        if (change.type === 'upsert-bom') {
          putBom(model, change.bom);
          dirty.add(change.bom.item);
        } else removeBom(model, change.id);
        structural = true;
        break;
      }
    }
  }
  if (structural) regraph(state, dirty, removed);
  return replanDirty(state, dirty);
}

function changeProblems(change: MrpChange, at: number): FieldError[] {
  const pointer = `/changes/${at}`;
  switch (change.type) {
    case 'upsert-demand':
      return demandProblems(change.demand, `${pointer}/demand`);
    case 'upsert-supply':
      return supplyProblems(change.supply, `${pointer}/supply`);
    case 'upsert-item':
      return itemProblems(change.item, `${pointer}/item`);
    case 'upsert-bom':
      return bomProblems(change.bom, `${pointer}/bom`);
    default:
      return [];
  }
}

/**
 * A BOM or item change rebuilds the planning order. Items whose neighbourhood in the graph changed
 * (parents, cut cycle edges, substitutes and the order their primaries draw in) are made dirty; a
 * change of which edges are cut or which substitutes are disabled replans everything, being rare.
 */
function regraph(state: PlanState, dirty: Set<string>, removed: ReadonlySet<string>): void {
  const before = state.graph;
  const after = buildBomGraph(state.model);
  state.graph = after;
  for (const item of removed) {
    for (const child of componentsOf(state.results.get(item)?.explosions)) dirty.add(child);
    for (const parent of before.parents.get(item) ?? []) dirty.add(parent);
    for (const primary of before.primariesOf.get(item) ?? []) dirty.add(primary);
    for (const draw of state.results.get(item)?.draws ?? []) {
      dirtyAfter(before, draw.substitute, item, dirty);
      // The substitute's written plan lists what the removed item drew from it.
      forgetWritten(state, draw.substitute);
    }
    state.results.delete(item);
    state.tables?.delete(item);
    state.incoming?.delete(item);
    state.rows.delete(item);
    forgetWritten(state, item);
  }
  if (!sameSet(before.cutEdges, after.cutEdges) || !sameSet(before.disabledSubstitutes, after.disabledSubstitutes)) {
    for (const item of after.order) dirty.add(item);
    return;
  }
  for (const item of after.order) {
    if (!state.results.has(item)) {
      dirty.add(item);
      for (const parent of after.parents.get(item) ?? []) dirty.add(parent);
    }
    if (!sameList(before.parents.get(item), after.parents.get(item))) dirty.add(item);
    const primariesBefore = byRank(before, before.primariesOf.get(item));
    const primariesAfter = byRank(after, after.primariesOf.get(item));
    if (!sameList(primariesBefore, primariesAfter)) for (const primary of [...primariesBefore, ...primariesAfter]) dirty.add(primary);
  }
}

function byRank(graph: BomGraph, items: readonly string[] | undefined): string[] {
  return [...(items ?? [])].sort((a, b) => graph.rank.get(a)! - graph.rank.get(b)!);
}

/** The primaries of a substitute planned after this one, which saw its draws in their pool. */
function dirtyAfter(graph: BomGraph, substitute: string, primary: string, dirty: Set<string>): void {
  const rank = graph.rank.get(primary) ?? -1;
  for (const other of graph.primariesOf.get(substitute) ?? []) if ((graph.rank.get(other) ?? -1) > rank) dirty.add(other);
}

function replanDirty(state: PlanState, dirty: Set<string>): number {
  const { graph } = state;
  const refresh = new Set<string>();
  let replanned = 0;
  for (const item of graph.order) {
    if (!dirty.has(item)) continue;
    const before = state.results.get(item);
    let after = replanItem(state, item);
    replanned += 1;
    refresh.add(item);
    if (sameExplosions(before?.explosions, after.explosions)) {
      // The very same list: the kept tables that read it stay current.
      if (after.explosions !== before?.explosions) state.results.set(item, (after = { ...after, explosions: before?.explosions }));
    } else {
      if (before?.explosions !== undefined && after.explosions !== undefined) state.diffs.set(after.explosions, diffExplosions(before.explosions, after.explosions));
      for (const child of [...componentsOf(before?.explosions), ...componentsOf(after.explosions)]) {
        dirty.add(child);
        parentChanged(state, child, item);
      }
    }
    if (!samePool(before?.pool, after.pool)) for (const primary of graph.primariesOf.get(item) ?? []) dirty.add(primary);
    if (!sameDraws(before?.draws, after.draws)) {
      for (const draw of [...(before?.draws ?? []), ...after.draws]) {
        refresh.add(draw.substitute);
        dirtyAfter(graph, draw.substitute, item, dirty);
      }
    }
  }
  for (const item of refresh) forgetWritten(state, item);
  state.diffs.clear();
  state.changedParents.clear();
  return replanned;
}

function samePool(a: readonly PoolEntry[] | undefined, b: readonly PoolEntry[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  return a.every((entry, at) => entry.index === b[at]!.index && entry.id === b[at]!.id && entry.date === b[at]!.date && entry.salesOrder === b[at]!.salesOrder && entry.avail === b[at]!.avail);
}

function sameDraws(a: readonly SubstituteDraw[] | undefined, b: readonly SubstituteDraw[]): boolean {
  if (a === undefined) return b.length === 0;
  if (a.length !== b.length) return false;
  return a.every((draw, at) => JSON.stringify(draw) === JSON.stringify(b[at]));
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((value, at) => value === y[at]);
}
