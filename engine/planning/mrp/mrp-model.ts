import { type DayNumber, formatDay, parseDay } from '../calendar/index.js';
import { createWorkingCalendar, type WorkingCalendar } from '../calendar/working-calendar.js';
import type { MrpBom, MrpBomLine, MrpDemand, MrpItem, MrpOpenSupply, MrpScenario, MrpStock } from '../generated/planning-types.js';
import { SalesOrderCodes } from './sales-order-codes.js';

/** A BOM version with its dates as day numbers and its lines split into primaries and substitutes. */
export interface BomVersion {
  readonly bom: MrpBom;
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly primaries: readonly MrpBomLine[];
  /** Substitute lines of each primary line number, lower priority first, then line number. */
  readonly substitutes: ReadonlyMap<number, readonly MrpBomLine[]>;
}

/**
 * The scenario indexed by item: what the planner of one item reads. The incremental planner keeps one
 * and edits it change by change, so a change touches only the maps of the items it names.
 */
export interface MrpModel {
  readonly horizonStart: DayNumber;
  readonly horizonEnd: DayNumber;
  readonly bucketDays: number;
  readonly calendar: WorkingCalendar;
  readonly scenario: Pick<MrpScenario, 'horizon' | 'calendar'>;
  readonly items: Map<string, MrpItem>;
  readonly boms: Map<string, MrpBom>;
  readonly bomsByItem: Map<string, BomVersion[]>;
  readonly routings: Set<string>;
  readonly stockByItem: Map<string, MrpStock[]>;
  readonly supplies: Map<string, MrpOpenSupply>;
  readonly suppliesByItem: Map<string, Map<string, MrpOpenSupply>>;
  readonly demands: Map<string, MrpDemand>;
  readonly demandsByItem: Map<string, Map<string, MrpDemand>>;
  /** Per sales order: how many of its lines are open and how many cancelled. */
  readonly orderLines: Map<string, { open: number; cancelled: number }>;
  /** Per sales order: the items holding stock or open supply reserved to it. */
  readonly reservedItems: Map<string, Map<string, number>>;
  readonly dayText: (day: DayNumber) => string;
  /** Sales orders as numbers for the planner's columns (an interning table, not scenario data). */
  readonly orderCodes: SalesOrderCodes;
  /** The day number of a date the scenario checks have accepted. */
  readonly dayOf: (text: string) => DayNumber;
}

const TEXT_MARGIN = 400;

export function createModel(scenario: MrpScenario): MrpModel {
  const horizonStart = parseDay(scenario.horizon.start)!;
  const horizonEnd = parseDay(scenario.horizon.end)!;
  // Dates are formatted for every record of the plan: an array indexed by day beats a Map on the hot path.
  const first = horizonStart - TEXT_MARGIN;
  const texts: (string | undefined)[] = new Array<string | undefined>(horizonEnd + TEXT_MARGIN - first + 1);
  const otherTexts = new Map<DayNumber, string>();
  const days = new Map<string, DayNumber>();
  const model: MrpModel = {
    horizonStart,
    horizonEnd,
    bucketDays: scenario.horizon.bucketDays ?? 1,
    calendar: createWorkingCalendar(scenario.calendar, horizonStart, horizonEnd),
    scenario: { horizon: scenario.horizon, ...(scenario.calendar === undefined ? {} : { calendar: scenario.calendar }) },
    items: new Map(),
    orderCodes: new SalesOrderCodes(),
    boms: new Map(),
    bomsByItem: new Map(),
    routings: new Set((scenario.routings ?? []).map((routing) => routing.id)),
    stockByItem: new Map(),
    supplies: new Map(),
    suppliesByItem: new Map(),
    demands: new Map(),
    demandsByItem: new Map(),
    orderLines: new Map(),
    reservedItems: new Map(),
    dayText(day) {
      const at = day - first;
      if (at >= 0 && at < texts.length) return texts[at] ?? (texts[at] = formatDay(day));
      let text = otherTexts.get(day);
      if (text === undefined) {
        text = formatDay(day);
        otherTexts.set(day, text);
      }
      return text;
    },
    dayOf(text) {
      let day = days.get(text);
      if (day === undefined) {
        day = parseDay(text)!;
        days.set(text, day);
      }
      return day;
    },
  };
  for (const item of scenario.items) model.items.set(item.id, item);
  for (const bom of scenario.boms) putBom(model, bom);
  for (const row of scenario.stock) {
    const rows = model.stockByItem.get(row.item);
    if (rows === undefined) model.stockByItem.set(row.item, [row]);
    else rows.push(row);
    reserve(model, row.salesOrder, row.item, 1);
  }
  for (const supply of scenario.supplies) putSupply(model, supply);
  for (const demand of scenario.demands) putDemand(model, demand);
  return model;
}

function reserve(model: MrpModel, salesOrder: string | undefined, item: string, delta: number): void {
  if (salesOrder === undefined) return;
  let items = model.reservedItems.get(salesOrder);
  if (items === undefined) model.reservedItems.set(salesOrder, (items = new Map()));
  const count = (items.get(item) ?? 0) + delta;
  if (count === 0) items.delete(item);
  else items.set(item, count);
}

export function putBom(model: MrpModel, bom: MrpBom): void {
  removeBom(model, bom.id);
  model.boms.set(bom.id, bom);
  const versions = model.bomsByItem.get(bom.item) ?? [];
  versions.push(bomVersion(bom));
  versions.sort(byPrecedence);
  model.bomsByItem.set(bom.item, versions);
}

export function removeBom(model: MrpModel, id: string): void {
  const old = model.boms.get(id);
  if (old === undefined) return;
  model.boms.delete(id);
  const versions = (model.bomsByItem.get(old.item) ?? []).filter((version) => version.bom.id !== id);
  if (versions.length === 0) model.bomsByItem.delete(old.item);
  else model.bomsByItem.set(old.item, versions);
}

export function putSupply(model: MrpModel, supply: MrpOpenSupply): void {
  removeSupply(model, supply.id);
  model.supplies.set(supply.id, supply);
  let byId = model.suppliesByItem.get(supply.item);
  if (byId === undefined) model.suppliesByItem.set(supply.item, (byId = new Map()));
  byId.set(supply.id, supply);
  reserve(model, supply.salesOrder, supply.item, 1);
}

export function removeSupply(model: MrpModel, id: string): void {
  const old = model.supplies.get(id);
  if (old === undefined) return;
  model.supplies.delete(id);
  model.suppliesByItem.get(old.item)?.delete(id);
  reserve(model, old.salesOrder, old.item, -1);
}

export function replaceStock(model: MrpModel, item: string, rows: readonly MrpStock[]): void {
  for (const row of model.stockByItem.get(item) ?? []) reserve(model, row.salesOrder, item, -1);
  if (rows.length === 0) model.stockByItem.delete(item);
  else model.stockByItem.set(item, rows.map((row) => ({ ...row, item })));
  for (const row of rows) reserve(model, row.salesOrder, item, 1);
}

export function putDemand(model: MrpModel, demand: MrpDemand): void {
  removeDemand(model, demand.id);
  model.demands.set(demand.id, demand);
  let byId = model.demandsByItem.get(demand.item);
  if (byId === undefined) model.demandsByItem.set(demand.item, (byId = new Map()));
  byId.set(demand.id, demand);
  countLine(model, demand, 1);
}

export function removeDemand(model: MrpModel, id: string): void {
  const old = model.demands.get(id);
  if (old === undefined) return;
  model.demands.delete(id);
  model.demandsByItem.get(old.item)?.delete(id);
  countLine(model, old, -1);
}

function countLine(model: MrpModel, demand: MrpDemand, delta: number): void {
  if (demand.salesOrder === undefined) return;
  const lines = model.orderLines.get(demand.salesOrder) ?? { open: 0, cancelled: 0 };
  if (demand.status === 'cancelled') lines.cancelled += delta;
  else lines.open += delta;
  if (lines.open === 0 && lines.cancelled === 0) model.orderLines.delete(demand.salesOrder);
  else model.orderLines.set(demand.salesOrder, lines);
}

/** A sales order all of whose lines are cancelled: what was reserved to it is free again. */
export function isCancelledOrder(model: MrpModel, salesOrder: string | undefined): boolean {
  if (salesOrder === undefined) return false;
  const lines = model.orderLines.get(salesOrder);
  return lines !== undefined && lines.open === 0 && lines.cancelled > 0;
}

function bomVersion(bom: MrpBom): BomVersion {
  const primaries: MrpBomLine[] = [];
  const substitutes = new Map<number, MrpBomLine[]>();
  for (const line of bom.lines) {
    if (line.substituteFor === undefined) primaries.push(line);
    else substitutes.set(line.substituteFor, [...(substitutes.get(line.substituteFor) ?? []), line]);
  }
  primaries.sort((a, b) => a.lineNo - b.lineNo);
  for (const lines of substitutes.values()) lines.sort((a, b) => (a.priority ?? 1) - (b.priority ?? 1) || a.lineNo - b.lineNo);
  return {
    bom,
    from: bom.effectiveFrom === undefined ? -Infinity : parseDay(bom.effectiveFrom)!,
    to: bom.effectiveTo === undefined ? Infinity : parseDay(bom.effectiveTo)!,
    primaries,
    substitutes,
  };
}

// The latest effectiveFrom wins where versions overlap; then the higher version, then the id.
function byPrecedence(a: BomVersion, b: BomVersion): number {
  if (a.from !== b.from) return b.from - a.from;
  if (a.bom.version !== b.bom.version) return a.bom.version < b.bom.version ? 1 : -1;
  return a.bom.id < b.bom.id ? -1 : a.bom.id > b.bom.id ? 1 : 0;
}

export function effectiveBom(model: MrpModel, item: string, day: DayNumber): BomVersion | undefined {
  for (const version of model.bomsByItem.get(item) ?? []) if (version.from <= day && day <= version.to) return version;
  return undefined;
}

export function bomByVersion(model: MrpModel, item: string, version: string): BomVersion | undefined {
  return (model.bomsByItem.get(item) ?? []).find((candidate) => candidate.bom.version === version);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
