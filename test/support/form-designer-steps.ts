import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Types into a properties-panel input and leaves it, as a person does, then waits for the value to hold. */
export async function setProperty(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(value);
  await input.blur();
  await expect.poll(() => page.getByTestId(testId).inputValue()).toBe(value);
}

/** Gives the selected field its key and its labels in both languages. */
export async function nameField(page: Page, name: string, zh: string, en: string): Promise<void> {
  await setProperty(page, 'prop-name', name);
  await setProperty(page, 'prop-label-zh', zh);
  await setProperty(page, 'prop-label-en', en);
}

/** Adds a field from the palette (a click appends it) and names it. */
export async function addField(page: Page, type: string, name: string, zh: string, en: string): Promise<void> {
  await page.getByTestId(`palette-${type}`).click();
  await nameField(page, name, zh, en);
}

/** Adds a column to a sub-table and names it. */
export async function addColumn(page: Page, table: string, type: string, name: string, zh: string, en: string): Promise<void> {
  await page.getByTestId(`add-column-${table}`).selectOption(type);
  await nameField(page, name, zh, en);
}

/** From the form list, creates a new form with these names and waits for its empty designer. */
export async function createForm(page: Page, zh: string, en: string): Promise<void> {
  await page.getByTestId('new-form').click();
  await page.getByTestId('new-form-zh').fill(zh);
  await page.getByTestId('new-form-en').fill(en);
  await page.getByTestId('new-form-create').click();
  await page.getByTestId('designer-canvas').waitFor();
}

/** The incoming inspection's sub-table of characteristics: name, lower and upper limit, measured, pass. */
export async function addCharacteristicsTable(page: Page): Promise<void> {
  await addField(page, 'table', 'characteristics', '检验项目', 'Characteristics');
  await addColumn(page, 'characteristics', 'text', 'name', '特性', 'Characteristic');
  await addColumn(page, 'characteristics', 'number', 'lower', '下限', 'Lower limit');
  await addColumn(page, 'characteristics', 'number', 'upper', '上限', 'Upper limit');
  await addColumn(page, 'characteristics', 'number', 'measured', '实测值', 'Measured');
  await addColumn(page, 'characteristics', 'yesNo', 'pass', '合格', 'Pass');
}
