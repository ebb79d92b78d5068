/**
 * A click-through of the web app against a running server, saving screenshots for a person to look
 * at. Not part of `vitest run`: start `ordo serve --demo` first, then
 * `npx tsx test/browser/designer-smoke.ts [baseUrl] [shotDir]`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:3100';
const shotDir = process.argv[3] ?? '/tmp/ui-shots';
mkdirSync(shotDir, { recursive: true });

const problems: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage: true });
  console.log(`shot ${name}`);
}

async function main(): Promise<void> {
  const context = await chromium.launchPersistentContext(`/tmp/ordo-chromium-${process.pid}`, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  await page.goto(baseUrl);
  await page.getByTestId('login-username').waitFor();
  await shot(page, '01-login');
  await page.getByTestId('login-username').fill('li.na');
  await page.getByTestId('login-password').fill('wrong');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-error').waitFor();
  await shot(page, '02-login-failed');
  await page.getByTestId('login-password').fill('ordo-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
  await shot(page, '03-home');

  await page.getByTestId('nav-sales-order').click();
  await page.getByTestId('record-list').waitFor();
  await shot(page, '04-list');
  const sortable = page.locator('[data-testid^="sort-"]').nth(1);
  await sortable.click();
  await page.waitForTimeout(500);
  await sortable.click();
  await page.waitForTimeout(500);
  await shot(page, '05-list-sorted-desc');

  await page.locator('[data-testid^="row-"]').first().click();
  await page.getByTestId('history-link').waitFor();
  await page.waitForTimeout(500);
  await shot(page, '06-record');
  await page.getByTestId('history-link').click();
  await page.getByTestId('history-list').waitFor();
  await shot(page, '07-history');

  await page.goto(`${baseUrl}/#/forms/sales-order/new`);
  await page.getByTestId('save-record').waitFor();
  await page.getByTestId('save-record').click();
  await page.getByTestId('error-summary').waitFor();
  await shot(page, '08-new-required-errors');

  await page.locator('[data-testid="lookup-root_customer"]').click();
  await page.locator('[data-testid^="lookup-option-"]').first().click();
  await page.locator('#root_requestedDate').fill('2026-12-20');
  await page.locator('#root_priority').selectOption({ label: '加急 / Rush' });
  await page.waitForTimeout(300);
  await shot(page, '09-new-rush-visible');
  await page.locator('[data-testid="add-lines"]').click();
  await page.getByTestId('remove-lines-1').click();
  await page.locator('[data-testid="lookup-root_lines_0_item"]').fill('KBZ-22');
  await page.waitForTimeout(600);
  await shot(page, '10-lookup-open');
  await page.getByTestId('lookup-option-item-kbz-22').click();
  await page.locator('#root_lines_0_qty').fill('20');
  await page.waitForTimeout(300);
  console.log('unit price filled from the item:', await page.locator('#root_lines_0_unitPrice').inputValue());
  console.log('grand total shown:', await page.locator('#root_grandTotal').inputValue());
  await shot(page, '11-new-filled');
  await page.locator('#root_rushReason').fill('客户产线停机，急需');
  await page.getByTestId('save-record').click();
  await page.getByTestId('flash').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(800);
  await shot(page, '12-after-save');

  await page.locator('#root_lines_0_qty').fill('999999');
  await page.getByTestId('save-record').click();
  await page.getByTestId('error-lines-0-qty').waitFor();
  await shot(page, '12a-server-422');

  // Someone else saves first: bump the revision behind the form's back.
  const recordId = decodeURIComponent(page.url().split('/').pop() ?? '');
  await page.evaluate(async (id) => {
    const storage = (globalThis as { sessionStorage?: { getItem(key: string): string | null } }).sessionStorage;
    const headers = { Authorization: `Bearer ${storage?.getItem('ordo.token') ?? ''}`, 'Content-Type': 'application/json' };
    const url = `/api/forms/sales-order/records/${encodeURIComponent(id)}`;
    const current = (await (await fetch(url, { headers })).json()) as { revision: number };
    await fetch(url, { method: 'PATCH', headers, body: JSON.stringify({ revision: current.revision, data: { customerPoNo: 'PO-OTHER' } }) });
  }, recordId);
  await page.locator('#root_lines_0_qty').fill('25');
  await page.getByTestId('save-record').click();
  await page.getByTestId('conflict').waitFor();
  await shot(page, '12c-conflict');
  await page.getByTestId('conflict-reload').click();
  await page.waitForTimeout(800);
  await page.locator('#root_lines_0_qty').fill('25');
  await page.getByTestId('save-record').click();
  await page.getByText('修改已保存。').waitFor();
  await page.getByTestId('history-link').click();
  await page.getByTestId('history-list').waitFor();
  await shot(page, '12b-history-after-edit');

  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-sales-order').click();
  await page.getByTestId('record-list').waitFor();
  await shot(page, '13-list-en');

  await context.close();
  console.log(problems.length === 0 ? 'no console problems' : problems.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  console.error(problems.join('\n'));
  process.exitCode = 1;
});
