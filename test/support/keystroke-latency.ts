import type { CDPSession, Page } from 'playwright-core';

/**
 * Keystroke-to-paint latency, measured in the page. Before a key is pressed the bench arms a
 * condition (an input shows a value, a computed field shows a number); the key's `keydown` starts
 * the clock at the event's own timestamp, a requestAnimationFrame loop checks the condition each
 * frame, and once it holds the clock stops after that frame painted (a task queued from the frame's
 * rAF callback runs after its paint: the `afterNextPaint` of the web-platform Event Timing tests).
 * So a renderer that defers work (a transition, a debounce) is charged until the result is on screen.
 *
 * Event Timing (PerformanceObserver `event`, Chromium's INP source) gives a second opinion: the
 * longest entry for the keystroke's keydown/keypress/input/keyup, i.e. until the paint after its
 * handlers. It reports only entries of 16 ms and more, rounded to 8 ms; shorter ones count as 0.
 *
 * Installing again replaces the probe instead of keeping it: `page.setContent` reuses the window
 * (it is `document.open()`, which erases the window's event listeners but keeps its properties), so
 * a probe that saw its own `window.__ordoLatency` and returned had lost its keydown listener, and the
 * next keystroke timed out (the designer bench's plain-input baseline in its second round).
 *
 * A string, as it runs in the page: the test tsconfig has no DOM types.
 */
const LATENCY_SCRIPT = `(() => {
  window.__ordoLatency?.uninstall();
  let pending = null;
  let current = null;
  const events = [];
  const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) events.push(entry); });
  observer.observe({ type: 'event', durationThreshold: 16, buffered: false });
  const shownNumber = (element) => element ? Number(String(element.value ?? element.textContent).replaceAll(',', '')) : NaN;
  const holds = (expect) => expect.every((check) => {
    const element = document.querySelector(check.selector);
    if (!element) return false;
    if ('number' in check) return shownNumber(element) === check.number;
    if ('contains' in check) return (element.textContent ?? '').includes(check.contains);
    return element.value === check.value;
  });
  const onKeydown = (event) => {
    if (!pending || pending.start !== undefined) return;
    const armed = pending;
    armed.start = event.timeStamp;
    const frame = () => {
      if (pending !== armed) return;
      if (!holds(armed.expect)) {
        if (performance.now() - armed.start > armed.timeoutMs) armed.finish({ timedOut: true });
        else requestAnimationFrame(frame);
        return;
      }
      setTimeout(() => {
        const ms = performance.now() - armed.start;
        // Event Timing entries arrive once the browser knows when the frame was presented.
        setTimeout(() => armed.finish({ ms }), 100);
      }, 0);
    };
    requestAnimationFrame(frame);
  };
  window.addEventListener('keydown', onKeydown, true);
  window.__ordoLatency = {
    uninstall() {
      window.removeEventListener('keydown', onKeydown, true);
      observer.disconnect();
    },
    arm(expect, timeoutMs) {
      let finish;
      const done = new Promise((resolve) => { finish = resolve; });
      current = done;
      // A key that never reaches the page (focus lost) fails the keystroke instead of waiting for ever.
      setTimeout(() => { if (pending === armed && armed.start === undefined) armed.finish({ timedOut: true }); }, timeoutMs);
      const armed = pending = { expect, timeoutMs, done, start: undefined, finish: (outcome) => {
        const start = armed.start ?? performance.now();
        pending = null;
        const eventMs = events.filter((entry) => entry.startTime >= start - 1).reduce((max, entry) => Math.max(max, entry.duration), 0);
        events.length = 0;
        finish({ ...outcome, eventMs });
      } };
    },
    result() { return current; },
  };
})()`;

/** What must show on screen after a keystroke: an input's exact value, an element's number (commas ignored), or a text in an element. */
export type ScreenCheck =
  | { readonly selector: string; readonly value: string }
  | { readonly selector: string; readonly number: number }
  | { readonly selector: string; readonly contains: string };

export interface Keystroke {
  readonly key: string;
  readonly expect: readonly ScreenCheck[];
}

export interface KeystrokeTiming {
  /** keydown to the paint that shows every check. */
  readonly ms: number;
  /** The longest Event Timing entry of the keystroke (0 when under 16 ms). */
  readonly eventMs: number;
}

export async function installLatencyProbe(page: Page): Promise<void> {
  await page.evaluate(LATENCY_SCRIPT);
}

/** Presses the keys one at a time in the focused element, each after the previous one showed; fails if one never shows. */
export async function timeKeystrokes(page: Page, keystrokes: readonly Keystroke[], timeoutMs = 5000): Promise<KeystrokeTiming[]> {
  await installLatencyProbe(page);
  const timings: KeystrokeTiming[] = [];
  for (const keystroke of keystrokes) {
    await page.evaluate(`window.__ordoLatency.arm(${JSON.stringify(keystroke.expect)}, ${timeoutMs})`);
    await page.keyboard.press(keystroke.key);
    const outcome = (await page.evaluate('window.__ordoLatency.result()')) as { ms?: number; timedOut?: boolean; eventMs: number };
    if (outcome.ms === undefined) throw new Error(`after pressing ${keystroke.key} the page never showed ${JSON.stringify(keystroke.expect)}`);
    timings.push({ ms: outcome.ms, eventMs: outcome.eventMs });
  }
  return timings;
}

/** The keystrokes that type `text` into an input that held `before`, each expecting the text so far (and whatever else `also` says). */
export function typing(selector: string, before: string, text: string, also: (typed: string) => readonly ScreenCheck[] = () => []): Keystroke[] {
  return [...text].map((key, index) => {
    const typed = before + text.slice(0, index + 1);
    return { key, expect: [{ selector, value: typed }, ...also(typed)] };
  });
}

export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
  return { count: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * The renderer's main-thread busy time so far (CDP `Performance.getMetrics`, `TaskDuration`), in ms:
 * the difference over a run of keystrokes is the CPU they cost the page, which other processes on a
 * loaded machine delay but do not inflate the way they inflate keystroke-to-paint.
 */
export async function mainThreadMs(page: Page): Promise<number> {
  let session = cdpSessions.get(page);
  if (session === undefined) {
    session = page.context().newCDPSession(page).then(async (opened) => {
      await opened.send('Performance.enable');
      return opened;
    });
    cdpSessions.set(page, session);
  }
  const { metrics } = await (await session).send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}
