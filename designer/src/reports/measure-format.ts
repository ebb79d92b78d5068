import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import type { Locale } from '../../../engine/errors/index.js';
import type { ColumnType, ReportColumn, ReportValue } from '../api/report-types.js';

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** How a value is shown: `full` in tables (every digit), `compact` on cards and axes (万 and 亿 in Chinese, K and M in English). */
export type Density = 'full' | 'compact';

const SECONDS_PER_HOUR = 3600;
const SECONDS_PER_DAY = 86_400;

/** Durations arrive in seconds; people read them in hours or days. */
function durationText(seconds: number, locale: Locale): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (Math.abs(seconds) >= SECONDS_PER_DAY) return locale === 'zh-CN' ? `${format.format(seconds / SECONDS_PER_DAY)} 天` : `${format.format(seconds / SECONDS_PER_DAY)} d`;
  if (Math.abs(seconds) >= SECONDS_PER_HOUR) return locale === 'zh-CN' ? `${format.format(seconds / SECONDS_PER_HOUR)} 小时` : `${format.format(seconds / SECONDS_PER_HOUR)} h`;
  return locale === 'zh-CN' ? `${format.format(seconds / 60)} 分钟` : `${format.format(seconds / 60)} min`;
}

/**
 * A measure's value as text. Percentages arrive as fractions (0.925 -> 92.5%). Large numbers in
 * compact form use the locale's own units: Intl's compact notation gives 万/亿 for zh-CN.
 */
export function formatMeasure(value: ReportValue | undefined, type: ColumnType, locale: Locale, density: Density = 'full'): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return '—';
  const compact = density === 'compact' && Math.abs(value) >= 10_000;
  switch (type) {
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'money':
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'CNY',
        currencyDisplay: 'narrowSymbol',
        ...(compact ? { notation: 'compact', maximumFractionDigits: 2 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      }).format(value);
    case 'duration':
      return durationText(value, locale);
    default:
      return new Intl.NumberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 2 } : { maximumFractionDigits: 2 }).format(value);
  }
}

const FIRST_OF_MONTH = /^\d{4}-\d{2}-01(?:$|T00:00:00)/;

/**
 * Whether a date column holds month buckets: the server sends a month as its first day
 * (`2026-11-01`), so a column whose every value is a first of the month reads as months.
 */
export function isMonthly(values: readonly (ReportValue | undefined)[]): boolean {
  const present = values.filter((value) => value !== null && value !== undefined && value !== '');
  return present.length > 0 && present.every((value) => typeof value === 'string' && (MONTH.test(value) || FIRST_OF_MONTH.test(value)));
}

/**
 * A dimension's value as text: its word from the run's `labels` (a choice's label, a member's name,
 * a lookup's title) in the reader's language, months (`2026-11`, or a first day when `monthly`) and
 * days in the locale's style, true/false as words, anything else as it came.
 */
export function formatDimension(
  value: ReportValue | undefined,
  type: ColumnType,
  locale: Locale,
  empty: string,
  monthly = false,
  labels?: Readonly<Record<string, LocalizedText>>,
): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string' && labels !== undefined && Object.hasOwn(labels, value)) return labels[value]![locale];
  if (typeof value === 'boolean') return locale === 'zh-CN' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
  if (type !== 'date' || typeof value !== 'string') return String(value);
  const month = MONTH.exec(value) ?? (monthly ? /^(\d{4})-(\d{2})/.exec(value) : null);
  if (month) {
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
  }
  const date = DAY.exec(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))),
  );
}

/** Formats the dimension values of one result: each date column decides once whether it holds months. */
export function dimensionFormatter(
  rows: readonly Readonly<Record<string, ReportValue>>[],
  locale: Locale,
  empty: string,
): (column: ReportColumn, value: ReportValue | undefined) => string {
  const monthly = new Map<string, boolean>();
  return (column, value) => {
    let isMonth = monthly.get(column.key);
    if (isMonth === undefined) {
      isMonth = column.type === 'date' && isMonthly(rows.map((row) => row[column.key]));
      monthly.set(column.key, isMonth);
    }
    return formatDimension(value, column.type, locale, empty, isMonth, column.labels);
  };
}
