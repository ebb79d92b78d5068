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

/** A node's position as React Flow holds it (relative to its stage for a step), read from its transform. */
export async function nodePosition(page: Page, name: string): Promise<{ x: number; y: number }> {
  const transform = await page.locator(`.react-flow__node[data-id="${name}"]`).getAttribute('style');
  const match = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform ?? '');
  if (match === null) throw new Error(`node ${name} has no position: ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

/** A locator's box once it stops moving (the canvas animates fitting the workflow in view): the same two animation frames apart. */
export async function settledBox(page: Page, locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let before = await locator.boundingBox();
  for (;;) {
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    const now = await locator.boundingBox();
    if (now !== null && before !== null && now.x === before.x && now.y === before.y && now.width === before.width && now.height === before.height) return now;
    before = now;
  }
}

// The checks below run in the page, as strings: the test tsconfig has no DOM types.

/** Pairs of arrows whose labels overlap on the canvas (their background boxes), as `edge / edge`. */
export async function overlappingLabels(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const labels = [...document.querySelectorAll('.react-flow__edge')].flatMap((edge) => {
      const background = edge.querySelector('.react-flow__edge-textbg');
      return background === null ? [] : [{ id: edge.getAttribute('data-id'), box: background.getBoundingClientRect() }];
    });
    const found = [];
    labels.forEach((a, index) => {
      for (const b of labels.slice(index + 1)) {
        if (a.box.left < b.box.right - 1 && b.box.left < a.box.right - 1 && a.box.top < b.box.bottom - 1 && b.box.top < a.box.bottom - 1) found.push(a.id + ' / ' + b.id);
      }
    });
    return found;
  })()`)) as string[];
}

/**
 * Arrows of `className` (rejections, say) that run along another arrow for more than `stretch` units
 * (workflow coordinates) away from their ends, as `edge / edge`: an arrow drawn on top of another is
 * not one a person can tell apart.
 */
export async function sharedStretches(page: Page, className: string, stretch = 24): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const STEP = 2;
    const samples = (path, skip) => {
      const length = path.getTotalLength();
      const points = [];
      for (let at = skip; at <= length - skip; at += STEP) points.push(path.getPointAtLength(at));
      return points;
    };
    const edges = [...document.querySelectorAll('.react-flow__edge')].flatMap((edge) => {
      const path = edge.querySelector('path.react-flow__edge-path');
      return path === null ? [] : [{ id: edge.getAttribute('data-id'), path, checked: edge.classList.contains(${JSON.stringify(className)}) }];
    });
    const found = [];
    for (const edge of edges.filter((candidate) => candidate.checked)) {
      const own = samples(edge.path, 20);
      for (const other of edges) {
        if (other === edge) continue;
        const theirs = samples(other.path, 0);
        const close = own.filter((point) => theirs.some((their) => Math.hypot(their.x - point.x, their.y - point.y) < 1.5)).length;
        if (close * STEP > ${stretch}) found.push(edge.id + ' / ' + other.id);
      }
    }
    return found;
  })()`)) as string[];
}
