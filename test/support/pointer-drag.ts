import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface PointerDragOptions {
  /** Where on the target to let go: its middle, or just inside its top edge (to drop before it). */
  readonly at?: 'middle' | 'top';
  /**
   * A class the target takes while the drag is over it. When given, the mouse keeps aiming at the
   * target's current place and lets go only once the class is there: under load the page can still be
   * moving the target when the drag starts, and dnd-kit measures drop targets a frame late.
   */
  readonly overClass?: string;
}

async function aim(locator: Locator, at: 'middle' | 'top' | 'grip'): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('drag source or target is not visible');
  // A source is gripped a third in from its left: on its label, clear of buttons at its right end.
  return { x: box.x + (at === 'grip' ? box.width / 3 : box.width / 2), y: at === 'top' ? box.y + 4 : box.y + box.height / 2 };
}

/** Drags with the mouse in small steps, as a person does, so dnd-kit's pointer sensor sees a drag. */
export async function pointerDrag(page: Page, from: Locator, to: Locator, options: PointerDragOptions = {}): Promise<void> {
  const at = options.at ?? 'middle';
  const start = await aim(from, 'grip');
  const end = await aim(to, at);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 1; step <= 12; step += 1) await page.mouse.move(start.x + ((end.x - start.x) * step) / 12, start.y + ((end.y - start.y) * step) / 12);
  const overClass = options.overClass;
  if (overClass !== undefined) {
    await expect
      .poll(async () => {
        const now = await aim(to, at);
        await page.mouse.move(now.x, now.y);
        return (await to.getAttribute('class'))?.split(/\s+/).includes(overClass) ?? false;
      })
      .toBe(true);
  }
  await page.mouse.up();
}
