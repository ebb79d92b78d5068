import type { HelperOptions } from 'handlebars';
import type { PrintVocabulary } from './print-vocabulary.js';

/**
 * The helpers a print template may call. Each returns plain text, which handlebars escapes like any
 * other value; none returns a SafeString, so record data can never become markup.
 */
export const PRINT_HELPERS = Object.freeze({
  date: (value: unknown, options: HelperOptions) => formatDate(value, vocabularyOf(options)),
  datetime: (value: unknown, options: HelperOptions) => formatDateTime(value, vocabularyOf(options)),
  money: (value: unknown, options: HelperOptions) => formatNumber(value, vocabularyOf(options), { style: 'currency', currency: currencyOf(options) }),
  number: (value: unknown, options: HelperOptions) => formatNumber(value, vocabularyOf(options), digitsOf(options)),
  percent: (value: unknown, options: HelperOptions) => {
    const text = formatNumber(value, vocabularyOf(options), digitsOf(options));
    return text === '' ? '' : `${text}%`;
  },
  label: (path: unknown, options: HelperOptions) => vocabularyOf(options).label(String(path)),
  option: (path: unknown, value: unknown, options: HelperOptions) => vocabularyOf(options).option(String(path), value),
  display: (path: unknown, value: unknown, options: HelperOptions) => vocabularyOf(options).display(String(path), value),
  yesNo: (value: unknown, options: HelperOptions) => {
    if (value === undefined || value === null || value === '') return '';
    const zh = vocabularyOf(options).locale === 'zh-CN';
    return value === true ? (zh ? '是' : 'Yes') : zh ? '否' : 'No';
  },
  /** `{{t zh="送货单" en="Delivery note"}}`: text of the reader's language for a template shared by both. */
  t: (options: HelperOptions) => {
    const hash = options.hash as Record<string, unknown>;
    return String((vocabularyOf(options).locale === 'zh-CN' ? hash['zh'] : hash['en']) ?? '');
  },
  inc: (value: unknown) => (typeof value === 'number' ? value + 1 : ''),
  sum: (list: unknown, field: unknown) => {
    if (!Array.isArray(list)) return 0;
    let total = 0;
    for (const entry of list) {
      const value = isRecord(entry) && Object.hasOwn(entry, String(field)) ? entry[String(field)] : undefined;
      if (typeof value === 'number' && Number.isFinite(value)) total += value;
    }
    // Money sums are shown to two places; binary fractions must not leave 0.30000000000000004 behind.
    return Math.round(total * 1e6) / 1e6;
  },
  eq: (left: unknown, right: unknown) => left === right,
  /** `{{#each (blankRows lines 8)}}`: empty rows that fill a table to a fixed height on paper. */
  blankRows: (list: unknown, rows: unknown) => {
    const used = Array.isArray(list) ? list.length : 0;
    const wanted = typeof rows === 'number' ? Math.min(Math.max(rows, 0), 100) : 0;
    return Array.from({ length: Math.max(wanted - used, 0) }, () => ({}));
  },
});

export const PRINT_HELPER_NAMES = Object.freeze(Object.keys(PRINT_HELPERS));

function vocabularyOf(options: HelperOptions): PrintVocabulary {
  return (options.data as { ordo: PrintVocabulary }).ordo;
}

function digitsOf(options: HelperOptions): Intl.NumberFormatOptions {
  const digits = (options.hash as Record<string, unknown>)['digits'];
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 6) return { maximumFractionDigits: 3 };
  return { minimumFractionDigits: digits, maximumFractionDigits: digits };
}

function currencyOf(options: HelperOptions): string {
  const currency = (options.hash as Record<string, unknown>)['currency'];
  return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'CNY';
}

function formatNumber(value: unknown, vocabulary: PrintVocabulary, format: Intl.NumberFormatOptions): string {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) return value === undefined || value === null ? '' : String(value);
  return new Intl.NumberFormat(vocabulary.locale, format).format(number);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function formatDate(value: unknown, vocabulary: PrintVocabulary): string {
  if (typeof value !== 'string' || value === '') return value === undefined || value === null ? '' : String(value);
  const dateOnly = DATE_ONLY.exec(value);
  // A calendar date has no time zone: shown as written, never shifted by one.
  const when = dateOnly === null ? new Date(value) : new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])));
  if (Number.isNaN(when.getTime())) return value;
  return new Intl.DateTimeFormat(vocabulary.locale, {
    year: 'numeric',
    month: vocabulary.locale === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    timeZone: dateOnly === null ? vocabulary.timeZone : 'UTC',
  }).format(when);
}

function formatDateTime(value: unknown, vocabulary: PrintVocabulary): string {
  if (typeof value !== 'string' || value === '') return value === undefined || value === null ? '' : String(value);
  const when = new Date(value);
  if (Number.isNaN(when.getTime())) return value;
  return new Intl.DateTimeFormat(vocabulary.locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: vocabulary.timeZone,
  }).format(when);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
