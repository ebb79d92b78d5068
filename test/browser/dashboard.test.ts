import ExcelJS from 'exceljs';
import type { Page, Response } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

/*
 * A manager at the management dashboard on the demo factory: the tiles load, a date preset reruns
 * them with other figures, the on-time report exports to Excel and a row of it drills into the
 * orders shipped late, a late order's delivery note prints to PDF, the sales-order list exports to
 * Excel, and the dashboard reads in English.
 */

const MANAGER = 'wang.qiang';
const DASHBOARD = 'management-cockpit';
const ON_TIME = 'on-time-delivery';

interface RunAnswer {
  columns: { key: string; role: string }[];
  rows: Record<string, string | number | null>[];
  parameters: Record<string, unknown>;
}

interface RecordPage {
  total: number;
  items: { id: string; data: Record<string, unknown> }[];
}

interface DrillAnswer {
  form: string;
  total: number;
  items: { id: string; title: string; data: Record<string, unknown> }[];
}

/** Lets the charts' entry animation (400 ms) finish before a screenshot. */
async function settleCharts(page: Page): Promise<void> {
  await page.waitForTimeout(600);
}

/** The PDF's text without white space: letter-spaced titles come out a letter at a time. */
async function pdfText(body: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true });
  return text.replace(/\s+/g, '');
}

function runOf(page: Page, report: string): Promise<Response> {
  return page.waitForResponse((response) => response.url().endsWith(`/api/reports/${report}/run`) && response.request().method() === 'POST');
}

describe.skipIf(skipBrowserTests)('a manager reads the management dashboard in Chromium', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'dashboard' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  it('opens the dashboard, changes the date range, exports the report, drills into late orders and prints a delivery note', async () => {
    const { page } = harness;
    await page.goto(harness.baseUrl);
    await harness.signIn(MANAGER);

    // 报表 in the navigation leads to the dashboard; every tile settles (drawn, empty or an error it shows).
    const firstRun = runOf(page, ON_TIME);
    await page.getByTestId(`nav-dashboard-${DASHBOARD}`).click();
    await page.waitForURL(new RegExp(`#/dashboards/${DASHBOARD}$`));
    // The title is the previous page's until the dashboard has rendered.
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('管理驾驶舱');
    const before = (await (await firstRun).json()) as RunAnswer;
    const tiles = page.locator('[data-testid^="widget-"][data-state]');
    await expect.poll(() => tiles.count()).toBeGreaterThan(4);
    await expect.poll(() => page.locator('[data-testid^="widget-"][data-state="loading"], [data-testid^="widget-"][data-state="refreshing"]').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.locator('[data-testid^="widget-"][data-state="failed"]').count()).toBe(0);
    await expect.poll(() => page.locator(`[data-testid="widget-${ON_TIME}"] canvas`).count()).toBeGreaterThan(0);
    // The KPI card shows the rate the API computes for the same range, as a percentage.
    const kpi = await harness.api<RunAnswer>(MANAGER, '/api/reports/kpi-on-time-delivery/run', {
      method: 'POST',
      body: { parameters: { dateRange: before.parameters.dateRange } },
    });
    const rate = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(Number(kpi.rows[0]?.onTimeRate));
    expect(await page.locator('[data-testid="widget-kpi-on-time-delivery"] [data-testid="kpi-value"]').textContent()).toBe(rate);
    await settleCharts(page);
    await harness.screenshot('01-dashboard');

    // Another range reruns the tiles with it, and the figures change.
    expect(await page.getByTestId('preset-thisYear').getAttribute('aria-pressed')).toBe('true');
    const secondRun = runOf(page, ON_TIME);
    await page.getByTestId('preset-lastMonth').click();
    const rerun = await secondRun;
    const sent = JSON.parse(rerun.request().postData() ?? '{}') as { parameters: { dateRange?: { from: string; to: string } } };
    const after = (await rerun.json()) as RunAnswer;
    expect(sent.parameters.dateRange).toEqual(after.parameters.dateRange);
    expect(sent.parameters.dateRange).not.toEqual(before.parameters.dateRange);
    expect(after.rows).not.toEqual(before.rows);
    await expect.poll(() => page.locator('[data-testid^="widget-"][data-state="refreshing"]').count(), { timeout: 30_000 }).toBe(0);
    await settleCharts(page);
    await harness.screenshot('02-last-month');
    await page.getByTestId('preset-thisYear').click();
    await expect.poll(() => page.locator('[data-testid^="widget-"][data-state="refreshing"]').count(), { timeout: 30_000 }).toBe(0);

    // A bar of the on-time chart opens the records behind it.
    const chart = page.locator(`[data-testid="widget-${ON_TIME}"] [data-testid="echart"]`);
    const box = await chart.boundingBox();
    if (!box) throw new Error('the on-time chart is not on screen');
    let drilled = false;
    for (let x = box.x + 40; x < box.x + box.width - 10 && !drilled; x += 4) {
      await page.mouse.click(x, box.y + box.height - 40);
      drilled = (await page.getByTestId('drill-drawer').count()) > 0;
    }
    expect(drilled).toBe(true);
    await expect.poll(() => page.getByTestId('drill-item').count()).toBeGreaterThan(0);
    await harness.screenshot('03-chart-drill');
    await page.getByTestId('drill-close').click();

    // On the report's own page, the row of a month and customer with late shipments lists those orders.
    const late = before.rows.find((row) => Number(row.onTime) < Number(row.shipped));
    if (!late) throw new Error('the demo factory shipped nothing late this year');
    await page.getByTestId(`nav-report-${ON_TIME}`).click();
    // The dashboard's widgets have rows and export buttons too: wait until its page is gone.
    await page.waitForURL(new RegExp(`#/reports/${ON_TIME}$`));
    await page.getByTestId(`widget-${ON_TIME}`).waitFor({ state: 'detached' });
    await page.getByTestId('report-row').first().waitFor();

    // The report exports to Excel with what the screen shows: one row per result row, numbers as numbers.
    const reportDownload = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const reportFile = await reportDownload;
    expect(reportFile.suggestedFilename()).toMatch(/\.xlsx$/);
    const reportBook = new ExcelJS.Workbook();
    await reportBook.xlsx.readFile(await reportFile.path());
    const reportSheet = reportBook.worksheets[0];
    const labels = (reportSheet?.getRow(1).values as unknown[]).filter((value) => value !== undefined);
    expect(labels).toEqual(['月份', '客户', '发货订单数', '准时订单数', '准时交付率']);
    expect(reportSheet?.rowCount).toBe(before.rows.length + 1);
    before.rows.forEach((row, index) => {
      const cells = reportSheet?.getRow(index + 2);
      expect(cells?.getCell(2).value).toBe(row.customer);
      expect(cells?.getCell(3).value).toBe(row.shipped);
      expect(cells?.getCell(5).value).toBeCloseTo(Number(row.onTimeRate), 10);
    });
    const dimensions = before.columns.filter((column) => column.role === 'dimension').map((column) => column.key);
    const lateRow = Object.fromEntries(dimensions.map((key) => [key, late[key] ?? null]));
    const drillAnswer = await harness.api<DrillAnswer>(MANAGER, `/api/reports/${ON_TIME}/drill`, {
      method: 'POST',
      body: { parameters: before.parameters, row: lateRow, limit: 50 },
    });
    const lateOrders = drillAnswer.items.filter((item) => String(item.data.shippedDate) > String(item.data.promisedDate));
    expect(lateOrders.length).toBe(Number(late.shipped) - Number(late.onTime));
    const rows = page.getByTestId('report-row');
    const customerText = String(late.customer ?? '');
    const rowIndex = before.rows.indexOf(late);
    expect(await rows.nth(rowIndex).textContent()).toContain(customerText);
    await rows.nth(rowIndex).click();
    const drawer = page.getByTestId('drill-drawer');
    await expect.poll(() => page.getByTestId('drill-item').count()).toBe(drillAnswer.items.length);
    const links = await page.getByTestId('drill-link').allTextContents();
    for (const order of lateOrders) expect(links).toContain(order.title);
    expect(await page.getByTestId('drill-total').textContent()).toContain(`共 ${drillAnswer.total} 条`);
    expect(await drawer.textContent()).toContain(customerText);
    await harness.screenshot('04-late-orders');

    // Each links to its record page.
    const first = lateOrders[0];
    if (!first) throw new Error('no late order');
    await page.getByTestId('drill-link').filter({ hasText: first.title }).click();
    await page.waitForURL(new RegExp(`#/forms/${drillAnswer.form}/${first.id}$`));
    await expect.poll(() => page.getByTestId('page-title').textContent()).toContain(first.title);
    await harness.screenshot('05-late-order');

    // The late order's delivery note prints to PDF in a new tab, with its number and customer.
    const printed = page.waitForResponse((response) => response.url().includes(`/api/records/sales-order/${first.id}/print/delivery-note?format=pdf`));
    const tab = page.context().waitForEvent('page');
    await page.getByTestId('print-button').click();
    await harness.screenshot('06-print-menu');
    await page.getByTestId('print-delivery-note-pdf').click();
    const pdf = await printed;
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    // The page read the body into a blob; the same document, fetched again as the manager, is read here.
    const { token } = await harness.services.auth.login(MANAGER, 'ordo-demo');
    const again = await fetch(pdf.url(), { headers: { authorization: `Bearer ${token}` } });
    const text = await pdfText(Buffer.from(await again.arrayBuffer()));
    expect(text).toContain('送货单');
    expect(text).toContain(first.title);
    expect(text).toContain(String(first.data.customerName ?? '?'));
    const opened = await tab;
    await opened.waitForURL(/^blob:/);
    await opened.close();

    // The sales-order list exports to Excel: the file holds every order of the list, in its columns.
    await page.getByTestId('back-to-list').click();
    await page.getByTestId('record-list').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.worksheets[0];
    const stored = await harness.api<RecordPage>(MANAGER, '/api/forms/sales-order/records?limit=200');
    expect(sheet?.rowCount).toBe(stored.total + 1);
    const header = (sheet?.getRow(1).values as unknown[]).filter((value) => value !== undefined);
    expect(header).toContain('订单号');
    const orderNumbers = new Set(stored.items.map((record) => record.data.orderNo));
    const column = header.indexOf('订单号') + 1;
    for (let row = 2; row <= (sheet?.rowCount ?? 0); row += 1) expect(orderNumbers.has(sheet?.getRow(row).getCell(column).value)).toBe(true);
    await harness.screenshot('07-sales-order-list');

    // In English the same dashboard speaks English: titles, presets, months and money.
    await page.getByTestId('lang-en').click();
    await page.getByTestId(`nav-dashboard-${DASHBOARD}`).click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Management cockpit');
    await expect.poll(() => page.locator('[data-testid^="widget-"][data-state="loading"], [data-testid^="widget-"][data-state="refreshing"]').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.getByTestId('preset-thisYear').textContent()).toBe('This year');
    expect(await page.getByTestId('parameter-bar').textContent()).toContain('Customer');
    await settleCharts(page);
    await harness.screenshot('08-english');
  });
});
