import type { PlannedOperation, ProductionOrder, RoutingOperation, ScheduleRequest, ShiftCalendar, WorkCenter } from '../../engine/planning/index.js';
import type { PlanningRecord } from '../planning/index.js';
import type { ShopFloorRecords } from './shop-floor-records.js';
import { shiftCalendar, shiftHours, shiftPattern } from './shift-calendars.js';
import type { ScheduleLabels, UnscheduledOrder } from './types.js';

/** The shipped application's business time zone, Asia/Shanghai, as a fixed offset (China has no daylight saving). */
export const SHOP_UTC_OFFSET_MINUTES = 480;
export const DEFAULT_FROZEN_HOURS = 8;
const OFFSET = '+08:00';
/** Tardiness weight of a sales order's priority. */
export const PRIORITY_WEIGHT = { rush: 10, high: 3, normal: 1 } as const;
type Priority = keyof typeof PRIORITY_WEIGHT;
const MAX_MINUTES = 100_000;
/** The calendars reach ten years ahead; an order released later than this is a typing error, not a plan. */
const MAX_RELEASE_AHEAD_MS = 5 * 365 * 86_400_000;

export interface ShopFloorOptions {
  now: Date;
  /** The committed schedule's operations: those of in-progress orders that started before now stay where they are. */
  committed?: readonly PlannedOperation[];
  frozenHours?: number;
}

export interface ShopFloor {
  request: ScheduleRequest;
  labels: ScheduleLabels;
  /** Open production orders that cannot be scheduled, each with the reason (no released routing, an inactive work center, ...). */
  unscheduled: UnscheduledOrder[];
}

/**
 * The schedule request of a set of records, for any data the records hold (including data the forms would
 * refuse): what cannot be scheduled is listed in `unscheduled`, never passed on to the engine. Work centers
 * are record ids with machines `<code>-1..n` whose speed is the efficiency; orders are production order
 * record ids, operations `<order>/<opNo>`.
 */
export function shopFloorFromRecords(records: ShopFloorRecords, options: ShopFloorOptions): ShopFloor {
  const nowMs = Math.floor(options.now.getTime() / 60_000) * 60_000;
  const calendars = new Map<string, ShiftCalendar>();
  const workCenters: WorkCenter[] = [];
  const labels: ScheduleLabels = { orders: {}, operations: {}, workCenters: {} };
  const inactive = new Set<string>();
  const machineNames = new Set<string>();
  for (const record of unique(records.workCenters)) {
    if (record.data['active'] === false) {
      inactive.add(record.id);
      continue;
    }
    const calendar = shiftCalendar(shiftPattern(record.data['shiftCalendar']), shiftHours(record.data['hoursPerShift']));
    calendars.set(calendar.id, calendar);
    const code = text(record.data['code']) ?? record.id;
    const count = Math.min(200, Math.max(1, Math.floor(number(record.data['machines']) ?? 1)));
    const names = machineNamesFor([code, record.id], count, machineNames);
    const efficiency = number(record.data['efficiencyPct']);
    // Below 1 % a run time divided by the speed leaves the calendar's reach (5e-324 % rounds to speed 0).
    const speed = efficiency === undefined || efficiency <= 0 ? 1 : Math.min(Math.max(efficiency, 1), 150) / 100;
    workCenters.push({
      id: record.id,
      calendar: calendar.id,
      machines: names.map((id) => (speed === 1 ? { id } : { id, speed })) as WorkCenter['machines'] & object,
    });
    labels.workCenters[record.id] = { code, name: text(record.data['name']) ?? code, machines: names };
  }
  const activeCenters = new Map(workCenters.map((center) => [center.id, center]));

  const routingByItem = latestRoutings(records.routings);
  const itemById = new Map(records.items.map((item) => [item.id, item]));
  const salesById = new Map(records.salesOrders.map((order) => [order.id, order]));
  const committed = new Map((options.committed ?? []).map((placed) => [`${placed.order}\u0000${placed.operation}`, placed]));
  const unscheduled: UnscheduledOrder[] = [];
  const orders: ProductionOrder[] = [];
  let earliest = nowMs;

  for (const record of unique(records.productionOrders)) {
    const status = record.data['status'];
    if (status !== 'released' && status !== 'in-progress') continue;
    const moNo = text(record.data['moNo']) ?? record.id;
    const refuse = (message: string) => unscheduled.push({ recordId: record.id, moNo, message });
    const qty = number(record.data['qty']);
    const remaining = qty === undefined ? undefined : Math.min(1_000_000, qty - Math.max(0, number(record.data['completedQty']) ?? 0));
    if (remaining === undefined || remaining <= 0) {
      refuse(qty === undefined ? 'it has no quantity' : 'its whole quantity is completed');
      continue;
    }
    const itemId = text(record.data['item']);
    const routing = itemId === undefined ? undefined : routingByItem.get(itemId);
    if (routing === undefined) {
      refuse(`item ${itemId ?? '(none)'} has no released routing`);
      continue;
    }
    const steps = routingSteps(routing);
    if (steps.length === 0) {
      refuse(`routing ${routing.id} has no operations`);
      continue;
    }
    const operations: RoutingOperation[] = [];
    let problem: string | undefined;
    let frozen = status === 'in-progress';
    for (const step of steps) {
      const id = `${record.id}/${step.opNo}`;
      const operation: RoutingOperation = step.outsourced
        ? { id, outsourcedLeadHours: step.leadDays * 24 }
        : { id, workCenter: step.workCenter ?? '', setupMinutes: step.setupMinutes, runMinutesPerUnit: step.runMinutes };
      if (!step.outsourced) {
        const center = step.workCenter === undefined ? undefined : activeCenters.get(step.workCenter);
        if (center === undefined) {
          problem ??= `operation ${step.opNo} is on work center ${step.workCenter ?? '(none)'}, which is ${step.workCenter !== undefined && inactive.has(step.workCenter) ? 'inactive' : 'unknown'}`;
          continue;
        }
      }
      // Started operations of an order in progress stay as committed, as long as all before them do.
      const placed = frozen ? committed.get(`${record.id}\u0000${id}`) : undefined;
      if (
        placed !== undefined &&
        Date.parse(placed.start) < nowMs &&
        fitsMachine(placed, operation, activeCenters) &&
        Date.parse(placed.end) >= Date.parse(placed.start)
      ) {
        operation.fixed = { ...(placed.machine === undefined ? {} : { machine: placed.machine }), start: placed.start, end: placed.end };
        earliest = Math.min(earliest, Date.parse(placed.start));
      } else frozen = false;
      operations.push(operation);
      labels.operations[id] = { opNo: step.opNo, name: step.name };
    }
    const startDate = day(record.data['startDate']);
    if (problem !== undefined) {
      for (const operation of operations) delete labels.operations[operation.id];
      refuse(problem);
      continue;
    }
    if (startDate !== undefined && Date.parse(`${startDate}T00:00:00${OFFSET}`) > nowMs + MAX_RELEASE_AHEAD_MS) {
      for (const operation of operations) delete labels.operations[operation.id];
      refuse(`its start date ${startDate} is more than five years away`);
      continue;
    }
    const sales = salesById.get(text(record.data['salesOrder']) ?? '');
    const priority = priorityOf(sales?.data['priority']);
    const dueDate = day(record.data['dueDate']);
    const dueDay = dueDate === undefined ? undefined : nextDay(dueDate);
    const due = dueDay === undefined ? undefined : `${dueDay}T00:00:00${OFFSET}`;
    orders.push({
      id: record.id,
      qty: remaining,
      ...(startDate === undefined ? {} : { release: `${startDate}T00:00:00${OFFSET}` }),
      ...(due === undefined ? {} : { due }),
      weight: PRIORITY_WEIGHT[priority],
      operations: operations as ProductionOrder['operations'],
    });
    const item = itemId === undefined ? undefined : itemById.get(itemId);
    labels.orders[record.id] = {
      recordId: record.id,
      moNo,
      item: text(item?.data['code']) ?? itemId ?? '',
      itemName: text(item?.data['name']) ?? text(record.data['itemName']) ?? '',
      qty: remaining,
      ...(sales === undefined ? {} : { salesOrder: text(sales.data['orderNo']) ?? sales.id }),
      ...(due === undefined ? {} : { due }),
      priority,
    };
  }

  linkSubAssemblies(orders, records.productionOrders);

  const request: ScheduleRequest = {
    origin: localMidnight(earliest),
    now: new Date(nowMs).toISOString(),
    frozenHours: options.frozenHours ?? DEFAULT_FROZEN_HOURS,
    utcOffsetMinutes: SHOP_UTC_OFFSET_MINUTES,
    calendars: [...calendars.values()] as ScheduleRequest['calendars'],
    workCenters: workCenters as ScheduleRequest['workCenters'],
    orders,
  };
  return { request, labels, unscheduled };
}

/**
 * A sub-assembly order (its `parentOrder` names the order it goes into) finishes before its parent
 * starts. A link is dropped when either order is not scheduled, when the parent has already started
 * (its fixed operations cannot wait), or when it would close a loop of orders, which the records can
 * hold but the schedule cannot.
 */
function linkSubAssemblies(orders: ProductionOrder[], records: readonly PlanningRecord[]): void {
  const byId = new Map(orders.map((order) => [order.id, order]));
  const parentOf = new Map<string, string>();
  for (const record of unique(records)) {
    const order = byId.get(record.id);
    const parent = byId.get(text(record.data['parentOrder']) ?? '');
    if (order === undefined || parent === undefined || parent.operations.some((operation) => operation.fixed !== undefined)) continue;
    let above: string | undefined = parent.id;
    while (above !== undefined && above !== order.id) above = parentOf.get(above);
    if (above === order.id) continue;
    parentOf.set(order.id, parent.id);
    order.parent = parent.id;
  }
}

interface RoutingStep {
  opNo: number;
  name: string;
  workCenter: string | undefined;
  setupMinutes: number;
  runMinutes: number;
  outsourced: boolean;
  leadDays: number;
}

/** The routing's operations in opNo order; rows without a usable opNo, and repeats of one, are left out. */
function routingSteps(routing: PlanningRecord): RoutingStep[] {
  const rows = Array.isArray(routing.data['operations']) ? (routing.data['operations'] as unknown[]) : [];
  const seen = new Set<number>();
  const steps: RoutingStep[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) continue;
    const data = row as Record<string, unknown>;
    const opNo = number(data['opNo']);
    if (opNo === undefined || !Number.isInteger(opNo) || opNo < 0 || seen.has(opNo)) continue;
    seen.add(opNo);
    steps.push({
      opNo,
      name: text(data['name']) ?? String(opNo),
      workCenter: text(data['workCenter']),
      setupMinutes: minutes(data['setupMinutes']),
      runMinutes: minutes(data['runMinutes']),
      outsourced: data['outsourced'] === true,
      leadDays: Math.min(365, Math.max(0, number(data['leadDays']) ?? 0)),
    });
  }
  return steps.sort((a, b) => a.opNo - b.opNo);
}

/** Each item's released routing of the highest version (then the highest id). */
function latestRoutings(routings: readonly PlanningRecord[]): Map<string, PlanningRecord> {
  const latest = new Map<string, PlanningRecord>();
  const version = (record: PlanningRecord) => String(record.data['version'] ?? '');
  for (const routing of routings) {
    const item = text(routing.data['item']);
    if (item === undefined || routing.data['status'] !== 'released') continue;
    const current = latest.get(item);
    if (current === undefined || version(routing).localeCompare(version(current)) > 0 || (version(routing) === version(current) && routing.id > current.id))
      latest.set(item, routing);
  }
  return latest;
}

/**
 * `<code>-1..n`; when another work center already took one of those names (two records with one code),
 * the record id, then the record id with a counter: machine names must be unique.
 */
function machineNamesFor(prefixes: readonly string[], count: number, taken: Set<string>): string[] {
  const free = (prefix: string) => Array.from({ length: count }, (_, k) => `${prefix}-${k + 1}`).every((name) => !taken.has(name));
  let prefix = prefixes.find(free);
  for (let n = 2; prefix === undefined; n++) if (free(`${prefixes.at(-1)}~${n}`)) prefix = `${prefixes.at(-1)}~${n}`;
  const names = Array.from({ length: count }, (_, k) => `${prefix}-${k + 1}`);
  for (const name of names) taken.add(name);
  return names;
}

/** Records by id, the first of each: the database has no two, a caller's list might. */
function unique(records: readonly PlanningRecord[]): PlanningRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => !seen.has(record.id) && seen.add(record.id) !== undefined);
}

function fitsMachine(placed: PlannedOperation, operation: RoutingOperation, centers: ReadonlyMap<string, WorkCenter>): boolean {
  if (operation.outsourcedLeadHours !== undefined) return placed.machine === undefined;
  const center = centers.get(operation.workCenter ?? '');
  return placed.machine !== undefined && (center?.machines ?? []).some((machine) => machine.id === placed.machine);
}

function priorityOf(value: unknown): Priority {
  return value === 'rush' || value === 'high' ? value : 'normal';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function minutes(value: unknown): number {
  return Math.min(MAX_MINUTES, Math.max(0, number(value) ?? 0));
}

/** A calendar day as YYYY-MM-DD, only when it exists (2026-02-30 does not). */
function day(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : undefined;
}

/** The day after; undefined past 9999-12-31, which no date-time of the request can name. */
function nextDay(value: string): string | undefined {
  return day(new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
}

/** Midnight, shop time, of the day an instant falls on. */
function localMidnight(ms: number): string {
  const local = new Date(ms + SHOP_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
  return `${local}T00:00:00${OFFSET}`;
}
