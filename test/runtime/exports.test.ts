import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx, type ExportColumn } from '../../runtime/exports/index.js';

const textColumns = (count: number): ExportColumn[] =>
  Array.from({ length: count }, (_, index) => ({ key: `c${index}`, label: { 'zh-CN': `列${index}`, en: `Column ${index}` } }));

function readCsv(buffer: Buffer): string[][] {
  return parse(buffer, { bom: true, relax_column_count: false }) as string[][];
}

/** The cell as written: the apostrophe OWASP advises before a would-be formula is the only change. */
function guarded(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error('no worksheet');
  return sheet;
}

describe('CSV export', () => {
  it('starts with the UTF-8 BOM, uses CRLF and labels in the locale', () => {
    const csv = toCsv(textColumns(2), [{ c0: '叶轮', c1: 'a,b' }], 'zh-CN');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toBe('\uFEFF列0,列1\r\n叶轮,"a,b"\r\n');
    expect(toCsv(textColumns(1), [], 'en').toString('utf8')).toBe('\uFEFFColumn 0\r\n');
  });

  it('round-trips any strings through an RFC 4180 parser', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((width) => fc.tuple(fc.constant(width), fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: width, maxLength: width }), { maxLength: 8 }))), ([width, cells]) => {
        const columns = textColumns(width);
        const rows = cells.map((line) => Object.fromEntries(line.map((value, index) => [`c${index}`, value])));
        const parsed = readCsv(toCsv(columns, rows, 'en'));
        expect(parsed[0]).toEqual(columns.map((column) => column.label.en));
        expect(parsed.slice(1)).toEqual(cells.map((line) => line.map(guarded)));
      }),
    );
  });

  it('guards text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const formulas = ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const parsed = readCsv(toCsv(textColumns(1), formulas.map((c0) => ({ c0 })), 'en'));
    expect(parsed.slice(1).map((line) => line[0])).toEqual(formulas.map((text) => `'${text}`));
    const numbers = readCsv(toCsv([{ key: 'n', label: { 'zh-CN': '数', en: 'n' }, type: 'number' }], [{ n: -5 }, { n: 1.5 }, { n: null }], 'en'));
    expect(numbers.slice(1).map((line) => line[0])).toEqual(['-5', '1.5', '']);
  });

  it('writes yes/no in the reader\'s language and objects as JSON', () => {
    const csv = toCsv(textColumns(2), [{ c0: true, c1: { a: 1 } }], 'zh-CN').toString('utf8');
    expect(csv).toContain('是,"{""a"":1}"');
  });
});

describe('XLSX export', () => {
  const columns: ExportColumn[] = [
    { key: 'code', label: { 'zh-CN': '编码', en: 'Code' }, type: 'string' },
    { key: 'qty', label: { 'zh-CN': '数量', en: 'Quantity' }, type: 'number' },
    { key: 'amount', label: { 'zh-CN': '金额', en: 'Amount' }, type: 'money' },
    { key: 'rate', label: { 'zh-CN': '准时率', en: 'On time' }, type: 'percent' },
    { key: 'due', label: { 'zh-CN': '交期', en: 'Due' }, type: 'date' },
    { key: 'at', label: { 'zh-CN': '时间', en: 'At' }, type: 'datetime' },
  ];

  it('has a bold, frozen header, typed cells and formats', async () => {
    const sheet = await readXlsx(
      await toXlsx(columns, [{ code: '=1+1', qty: 12, amount: 16800.5, rate: 0.875, due: '2026-12-24', at: '2026-11-24T08:30:00.000Z' }], 'zh-CN', '销售订单'),
    );
    expect(sheet.name).toBe('销售订单');
    expect(sheet.getRow(1).values).toEqual([undefined, '编码', '数量', '金额', '准时率', '交期', '时间']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe("'=1+1");
    expect(row.getCell(2).value).toBe(12);
    expect(row.getCell(3).value).toBe(16800.5);
    expect(row.getCell(3).numFmt).toBe('#,##0.00');
    expect(row.getCell(4).value).toBe(0.875);
    expect(row.getCell(4).numFmt).toBe('0.0%');
    expect(row.getCell(5).value).toEqual(new Date('2026-12-24T00:00:00.000Z'));
    expect(row.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(6).value).toEqual(new Date('2026-11-24T08:30:00.000Z'));
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(8);
  });

  it('writes durations (seconds) as Excel durations shown in hours and minutes', async () => {
    const sheet = await readXlsx(await toXlsx([{ key: 'wait', label: { 'zh-CN': '等待', en: 'Wait' }, type: 'duration' }], [{ wait: 5400 }, { wait: 93_600 }], 'en'));
    // exceljs reads a time-formatted cell back as a moment after Excel's day 0 (1899-12-30).
    const excelDayZero = Date.UTC(1899, 11, 30);
    expect(sheet.getRow(2).getCell(1).value).toEqual(new Date(excelDayZero + 5400 * 1000));
    expect(sheet.getRow(3).getCell(1).value).toEqual(new Date(excelDayZero + 93_600 * 1000));
    expect(sheet.getRow(2).getCell(1).numFmt).toBe('[h]:mm');
  });

  it('reads back equal to the rows for any values', async () => {
    const row = fc.record({
      code: fc.string({ unit: 'grapheme', maxLength: 30 }).filter((text) => text.trim() !== '' && !/^[=+\-@\t\r]/.test(text)),
      qty: fc.integer({ min: -1_000_000, max: 1_000_000 }),
      // A spreadsheet has no negative zero.
      amount: fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((value) => (value === 0 ? 0 : value)),
      rate: fc.double({ min: 0, max: 1, noNaN: true }).map((value) => (value === 0 ? 0 : value)),
      due: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
      at: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString()),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), async (rows) => {
        const sheet = await readXlsx(await toXlsx(columns, rows, 'en'));
        const back = [];
        for (let index = 2; index <= rows.length + 1; index += 1) {
          const cells = sheet.getRow(index);
          back.push({
            code: cells.getCell(1).value,
            qty: cells.getCell(2).value,
            amount: cells.getCell(3).value,
            rate: cells.getCell(4).value,
            due: (cells.getCell(5).value as Date).toISOString().slice(0, 10),
            at: (cells.getCell(6).value as Date).toISOString(),
          });
        }
        expect(back).toEqual(rows);
      }),
      { numRuns: 25 },
    );
  });
});
