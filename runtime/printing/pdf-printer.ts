import { chromium, type Browser } from 'playwright-core';
import { OrdoError } from '../../engine/errors/index.js';

export interface PdfPage {
  readonly paper: 'A4' | 'A5';
  readonly orientation: 'portrait' | 'landscape';
}

/** Turns a printable HTML document into PDF. */
export interface PdfPrinter {
  print(html: string, page: PdfPage): Promise<Buffer>;
  close(): Promise<void>;
}

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
// The paper and its orientation come from the template's definition, the margins are the same for every document.
const MAX_PAGES_AT_ONCE = 2;
const PAGE_MARGIN = { top: '12mm', right: '12mm', bottom: '14mm', left: '12mm' };

/**
 * Headless Chromium's own print to PDF. One browser serves the whole server: it is started on the
 * first PDF (most servers never print, and a launch costs a second), reused by every later one, and
 * started again if it dies. Each document gets a fresh context with scripts off and every network
 * request refused, so a template cannot run code or fetch anything.
 */
export function createChromiumPrinter(executablePath: string = process.env['ORDO_CHROMIUM'] ?? DEFAULT_CHROMIUM_PATH): PdfPrinter {
  let browser: Promise<Browser> | undefined;
  let closed = false;

  function launched(): Promise<Browser> {
    if (closed) return Promise.reject(new OrdoError('ORDO_ERR_PDF_UNAVAILABLE', 'The server is shutting down'));
    if (browser === undefined) {
      const starting = chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }).then((started) => {
        started.on('disconnected', () => {
          if (browser === starting) browser = undefined;
        });
        return started;
      });
      browser = starting;
      starting.catch(() => {
        if (browser === starting) browser = undefined;
      });
    }
    return browser;
  }

  // Each page is a renderer process: a burst of print requests waits its turn instead of exhausting memory.
  let printing = 0;
  const waiting: (() => void)[] = [];
  async function turn(): Promise<void> {
    if (printing < MAX_PAGES_AT_ONCE) printing += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
  }
  function release(): void {
    // The slot passes straight to the next in line, so no newcomer can slip in between.
    const next = waiting.shift();
    if (next === undefined) printing -= 1;
    else next();
  }

  async function printOnce(html: string, page: PdfPage): Promise<Buffer> {
    let instance: Browser;
    try {
      instance = await launched();
    } catch (error) {
      if (error instanceof OrdoError) throw error;
      throw new OrdoError('ORDO_ERR_PDF_UNAVAILABLE', `Chromium could not be started from ${executablePath}`, { cause: error });
    }
    const context = await instance.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => route.abort());
      const tab = await context.newPage();
      await tab.setContent(html, { waitUntil: 'load' });
      return await tab.pdf({ format: page.paper, landscape: page.orientation === 'landscape', printBackground: true, margin: PAGE_MARGIN });
    } finally {
      await context.close();
    }
  }

  return {
    async print(html, page) {
      await turn();
      try {
        return await printOnce(html, page);
      } finally {
        release();
      }
    },
    async close() {
      closed = true;
      const running = browser;
      browser = undefined;
      if (running !== undefined) await running.then((started) => started.close()).catch(() => undefined);
    },
  };
}
