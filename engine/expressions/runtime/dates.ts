import type { Value } from '../types.js';
import { formulaError } from './formula-error.js';

export const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A date (whole UTC day) or a datetime (instant), both as milliseconds since 1970-01-01 UTC. */
export interface Temporal {
  readonly kind: 'date' | 'datetime';
  readonly ms: number;
}

/**
 * Date.UTC with the year taken literally: Date.UTC reads years 0-99 as 1900-1999, which would turn
 * 0099-12-31 into 1999-12-31.
 */
function utc(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

function validDay(year: number, month: number, day: number): number | null {
  const ms = utc(year, month - 1, day);
  const check = new Date(ms);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? ms : null;
}

/**
 * Reads `YYYY-MM-DD` as a date and `YYYY-MM-DDTHH:mm[:ss[.sss]][Z|±hh:mm]` as a datetime (UTC when
 * no zone is given); anything else, including impossible dates such as 2026-02-30, is not temporal.
 */
export function parseTemporal(text: string): Temporal | null {
  const date = DATE.exec(text);
  if (date !== null) {
    const ms = validDay(Number(date[1]), Number(date[2]), Number(date[3]));
    return ms === null ? null : { kind: 'date', ms };
  }
  const time = DATE_TIME.exec(text);
  if (time === null) {
    return null;
  }
  const day = validDay(Number(time[1]), Number(time[2]), Number(time[3]));
  const hours = Number(time[4]);
  const minutes = Number(time[5]);
  const seconds = Number(time[6] ?? 0);
  if (day === null || hours > 23 || minutes > 59 || seconds > 59) {
    return null;
  }
  const fraction = time[7] === undefined ? 0 : Math.round(Number(time[7]) * 1000);
  return { kind: 'datetime', ms: day + ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction - zoneOffsetMs(time[8]) };
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') {
    return 0;
  }
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function checkRange(ms: number): Date {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(ms) || year < 1 || year > 9999) {
    throw formulaError('#NUM!', 'The date is outside the years 1 to 9999');
  }
  return date;
}

export function formatDate(ms: number): string {
  const date = checkRange(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export function formatDateTime(ms: number): string {
  const date = checkRange(Math.round(ms / 1000) * 1000);
  const time = `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  return `${formatDate(date.getTime())}T${time}Z`;
}

export function formatTemporal(kind: Temporal['kind'], ms: number): string {
  return kind === 'date' ? formatDate(ms) : formatDateTime(ms);
}

/** A date argument: blank stays blank (null), ISO text is read, anything else is #VALUE!. */
function toTemporal(value: Value, what: string): Temporal | null {
  if (value === null || value === '') {
    return null;
  }
  const temporal = typeof value === 'string' ? parseTemporal(value) : null;
  if (temporal === null) {
    throw formulaError('#VALUE!', `${what} needs a date such as 2026-11-24`);
  }
  return temporal;
}

/** Whole days since 1970-01-01 of the (UTC) day the value falls on. */
export function toDay(value: Value, what: string): number | null {
  const temporal = toTemporal(value, what);
  return temporal === null ? null : Math.floor(temporal.ms / DAY_MS);
}

export function dayParts(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The same day of the month `months` later, or the month's last day when it is shorter (EDATE). */
export function addMonths(day: number, months: number): number {
  const parts = dayParts(day);
  const first = utc(parts.year, parts.month - 1 + Math.trunc(months), 1);
  const target = new Date(first);
  const lastDay = new Date(utc(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Math.floor(utc(target.getUTCFullYear(), target.getUTCMonth(), Math.min(parts.day, lastDay)) / DAY_MS);
}

/** Monday to Friday; 1970-01-01 was a Thursday. */
export function isWeekday(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}
