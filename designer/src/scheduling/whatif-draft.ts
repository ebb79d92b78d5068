import type { ScheduleLabels, WhatIfChange } from '../api/scheduling-types.js';
import { FACTORY_UTC_OFFSET_MINUTES, fromFactoryLocal, toFactoryLocal } from './factory-time.js';
import { factoryDayStart } from './time-scale.js';

export const WHATIF_KINDS = ['machine-down', 'rush-order', 'overtime', 'material-late'] as const;
export type WhatIfKind = (typeof WHATIF_KINDS)[number];

/** A change as the builder edits it: times as factory-local `datetime-local` values. */
export type DraftChange =
  | { readonly id: number; readonly kind: 'machine-down'; readonly machine: string; readonly from: string; readonly days: number }
  | { readonly id: number; readonly kind: 'rush-order'; readonly recordId: string }
  | { readonly id: number; readonly kind: 'overtime'; readonly workCenter: string; readonly from: string; readonly to: string }
  | { readonly id: number; readonly kind: 'material-late'; readonly order: string; readonly release: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A new change with values a planner would start from: tomorrow's first shift, the first machine, two days down. */
export function newChange(kind: WhatIfKind, id: number, labels: ScheduleLabels, now: number): DraftChange {
  const tomorrow = factoryDayStart(now, FACTORY_UTC_OFFSET_MINUTES) + DAY;
  const firstCenter = Object.keys(labels.workCenters).sort()[0] ?? '';
  switch (kind) {
    case 'machine-down':
      return { id, kind, machine: labels.workCenters[firstCenter]?.machines[0] ?? '', from: toFactoryLocal(tomorrow + 8 * HOUR), days: 2 };
    case 'rush-order':
      return { id, kind, recordId: '' };
    case 'overtime':
      return { id, kind, workCenter: firstCenter, from: toFactoryLocal(tomorrow + 17 * HOUR), to: toFactoryLocal(tomorrow + 21 * HOUR) };
    case 'material-late':
      return { id, kind, order: Object.keys(labels.orders).sort()[0] ?? '', release: toFactoryLocal(tomorrow + 3 * DAY + 8 * HOUR) };
  }
}

/** The API's change, or null while the draft is incomplete (no machine chosen, an empty time). */
export function toWhatIfChange(change: DraftChange): WhatIfChange | null {
  switch (change.kind) {
    case 'machine-down': {
      const from = fromFactoryLocal(change.from);
      if (!change.machine || !from || !(change.days > 0)) return null;
      return { kind: 'machine-down', machine: change.machine, from, to: new Date(Date.parse(from) + change.days * DAY).toISOString() };
    }
    case 'rush-order':
      return change.recordId ? { kind: 'rush-order', recordId: change.recordId } : null;
    case 'overtime': {
      const from = fromFactoryLocal(change.from);
      const to = fromFactoryLocal(change.to);
      if (!change.workCenter || !from || !to || Date.parse(to) <= Date.parse(from)) return null;
      return { kind: 'overtime', workCenter: change.workCenter, from, to };
    }
    case 'material-late': {
      const release = fromFactoryLocal(change.release);
      return change.order && release ? { kind: 'material-late', order: change.order, release } : null;
    }
  }
}
