import { formatDay, parseDay } from '../../engine/planning/index.js';
import type {
  LotSizing,
  MrpBom,
  MrpDemand,
  MrpItem,
  MrpOpenSupply,
  MrpRouting,
  MrpScenario,
  MrpStock,
  MrpWorkCenter,
  PlanningCalendar,
} from '../../engine/planning/index.js';
import type { PlanningRecord, PlanningRecords } from './planning-records.js';

/** Sales order states whose lines are demand: confirmed with the customer and not yet shipped. */
export const OPEN_SALES_ORDER = ['confirmed', 'released', 'in-production', 'inspection', 'ready-to-ship'] as const;

/** Free stock goes to the more important order first (lower is more important). */
const PRIORITY: Readonly<Record<string, number>> = { rush: 10, high: 50, normal: 100 };

/** The scenario schema's bounds; the forms keep records well inside them, imported or odd data may not be. */
const MAX_QTY = 1e12;
const MAX_HOURS = 100_000;

/** What lets the web app name things and the firming step find the records behind scenario ids. */
export interface PlanningLabels {
  /** Item id (the item record's id) -> `code name`. */
  items: Record<string, string>;
  /** Sales order id (its order number, else the record id) -> the record and its title. */
  salesOrders: Record<string, { recordId: string; title: string }>;
}

export interface ScenarioOptions {
  /** The plan's first day (YYYY-MM-DD). */
  today: string;
  horizonDays: number;
  calendar: PlanningCalendar;
}

/**
 * The MRP scenario of a set of records. Ids: items, BOMs, routings and work centers are record
 * ids (what lookups store, so a sales order line's item is already a scenario item); a sales order
 * is its order number (`SO-2026-0001`, its lines `SO-2026-0001/1`); open supply is the order number
 * and line (`PO-2026-0003/1`, `PR-2026-0002/1`) or the production order number. Pure: the same
 * records give the same scenario.
 */
export function scenarioFromRecords(records: PlanningRecords, options: ScenarioOptions): { scenario: MrpScenario; labels: PlanningLabels } {
  const start = parseDay(options.today);
  if (start === undefined) throw new RangeError(`today must be a date (YYYY-MM-DD), not ${options.today}`);
  const salesOrders = new Map(records.salesOrders.map((record) => [record.id, record]));
  const orderKey = (recordId: string): string => text(salesOrders.get(recordId)?.data['orderNo']) ?? recordId;
  const reservedTo = (data: Readonly<Record<string, unknown>>): { salesOrder?: string } => {
    const id = text(data['salesOrder']);
    return id === undefined ? {} : { salesOrder: orderKey(id) };
  };

  const boms = records.boms.flatMap(bomOf);
  const routingByItem = latestRoutings(records.routings);
  const bomsByItem = new Map<string, MrpBom[]>();
  for (const bom of boms) {
    const versions = bomsByItem.get(bom.item);
    if (versions === undefined) bomsByItem.set(bom.item, [bom]);
    else versions.push(bom);
  }
  const stock = records.stockLots.flatMap((record) => stockOf(record, reservedTo));
  const supplies = [
    ...records.purchaseOrders.flatMap((record) => purchaseSupplies(record, 'poNo', 'ordered', reservedTo)),
    ...records.requisitions.flatMap((record) => purchaseSupplies(record, 'prNo', undefined, reservedTo)),
    ...records.productionOrders.flatMap((record) => productionSupply(record, bomsByItem, options.today, reservedTo)),
  ];
  const reserved = new Set([...stock, ...supplies].flatMap((entry) => (entry.salesOrder === undefined ? [] : [entry.salesOrder])));
  const demands = records.salesOrders.flatMap((record) => {
    const status = text(record.data['status']) ?? '';
    if ((OPEN_SALES_ORDER as readonly string[]).includes(status)) return demandsOf(record, orderKey(record.id), 'open');
    // A cancelled order is listed only while something is still reserved to it: the plan reports that as released.
    if (status === 'cancelled' && reserved.has(orderKey(record.id))) return demandsOf(record, orderKey(record.id), 'cancelled');
    return [];
  });

  const scenario: MrpScenario = {
    horizon: { start: options.today, end: formatDay(start + options.horizonDays), bucketDays: 1 },
    calendar: options.calendar,
    items: records.items.map((record) => itemOf(record, routingByItem.get(record.id))),
    boms,
    routings: records.routings.flatMap(routingOf),
    workCenters: records.workCenters.map(workCenterOf),
    stock,
    supplies,
    demands,
  };
  const labels: PlanningLabels = {
    items: Object.fromEntries(records.items.map((record) => [record.id, itemLabel(record)])),
    salesOrders: Object.fromEntries(records.salesOrders.map((record) => [orderKey(record.id), { recordId: record.id, title: orderKey(record.id) }])),
  };
  return { scenario, labels };
}

function itemOf(record: PlanningRecord, routing: PlanningRecord | undefined): MrpItem {
  const data = record.data;
  return {
    id: record.id,
    name: itemLabel(record).slice(0, 200),
    makeBuy: data['makeBuy'] === 'make' ? 'make' : 'buy',
    mto: data['mto'] === true,
    leadTimeDays: Math.min(3650, nonNegative(data['leadTimeDays'])),
    ...positive('leadTimePerUnitDays', Math.min(3650, nonNegative(data['leadTimePerUnitDays']))),
    lotSizing: lotSizingOf(data),
    ...positive('safetyStock', Math.min(MAX_QTY, number(data['safetyStock']) ?? 0)),
    // The scenario caps scrap at 99 % (here and on BOM lines): an order for 100 % scrap would never end.
    ...positive('scrapPct', Math.min(99, number(data['scrapPct']) ?? 0)),
    ...positive('yieldPct', Math.min(100, nonNegative(data['yieldPct']))),
    ...(routing === undefined ? {} : { routing: routing.id }),
  };
}

function lotSizingOf(data: Readonly<Record<string, unknown>>): LotSizing {
  const method = text(data['lotSizing']);
  const lot: LotSizing = { method: method === 'fixed' || method === 'min-max' || method === 'multiple' || method === 'period' ? method : 'lot-for-lot' };
  const periods = number(data['lotPeriods']);
  return {
    ...lot,
    ...positive('qty', data['lotQty']),
    ...positive('min', data['lotMin']),
    ...positive('max', data['lotMax']),
    ...positive('multiple', data['lotMultiple']),
    // The item form counts weeks of supply; the scenario's buckets are days.
    ...(periods === undefined || periods < 1 ? {} : { periods: Math.min(366, Math.round(periods) * 7) }),
  };
}

function bomOf(record: PlanningRecord): MrpBom[] {
  const data = record.data;
  const item = text(data['item']);
  if (item === undefined) return [];
  const lines = rows(data['lines']).map((line, i) => ({
    lineNo: integer(line['lineNo']) ?? i + 1,
    component: text(line['component']) ?? '',
    qtyPer: number(line['qtyPer']) ?? 0,
    ...positive('scrapPct', Math.min(99, number(line['scrapPct']) ?? 0)),
    ...(line['phantom'] === true ? { phantom: true } : {}),
    ...(integer(line['substituteFor']) === undefined ? {} : { substituteFor: integer(line['substituteFor']) as number }),
    ...(integer(line['substitutePriority']) === undefined ? {} : { priority: Math.min(99, integer(line['substitutePriority']) as number) }),
    ...positive('ratio', Math.min(1000, number(line['substituteRatio']) ?? 0)),
  }));
  return [
    {
      id: record.id,
      item,
      version: (text(data['version']) ?? '1').slice(0, 40),
      ...date('effectiveFrom', data['effectiveFrom']),
      ...date('effectiveTo', data['effectiveTo']),
      lines: lines.filter((line) => line.component !== '' && line.qtyPer > 0 && line.qtyPer <= 1_000_000),
    },
  ];
}

function routingOf(record: PlanningRecord): MrpRouting[] {
  const item = text(record.data['item']);
  if (item === undefined) return [];
  const operations = rows(record.data['operations']).flatMap((operation, i) => {
    const workCenter = text(operation['workCenter']);
    if (workCenter === undefined) return [];
    return [
      {
        opNo: integer(operation['opNo']) ?? i + 1,
        workCenter,
        setupMinutes: nonNegative(operation['setupMinutes']),
        runMinutes: nonNegative(operation['runMinutes']),
        ...(operation['outsourced'] === true ? { outsourced: true } : {}),
        ...(number(operation['leadDays']) === undefined ? {} : { leadDays: nonNegative(operation['leadDays']) }),
      },
    ];
  });
  return [{ id: record.id, item, operations }];
}

function workCenterOf(record: PlanningRecord): MrpWorkCenter {
  const name = text(record.data['name']);
  // An inactive work center keeps its id (routings still name it) and has no hours.
  const hours = record.data['active'] === false ? 0 : (number(record.data['dailyCapacityHours']) ?? 0);
  return { id: record.id, ...(name === undefined ? {} : { name: name.slice(0, 200) }), dailyCapacityHours: Math.min(MAX_HOURS, Math.max(0, hours)) };
}

type ReservedTo = (data: Readonly<Record<string, unknown>>) => { salesOrder?: string };

function stockOf(record: PlanningRecord, reservedTo: ReservedTo): MrpStock[] {
  const data = record.data;
  const qty = Math.min(MAX_QTY, number(data['qty']) ?? 0);
  const item = text(data['item']);
  if (item === undefined || qty <= 0) return [];
  const lot = text(data['lot']);
  const location = text(data['location']);
  return [
    {
      item,
      qty,
      ...(lot === undefined ? {} : { lot: lot.slice(0, 64) }),
      ...(location === undefined ? {} : { location: location.slice(0, 64) }),
      ...reservedTo(data),
    },
  ];
}

/**
 * Open purchase lines: purchase order lines not fully received, and requisition lines not yet
 * ordered (a requisition firmed from a plan must count, or the next plan proposes it again).
 */
function purchaseSupplies(record: PlanningRecord, numberField: 'poNo' | 'prNo', firmFrom: 'ordered' | undefined, reservedTo: ReservedTo): MrpOpenSupply[] {
  const data = record.data;
  const key = text(data[numberField]) ?? record.id;
  const firm = firmFrom !== undefined && data['status'] !== 'draft';
  return rows(data['lines']).flatMap((line, i) => {
    const item = text(line['item']);
    const open = Math.min(MAX_QTY, (number(line['qty']) ?? 0) - (number(line['receivedQty']) ?? 0));
    const due = dateText(line['dueDate']) ?? dateText(data['neededBy']);
    if (item === undefined || open <= 0 || due === undefined) return [];
    return [
      { id: `${key}/${integer(line['lineNo']) ?? i + 1}`, kind: 'purchase' as const, item, qty: open, due, ...reservedTo(data), ...(firm ? { firm } : {}) },
    ];
  });
}

function productionSupply(record: PlanningRecord, bomsByItem: ReadonlyMap<string, readonly MrpBom[]>, today: string, reservedTo: ReservedTo): MrpOpenSupply[] {
  const data = record.data;
  const item = text(data['item']);
  const open = Math.min(MAX_QTY, (number(data['qty']) ?? 0) - (number(data['completedQty']) ?? 0));
  if (item === undefined || open <= 0) return [];
  // An order without a due date is taken as due today: it is on the shop floor now.
  const due = dateText(data['dueDate']) ?? today;
  const version = text(data['bomVersion']) ?? effectiveVersion(bomsByItem.get(item) ?? [], dateText(data['startDate']) ?? due);
  return [
    {
      id: text(data['moNo']) ?? record.id,
      kind: 'production',
      item,
      qty: open,
      due,
      ...reservedTo(data),
      firm: true,
      ...(version === undefined ? {} : { bomVersion: version }),
      // Started orders have drawn their material; released ones still need it.
      ...(data['status'] === 'in-progress' ? { componentsIssued: true } : {}),
    },
  ];
}

function demandsOf(record: PlanningRecord, salesOrder: string, status: 'open' | 'cancelled'): MrpDemand[] {
  const data = record.data;
  const customer = text(data['customerName']);
  const priority = PRIORITY[text(data['priority']) ?? 'normal'] ?? PRIORITY['normal'];
  // The committed date when there is one; a line's own requested date is later than the order's.
  const orderDue = dateText(data['promisedDate']) ?? dateText(data['requestedDate']);
  const seen = new Set<string>();
  return rows(data['lines']).flatMap((line, i) => {
    const item = text(line['item']);
    const qty = Math.min(MAX_QTY, number(line['qty']) ?? 0);
    const due = dateText(line['requestedDate']) ?? orderDue;
    if (item === undefined || qty <= 0 || due === undefined) return [];
    let id = `${salesOrder}/${integer(line['lineNo']) ?? i + 1}`;
    if (seen.has(id)) id = `${salesOrder}/#${i + 1}`;
    seen.add(id);
    return [
      {
        id,
        kind: 'sales-order' as const,
        item,
        qty,
        due,
        salesOrder,
        ...(customer === undefined ? {} : { customer: customer.slice(0, 200) }),
        ...(priority === undefined ? {} : { priority }),
        ...(status === 'cancelled' ? { status } : {}),
      },
    ];
  });
}

/** Of one item's released BOMs, the version effective on a day (the latest effective one when several are). */
function effectiveVersion(boms: readonly MrpBom[], day: string): string | undefined {
  const effective = boms.filter((bom) => (bom.effectiveFrom ?? '') <= day && (bom.effectiveTo === undefined || day <= bom.effectiveTo));
  effective.sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '') || a.version.localeCompare(b.version));
  return effective.at(-1)?.version;
}

/** Each item's released routing of the highest version (then the highest id), in one pass. */
function latestRoutings(routings: readonly PlanningRecord[]): Map<string, PlanningRecord> {
  const latest = new Map<string, PlanningRecord>();
  const version = (record: PlanningRecord) => String(record.data['version'] ?? '');
  for (const routing of routings) {
    const item = text(routing.data['item']);
    if (item === undefined) continue;
    const current = latest.get(item);
    if (current === undefined || version(routing).localeCompare(version(current)) > 0 || (version(routing) === version(current) && routing.id > current.id))
      latest.set(item, routing);
  }
  return latest;
}

function itemLabel(record: PlanningRecord): string {
  const code = text(record.data['code']) ?? record.id;
  const name = text(record.data['name']);
  if (name === undefined) return code;
  return name.startsWith(code) ? name : `${code} ${name}`;
}

function rows(value: unknown): Readonly<Record<string, unknown>>[] {
  return Array.isArray(value) ? value.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null && !Array.isArray(row)) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function integer(value: unknown): number | undefined {
  const n = number(value);
  return n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
}

function dateText(value: unknown): string | undefined {
  return typeof value === 'string' && parseDay(value.slice(0, 10)) !== undefined ? value.slice(0, 10) : undefined;
}

function date<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  const day = dateText(value);
  return (day === undefined ? {} : { [key]: day }) as { [P in K]?: string };
}

function nonNegative(value: unknown): number {
  return Math.max(0, number(value) ?? 0);
}

function positive<K extends string>(key: K, value: unknown): { [P in K]?: number } {
  const n = number(value);
  return (n === undefined || n <= 0 ? {} : { [key]: n }) as { [P in K]?: number };
}
