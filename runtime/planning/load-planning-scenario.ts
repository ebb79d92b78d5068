import { performance } from 'node:perf_hooks';
import type { MrpScenario, PlanningCalendar } from '../../engine/planning/index.js';
import type { Executor } from '../stores/index.js';
import { loadPlanningRecords } from './planning-records.js';
import { scenarioFromRecords, type PlanningLabels } from './scenario-from-records.js';

export const DEFAULT_HORIZON_DAYS = 365;
/** The shipped factory works Monday to Friday; it has no holidays in its data yet. */
export const DEFAULT_PLANNING_CALENDAR: PlanningCalendar = { workdays: [1, 2, 3, 4, 5] };
/** The shipped application's business time zone (its workflow calendars use it too). */
export const PLANNING_TIME_ZONE = 'Asia/Shanghai';

export interface PlanningScenarioOptions {
  /** The plan's first day, YYYY-MM-DD. */
  today: string;
  horizonDays?: number;
  calendar?: PlanningCalendar;
}

export interface LoadedScenario {
  scenario: MrpScenario;
  labels: PlanningLabels;
  /** Milliseconds spent reading the records and assembling the scenario. */
  loadMs: number;
}

/** The factory's planning snapshot from its records, in a handful of bulk queries, timed. */
export async function loadPlanningScenario(db: Executor, options: PlanningScenarioOptions): Promise<LoadedScenario> {
  const started = performance.now();
  const records = await loadPlanningRecords(db);
  const { scenario, labels } = scenarioFromRecords(records, {
    today: options.today,
    horizonDays: options.horizonDays ?? DEFAULT_HORIZON_DAYS,
    calendar: options.calendar ?? DEFAULT_PLANNING_CALENDAR,
  });
  return { scenario, labels, loadMs: roundMs(performance.now() - started) };
}

/** The calendar day of an instant in the planning time zone (a plan made at 07:00 in Shanghai is that day's plan). */
export function planningDay(at: Date, timeZone: string = PLANNING_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}
