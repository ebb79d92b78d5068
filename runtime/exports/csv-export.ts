import type { Locale } from '../../engine/errors/index.js';
import { cellValue, type ExportColumn, type ExportRow } from './export-table.js';

/** Excel reads a CSV as the local code page unless it starts with the UTF-8 byte order mark. */
const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
/**
 * OWASP's CSV injection advice: text a spreadsheet would read as a formula (or a DDE call) gets a
 * leading apostrophe, so it shows as typed. Numbers are written from numbers and are never guarded.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 CSV (CRLF lines, fields quoted when needed) with a header row of labels in `locale`. */
export function toCsv(columns: readonly ExportColumn[], rows: readonly ExportRow[], locale: Locale): Buffer {
  const lines = [columns.map((column) => field(column.label[locale])).join(',')];
  for (const row of rows) lines.push(columns.map((column) => field(cellText(cellValue(row, column.key), locale))).join(','));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A cell as the text a person reads: dates as ISO 8601, yes/no in the reader's language. */
export function cellText(value: unknown, locale: Locale): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return locale === 'zh-CN' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'string') return guard(value);
  return guard(JSON.stringify(value));
}

function guard(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
