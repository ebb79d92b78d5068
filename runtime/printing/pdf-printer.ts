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

  return {
    async print(html, page) {
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
        return await tab.pdf({ format: page.paper, landscape: page.orientation === 'landscape', printBackground: true, preferCSSPageSize: true });
      } finally {
        await context.close();
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
