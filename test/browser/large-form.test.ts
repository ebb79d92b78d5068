import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { LARGE_FORM_FIELDS, LARGE_FORM_ID, LARGE_FORM_LINES, largeFormDefinition, largeFormLines, largeGrandTotal } from '../support/large-form.js';

/*
 * The form of the typing bench (150 fields, 50 lines with computed amounts and totals) renders, and
 * typing updates every computed value it feeds, keystroke by keystroke. Not timed: the speed is
 * measured by `npm run bench:form-typing`.
 */

async function shownNumber(page: Page, selector: string): Promise<number> {
  return Number((await page.locator(selector).inputValue()).replaceAll(',', ''));
}

interface StoredRecord {
  id: string;
  revision: number;
  data: Record<string, unknown>;
}

describe.skipIf(skipBrowserTests)('a form of 150 fields and 50 lines in Chromium', () => {
  let harness: BrowserHarness;
  let record: StoredRecord;

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'large-form', locale: 'en', extraForms: [largeFormDefinition()] });
    record = await harness.api<StoredRecord>('li.na', `/api/forms/${LARGE_FORM_ID}/records`, { method: 'POST', body: { data: { f002: 2, lines: largeFormLines() } } });
    await harness.page.goto(harness.baseUrl);
    await harness.signIn('li.na');
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  it('renders every field and line, and typing updates the computed fields it feeds', async () => {
    const { page } = harness;
    const lines = largeFormLines();
    await page.goto(`${harness.baseUrl}/#/forms/${LARGE_FORM_ID}/${encodeURIComponent(record.id)}`);
    await page.locator(`#root_lines_${LARGE_FORM_LINES - 1}_amount`).waitFor();
    expect(await page.locator('.form-grid > .field:not(.field-table)').count()).toBe(LARGE_FORM_FIELDS + 2);
    expect(await page.locator('[data-testid^="line-lines-"]').count()).toBe(LARGE_FORM_LINES);
    expect(await shownNumber(page, '#root_grandTotal')).toBe(largeGrandTotal(lines));
    expect(await shownNumber(page, '#root_f010')).toBe(2);
    await harness.screenshot('01-opened');

    // A number at the top feeds its block's sum, digit by digit; the fields around it stay as they were.
    const f006 = page.locator('#root_f006');
    await f006.click();
    for (const [index, digit] of [...'305'].entries()) {
      await page.keyboard.press(digit);
      await expect.poll(() => shownNumber(page, '#root_f010')).toBe(2 + Number('305'.slice(0, index + 1)));
    }
    expect(await shownNumber(page, '#root_f020')).toBe(0);

    // A quantity in the middle of the sub-table: its line's amount, the total quantity and the grand total follow.
    const qty = page.locator('#root_lines_25_qty');
    await qty.click();
    await page.keyboard.press('Control+A');
    for (const [index, digit] of [...'42'].entries()) {
      await page.keyboard.press(digit);
      const typed = Number('42'.slice(0, index + 1));
      const changed = lines.map((line, at) => (at === 25 ? { ...line, qty: typed } : line));
      await expect.poll(() => shownNumber(page, '#root_lines_25_amount')).toBe(typed * (lines[25]?.price ?? 0));
      await expect.poll(() => shownNumber(page, '#root_totalQty')).toBe(changed.reduce((sum, line) => sum + line.qty, 0));
      await expect.poll(() => shownNumber(page, '#root_grandTotal')).toBe(largeGrandTotal(changed));
    }

    // A rule: choosing "c" hides the block's note; typing text elsewhere leaves it alone.
    await page.locator('#root_f001').fill('first field');
    await page.locator('#root_f004').selectOption('c');
    await expect.poll(() => page.locator('#root_f009').count()).toBe(0);
    await page.locator('#root_f004').selectOption('a');
    await page.locator('#root_f009').waitFor();
    await harness.screenshot('02-typed');

    // What is saved is what was shown.
    await page.getByTestId('save-record').click();
    await expect.poll(async () => (await harness.api<StoredRecord>('li.na', `/api/forms/${LARGE_FORM_ID}/records/${encodeURIComponent(record.id)}`)).revision).toBe(2);
    const saved = await harness.api<StoredRecord>('li.na', `/api/forms/${LARGE_FORM_ID}/records/${encodeURIComponent(record.id)}`);
    const changed = lines.map((line, at) => (at === 25 ? { ...line, qty: 42 } : line));
    expect(saved.data).toMatchObject({ f001: 'first field', f006: 305, f010: 307, totalQty: changed.reduce((sum, line) => sum + line.qty, 0), grandTotal: largeGrandTotal(changed) });
  }, 40_000);
});
