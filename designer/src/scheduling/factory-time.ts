import type { Locale } from '../../../engine/errors/index.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import type { MessageId } from '../i18n/messages-en.js';
import type { MessageParams } from '../i18n/translate.js';

/**
 * The shop floor's clock: shift calendars, days and dispatch times are Shanghai time whatever the
 * viewer's browser says (the runtime builds the calendars at UTC+08:00, without daylight saving).
 */
export const FACTORY_TIME_ZONE = 'Asia/Shanghai';
export const FACTORY_UTC_OFFSET_MINUTES = 480;

type Translate = (id: MessageId, params?: MessageParams) => string;

/** Whole minutes as a planner says them: 45 min, 3 h 20 min, 2 d 4 h. */
export function durationText(minutes: number, t: Translate): string {
  const total = Math.round(Math.abs(minutes));
  if (total < 60) return t('scheduling.duration.minutes', { m: total });
  if (total < 24 * 60) return t('scheduling.duration.hours', { h: Math.floor(total / 60), m: total % 60 });
  return t('scheduling.duration.days', { d: Math.floor(total / 1440), h: Math.floor((total % 1440) / 60) });
}

/** An instant as a factory-local value for <input type="datetime-local"> and back. */
export function toFactoryLocal(ms: number): string {
  return new Date(ms + FACTORY_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16);
}

export function fromFactoryLocal(value: string): string {
  const ms = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
}

/** A date-time on the shop floor's clock; a plain day (a due date) stays a day. */
export function factoryTime(value: string | number, locale: Locale): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
  return formatDateTime(typeof value === 'number' ? new Date(value).toISOString() : value, locale, FACTORY_TIME_ZONE);
}

/** Month, day and time without the year, where space is short (KPI cards): a schedule spans weeks, not years. */
export function factoryShortTime(value: string | number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: FACTORY_TIME_ZONE }).format(new Date(value));
}

const DAY_MS = 24 * 3_600_000;

/**
 * A due date as the order states it: the runtime makes "due 12-23" the instant 12-24 00:00 factory
 * time (the end of the 23rd), which reads as the wrong day; a due at factory midnight is shown as the
 * day it ends.
 */
export function factoryDue(value: string, locale: Locale): string {
  const ms = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(ms)) return formatDate(value, locale);
  const local = ms + FACTORY_UTC_OFFSET_MINUTES * 60_000;
  if (local % DAY_MS !== 0) return factoryTime(value, locale);
  return formatDate(new Date(local - DAY_MS).toISOString().slice(0, 10), locale);
}
