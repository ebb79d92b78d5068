import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

interface StoredRecord {
  id: string;
  revision: number;
  data: Record<string, unknown>;
}

interface HistoryItems {
  items: { revision: number; action: string; actor: unknown; changes: { path: string; before: unknown; after: unknown }[] }[];
}

interface OrderLine {
  itemId: string;
  itemCode: string;
  qty: number;
  discountPct: number;
}

const CUSTOMER_ID = 'customer-hz-water';
const LINES: readonly OrderLine[] = [
  { itemId: 'item-kbz-22', itemCode: 'KBZ-22', qty: 12, discountPct: 0 },
  { itemId: 'item-kbz-15', itemCode: 'KBZ-15', qty: 7, discountPct: 3 },
];
const EDITED_QTY = 15;

/** Money in cents, rounded the way the form's ROUND(…, 2) rounds positive amounts. */
function lineAmountCents(listPrice: number, qty: number, discountPct: number): number {
  return Math.round((qty * Math.round(listPrice * 100) * (100 - discountPct)) / 100);
}

function orderTotals(lines: readonly { listPrice: number; qty: number; discountPct: number }[]) {
  const amounts = lines.map((line) => lineAmountCents(line.listPrice, line.qty, line.discountPct));
  const net = amounts.reduce((sum, cents) => sum + cents, 0);
  const tax = Math.round((net * 13) / 100);
  return { amounts: amounts.map((cents) => cents / 100), net: net / 100, tax: tax / 100, grand: (net + tax) / 100 };
}

async function shownNumber(page: Page, selector: string): Promise<number> {
  const text = await page.locator(selector).inputValue();
  return Number(text.replaceAll(',', ''));
}

describe.skipIf(skipBrowserTests)('sales clerk enters a sales order in Chromium', () => {
  let harness: BrowserHarness;
  /** The order the first test creates; the second works on it. */
  let orderId = '';

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'sales-order' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  it('creates, finds, edits an order and shows its history', async () => {
    const { page } = harness;
    const prices = new Map<string, number>();
    for (const line of LINES) {
      const item = await harness.api<StoredRecord>('li.na', `/api/forms/item/records/${line.itemId}`);
      expect(typeof item.data.listPrice).toBe('number');
      prices.set(line.itemId, item.data.listPrice as number);
    }
    const priceOf = (line: OrderLine) => prices.get(line.itemId) ?? Number.NaN;
    const customer = await harness.api<StoredRecord>('li.na', `/api/forms/customer/records/${CUSTOMER_ID}`);

    await page.goto(harness.baseUrl);
    await page.getByTestId('login-username').fill('li.na');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await expect.poll(() => harness.problems.map((problem) => problem.text).join('\n')).toMatch(/status of 401/);
    expect(harness.takeProblems().map((problem) => problem.kind)).toEqual(['console']);
    await page.getByTestId('login-password').fill('ordo-demo');
    await harness.screenshot('01-login');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('李娜');
    await harness.screenshot('02-home');

    await page.getByTestId('nav-sales-order').click();
    await page.getByTestId('record-list').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('销售订单');
    await harness.screenshot('03-list');

    await page.getByTestId('new-record').click();
    await page.getByTestId('save-record').waitFor();

    // The customer picker: open it, pick, and the lookup fills the customer's name.
    await page.getByTestId('lookup-root_customer').click();
    await page.getByTestId(`lookup-option-${CUSTOMER_ID}`).click();
    await expect.poll(() => page.locator('#root_customerName').inputValue()).toBe(customer.data.name);
    await expect.poll(() => page.getByTestId('lookup-root_customer').inputValue()).toBe(customer.data.name);
    await harness.screenshot('04-customer-picked');

    // Two lines, each with a picked item whose list price fills in, and a typed quantity.
    while ((await page.locator('[data-testid^="line-lines-"]').count()) < LINES.length) {
      await page.getByTestId('add-lines').click();
    }
    const typed: { listPrice: number; qty: number; discountPct: number }[] = [];
    for (const [index, line] of LINES.entries()) {
      await page.getByTestId(`lookup-root_lines_${index}_item`).fill(line.itemCode);
      await page.getByTestId(`lookup-option-${line.itemId}`).click();
      await expect.poll(() => shownNumber(page, `#root_lines_${index}_unitPrice`)).toBe(priceOf(line));
      if (line.discountPct !== 0) await page.locator(`#root_lines_${index}_discountPct`).fill(String(line.discountPct));

      // Keystroke by keystroke, the line amount and the grand total follow the quantity typed so far.
      const qtyInput = page.locator(`#root_lines_${index}_qty`);
      await qtyInput.click();
      let soFar = '';
      for (const digit of String(line.qty)) {
        soFar += digit;
        await qtyInput.press(digit);
        const expected = orderTotals([...typed, { listPrice: priceOf(line), qty: Number(soFar), discountPct: line.discountPct }]);
        await expect.poll(() => shownNumber(page, `#root_lines_${index}_amount`)).toBe(expected.amounts[index]);
        await expect.poll(() => shownNumber(page, '#root_grandTotal')).toBe(expected.grand);
      }
      typed.push({ listPrice: priceOf(line), qty: line.qty, discountPct: line.discountPct });
    }
    const expected = orderTotals(typed);
    expect(await shownNumber(page, '#root_totalAmount')).toBe(expected.net);
    expect(await shownNumber(page, '#root_taxAmount')).toBe(expected.tax);
    expect(await shownNumber(page, '#root_totalQty')).toBe(LINES.reduce((sum, line) => sum + line.qty, 0));
    await harness.screenshot('05-lines-typed');

    // The requested date is still empty: the message appears at that field, in Chinese.
    await page.getByTestId('save-record').click();
    const dateError = page.getByTestId('error-requestedDate');
    await dateError.waitFor();
    expect(await dateError.textContent()).toMatch(/要求交期.*必填/);
    await expect.poll(() => page.getByTestId('error-summary').textContent()).toContain('要求交期');
    await harness.screenshot('06-required-date-missing');

    await page.locator('#root_requestedDate').fill('2026-12-20');
    await expect.poll(() => dateError.count()).toBe(0);
    await page.getByTestId('save-record').click();
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('记录已创建');
    await harness.screenshot('07-created');

    const recordId = decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '');
    orderId = recordId;
    const created = await harness.api<StoredRecord>('li.na', `/api/forms/sales-order/records/${encodeURIComponent(recordId)}`);
    const orderNo = String(created.data.orderNo);
    expect(orderNo).toMatch(/^SO-2026-\d{4}$/);
    expect(await page.locator('#root_orderNo').inputValue()).toBe(orderNo);
    const storedLines = created.data.lines as Record<string, unknown>[];
    expect(storedLines.map((line) => line.amount)).toEqual(expected.amounts);
    expect(created.data.totalAmount).toBe(expected.net);
    expect(created.data.taxAmount).toBe(expected.tax);
    expect(created.data.grandTotal).toBe(expected.grand);
    expect(await shownNumber(page, '#root_grandTotal')).toBe(created.data.grandTotal);

    // Back in the list, the search finds the new order by its number.
    await page.getByTestId('back-to-list').click();
    await page.getByTestId('record-list').waitFor();
    await page.getByTestId('list-search').fill(orderNo);
    await page.getByTestId('list-search-submit').click();
    await expect.poll(() => page.locator('[data-testid^="row-"]').count()).toBe(1);
    const row = page.getByTestId(`row-${recordId}`);
    expect(await row.textContent()).toContain(orderNo);
    await harness.screenshot('08-list-search');
    await row.click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toContain(orderNo);

    await page.getByTestId('history-link').click();
    const creation = page.getByTestId('history-1');
    await creation.waitFor();
    expect(await creation.textContent()).toContain('创建');
    expect(await creation.textContent()).toContain('李娜');
    await harness.screenshot('09-history-created');

    // An edit of one quantity becomes revision 2 with the change before -> after.
    await page.getByTestId('back-to-record').click();
    const qtyInput = page.locator('#root_lines_0_qty');
    await expect.poll(() => qtyInput.inputValue()).toBe(String(LINES[0]?.qty));
    await qtyInput.fill(String(EDITED_QTY));
    const edited = orderTotals(typed.map((line, index) => (index === 0 ? { ...line, qty: EDITED_QTY } : line)));
    await expect.poll(() => shownNumber(page, '#root_grandTotal')).toBe(edited.grand);
    await page.getByTestId('save-record').click();
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('修改已保存');
    await expect.poll(() => page.getByTestId('record-meta').textContent()).toContain('版本 2');
    await harness.screenshot('10-edited');
    const updated = await harness.api<StoredRecord>('li.na', `/api/forms/sales-order/records/${encodeURIComponent(recordId)}`);
    expect(updated.revision).toBe(2);
    expect(updated.data.grandTotal).toBe(edited.grand);

    await page.getByTestId('history-link').click();
    const revision2 = page.getByTestId('history-2');
    await revision2.waitFor();
    expect(await revision2.textContent()).toContain('修改');
    const qtyChange = revision2.locator('tr', { hasText: '数量' }).filter({ hasNotText: '总数量' });
    expect(await qtyChange.locator('.change-before').textContent()).toBe(String(LINES[0]?.qty));
    expect(await qtyChange.locator('.change-after').textContent()).toBe(String(EDITED_QTY));
    const history = await harness.api<HistoryItems>('li.na', `/api/forms/sales-order/records/${encodeURIComponent(recordId)}/history`);
    expect(history.items.map((entry) => entry.revision).sort()).toEqual([1, 2]);
    await harness.screenshot('11-history-edited');

    // One switch to English relabels the page.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => revision2.locator('tr', { hasText: 'Quantity' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('nav-sales-order').textContent()).toBe('Sales order');
    await harness.screenshot('12-history-english');
  });

  it('shows a rule-driven field, a 422 from the server at its field, and a conflict with a reload', async () => {
    const { page } = harness;
    expect(orderId).not.toBe('');
    const recordUrl = `/api/forms/sales-order/records/${encodeURIComponent(orderId)}`;
    await page.goto(`${harness.baseUrl}/#/forms/sales-order/${encodeURIComponent(orderId)}`);
    const qtyInput = page.locator('#root_lines_0_qty');
    await expect.poll(() => qtyInput.inputValue()).toBe(String(EDITED_QTY));
    // The first test left the app in English.
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => page.getByTestId('save-record').textContent()).toBe('保存');

    // The rush reason exists only for rush orders.
    expect(await page.getByTestId('field-rushReason').count()).toBe(0);
    await page.locator('#root_priority').selectOption({ label: '加急' });
    await page.getByTestId('field-rushReason').waitFor();
    await harness.screenshot('13-rush-reason-shown');
    await page.locator('#root_priority').selectOption({ label: '普通' });
    await expect.poll(() => page.getByTestId('field-rushReason').count()).toBe(0);

    // Above the schema's maximum: only the server knows, and its message lands at the line's quantity.
    await qtyInput.fill('999999');
    await page.getByTestId('save-record').click();
    const qtyError = page.getByTestId('error-lines-0-qty');
    await qtyError.waitFor();
    expect(await qtyError.textContent()).toContain('100000');
    expect(harness.takeProblems().map((problem) => problem.text).join('\n')).toMatch(/status of 422/);
    await harness.screenshot('14-server-422');

    // Someone else saves first: the page says so and reloads the newer revision on request.
    const current = await harness.api<StoredRecord>('li.na', recordUrl);
    await harness.api<StoredRecord>('li.na', recordUrl, { method: 'PATCH', body: { revision: current.revision, data: { customerPoNo: 'PO-ELSEWHERE' } } });
    await qtyInput.fill('20');
    await page.getByTestId('save-record').click();
    await page.getByTestId('conflict').waitFor();
    expect(harness.takeProblems().map((problem) => problem.text).join('\n')).toMatch(/status of 409/);
    await harness.screenshot('15-conflict');
    await page.getByTestId('conflict-reload').click();
    await expect.poll(() => page.locator('#root_customerPoNo').inputValue()).toBe('PO-ELSEWHERE');
    await qtyInput.fill('20');
    await page.getByTestId('save-record').click();
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('修改已保存');
    const saved = await harness.api<StoredRecord>('li.na', recordUrl);
    expect(saved.revision).toBe(current.revision + 2);
    expect((saved.data.lines as Record<string, unknown>[])[0]?.qty).toBe(20);
    expect(saved.data.customerPoNo).toBe('PO-ELSEWHERE');
  });
});
