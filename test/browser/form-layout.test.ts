import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../engine/definitions/index.js';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { addField, createForm, setProperty } from '../support/form-designer-steps.js';

/*
 * The quality manager lays out her incoming-inspection form: two sections, fields half a row wide side
 * by side, a supplier lookup whose name flows in; shortcuts for the common steps; the changes against
 * the published version before publishing; and a save refused because a colleague saved meanwhile.
 */

const DESIGNER = 'ma.lin';
const COLLEAGUE = 'admin';
const DRAFT = '/api/designer/drafts/form/incoming-inspection';

async function canvasOrder(page: Page): Promise<string[]> {
  const ids: string[] = [];
  for (const node of await page.locator('[data-testid^="design-field-"]:not([data-testid$="-handle"]), [data-testid^="design-section-"]:not([data-testid$="-handle"])').all()) {
    ids.push(((await node.getAttribute('data-testid')) ?? '').replace('design-field-', '').replace('design-section-', '§'));
  }
  return ids;
}

/** The heading of the side navigation's group that holds the form's entry. */
async function navGroupOf(page: Page, form: string): Promise<string | null> {
  const entry = page.getByTestId(`nav-${form}`);
  if ((await entry.count()) === 0) return null;
  return page.locator('.nav-section', { has: entry }).locator('.nav-heading').textContent();
}

/** Presses a key with the focus on the page body, where the designer's shortcuts apply. */
async function shortcut(page: Page, keys: string): Promise<void> {
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press(keys);
}

describe.skipIf(skipBrowserTests)('form layout, shortcuts and the diff before publishing in Chromium', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'form-layout' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  it('builds sections with half-width fields, uses shortcuts, shows the changes before publishing, and refuses a save over a colleague', async () => {
    const { page } = harness;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(harness.baseUrl);
    await harness.signIn(DESIGNER);
    await page.getByTestId('nav-form-designer').click();
    await createForm(page, '来料检验', 'Incoming inspection');

    // A section, then the lot and the supplier, half a row each; the supplier's name flows in from the lookup.
    await page.getByTestId('palette-section').click();
    await setProperty(page, 'section-title-zh', '基本信息');
    await setProperty(page, 'section-title-en', 'Basics');
    await addField(page, 'text', 'lot', '批次号', 'Lot');
    await page.getByTestId('prop-width').selectOption('half');
    await addField(page, 'lookup', 'supplier', '供应商', 'Supplier');
    await page.getByTestId('prop-width').selectOption('half');
    await page.getByTestId('prop-lookup-form').selectOption('supplier');
    await expect.poll(() => page.getByTestId('lookup-fill').textContent()).toMatch(/还没有带入字段|Nothing flows in/);
    await addField(page, 'text', 'supplierName', '供应商名称', 'Supplier name');
    await page.getByTestId('design-field-supplier').click();
    await page.getByTestId('fill-add').click();
    await page.getByTestId('fill-0-target').selectOption('supplierName');
    await page.getByTestId('fill-0-source').selectOption('name');
    await harness.screenshot('01-lookup-fill');

    // A second section, added at the end by a click; then three fields a third of a row each.
    await page.getByTestId('palette-section').click();
    await setProperty(page, 'section-title-zh', '检验结果');
    await setProperty(page, 'section-title-en', 'Result');
    await addField(page, 'number', 'sampled', '抽样数', 'Sampled');
    await page.getByTestId('prop-width').selectOption('third');
    await addField(page, 'number', 'rejected', '不合格数', 'Rejected');
    await page.getByTestId('prop-width').selectOption('third');
    expect(await canvasOrder(page)).toEqual(['§section1', 'lot', 'supplier', 'supplierName', '§section2', 'sampled', 'rejected']);

    // Shortcuts: Ctrl+D duplicates the selected field, Alt+↑ moves it, Delete removes it, Ctrl+Z brings it back.
    await page.getByTestId('design-field-rejected').click();
    await shortcut(page, 'Control+d');
    await expect.poll(() => canvasOrder(page)).toEqual(['§section1', 'lot', 'supplier', 'supplierName', '§section2', 'sampled', 'rejected', 'rejected2']);
    await expect.poll(() => page.getByTestId('prop-label-zh').inputValue()).toBe('不合格数（副本）');
    await setProperty(page, 'prop-label-zh', '让步接收数');
    await setProperty(page, 'prop-label-en', 'Accepted on concession');
    await shortcut(page, 'Alt+ArrowUp');
    await expect.poll(() => canvasOrder(page)).toEqual(['§section1', 'lot', 'supplier', 'supplierName', '§section2', 'sampled', 'rejected2', 'rejected']);
    await shortcut(page, 'Delete');
    await expect.poll(() => canvasOrder(page)).toEqual(['§section1', 'lot', 'supplier', 'supplierName', '§section2', 'sampled', 'rejected']);
    await shortcut(page, 'Control+z');
    await expect.poll(() => canvasOrder(page)).toEqual(['§section1', 'lot', 'supplier', 'supplierName', '§section2', 'sampled', 'rejected2', 'rejected']);
    await page.getByTestId('design-field-rejected2').click();
    await page.getByTestId('prop-width').selectOption('third');
    await harness.screenshot('02-sections-on-canvas');

    // "?" lists the shortcuts; Escape closes the list.
    await shortcut(page, '?');
    await page.getByTestId('shortcuts-help').waitFor();
    await harness.screenshot('03-shortcuts-help');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('shortcuts-help').count()).toBe(0);

    // The preview puts the half-width fields side by side and the thirds three to a row, under their section titles.
    await page.getByTestId('designer-tab-preview').click();
    await page.getByTestId('section-section1').waitFor();
    const lot = await page.getByTestId('field-lot').boundingBox();
    const supplier = await page.getByTestId('field-supplier').boundingBox();
    const supplierName = await page.getByTestId('field-supplierName').boundingBox();
    expect(lot && supplier && supplierName).toBeTruthy();
    expect(Math.abs((lot?.y ?? 0) - (supplier?.y ?? 1))).toBeLessThan(2);
    expect(supplier?.x ?? 0).toBeGreaterThan((lot?.x ?? 0) + (lot?.width ?? 0));
    expect(supplierName?.y ?? 0).toBeGreaterThan((lot?.y ?? 0) + (lot?.height ?? 0));
    const thirds = await Promise.all(['sampled', 'rejected2', 'rejected'].map((name) => page.getByTestId(`field-${name}`).boundingBox()));
    expect(new Set(thirds.map((box) => Math.round(box?.y ?? -1))).size).toBe(1);
    expect(await page.getByTestId('section-section2').locator('h3').textContent()).toBe('检验结果');
    // Picking a supplier fills its name in.
    await page.getByTestId('lookup-root_supplier').click();
    await page.locator('[data-testid^="lookup-option-"]').first().click();
    await expect.poll(() => page.locator('#root_supplierName').inputValue()).not.toBe('');
    await harness.screenshot('04-preview-side-by-side');

    // With nothing selected the panel shows the form's own properties: it goes in the navigation's 质量 group, not under 其他表单.
    await page.getByTestId('designer-tab-design').click();
    await shortcut(page, 'Escape');
    await page.getByTestId('form-properties').waitFor();
    expect(await page.getByTestId('form-nav-group').locator('option:checked').textContent()).toBe('其他表单');
    await page.getByTestId('form-nav-group').selectOption('quality');
    await harness.screenshot('04b-navigation-group');

    // Who may read the form is set in the JSON view: the supplier's name may only flow to people who may read suppliers.
    await page.getByTestId('designer-tab-json').click();
    const json = page.getByTestId('designer-json');
    const designed = JSON.parse(await json.inputValue()) as FormDefinition;
    await json.fill(`${JSON.stringify({ ...designed, access: { read: ['quality-manager', 'quality-engineer', 'inspector'], create: ['inspector'], update: ['inspector'] } }, null, 2)}\n`);

    // Ctrl+S saves from anywhere; Ctrl+Enter asks before publishing, with what will be published.
    await shortcut(page, 'Control+s');
    await page.getByText('草稿已保存。').waitFor();
    await shortcut(page, 'Control+Enter');
    await page.getByTestId('publish-dialog').waitFor();
    await page.getByTestId('diff-new').waitFor();
    await page.getByTestId('publish-confirm').click();
    await expect.poll(() => page.getByTestId('designer-status').textContent()).toMatch(/v1/);
    const published = await harness.api<{ body: string }>(DESIGNER, '/api/designer/published/form/incoming-inspection');
    const v1 = JSON.parse(published.body) as FormDefinition;
    expect(v1.layout).toEqual({
      sections: [
        { id: 'section1', title: { 'zh-CN': '基本信息', en: 'Basics' }, before: 'lot' },
        { id: 'section2', title: { 'zh-CN': '检验结果', en: 'Result' }, before: 'sampled' },
      ],
      widths: { lot: 'half', supplier: 'half', sampled: 'third', rejected2: 'third', rejected: 'third' },
    });
    expect(v1.lookups?.supplier?.fill).toEqual({ supplierName: 'name' });
    expect(v1.navGroup).toBe('quality');
    // Publishing refreshed the navigation: the form is in the 质量 group, after the forms the app lists there.
    await expect.poll(() => navGroupOf(page, 'incoming-inspection')).toBe('质量');
    expect((await page.locator('.nav-section', { has: page.getByTestId('nav-incoming-inspection') }).locator('a').allTextContents()).at(-1)).toBe('来料检验');

    // An inspector's record page lays the published form out the same way.
    const inspector = await (await harness.newContext()).newPage();
    await inspector.setViewportSize({ width: 1440, height: 900 });
    await inspector.goto(harness.baseUrl);
    await harness.signIn('huang.li', inspector);
    expect(await navGroupOf(inspector, 'incoming-inspection')).toBe('质量');
    await inspector.goto(`${harness.baseUrl}/#/forms/incoming-inspection/new`);
    await inspector.getByTestId('section-section2').waitFor();
    const [recordLot, recordSupplier] = await Promise.all(['lot', 'supplier'].map((name) => inspector.getByTestId(`field-${name}`).boundingBox()));
    expect(Math.abs((recordLot?.y ?? 0) - (recordSupplier?.y ?? 1))).toBeLessThan(2);
    await harness.screenshot('05-record-page', inspector);
    await inspector.close();

    // Version 2 in the making: a label changes, a field becomes required, one goes; the 变更 tab says so in words and in the text.
    await page.getByTestId('designer-tab-design').click();
    await page.getByTestId('design-field-lot').click();
    await setProperty(page, 'prop-label-zh', '来料批次号');
    await page.getByTestId('prop-required').check();
    await page.getByTestId('design-field-rejected2').click();
    await page.getByTestId('prop-delete').click();
    await page.getByTestId('designer-tab-changes').click();
    await page.getByTestId('version-diff').waitFor();
    expect(await page.getByTestId('diff-summary').textContent()).toBe('新增 0 个，删除 1 个，修改 1 个');
    await page.getByTestId('change-lot-label').waitFor();
    expect(await page.getByTestId('change-lot-label').textContent()).toContain('来料批次号');
    await page.getByTestId('change-lot-required').waitFor();
    expect(await page.getByTestId('change-rejected2').textContent()).toContain('删除');
    expect(await page.getByTestId('text-diff').textContent()).toContain('来料批次号');
    await harness.screenshot('06-changes-tab');

    // The publish dialog shows the same changes; Cancel (or Escape) leaves everything as it was.
    await page.getByTestId('designer-publish').click();
    await page.getByTestId('publish-dialog').getByTestId('change-lot-label').waitFor();
    await harness.screenshot('07-publish-dialog');
    await page.getByTestId('publish-cancel').click();
    await expect.poll(() => page.getByTestId('publish-dialog').count()).toBe(0);
    // Escape closes it too, wherever the focus is.
    await page.getByTestId('designer-publish').click();
    await page.getByTestId('publish-dialog').getByTestId('change-lot-label').waitFor();
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('publish-dialog').count()).toBe(0);

    // A colleague saves the draft meanwhile: saving now is refused, and the designer chooses to overwrite.
    const theirs = await harness.api<{ body: string }>(COLLEAGUE, DRAFT);
    await harness.api(COLLEAGUE, DRAFT, { method: 'PUT', body: { body: theirs.body.replace('"Incoming inspection"', '"Incoming inspection (QA)"') } });
    harness.allow('console', /409/);
    await page.getByTestId('designer-save').click();
    await page.getByTestId('designer-conflict').waitFor();
    expect(await page.getByTestId('designer-conflict').textContent()).toContain('admin');
    await harness.screenshot('08-conflict');
    await page.getByTestId('conflict-overwrite').click();
    await page.getByText('草稿已保存。').waitFor();
    const stored = await harness.api<{ body: string; updatedBy: string }>(COLLEAGUE, DRAFT);
    expect(stored.updatedBy).toBe(DESIGNER);
    expect(stored.body).toContain('来料批次号');
  }, 120_000);
});
