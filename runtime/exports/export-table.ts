import type { LocalizedText } from '../../engine/definitions/index.js';

/**
 * How a column's values are written: numbers stay numbers, dates stay dates (XLSX cells of those
 * types with a display format), so a spreadsheet can sum and sort them. A report's columns
 * (runReport) fit this shape as they are: percent values are fractions (0.875), durations seconds,
 * dates 'YYYY-MM-DD' or ISO date-times.
 */
export type ExportColumnType = 'string' | 'number' | 'money' | 'percent' | 'duration' | 'date' | 'datetime';

export interface ExportColumn {
  readonly key: string;
  readonly label: LocalizedText;
  readonly type?: ExportColumnType | undefined;
}

export type ExportRow = Readonly<Record<string, unknown>>;

/** The file types an export can produce, with their media types. */
export const EXPORT_FORMATS = Object.freeze({
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const);

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** A row's value under a key, reading only the row's own properties. */
export function cellValue(row: ExportRow, key: string): unknown {
  return Object.hasOwn(row, key) ? row[key] : undefined;
}
