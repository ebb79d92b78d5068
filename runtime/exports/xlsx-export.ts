import ExcelJS from 'exceljs';
import type { Locale } from '../../engine/errors/index.js';
import { cellText } from './csv-export.js';
import { cellValue, type ExportColumn, type ExportColumnType, type ExportRow } from './export-table.js';

const NUMBER_FORMATS: Partial<Record<ExportColumnType, string>> = {
  number: '#,##0.###',
  money: '#,##0.00',
  percent: '0.0%',
  duration: '[h]:mm',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS_PER_DAY = 86_400;

/**
 * One worksheet: a bold header row of labels in `locale`, frozen with an auto-filter; numbers and
 * dates as typed cells with display formats; column widths from the longest text (a Chinese
 * character counts twice, as it is twice as wide).
 */
export async function toXlsx(columns: readonly ExportColumn[], rows: readonly ExportRow[], locale: Locale, sheetName = 'Export'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ordo';
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = columns.map((column) => textWidth(column.label[locale]));
  sheet.addRow(columns.map((column) => column.label[locale])).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((column, index) => {
        const value = typedValue(cellValue(row, column.key), column.type ?? 'string', locale);
        widths[index] = Math.max(widths[index] ?? 0, textWidth(value instanceof Date ? '2026-01-01 00:00' : String(value ?? '')));
        return value;
      }),
    );
  }
  columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.min(Math.max((widths[index] ?? 0) + 2, MIN_WIDTH), MAX_WIDTH);
    const format = NUMBER_FORMATS[column.type ?? 'string'];
    if (format !== undefined) sheetColumn.numFmt = format;
  });
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  // The header keeps the General format: a number format on the column would also reach it.
  sheet.getRow(1).eachCell((cell) => (cell.numFmt = 'General'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The cell value for a column type: a number, a Date, or text (guarded like CSV). */
function typedValue(value: unknown, type: ExportColumnType, locale: Locale): string | number | Date | null {
  if (value === undefined || value === null || value === '') return null;
  if (type === 'date' || type === 'datetime') {
    const date = toDate(value);
    if (date !== undefined) return date;
  } else if (type !== 'string') {
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    // Durations arrive in seconds; Excel keeps them as fractions of a day, shown as hours and minutes.
    if (Number.isFinite(number)) return type === 'duration' ? number / SECONDS_PER_DAY : number;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return cellText(value, locale);
}

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const dateOnly = DATE_ONLY.exec(value);
  // Excel dates have no time zone: a calendar day is written as that day at midnight UTC, which exceljs keeps as is.
  const date = dateOnly === null ? new Date(value) : new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\uffff]/.test(char) ? 2 : 1;
  return width;
}

/** Excel's sheet names: at most 31 characters, none of []:*?/\ . */
function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31);
  return cleaned === '' ? 'Export' : cleaned;
}
