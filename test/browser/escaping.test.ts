import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { XSS_ELEMENT_SELECTORS, XSS_FORM, xssText } from '../support/xss-corpus.js';

interface StoredRecord {
  id: string;
  revision: number;
  data: Record<string, unknown>;
}

async function injectedElements(page: Page): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const selector of XSS_ELEMENT_SELECTORS) {
    const count = await page.locator(selector).count();
    if (count > 0) found[selector] = count;
  }
  return found;
}

async function bodyText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

/** Every place shows its marker followed by the whole corpus, character for character. */
async function expectShownLiterally(page: Page, markers: readonly string[]): Promise<void> {
  const text = await bodyText(page);
  for (const marker of markers) expect(text).toContain(xssText(marker));
}

describe.skipIf(skipBrowserTests)('definition texts and record data are shown as text, never as markup', () => {
  let harness: BrowserHarness;
  let record: StoredRecord;

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'escaping', extraForms: [XSS_FORM] });
    record = await harness.api<StoredRecord>('li.na', `/api/forms/${XSS_FORM.id}/records`, {
      method: 'POST',
      body: { data: { note: xssText('note-data'), kind: 'markup', grade: 'markup', lines: [{ remark: xssText('remark-data'), qty: 1 }] } },
    });
    const { page } = harness;
    await page.goto(harness.baseUrl);
    await harness.signIn('li.na');
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(async () => {
    if (!harness) return;
    // Dialogs (an alert from a payload) and CSP violations are problems too.
    expect(harness.unexpectedProblems()).toEqual([]);
    expect(await injectedElements(harness.page)).toEqual({});
  });

  it('reports a script the CSP blocks, so a silent run means none was blocked', async () => {
    const { page } = harness;
    expect(harness.takeProblems()).toEqual([]);
    await page.evaluate(`document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.canary = 1' }))`);
    // Chromium reports the block twice: the DOM event and a console error; both must be in before they are taken.
    await expect
      .poll(() => ({
        event: harness.problems.some((problem) => problem.kind === 'csp' && problem.text.startsWith('script-src')),
        console: harness.problems.some((problem) => problem.kind === 'console' && problem.text.includes('Content Security Policy')),
      }))
      .toEqual({ event: true, console: true });
    expect(await page.evaluate('window.canary')).toBeUndefined();
    expect(harness.takeProblems().every((problem) => problem.text.includes('script-src') || problem.text.includes('Content Security Policy'))).toBe(true);
  });

  it('shows the form title, description, column labels and cells literally in the list', async () => {
    const { page } = harness;
    await page.getByTestId(`nav-${XSS_FORM.id}`).click();
    await page.getByTestId('record-list').waitFor();
    await expectShownLiterally(page, ['form-title-zh', 'form-description-zh', 'note-label-zh', 'kind-label-zh', 'grade-label-zh', 'note-data', 'kind-title', 'grade-option-zh']);
    await harness.screenshot('01-list');
  });

  it('shows labels, help, choice titles and values literally on the record and keeps a typed payload as text', async () => {
    const { page } = harness;
    await page.getByTestId(`row-${record.id}`).click();
    await page.getByTestId('history-link').waitFor();
    await expect.poll(() => page.locator('#root_note').inputValue()).toBe(xssText('note-data'));
    expect(await page.getByTestId('page-title').textContent()).toContain(xssText('note-data'));
    expect(await page.locator('#root_lines_0_remark').inputValue()).toBe(xssText('remark-data'));
    expect(await page.locator('#root_kind option').allTextContents()).toContain(xssText('kind-title'));
    expect(await page.locator('#root_grade option').allTextContents()).toContain(xssText('grade-option-zh'));
    await expectShownLiterally(page, ['note-label-zh', 'note-help-zh', 'kind-label-zh', 'kind-help-zh', 'grade-label-zh', 'grade-help-zh', 'lines-label-zh', 'remark-label-zh', 'qty-label-zh']);
    await harness.screenshot('02-record');

    await page.locator('#root_note').fill(xssText('note-typed'));
    await page.getByTestId('save-record').click();
    await page.getByTestId('flash').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toContain(xssText('note-typed'));
    const stored = await harness.api<StoredRecord>('li.na', `/api/forms/${XSS_FORM.id}/records/${record.id}`);
    expect(stored.data.note).toBe(xssText('note-typed'));
    await harness.screenshot('03-record-saved');
  });

  it('shows the changes literally in the history, in both languages', async () => {
    const { page } = harness;
    await page.getByTestId('history-link').click();
    await page.getByTestId('history-2').waitFor();
    const change = page.getByTestId('history-2').locator('tr', { hasText: 'note-label-zh' });
    expect(await change.locator('.change-before').textContent()).toBe(xssText('note-data'));
    expect(await change.locator('.change-after').textContent()).toBe(xssText('note-typed'));
    await expectShownLiterally(page, ['note-label-zh', 'kind-title', 'grade-option-zh']);
    await harness.screenshot('04-history');

    await page.getByTestId('lang-en').click();
    await expect.poll(async () => (await bodyText(page)).includes(xssText('note-label-en'))).toBe(true);
    await expectShownLiterally(page, ['form-title-en', 'note-label-en', 'grade-option-en']);
    await harness.screenshot('05-history-english');
  });
});
