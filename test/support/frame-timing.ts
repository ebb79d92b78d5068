import type { BrowserContext, Page } from 'playwright-core';

/**
 * In-page timing for the designer bench: when an element first appears on screen after a page
 * load, and the frame intervals while the mouse drags. Strings, as they run in the page: the test
 * tsconfig has no DOM types.
 */

/** Watches for the selectors in sessionStorage `ordoShownWatch` and records, per selector, the ms from navigation start to the paint after it appeared. */
const SHOWN_SCRIPT = `(() => {
  window.__ordoShown = {};
  let watched = [];
  try {
    watched = JSON.parse(sessionStorage.getItem('ordoShownWatch') || '[]');
  } catch {
    // about:blank and set content have no storage to read.
  }
  if (watched.length === 0) return;
  const check = () => {
    for (const selector of watched) {
      if (selector in window.__ordoShown || window.__ordoShownPending?.[selector]) continue;
      if (!document.querySelector(selector)) continue;
      (window.__ordoShownPending ??= {})[selector] = true;
      requestAnimationFrame(() => setTimeout(() => { window.__ordoShown[selector] = performance.now(); }, 0));
    }
  };
  // data-layout: the workflow canvas says so when ELK's layout replaces the one it opened with.
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-layout'] });
})()`;

export async function installShownProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: SHOWN_SCRIPT });
}

/**
 * Loads `url` afresh (a new document, not a hash change) and returns the ms from navigation start
 * to the paint that first showed `selector`.
 */
export async function timeLoad(page: Page, url: string, selector: string): Promise<number> {
  return (await timeLoadEach(page, url, [selector]))[0]!;
}

/** As timeLoad, for several selectors in the same load (what shows first, what replaces it later). */
export async function timeLoadEach(page: Page, url: string, selectors: readonly string[]): Promise<number[]> {
  await page.goto('about:blank');
  await page.goto(new URL(url).origin + '/');
  await page.evaluate(`sessionStorage.setItem('ordoShownWatch', ${JSON.stringify(JSON.stringify(selectors))})`);
  await page.goto('about:blank');
  await page.goto(url);
  const times: number[] = [];
  for (const selector of selectors) {
    await page.locator(selector).first().waitFor({ timeout: 30_000 });
    // Polled from here, a frame apart: waitForFunction evaluates its string in the page, which the app's CSP forbids.
    for (;;) {
      const shown = (await page.evaluate(`window.__ordoShown?.[${JSON.stringify(selector)}] ?? null`)) as number | null;
      if (shown !== null) {
        times.push(shown);
        break;
      }
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
    }
  }
  return times;
}

/** Starts recording the time of every animation frame. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__ordoFrames = [];
    window.__ordoFramesOn = true;
    const frame = (at) => { if (!window.__ordoFramesOn) return; window.__ordoFrames.push(at); requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })()`);
}

/** Stops recording; returns the intervals between consecutive frames, in ms. */
export async function stopFrames(page: Page): Promise<number[]> {
  const times = (await page.evaluate(`(() => { window.__ordoFramesOn = false; return window.__ordoFrames; })()`)) as number[];
  return times.slice(1).map((at, index) => at - (times[index] ?? at));
}
