import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { shippedDefinitionsDir } from '../../runtime/cli/paths.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { exportRecords } from '../../runtime/exports/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { createChromiumPrinter, createPrintTemplateRegistry, type PdfPrinter } from '../../runtime/printing/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import { chromiumMissing } from '../support/browser-harness.js';
import { codeOf } from '../support/error-code.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

/*
 * Record-list exports and print templates over HTTP on the shipped application and the demo
 * factory: the list's filters and permissions, hidden fields neither exported nor printed, values
 * escaped in the HTML, and the PDF's text in both languages (one Chromium for the whole file).
 */

const MANAGER = 'wang.qiang'; // sales-manager: reads sales orders, not their cost estimate
const FINANCE = 'sun.wei'; // finance: reads the cost estimate
const OPERATOR = 'liu.yang'; // operator: may not read sales orders
const PLANNER = 'zhao.min';
const INSPECTOR = 'huang.li';
const USERS = [MANAGER, FINANCE, OPERATOR, PLANNER, INSPECTOR] as const;
const ORDER = 'so-hz-water-1187';

/** A template that prints fields some readers may not see, to show they come out empty for them. */
const PROBE_TEMPLATE = {
  definition: {
    kind: 'print-template' as const,
    id: 'field-probe',
    version: 1,
    form: 'sales-order',
    title: { 'zh-CN': '字段探针', en: 'Field probe' },
    templates: { 'zh-CN': 'probe.hbs', en: 'probe.hbs' },
  },
  sources: { 'zh-CN': 'COST=[{{data.costEstimate}}] LIMIT=[{{data.customerCreditLimit}}]', en: 'COST=[{{data.costEstimate}}]' },
};

async function pdfText(body: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(document, { mergePages: true });
  // Letter-spaced titles come out a letter at a time: compare without any white space.
  return text.replace(/\s+/g, '');
}

function csvRows(response: LightMyRequestResponse): string[][] {
  return parse(response.rawPayload, { bom: true }) as string[][];
}

const backends = testDatabases();
let printer: PdfPrinter;
beforeAll(() => {
  printer = createChromiumPrinter();
});
afterAll(async () => {
  await printer.close();
});

for (const [index, backend] of backends.entries()) {
  describe(`exports and printing on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let app: FastifyInstance;
    let manager: Actor;
    const tokens: Record<string, string> = {};

    const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[user]}` } });

    beforeAll(async () => {
      const factory = await openShippedFactory(backend, { usernames: [MANAGER] });
      ({ database, services } = factory);
      manager = factory.as(MANAGER);
      const loaded = await loadDefinitions(shippedDefinitionsDir);
      if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
      const printTemplates = createPrintTemplateRegistry([...loaded.definitions.printTemplates, PROBE_TEMPLATE]);
      app = await buildServer({ services, database, printTemplates, pdfPrinter: printer });
      for (const username of USERS) tokens[username] = (await services.auth.login(username, 'ordo-demo')).token;
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    describe('record-list export', () => {
      it('exports the filtered list as CSV with labels in the locale, without fields the reader may not see', async () => {
        const response = await get(MANAGER, '/api/records/sales-order/export?format=csv&filter=status:eq:confirmed&sort=orderNo');
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(response.headers['content-disposition']).toMatch(/^attachment; filename="sales-order-\d{4}-\d{2}-\d{2}\.csv"/);
        const [header = [], ...rows] = csvRows(response);
        const listed = await services.records.list(manager, 'sales-order', { filters: [{ field: 'status', op: 'eq', value: 'confirmed' }], sort: 'orderNo', limit: 200, offset: 0 });
        expect(rows.length).toBe(listed.total);
        expect(rows.length).toBeGreaterThan(0);
        expect(header.slice(0, 2)).toEqual(['订单号', '客户']);
        expect(header).not.toContain('成本估算（元）');
        const orderNos = rows.map((row) => row[header.indexOf('订单号')]);
        expect(orderNos).toEqual(listed.items.map((item) => item.data['orderNo']));
        // Option values and lookups come out as the texts people see.
        expect(new Set(rows.map((row) => row[header.indexOf('订单状态')]))).toEqual(new Set(['已确认']));
        expect(rows.map((row) => row[header.indexOf('客户')])).toEqual(listed.items.map((item) => listed.display['customer']?.[String(item.data['customer'])]));
      });

      it('shows finance the cost estimate, in English when asked', async () => {
        const response = await get(FINANCE, '/api/records/sales-order/export?format=csv&locale=en&fields=orderNo,costEstimate&filter=orderNo:eq:SO-2026-0001');
        expect(response.statusCode).toBe(200);
        expect(csvRows(response)).toEqual([
          ['Order number', 'Cost estimate (CNY)'],
          ['SO-2026-0001', '168000'],
        ]);
      });

      it('exports XLSX that reads back as the list, numbers as numbers', async () => {
        const response = await get(MANAGER, '/api/records/sales-order/export?format=xlsx&fields=orderNo,orderDate,grandTotal&sort=orderNo');
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0]!;
        expect(sheet.name).toBe('销售订单');
        expect(sheet.getRow(1).values).toEqual([undefined, '订单号', '下单日期', '价税合计（元）']);
        const listed = await services.records.list(manager, 'sales-order', { filters: [], sort: 'orderNo', limit: 200, offset: 0 });
        expect(sheet.rowCount).toBe(listed.total + 1);
        listed.items.forEach((item, row) => {
          const cells = sheet.getRow(row + 2);
          expect(cells.getCell(1).value).toBe(item.data['orderNo']);
          expect(cells.getCell(2).value).toEqual(new Date(`${String(item.data['orderDate'])}T00:00:00.000Z`));
          expect(cells.getCell(3).value).toBe(item.data['grandTotal']);
        });
      });

      it('applies the search and the list\'s permissions', async () => {
        const searched = csvRows(await get(MANAGER, `/api/records/sales-order/export?q=${encodeURIComponent('水务')}&fields=customerName`));
        expect(searched.length).toBeGreaterThan(1);
        expect(searched.slice(1).every(([name]) => name?.includes('水务'))).toBe(true);
        const forbidden = await get(OPERATOR, '/api/records/sales-order/export?format=csv');
        expect(forbidden.statusCode).toBe(403);
        expect(forbidden.json()).toMatchObject({ code: 'ORDO_ERR_FORBIDDEN' });
      });

      it('answers 400 for a bad format, filter or field, and 401 without a session', async () => {
        for (const url of [
          '/api/records/sales-order/export?format=pdf',
          '/api/records/sales-order/export?filter=nonsense',
          '/api/records/sales-order/export?filter=costEstimate:gt:1',
          '/api/records/sales-order/export?fields=costEstimate',
          '/api/records/sales-order/export?fields=lines',
        ]) {
          const response = await get(MANAGER, url);
          expect(response.statusCode, url).toBe(400);
          expect(response.json(), url).toMatchObject({ code: 'ORDO_ERR_REQUEST_INVALID' });
        }
        expect((await app.inject({ method: 'GET', url: '/api/records/sales-order/export' })).statusCode).toBe(401);
        expect((await get(MANAGER, '/api/records/no-such-form/export')).json()).toMatchObject({ code: 'ORDO_ERR_FORM_NOT_FOUND' });
      });

      it('refuses an export above the row limit instead of cutting it', async () => {
        expect(await codeOf(exportRecords(services, manager, 'sales-order', { filters: [] }, 'en', undefined, 2))).toBe('ORDO_ERR_EXPORT_TOO_LARGE');
      });
    });

    describe('report export', () => {
      it('exports the run as CSV: the same columns, labels in the locale, the same rows', async () => {
        const run = await services.reports.run(manager, 'on-time-delivery', {});
        const response = await get(MANAGER, '/api/reports/on-time-delivery/export?format=csv');
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-disposition']).toMatch(/filename="on-time-delivery-\d{4}-\d{2}-\d{2}\.csv"/);
        const [header, ...rows] = csvRows(response);
        expect(header).toEqual(run.columns.map((column) => column.label['zh-CN']));
        expect(rows.length).toBe(run.rows.length);
        expect(rows.length).toBeGreaterThan(0);
        rows.forEach((row, index) => {
          run.columns.forEach((column, c) => {
            const value = run.rows[index]?.[column.key];
            expect(row[c]).toBe(value === null || value === undefined ? '' : String(value));
          });
        });
      });

      it('exports XLSX with typed cells, without the measures the user may not see', async () => {
        const xlsx = async (user: string) => {
          const response = await get(user, '/api/reports/inventory-value/export?format=xlsx&locale=en');
          expect(response.statusCode).toBe(200);
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
          return workbook.worksheets[0]!;
        };
        const managerSheet = await xlsx(MANAGER);
        expect(managerSheet.getRow(1).values).not.toContain('Value');
        const financeSheet = await xlsx(FINANCE);
        const header = financeSheet.getRow(1).values as unknown[];
        expect(header).toContain('Value');
        const finance = (await services.auth.authenticate(tokens[FINANCE]!));
        const run = await services.reports.run(finance, 'inventory-value', {});
        expect(financeSheet.rowCount).toBe(run.rows.length + 1);
        const valueColumn = header.indexOf('Value');
        expect(financeSheet.getRow(2).getCell(valueColumn).value).toBe(run.rows[0]?.['value']);
        expect(financeSheet.getRow(2).getCell(valueColumn).numFmt).toBe('#,##0.00');
      });

      it('answers 400 for parameters that are not JSON or break the report\'s schema, 404 for an unknown report', async () => {
        const notJson = await get(MANAGER, '/api/reports/on-time-delivery/export?parameters=%7Bnope');
        expect(notJson.statusCode).toBe(400);
        expect(notJson.json()).toMatchObject({ code: 'ORDO_ERR_REQUEST_INVALID', errors: [{ pointer: '/query/parameters' }] });
        const parameters = encodeURIComponent(JSON.stringify({ dateRange: { from: 'not a date' } }));
        const invalid = await get(MANAGER, `/api/reports/on-time-delivery/export?parameters=${parameters}`);
        expect(invalid.statusCode).toBe(400);
        expect(invalid.json()).toMatchObject({ code: 'ORDO_ERR_REPORT_PARAMETERS_INVALID' });
        expect((await get(MANAGER, '/api/reports/no-such-report/export')).json()).toMatchObject({ code: 'ORDO_ERR_REPORT_NOT_FOUND' });
        expect((await get(MANAGER, '/api/reports/on-time-delivery/export?format=ods')).statusCode).toBe(400);
      });
    });

    describe('print templates', () => {
      it('lists the templates of forms the user may read', async () => {
        const ids = async (user: string, query = '') => ((await get(user, `/api/print-templates${query}`)).json() as { items: { id: string }[] }).items.map((item) => item.id);
        expect(await ids(MANAGER, '?form=sales-order')).toEqual(['delivery-note', 'field-probe', 'sales-order-confirmation']);
        expect(await ids(OPERATOR)).toEqual(['work-order-traveler']);
        expect(await ids(INSPECTOR)).toEqual(['ncr-report', 'work-order-traveler']);
      });

      it('renders the record as HTML with its values and labels in the asked language', async () => {
        const response = await get(MANAGER, `/api/records/sales-order/${ORDER}/print/sales-order-confirmation?locale=zh-CN`);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        const html = response.body;
        expect(html).toContain('销售订单确认书');
        expect(html).toContain('杭州市水务集团有限公司');
        expect(html).toContain('HZSW-CG-2026-1187');
        expect(html).toContain('月结 60 天');
        expect(html).toContain('¥279,539.40');
        const english = (await get(MANAGER, `/api/records/sales-order/${ORDER}/print/sales-order-confirmation?locale=en`)).body;
        expect(english).toContain('SALES ORDER CONFIRMATION');
        expect(english).toContain('Net 60 days');
      });

      it('prints the routing\'s operations on the traveler', async () => {
        const html = (await get(PLANNER, '/api/records/production-order/mo-zhongjian-kbz-7-5/print/work-order-traveler')).body;
        expect(html).toContain('生产流转卡');
        for (const operation of ['整机总装', '绝缘耐压试验', '性能试验', '喷漆']) expect(html).toContain(operation);
        expect(html).toContain('操作者签字');
      });

      it('escapes what users typed into the record', async () => {
        const record = await services.records.get(manager, 'sales-order', ORDER);
        await services.records.update(manager, 'sales-order', ORDER, record.revision, { remarks: '<script>alert(1)</script><img src=x onerror=alert(2)>{{constructor}}' });
        const html = (await get(MANAGER, `/api/records/sales-order/${ORDER}/print/sales-order-confirmation`)).body;
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;{{constructor}}');
        expect(html).not.toContain('<script');
        expect(html).not.toContain('<img');
      });

      it('leaves out fields the reader may not see', async () => {
        expect((await get(MANAGER, `/api/records/sales-order/${ORDER}/print/field-probe`)).body).toMatch(/^COST=\[\] LIMIT=\[\d+\]$/);
        expect((await get(FINANCE, `/api/records/sales-order/${ORDER}/print/field-probe?locale=en`)).body).toBe('COST=[168000]');
      });

      it('needs read access to the record and a template of its form', async () => {
        const cases: [string, string, number, string][] = [
          [OPERATOR, `/api/records/sales-order/${ORDER}/print/delivery-note`, 403, 'ORDO_ERR_FORBIDDEN'],
          [MANAGER, `/api/records/sales-order/${ORDER}/print/ncr-report`, 404, 'ORDO_ERR_PRINT_TEMPLATE_NOT_FOUND'],
          [MANAGER, `/api/records/sales-order/${ORDER}/print/no-such-template`, 404, 'ORDO_ERR_PRINT_TEMPLATE_NOT_FOUND'],
          [MANAGER, '/api/records/sales-order/no-such-order/print/delivery-note', 404, 'ORDO_ERR_RECORD_NOT_FOUND'],
          [MANAGER, `/api/records/sales-order/${ORDER}/print/delivery-note?format=docx`, 400, 'ORDO_ERR_REQUEST_INVALID'],
        ];
        for (const [user, url, status, code] of cases) {
          const response = await get(user, url);
          expect(response.statusCode, url).toBe(status);
          expect(response.json(), url).toMatchObject({ code });
        }
      });

      // Chromium's PDF is the same on every database: printed once, on the first backend.
      it.skipIf(index > 0 || chromiumMissing)('prints PDFs whose text is the document, in Chinese and in English', async () => {
        const zh = await get(MANAGER, `/api/records/sales-order/${ORDER}/print/delivery-note?format=pdf&locale=zh-CN`);
        expect(zh.statusCode).toBe(200);
        expect(zh.headers['content-type']).toBe('application/pdf');
        expect(zh.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        const zhText = await pdfText(zh.rawPayload);
        for (const text of ['送货单', '杭州市水务集团有限公司', 'KBZ-15潜水排水泵', '收货单位', 'DN-SO-2026-0001']) expect(zhText).toContain(text);

        const en = await get(MANAGER, `/api/records/sales-order/${ORDER}/print/sales-order-confirmation?format=pdf&locale=en`);
        const enText = await pdfText(en.rawPayload);
        for (const text of ['SALESORDERCONFIRMATION', 'HZSW-CG-2026-1187', 'Net60days', 'CN¥279,539.40']) expect(enText).toContain(text);

        // A burst of prints shares the one browser, two pages at a time.
        const burst = await Promise.all(
          ['ncr-report', 'ncr-report', 'ncr-report', 'ncr-report'].map((template, n) =>
            get(INSPECTOR, `/api/records/ncr/ncr-hengtong-impeller-porosity/print/${template}?format=pdf&locale=${n % 2 === 0 ? 'zh-CN' : 'en'}`),
          ),
        );
        expect(burst.map((response) => response.statusCode)).toEqual([200, 200, 200, 200]);
        expect(await pdfText(burst[0]!.rawPayload)).toContain('不合格品报告');
        expect(await pdfText(burst[1]!.rawPayload)).toContain('NON-CONFORMANCEREPORT');
      }, 60_000);
    });

    it.skipIf(index > 0)('answers 503 when Chromium cannot start, and HTML still works', async () => {
      const broken = createChromiumPrinter('/nonexistent/chromium');
      const server = await buildServer({ services, database, printTemplates: createPrintTemplateRegistry([PROBE_TEMPLATE]), pdfPrinter: broken });
      try {
        const headers = { authorization: `Bearer ${tokens[MANAGER]}` };
        const pdf = await server.inject({ method: 'GET', url: `/api/records/sales-order/${ORDER}/print/field-probe?format=pdf`, headers });
        expect(pdf.statusCode).toBe(503);
        expect(pdf.json()).toMatchObject({ code: 'ORDO_ERR_PDF_UNAVAILABLE' });
        const html = await server.inject({ method: 'GET', url: `/api/records/sales-order/${ORDER}/print/field-probe`, headers });
        expect(html.statusCode).toBe(200);
      } finally {
        await server.close();
        await broken.close();
      }
    });
  });
}
