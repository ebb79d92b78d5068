import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../engine/definitions/index.js';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { addCharacteristicsTable, addField, createForm, setProperty } from '../support/form-designer-steps.js';

/*
 * The quality manager gives the incoming inspection form its logic without writing JSON: a per-line
 * formula (a characteristic passes when measured within its limits) and a total built with the
 * formula editor's autocomplete, an error shown while she types a wrong field name, a visibility
 * rule, a role's field permission and form access; the preview runs the rules; she publishes.
 */

const QUALITY_MANAGER = 'ma.lin';

describe.skipIf(skipBrowserTests)('formulas, rules and permissions in the form designer', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'form-rules' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  it('builds computed fields with autocomplete, sees an error while typing, adds a rule and a permission, previews and publishes', async () => {
    const { page } = harness;
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(harness.baseUrl);
    await harness.signIn(QUALITY_MANAGER);
    await page.getByTestId('nav-form-designer').click();
    await createForm(page, '来料检验', 'Incoming inspection');

    await addField(page, 'text', 'supplier', '供应商', 'Supplier');
    await addField(page, 'choice', 'result', '检验结论', 'Result');
    await page.getByTestId('option-0-value').fill('pass');
    await page.getByTestId('option-0-zh').fill('合格');
    await page.getByTestId('option-0-en').fill('Pass');
    await page.getByTestId('option-1-value').fill('fail');
    await page.getByTestId('option-1-zh').fill('不合格');
    await page.getByTestId('option-1-en').fill('Fail');
    await addField(page, 'textarea', 'reason', '不合格原因', 'Reason for rejection');
    await addCharacteristicsTable(page);

    // The column `pass` becomes a per-line formula, typed with the suggestion list.
    await page.getByTestId('logic-computed').check();
    const formula = page.getByTestId('formula-computed-input');
    await formula.click();
    await formula.pressSequentially('AN');
    await expect.poll(() => page.getByTestId('formula-computed-list').locator('[role="option"]').first().textContent()).toContain('AND');
    await page.keyboard.press('Enter');
    await expect.poll(() => formula.inputValue()).toBe('AND()');
    await expect.poll(() => page.getByTestId('formula-help').textContent()).toContain('AND(');
    await formula.pressSequentially('meas');
    await expect.poll(() => formula.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    await formula.pressSequentially(' >= lowr');
    await page.keyboard.press('Escape');
    // A wrong field name is underlined and named while typing; the result type is not shown.
    await expect.poll(() => page.getByTestId('formula-computed-status').textContent()).toContain('未知字段 lowr');
    await expect.poll(() => page.getByTestId('formula-error-mark').first().textContent()).toBe('lowr');
    await expect.poll(() => formula.getAttribute('aria-invalid')).toBe('true');
    await harness.screenshot('01-formula-error');
    await formula.press('Backspace');
    await formula.press('Backspace');
    await formula.pressSequentially('w');
    await page.getByTestId('formula-computed-list').getByText('lower', { exact: true }).click();
    await formula.pressSequentially(', measured <= upper');
    await expect.poll(() => formula.inputValue()).toBe('AND(measured >= lower, measured <= upper)');
    await expect.poll(() => page.getByTestId('formula-computed-type').textContent()).toMatch(/TRUE\/FALSE/);
    await harness.screenshot('02-line-formula');

    // A computed field from the palette: every characteristic passed (a total over the sub-table).
    await page.getByTestId('palette-computed').click();
    await setProperty(page, 'prop-name', 'allPass');
    await setProperty(page, 'prop-label-zh', '全部合格');
    await setProperty(page, 'prop-label-en', 'All passed');
    await page.getByTestId('logic-result-type').selectOption('yesNo');
    const total = page.getByTestId('formula-computed-input');
    await total.click();
    await total.pressSequentially('AND(合格');
    await page.getByTestId('formula-computed-list').getByText('characteristics.pass', { exact: true }).click();
    await total.pressSequentially(')');
    await expect.poll(() => total.inputValue()).toBe('AND(characteristics.pass)');
    await expect.poll(() => page.getByTestId('formula-computed-status').textContent()).toMatch(/TRUE\/FALSE/);

    // The reason is asked for only when the result is a failure.
    await page.getByTestId('design-field-reason').click();
    await page.getByTestId('rule-visible').check();
    await page.getByTestId('formula-rule-visible-input').fill('result = "fail"');
    // The required condition is typed by keyboard only: arrows move in the list, Enter inserts.
    await page.getByTestId('rule-required').check();
    const required = page.getByTestId('formula-rule-required-input');
    await required.click();
    await required.pressSequentially('r');
    const first = await required.getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => required.getAttribute('aria-activedescendant')).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => required.getAttribute('aria-activedescendant')).toBe(first);
    await expect.poll(() => page.locator(`#${first?.replace(/:/g, '\\:')}`).textContent()).toContain('result');
    await page.keyboard.press('Enter');
    await required.pressSequentially(' = "fail"');
    await expect.poll(() => required.inputValue()).toBe('result = "fail"');
    await expect.poll(() => page.getByTestId('formula-rule-visible-status').textContent()).toMatch(/TRUE\/FALSE/);
    await expect.poll(() => page.getByTestId('mark-rule-reason').count()).toBe(1);
    await expect.poll(() => page.getByTestId('mark-formula-characteristics.pass').count()).toBe(1);
    await expect.poll(() => page.getByTestId('mark-formula-allPass').count()).toBe(1);
    await harness.screenshot('03-visibility-rule');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('design-field-allPass').click();
    await page.getByTestId('formula-computed-input').click();
    await page.getByTestId('formula-computed-input').press('End');
    await page.getByTestId('formula-computed-input').pressSequentially(' AND s');
    await harness.screenshot('03-formula-en');
    await page.getByTestId('formula-computed-input').fill('AND(characteristics.pass)');
    await page.getByTestId('lang-zh-CN').click();

    // Inspectors may create and view records, and see the supplier without changing it.
    await page.getByTestId('designer-tab-permissions').click();
    await page.getByTestId('access-inspector-create').check();
    await page.getByTestId('access-inspector-update').check();
    await page.getByTestId('perm-supplier-inspector').selectOption('read');
    await page.getByTestId('perm-reason-operator').selectOption('hidden');
    await harness.screenshot('04-permissions');

    // The preview runs the rules and formulas with the staff renderer.
    await page.getByTestId('designer-tab-preview').click();
    await page.getByTestId('designer-preview').waitFor();
    await expect.poll(() => page.locator('#root_reason').count()).toBe(0);
    await page.locator('#root_result').selectOption({ label: '不合格' });
    await page.locator('#root_reason').waitFor();
    await page.getByTestId('add-characteristics').click();
    await page.locator('#root_characteristics_0_lower').fill('41.95');
    await page.locator('#root_characteristics_0_upper').fill('42.05');
    await page.locator('#root_characteristics_0_measured').fill('42.10');
    await expect.poll(() => page.locator('#root_characteristics_0_pass').getAttribute('data-value')).toBe('false');
    await page.locator('#root_characteristics_0_measured').fill('42.01');
    await expect.poll(() => page.locator('#root_characteristics_0_pass').getAttribute('data-value')).toBe('true');
    await expect.poll(() => page.locator('#root_allPass').getAttribute('data-value')).toBe('true');
    // A computed yes/no is a green ✓ (red ✗) badge that screen readers read as 是 / 否, not a grey disabled checkbox.
    const pass = page.getByTestId('yes-no-root_characteristics_0_pass');
    expect(await pass.getAttribute('class')).toBe('yes-no is-yes');
    expect(await pass.locator('.sr-only').textContent()).toBe('是');
    expect(await pass.locator('[aria-hidden="true"]').textContent()).toBe('✓');
    expect(await page.evaluate(`getComputedStyle(document.getElementById('root_characteristics_0_pass')).color`)).toBe('rgb(30, 123, 70)');
    await page.locator('#root_characteristics_0_measured').fill('42.10');
    await expect.poll(() => page.getByTestId('yes-no-root_allPass').textContent()).toBe('✗否');
    expect(await page.locator('input[type="checkbox"][id^="root_characteristics_0_pass"], input[type="checkbox"]#root_allPass').count()).toBe(0);
    await page.locator('#root_characteristics_0_measured').fill('42.01');
    await expect.poll(() => page.locator('#root_allPass').getAttribute('data-value')).toBe('true');
    await harness.screenshot('05-preview-rules');

    await page.getByTestId('designer-publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect.poll(() => page.getByTestId('designer-status').textContent()).toMatch(/v1/);
    await harness.screenshot('06-published');
    const published = await harness.api<{ forms: FormDefinition[] }>(QUALITY_MANAGER, '/api/definitions');
    const form = published.forms.find((candidate) => candidate.id === 'incoming-inspection');
    expect(form).toMatchObject({
      computed: { 'characteristics.pass': 'AND(measured >= lower, measured <= upper)', allPass: 'AND(characteristics.pass)' },
      rules: [{ field: 'reason', visible: 'result = "fail"', required: 'result = "fail"' }],
      access: { create: ['inspector'], update: ['inspector'] },
    });
    expect(form?.permissions?.supplier?.write).not.toContain('inspector');
    expect(form?.permissions?.supplier?.read).toBeUndefined();
    expect(form?.permissions?.reason?.read).not.toContain('operator');
  }, 120_000);
});
