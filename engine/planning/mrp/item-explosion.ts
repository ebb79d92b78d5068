import type { DayNumber } from '../calendar/index.js';
import type { MrpItem, PlanException } from '../generated/planning-types.js';
import { type BomGraph, edgeKey } from './bom-graph.js';
import { allocateBlocks, type DemandBlock, type ExplodedLine, type ParentSupplies, putRow } from './demand-block.js';
import type { DemandTable } from './demand-table.js';
import type { SubstituteOption, SupplyRecord } from './item-records.js';
import { round6 } from './lot-sizing.js';
import type { PegList } from './peg-list.js';
import { bomByVersion, type BomVersion, effectiveBom, type MrpModel } from './mrp-model.js';

const DEFAULT_PRIORITY = 100;

/**
 * Turns the item's make supply (planned make orders, open production orders whose components are not
 * issued, phantom blow-throughs) into dependent demand on its components at the supply's start. The
 * demand inherits the supply's sales order (order-specific supply passes its order down) and the
 * most urgent priority among the demands the supply is pegged to.
 */
export function explodeSupplies(
  model: MrpModel,
  graph: BomGraph,
  item: MrpItem,
  supplies: readonly SupplyRecord[],
  demands: DemandTable,
  pegs: PegList,
  exceptions: PlanException[],
): Map<string, DemandBlock> {
  reportReferences(model, item, exceptions);
  const versions = model.bomsByItem.get(item.id);
  if (versions === undefined) return new Map();
  // The most urgent priority pegged to each supply (Infinity: nothing pegged to it).
  const priority: number[] = [];
  for (let index = 0; index < supplies.length; index++) priority.push(Infinity);
  for (let at = 0; at < pegs.length; at++) {
    const supply = pegs.supply[at]!;
    priority[supply] = Math.min(priority[supply]!, demands.priority[pegs.demand[at]!]!);
  }
  const exploded = new Map<BomVersion, ExplodedLine[]>();
  const allLines: ExplodedLine[] = [];
  // First which supplies explode and how many rows each component gets, so each block's rows fit one buffer.
  const explosions: { index: number; qty: number; start: DayNumber; lines: ExplodedLine[] }[] = [];
  const counts = new Map<string, number>();
  for (let index = 0; index < supplies.length; index++) {
    const record = supplies[index]!;
    const explosion = explosionOf(model, item, record);
    if (explosion === undefined) continue;
    const version = explosion.version === undefined ? effectiveBom(model, item.id, explosion.start) : explosion.version;
    if (version === undefined || version === null) {
      exceptions.push(missingBom(model, item.id, record, explosion.start, explosion.version === null));
      continue;
    }
    if (record.planned !== undefined) record.planned.bomVersion = version.bom.version;
    let lines = exploded.get(version);
    if (lines === undefined) exploded.set(version, (lines = explodedLines(model, graph, item.id, version, allLines)));
    explosions.push({ index, qty: explosion.qty, start: explosion.start, lines });
    for (const line of lines) counts.set(line.component, (counts.get(line.component) ?? 0) + 1);
  }
  if (explosions.length === 0) return new Map();
  const emitted = allocateBlocks(parentSupplies(supplies, allLines), counts);
  // Per line (by its index), its component's block and how many rows that block has so far.
  const blocks = [...emitted.values()];
  const blockOf = allLines.map((line) => blocks.indexOf(emitted.get(line.component)!));
  const filled = new Int32Array(blocks.length);
  for (const { index, qty, start, lines } of explosions) {
    const urgency = priority[index] === Infinity ? DEFAULT_PRIORITY : priority[index]!;
    for (const line of lines) {
      const block = blockOf[line.index]!;
      const row = filled[block]!;
      filled[block] = row + 1;
      putRow(blocks[block]!, row, index, line, round6(qty * line.qtyPer * line.scrap), start, urgency);
    }
  }
  return emitted;
}

/** The prefixes of the supplies' ids, each once, and per supply its prefix and rest key. */
function parentSupplies(supplies: readonly SupplyRecord[], lines: readonly ExplodedLine[]): ParentSupplies {
  const prefixes: string[] = [];
  const known = new Map<string, number>();
  const supplyPrefix = new Int32Array(supplies.length);
  const supplyRest = new Float64Array(supplies.length);
  const supplyOrder: (string | undefined)[] = [];
  for (let index = 0; index < supplies.length; index++) {
    const record = supplies[index]!;
    supplyOrder.push(record.salesOrder);
    let prefix = known.get(record.idPrefix);
    if (prefix === undefined) {
      prefix = prefixes.push(record.idPrefix) - 1;
      known.set(record.idPrefix, prefix);
    }
    supplyPrefix[index] = prefix;
    supplyRest[index] = record.idRest;
  }
  return { supplies, lines, prefixes, supplyPrefix, supplyRest, supplyOrder };
}

/** The version's lines, each also added to all the item's lines (where its index points). */
function explodedLines(model: MrpModel, graph: BomGraph, item: string, version: BomVersion, all: ExplodedLine[]): ExplodedLine[] {
  const lines: ExplodedLine[] = [];
  for (const line of version.primaries) {
    if (!model.items.has(line.component) || graph.cutEdges.has(edgeKey(item, line.component))) continue;
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
  }
  return lines;
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
