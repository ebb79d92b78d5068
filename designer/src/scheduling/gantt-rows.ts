import type { PlannedOperation, ScheduleResult } from '../../../engine/planning/generated/planning-types.js';
import type { ScheduleLabels } from '../api/scheduling-types.js';
import { DAY, xOf, type GanttZoom, type TimeScale } from './time-scale.js';

export interface GanttBar {
  readonly operation: string;
  readonly order: string;
  readonly workCenter: string | undefined;
  readonly machine: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly setupMinutes: number;
  readonly late: boolean;
  readonly fixed: boolean;
}

export interface GanttRow {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  /** The machine a bar dropped on this row moves to (machine rows only). */
  readonly machine?: string;
  readonly late: boolean;
  readonly bars: readonly GanttBar[];
}

export interface GanttGroup {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  readonly rows: readonly GanttRow[];
}

export type GanttMode = 'machines' | 'orders';
export const OUTSOURCED_GROUP = '(outsourced)';

function toBar(operation: PlannedOperation): GanttBar {
  return {
    operation: operation.operation,
    order: operation.order,
    workCenter: operation.workCenter,
    machine: operation.machine,
    start: Date.parse(operation.start),
    end: Date.parse(operation.end),
    setupMinutes: operation.setupMinutes,
    late: operation.late,
    fixed: operation.fixed,
  };
}

function byStart(a: GanttBar, b: GanttBar): number {
  return a.start - b.start || a.operation.localeCompare(b.operation);
}

function orderTitle(labels: ScheduleLabels, order: string): string {
  return labels.orders[order]?.moNo ?? order;
}

/**
 * Rows by work center: every machine the work center has, idle ones too (a planner looks for free
 * capacity there), grouped under the work center, by code. Outsourced operations have no machine: they
 * get a last group with a row per order.
 */
export function machineGroups(result: ScheduleResult, labels: ScheduleLabels): GanttGroup[] {
  const bars = new Map<string, GanttBar[]>();
  const machinesOf = new Map<string, Set<string>>();
  const outsourced = new Map<string, GanttBar[]>();
  for (const operation of result.operations) {
    const bar = toBar(operation);
    if (operation.machine === undefined || operation.workCenter === undefined) {
      outsourced.set(bar.order, [...(outsourced.get(bar.order) ?? []), bar]);
      continue;
    }
    bars.set(operation.machine, [...(bars.get(operation.machine) ?? []), bar]);
    const machines = machinesOf.get(operation.workCenter) ?? new Set<string>();
    machines.add(operation.machine);
    machinesOf.set(operation.workCenter, machines);
  }
  for (const [id, center] of Object.entries(labels.workCenters)) {
    const machines = machinesOf.get(id) ?? new Set<string>();
    for (const machine of center.machines) machines.add(machine);
    machinesOf.set(id, machines);
  }
  const code = (id: string) => labels.workCenters[id]?.code ?? id;
  const groups: GanttGroup[] = [...machinesOf]
    .sort(([a], [b]) => code(a).localeCompare(code(b)))
    .map(([id, machines]) => {
      const rows = [...machines]
        .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
        .map((machine): GanttRow => {
          const machineBars = (bars.get(machine) ?? []).sort(byStart);
          return { id: machine, label: machine, detail: '', machine, late: machineBars.some((bar) => bar.late), bars: machineBars };
        });
      return { id, label: code(id), detail: labels.workCenters[id]?.name ?? '', rows };
    });
  if (outsourced.size > 0) {
    const rows = [...outsourced]
      .sort(([a], [b]) => orderTitle(labels, a).localeCompare(orderTitle(labels, b)))
      .map(([order, orderBars]): GanttRow => ({ id: `${OUTSOURCED_GROUP}/${order}`, label: orderTitle(labels, order), detail: '', late: orderBars.some((bar) => bar.late), bars: orderBars.sort(byStart) }));
    groups.push({ id: OUTSOURCED_GROUP, label: OUTSOURCED_GROUP, detail: '', rows });
  }
  return groups;
}

/** Rows by order, most urgent first (due date, then order number); an order's row is late when it finishes late. */
export function orderRows(result: ScheduleResult, labels: ScheduleLabels): GanttRow[] {
  const bars = new Map<string, GanttBar[]>();
  for (const operation of result.operations) bars.set(operation.order, [...(bars.get(operation.order) ?? []), toBar(operation)]);
  const finish = new Map(result.orders.map((order) => [order.order, order]));
  const due = (order: string) => finish.get(order)?.due ?? labels.orders[order]?.due ?? '9999';
  return [...bars]
    .sort(([a], [b]) => due(a).localeCompare(due(b)) || orderTitle(labels, a).localeCompare(orderTitle(labels, b)))
    .map(([order, orderBars]) => ({
      id: order,
      label: orderTitle(labels, order),
      detail: labels.orders[order]?.itemName ?? '',
      late: (finish.get(order)?.lateMinutes ?? 0) > 0,
      bars: orderBars.sort(byStart),
    }));
}

/** Where a bar sits: a bar too short to see at this zoom still gets a few pixels to grab. */
export function barBox(bar: Pick<GanttBar, 'start' | 'end'>, scale: TimeScale): { left: number; width: number } {
  const left = xOf(scale, bar.start);
  return { left, width: Math.max(4, xOf(scale, bar.end) - left) };
}

/** The time span every given schedule covers, and now: the Gantts of a comparison share one scale. */
export function scheduleSpan(results: readonly ScheduleResult[], now: number): { from: number; to: number } {
  let from = now;
  let to = now;
  for (const result of results) {
    for (const operation of result.operations) {
      from = Math.min(from, Date.parse(operation.start));
      to = Math.max(to, Date.parse(operation.end));
    }
    for (const order of result.orders) if (order.due !== undefined) to = Math.max(to, Date.parse(order.due));
  }
  return { from, to };
}

/**
 * Where a Gantt opens: now, when work is still to come and the first operation has started; the first
 * operation, when it starts later (a plan for next week opens on next week); the first operation, too,
 * when everything is over (an old run opens on its work, not on an empty stretch after it).
 */
export function openingInstant(results: readonly ScheduleResult[], now: number): number {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const result of results) {
    for (const operation of result.operations) {
      first = Math.min(first, Date.parse(operation.start));
      last = Math.max(last, Date.parse(operation.end));
    }
  }
  if (first === Number.POSITIVE_INFINITY) return now;
  return last <= now ? first : Math.max(first, now);
}

/** More than two days of work from where the Gantt opens: the week zoom shows it; the day zoom would show one bar. */
export function defaultZoom(results: readonly ScheduleResult[], now: number): GanttZoom {
  const from = openingInstant(results, now);
  let last = from;
  for (const result of results) for (const operation of result.operations) last = Math.max(last, Date.parse(operation.end));
  return last - from > 2 * DAY ? 'week' : 'day';
}

/**
 * What a draft changes against the committed run, to outline in its Gantt: every operation of an
 * order the committed run lacks (an inserted order) and every operation that moved.
 */
export function changedOperations(draft: ScheduleResult, moved: readonly { readonly operation: string }[], committed: ScheduleResult | undefined): Set<string> {
  const known = new Set(committed?.orders.map((order) => order.order) ?? []);
  const changed = new Set(moved.map((move) => move.operation));
  if (committed !== undefined) for (const operation of draft.operations) if (!known.has(operation.order)) changed.add(operation.operation);
  return changed;
}
