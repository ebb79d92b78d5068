import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../engine/definitions/index.js';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { setProperty } from '../support/form-designer-steps.js';
import { pointerDrag } from '../support/pointer-drag.js';

/*
 * The administrator builds an "Incoming inspection" form in the designer: drags fields in, sets their
 * properties, adds a sub-table of characteristics, reorders by drag, checks the preview and the JSON,
 * publishes; then an inspector opens the new form and creates a record with it.
 */

const ADMIN = 'admin';
const INSPECTOR = 'huang.li';


async function canvasOrder(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (const node of await page.locator('[data-testid^="design-field-"]:not([data-testid$="-handle"])').all()) {
    names.push(((await node.getAttribute('data-testid')) ?? '').replace('design-field-', ''));
  }
  return names;
}

describe.skipIf(skipBrowserTests)('a designer builds and publishes a form in Chromium', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'form-designer' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  it('builds an incoming inspection form with a sub-table, reorders by drag, publishes, and an inspector creates a record', async () => {
    const { page } = harness;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(harness.baseUrl);
    await harness.signIn(ADMIN);

    await page.getByTestId('nav-form-designer').click();
    await page.getByTestId('designer-form-sales-order').waitFor();
    await page.getByTestId('new-form').click();
    await page.getByTestId('new-form-zh').fill('来料检验');
    await page.getByTestId('new-form-en').fill('Incoming inspection');
    expect(await page.getByTestId('new-form-id').inputValue()).toBe('incoming-inspection');
    await harness.screenshot('01-new-form');
    await page.getByTestId('new-form-create').click();
    await page.getByTestId('designer-canvas').waitFor();
    await harness.screenshot('02-empty-designer');

    // A field dragged from the palette onto the empty form, then renamed and made required.
    await pointerDrag(page, page.getByTestId('palette-text'), page.getByTestId('designer-canvas'));
    await page.getByTestId('design-field-text1').click();
    await expect.poll(() => page.getByTestId('prop-name').inputValue()).toBe('text1');
    await setProperty(page, 'prop-name', 'lot');
    await setProperty(page, 'prop-label-zh', '批次号');
    await setProperty(page, 'prop-label-en', 'Lot');
    await page.getByTestId('prop-required').check();

    await page.getByTestId('palette-date').click();
    await setProperty(page, 'prop-name', 'inspectedOn');
    await setProperty(page, 'prop-label-zh', '检验日期');
    await setProperty(page, 'prop-label-en', 'Inspected on');

    await page.getByTestId('palette-choice').click();
    await setProperty(page, 'prop-name', 'result');
    await setProperty(page, 'prop-label-zh', '检验结论');
    await setProperty(page, 'prop-label-en', 'Result');
    await page.getByTestId('option-0-value').fill('pass');
    await page.getByTestId('option-0-zh').fill('合格');
    await page.getByTestId('option-0-en').fill('Pass');
    await page.getByTestId('option-1-value').fill('fail');
    await page.getByTestId('option-1-zh').fill('不合格');
    await page.getByTestId('option-1-en').fill('Fail');
    await page.getByTestId('prop-required').check();

    // The sub-table of characteristics: a name, the nominal value and the measured value.
    await page.getByTestId('palette-table').click();
    await setProperty(page, 'prop-name', 'characteristics');
    await setProperty(page, 'prop-label-zh', '检验项目');
    await setProperty(page, 'prop-label-en', 'Characteristics');
    await page.getByTestId('add-column-characteristics').selectOption('text');
    await setProperty(page, 'prop-name', 'name');
    await setProperty(page, 'prop-label-zh', '特性');
    await setProperty(page, 'prop-label-en', 'Characteristic');
    await page.getByTestId('prop-required').check();
    await page.getByTestId('add-column-characteristics').selectOption('number');
    await setProperty(page, 'prop-name', 'measured');
    await setProperty(page, 'prop-label-zh', '实测值');
    await setProperty(page, 'prop-label-en', 'Measured');
    await harness.screenshot('03-fields-added');

    // The date moves above the lot by dragging its handle.
    expect(await canvasOrder(page)).toEqual(['lot', 'inspectedOn', 'result', 'characteristics']);
    await pointerDrag(page, page.getByTestId('design-field-inspectedOn-handle'), page.getByTestId('design-field-lot'), { at: 'top' });
    await expect.poll(() => canvasOrder(page)).toEqual(['inspectedOn', 'lot', 'result', 'characteristics']);
    // Undo by keyboard puts the lot back on top; redo by the button moves it down again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => canvasOrder(page)).toEqual(['lot', 'inspectedOn', 'result', 'characteristics']);
    await page.getByTestId('designer-redo').click();
    await expect.poll(() => canvasOrder(page)).toEqual(['inspectedOn', 'lot', 'result', 'characteristics']);
    await harness.screenshot('04-reordered');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('designer-tab-design').textContent()).toBe('Design');
    await page.getByTestId('design-field-result').click();
    await harness.screenshot('04-reordered-en');
    await page.getByTestId('lang-zh-CN').click();

    // The preview is the staff renderer: the sub-table has its columns.
    await page.getByTestId('designer-tab-preview').click();
    await page.getByTestId('designer-preview').waitFor();
    await page.getByTestId('table-characteristics').waitFor();
    await page.getByTestId('add-characteristics').click();
    await page.getByTestId('line-characteristics-0').waitFor();
    await harness.screenshot('05-preview');

    // In the JSON view the form grants the inspectors their records, and the design view keeps that.
    await page.getByTestId('designer-tab-json').click();
    const json = page.getByTestId('designer-json');
    const definition = JSON.parse(await json.inputValue()) as FormDefinition;
    expect(Object.keys(definition.schema.properties)).toEqual(['inspectedOn', 'lot', 'result', 'characteristics']);
    await json.fill(`${JSON.stringify({ ...definition, access: { read: ['inspector', 'quality-engineer'], create: ['inspector'], update: ['inspector'] }, titleField: 'lot' }, null, 2)}\n`);
    await harness.screenshot('06-json');
    await page.getByTestId('designer-tab-design').click();
    await page.getByTestId('designer-save').click();
    await page.getByText('草稿已保存。').or(page.getByText('Draft saved.')).waitFor();
    await page.getByTestId('designer-tab-json').click();
    const saved = await page.getByTestId('designer-json').inputValue();
    const draft = await harness.api<{ body: string }>(ADMIN, '/api/designer/drafts/form/incoming-inspection');
    expect(draft.body).toBe(saved);

    await page.getByTestId('designer-publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect.poll(() => page.getByTestId('designer-status').textContent()).toMatch(/v1/);
    await harness.screenshot('07-published');
    const published = await harness.api<{ forms: FormDefinition[] }>(INSPECTOR, '/api/definitions');
    const form = published.forms.find((candidate) => candidate.id === 'incoming-inspection');
    expect(form?.version).toBe(1);
    expect(form?.access?.create).toEqual(['inspector']);
    expect(JSON.stringify(form)).toBe(JSON.stringify(JSON.parse(await page.getByTestId('designer-json').inputValue())));

    // The inspector, at her own browser, fills the new form and saves a record.
    const inspector = await (await harness.newContext()).newPage();
    await inspector.setViewportSize({ width: 1440, height: 900 });
    await inspector.goto(harness.baseUrl);
    await harness.signIn(INSPECTOR, inspector);
    await inspector.getByTestId('nav-incoming-inspection').click();
    await inspector.goto(`${harness.baseUrl}/#/forms/incoming-inspection/new`);
    await inspector.locator('#root_lot').fill('LOT-2026-0815');
    await inspector.locator('#root_inspectedOn').fill('2026-11-24');
    await inspector.locator('#root_result').selectOption({ label: '合格' });
    await inspector.getByTestId('add-characteristics').click();
    await inspector.locator('#root_characteristics_0_name').fill('外径 Ø42');
    await inspector.locator('#root_characteristics_0_measured').fill('42.01');
    await harness.screenshot('08-inspector-form', inspector);
    await inspector.getByTestId('save-record').click();
    await expect.poll(async () => (await harness.api<{ items: { data: Record<string, unknown> }[] }>(INSPECTOR, '/api/forms/incoming-inspection/records')).items.length).toBe(1);
    const records = await harness.api<{ items: { formVersion: number; data: Record<string, unknown> }[] }>(INSPECTOR, '/api/forms/incoming-inspection/records');
    expect(records.items[0]).toMatchObject({ formVersion: 1, data: { lot: 'LOT-2026-0815', result: 'pass', characteristics: [{ name: '外径 Ø42', measured: 42.01 }] } });
    await harness.screenshot('09-record-created', inspector);
    await page.getByTestId('designer-tab-design').click();
  }, 120_000);
});
