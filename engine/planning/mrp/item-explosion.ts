import type { DayNumber } from '../calendar/index.js';
import type { MrpItem, PlanException } from '../generated/planning-types.js';
import { type BomGraph, edgeKey } from './bom-graph.js';
import type { DemandTable } from './demand-table.js';
import type { ExplodedLine, ExplodedVersion, ExplosionList } from './explosion-list.js';
import type { SubstituteOption, SupplyRecord } from './item-records.js';
import { round6 } from './lot-sizing.js';
import type { PegList } from './peg-list.js';
import type { SettledSupplies } from './settled-supplies.js';
import { bomByVersion, type BomVersion, effectiveBom, type MrpModel } from './mrp-model.js';
import { ScratchArray } from './scratch-array.js';

const DEFAULT_PRIORITY = 100;

/** Per exploding supply (columns, where an object each was a third of a million objects at 10k items). */
interface Entries {
  readonly index: number[];
  readonly qty: number[];
  readonly start: number[];
  readonly version: number[];
}

const NO_LINES: readonly ExplodedLine[] = [];

/**
 * The item's make supply (planned make orders, open production orders whose components are not
 * issued, phantom blow-throughs) as it explodes into dependent demand on its components at the
 * supply's start. The demand inherits the supply's sales order (order-specific supply passes its
 * order down) and the most urgent priority among the demands the supply is pegged to.
 */
export function explodeSupplies(
  model: MrpModel,
  graph: BomGraph,
  item: MrpItem,
  supplies: readonly SupplyRecord[],
  settled: SettledSupplies,
  demands: DemandTable,
  pegs: PegList,
  exceptions: PlanException[],
): ExplosionList | undefined {
  reportReferences(model, item, exceptions);
  if (!model.bomsByItem.has(item.id)) return undefined;
  const entries: Entries = { index: [], qty: [], start: [], version: [] };
  const versions: ExplodedVersion[] = [];
  const versionIndex = new Map<BomVersion, number>();
  const lines: ExplodedLine[] = [];
  for (let index = 0; index < supplies.length; index++) {
    const record = supplies[index]!;
    const explosion = explosionOf(model, item, record);
    if (explosion === undefined) continue;
    const version = explosion.version === undefined ? effectiveBom(model, item.id, explosion.start) : explosion.version;
    if (version === undefined || version === null) {
      exceptions.push(missingBom(model, item.id, record, explosion.start, explosion.version === null));
      continue;
    }
    if (record.planned !== undefined) settled.setBomVersion(index, version.bom.version);
    let at = versionIndex.get(version);
    if (at === undefined) {
      at = versions.push(explodedVersion(model, graph, item.id, version, lines)) - 1;
      versionIndex.set(version, at);
    }
    entries.index.push(index);
    entries.qty.push(explosion.qty);
    entries.start.push(explosion.start);
    entries.version.push(at);
    versions[at]!.entries += 1;
  }
  if (entries.index.length === 0) return undefined;
  return explosionList(model, supplies, settled, lines, versions, entries, urgencies(supplies.length, demands, pegs));
}

const priorities = new ScratchArray((length) => new Float64Array(length));

/** The most urgent priority pegged to each supply (Infinity: nothing pegged to it); valid until the next item's. */
function urgencies(count: number, demands: DemandTable, pegs: PegList): Float64Array {
  const priority = priorities.take(count).fill(Infinity);
  for (let at = 0; at < pegs.length; at++) {
    const supply = pegs.supply[at]!;
    const pegged = demands.priority[pegs.demand[at]!]!;
    if (pegged < priority[supply]!) priority[supply] = pegged;
  }
  return priority;
}

function explosionList(model: MrpModel, supplies: readonly SupplyRecord[], settled: SettledSupplies, lines: ExplodedLine[], versions: ExplodedVersion[], entries: Entries, priority: Float64Array): ExplosionList {
  const count = entries.index.length;
  const prefixes: string[] = [];
  const known = new Map<string, number>();
  const runStarts: number[] = [];
  const runPrefixes: number[] = [];
  // One buffer for all seven columns: each typed array with storage of its own is allocated outside the heap, slowly.
  const buffer = new ArrayBuffer(count * 44);
  const list: ExplosionList = {
    supplies: settled,
    lines,
    versions,
    prefixes,
    length: count,
    qty: filled(new Float64Array(buffer, 0, count), entries.qty),
    start: filled(new Float64Array(buffer, count * 8, count), entries.start),
    urgency: new Float64Array(buffer, count * 16, count),
    rest: new Float64Array(buffer, count * 24, count),
    supply: filled(new Int32Array(buffer, count * 32, count), entries.index),
    version: filled(new Int32Array(buffer, count * 36, count), entries.version),
    order: new Int32Array(buffer, count * 40, count),
    runStarts,
    runPrefixes,
    linesTo: linesByComponent(versions),
  };
  for (let at = 0; at < count; at++) {
    const index = entries.index[at]!;
    const record = supplies[index]!;
    let prefix = known.get(record.idPrefix);
    if (prefix === undefined) {
      prefix = prefixes.push(record.idPrefix) - 1;
      known.set(record.idPrefix, prefix);
    }
    list.urgency[at] = priority[index] === Infinity ? DEFAULT_PRIORITY : priority[index]!;
    if (at === 0 || runPrefixes[runPrefixes.length - 1] !== prefix) {
      runStarts.push(at);
      runPrefixes.push(prefix);
    }
    list.rest[at] = record.idRest;
    list.order[at] = model.orderCodes.code(record.salesOrder);
  }
  return list;
}

function filled<T extends Int32Array | Float64Array>(column: T, values: readonly number[]): T {
  column.set(values);
  return column;
}

function linesByComponent(versions: readonly ExplodedVersion[]): Map<string, (readonly ExplodedLine[])[]> {
  const byComponent = new Map<string, (readonly ExplodedLine[])[]>();
  versions.forEach((version, at) => {
    for (const [component, lines] of version.linesTo) {
      let perVersion = byComponent.get(component);
      if (perVersion === undefined) byComponent.set(component, (perVersion = versions.map(() => NO_LINES)));
      perVersion[at] = lines;
    }
  });
  return byComponent;
}

/** The version's lines, each also added to all the item's lines (where its index points). */
function explodedVersion(model: MrpModel, graph: BomGraph, item: string, version: BomVersion, all: ExplodedLine[]): ExplodedVersion {
  const lines: ExplodedLine[] = [];
  const linesTo = new Map<string, ExplodedLine[]>();
  for (const line of version.primaries) {
    if (!model.items.has(line.component) || (graph.cutEdges.size > 0 && graph.cutEdges.has(edgeKey(item, line.component)))) continue;
    const exploded: ExplodedLine = {
      index: all.length,
      component: line.component,
      lineNo: line.lineNo,
      qtyPer: line.qtyPer,
      scrap: 1 + (line.scrapPct ?? 0) / 100,
      phantom: line.phantom === true,
      substitutes: substitutesOf(model, graph, item, version, line.lineNo, line.component),
    };
    all.push(exploded);
    lines.push(exploded);
    const to = linesTo.get(line.component);
    if (to === undefined) linesTo.set(line.component, [exploded]);
    else to.push(exploded);
  }
  return { version, entries: 0, lines, linesTo };
}

interface Explosion {
  readonly start: DayNumber;
  readonly qty: number;
  /** The version asked for by an open production order (null: it names a version that does not exist). */
  readonly version: BomVersion | null | undefined;
}

function explosionOf(model: MrpModel, item: MrpItem, record: SupplyRecord): Explosion | undefined {
  if (record.kind === 'planned-make') return { start: record.planned!.start, qty: record.planned!.orderQty, version: undefined };
  if (record.kind === 'phantom') return { start: record.date, qty: record.qty, version: undefined };
  if (record.kind !== 'production') return undefined;
  const supply = model.supplies.get(record.id)!;
  if (supply.componentsIssued === true) return undefined;
  const leadTime = Math.ceil(round6(item.leadTimeDays + (item.leadTimePerUnitDays ?? 0) * record.qty));
  const start = Math.max(model.horizonStart, model.calendar.subtractWorkdays(record.due, leadTime));
  const version = supply.bomVersion === undefined ? undefined : (bomByVersion(model, item.id, supply.bomVersion) ?? null);
  return { start, qty: record.qty, version };
}

function substitutesOf(model: MrpModel, graph: BomGraph, parent: string, version: BomVersion, lineNo: number, primary: string): SubstituteOption[] {
  const options: SubstituteOption[] = [];
  for (const line of version.substitutes.get(lineNo) ?? []) {
    const usable =
      model.items.has(line.component) &&
      line.component !== primary &&
      !graph.cutEdges.has(edgeKey(parent, line.component)) &&
      !graph.disabledSubstitutes.has(edgeKey(primary, line.component));
    if (usable) options.push({ item: line.component, lineNo: line.lineNo, ratio: line.ratio ?? 1 });
  }
  return options;
}

/** Reference problems of the item's own master data, reported once per item whether or not it is ordered. */
function reportReferences(model: MrpModel, item: MrpItem, exceptions: PlanException[]): void {
  const versions = model.bomsByItem.get(item.id);
  if (item.makeBuy === 'make' && versions === undefined) {
    exceptions.push({ type: 'missing-bom', item: item.id, message: `${item.id} is made but has no BOM; its planned orders need no components` });
  }
  if (item.makeBuy === 'make' && item.routing !== undefined && !model.routings.has(item.routing)) {
    exceptions.push({ type: 'missing-routing', item: item.id, message: `${item.id} names the routing ${item.routing}, which does not exist` });
  }
  for (const version of versions ?? []) {
    for (const line of version.bom.lines) {
      if (model.items.has(line.component)) continue;
      exceptions.push({
        type: 'unknown-item',
        item: line.component,
        message: `BOM ${version.bom.id} of ${item.id}, line ${line.lineNo}: unknown component ${line.component}; the line is not exploded`,
      });
    }
  }
}

function missingBom(model: MrpModel, item: string, record: SupplyRecord, start: DayNumber, unknownVersion: boolean): PlanException {
  const date = model.dayText(start);
  const supply = model.supplies.get(record.id);
  return {
    type: 'missing-bom',
    item,
    supply: record.id,
    date,
    message: unknownVersion
      ? `${record.id} builds BOM version ${supply?.bomVersion ?? ''} of ${item}, which does not exist; its components are not planned`
      : `${record.id}: no BOM version of ${item} is effective on ${date}; its components are not planned`,
  };
}
