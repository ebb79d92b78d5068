import type { Locator, Page } from 'playwright-core';

/** A state's node on the workflow designer's canvas. */
export function canvasNode(page: Page, name: string): Locator {
  return page.getByTestId(`wd-node-${name}`);
}

/** Drags with the mouse in small steps from one point to another, as React Flow's connection line needs. */
async function dragBetween(page: Page, from: Locator, to: Locator): Promise<void> {
  const source = await from.boundingBox();
  const target = await to.boundingBox();
  if (source === null || target === null) throw new Error('drag source or target is not visible');
  const start = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  const end = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 1; step <= 15; step += 1) await page.mouse.move(start.x + ((end.x - start.x) * step) / 15, start.y + ((end.y - start.y) * step) / 15);
  await page.mouse.up();
}

/**
 * Draws an arrow from one state's handle onto another state and waits for the dialog that asks what
 * makes it happen. On a loaded machine React Flow now and then misses the start of a drag; a person
 * would just draw it again, and so does this.
 */
export async function drawArrow(page: Page, from: string, to: string): Promise<Locator> {
  const dialog = page.getByTestId('wd-connect-dialog');
  for (let attempt = 1; ; attempt += 1) {
    await dragBetween(page, canvasNode(page, from).locator('.react-flow__handle.source'), canvasNode(page, to));
    const opened = await dialog.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (opened) return dialog;
    if (attempt === 3) throw new Error(`drawing an arrow from ${from} to ${to} opened no dialog, three times`);
  }
}
