import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { FormDefinition } from '../../engine/definitions/generated/definition-types.js';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { demoDir, shippedDefinitionsDir } from '../../runtime/cli/paths.js';
import { createDatabase, type OrdoDatabase } from '../../runtime/db/index.js';
import { loadDemo } from '../../runtime/demo/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { createPrintTemplateRegistry } from '../../runtime/printing/index.js';
import { createServices, type Services } from '../../runtime/services/index.js';
import { startTimerWorker } from '../../runtime/workflows/index.js';
import { webAppBundle } from './web-app-bundle.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM_PATH);
/** Without Chromium the browser suites skip, except under CI, where the harness fails loudly instead. */
export const skipBrowserTests = chromiumMissing && !process.env.CI;

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO_PASSWORD = 'ordo-demo';
export const browserArtifactsDir = join(projectRoot, 'test-artifacts', 'browser');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', (event) => {
  window.__ordoReportCsp(event.violatedDirective + ' blocked ' + (event.blockedURI || '(inline)') + ' at ' + event.sourceFile + ':' + event.lineNumber);
});`;

export interface BrowserProblem {
  readonly kind: 'console' | 'pageerror' | 'csp' | 'dialog';
  readonly text: string;
}

export interface BrowserHarnessOptions {
  /** Prefix of this suite's screenshot names, e.g. `sales-order`. */
  readonly name: string;
  /** Extra forms published next to the shipped ones (they show in the navigation's last section). */
  readonly extraForms?: readonly FormDefinition[];
  readonly locale?: 'zh-CN' | 'en';
  /**
   * Where the clock of the server and of every page starts (ms since the epoch); it runs on from there
   * at the real rate. For suites whose story depends on the factory's working hours, so they do not
   * depend on the hour they happen to run at. Default: the real time.
   */
  readonly clockStart?: number;
}

export interface BrowserHarness {
  readonly baseUrl: string;
  /** The server's and the pages' clock reading (the real time unless `clockStart` moved it). */
  now(): number;
  readonly services: Services;
  readonly database: OrdoDatabase;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Another browser context (its own storage and session), watched like the first: a second person at their own browser. */
  newContext(): Promise<BrowserContext>;
  /** Every console error, page error, CSP violation and dialog seen so far. */
  readonly problems: readonly BrowserProblem[];
  /** Marks problems a step provokes on purpose (a 401 or 422 answer logs a failed resource load). */
  allow(kind: BrowserProblem['kind'], pattern: RegExp): void;
  /** The problems no `allow` covers. */
  unexpectedProblems(): BrowserProblem[];
  /** Returns the problems seen so far and forgets them (for a step that provokes one on purpose). */
  takeProblems(): BrowserProblem[];
  /**
   * Calls the API as a demo user (password ordo-demo) from Node: to compare the page with what is
   * stored, or to write data the page then shows. Fails on any answer but 2xx.
   */
  api<T>(username: string, path: string, request?: { method: 'POST' | 'PATCH' | 'PUT'; body: unknown }): Promise<T>;
  /** Signs a demo user in on the login page the page (default: the harness's) shows, and waits for the app. */
  signIn(username: string, on?: Page): Promise<void>;
  /** A full-page screenshot of `page` (another tab, say) in test-artifacts/browser/<name>-<step>.png; returns the path. */
  screenshot(step: string, on?: Page): Promise<string>;
  close(): Promise<void>;
}

function settledValue<T>(outcome: PromiseSettledResult<T>): T {
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
}

/**
 * The shipped definitions (workflows too) and the demo factory, as `ordo serve --demo` loads them,
 * plus any extra forms. Like `ordo serve`, it fires due workflow timers in the background, so an
 * order's feasibility check runs by itself; `stopTimers` ends that before the database closes.
 */
async function startServer(
  database: OrdoDatabase,
  webRoot: string,
  extraForms: readonly FormDefinition[],
  now: () => Date,
): Promise<{ services: Services; server: FastifyInstance; baseUrl: string; stopTimers: () => Promise<void> }> {
  const loaded = await loadDefinitions(shippedDefinitionsDir);
  if (!loaded.ok) throw new Error(`the shipped definitions do not load:\n${loaded.problems.join('\n')}`);
  const services = await createServices(database, { now });
  const { app, forms, workflows, reports, dashboards } = loaded.definitions;
  await services.definitions.publish(
    { ...(app === undefined ? {} : { app }), forms: [...forms, ...extraForms], workflows: [...workflows], reports: [...reports], dashboards: [...dashboards] },
    'system',
  );
  const demo = await loadDemo(services, database, demoDir);
  if (!demo.loaded) throw new Error('the demo factory did not load into the fresh database');
  const server = await buildServer({ services, database, webRoot, printTemplates: createPrintTemplateRegistry(loaded.definitions.printTemplates) });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (address === null || typeof address !== 'object') throw new Error('the server has no TCP address');
  const timers = startTimerWorker(services.workflows, {
    idleMs: 200,
    onError: (error) => console.error('firing workflow timers failed', error),
  });
  return { services, server, baseUrl: `http://127.0.0.1:${address.port}`, stopTimers: () => timers.stop() };
}

/**
 * One server, one database and one Chromium for one test file. Call it in beforeAll and
 * close() it in afterAll.
 */
export async function startBrowserHarness(options: BrowserHarnessOptions): Promise<BrowserHarness> {
  if (chromiumMissing) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}; the browser tests need it (apt-get install -y chromium).`);
  }
  await mkdir(browserArtifactsDir, { recursive: true });

  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (let cleanup = cleanups.pop(); cleanup !== undefined; cleanup = cleanups.pop()) await cleanup();
  };
  try {
    const locale = options.locale ?? 'zh-CN';
    // PGlite takes seconds to start: build the bundle and launch Chromium meanwhile.
    const [built, opened, launched] = await Promise.allSettled([
      webAppBundle(projectRoot),
      createDatabase({ dataDir: `memory://${options.name}` }),
      chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, `--lang=${locale}`] }),
    ]);
    if (opened.status === 'fulfilled') cleanups.push(() => opened.value.close());
    if (launched.status === 'fulfilled') cleanups.push(() => launched.value.close());
    const webRoot = settledValue(built);
    const database = settledValue(opened);
    const browser = settledValue(launched);
    const contextOptions = { locale, viewport: { width: 1280, height: 900 } };
    const clockOffset = options.clockStart === undefined ? 0 : options.clockStart - Date.now();
    const now = () => Date.now() + clockOffset;
    const { services, server, baseUrl, stopTimers } = await startServer(database, webRoot, options.extraForms ?? [], () => new Date(now()));
    cleanups.push(stopTimers);
    cleanups.push(() => server.close());

    const problems: BrowserProblem[] = [];
    const allowed: { kind: BrowserProblem['kind']; pattern: RegExp }[] = [];
    const watch = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push({ kind: 'console', text: `${message.text()} (${message.location().url})` });
      });
      page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: error.message }));
      page.on('dialog', (dialog) => {
        problems.push({ kind: 'dialog', text: `${dialog.type()}: ${dialog.message()}` });
        void dialog.dismiss();
      });
    };
    const openContext = async (): Promise<BrowserContext> => {
      const opened = await browser.newContext(contextOptions);
      cleanups.push(() => opened.close());
      // CDP bindings are not subject to the page's CSP, so the listener can report from a strict page.
      await opened.exposeBinding('__ordoReportCsp', (_source, text: string) => {
        problems.push({ kind: 'csp', text });
      });
      // A string, as it runs in the page: the test tsconfig has no DOM types.
      await opened.addInitScript({ content: CSP_LISTENER });
      opened.on('page', watch);
      if (clockOffset !== 0) await opened.clock.install({ time: now() });
      return opened;
    };
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);

    const tokens = new Map<string, string>();
    const tokenOf = async (username: string) => {
      const known = tokens.get(username);
      if (known !== undefined) return known;
      const { token } = await services.auth.login(username, DEMO_PASSWORD);
      tokens.set(username, token);
      return token;
    };

    return {
      baseUrl,
      now,
      services,
      database,
      context,
      page,
      newContext: openContext,
      problems,
      allow(kind, pattern) {
        allowed.push({ kind, pattern });
      },
      unexpectedProblems() {
        return problems.filter((problem) => !allowed.some((rule) => rule.kind === problem.kind && rule.pattern.test(problem.text)));
      },
      takeProblems() {
        return problems.splice(0, problems.length);
      },
      async api<T>(username: string, path: string, request?: { method: 'POST' | 'PATCH' | 'PUT'; body: unknown }) {
        const headers: Record<string, string> = { authorization: `Bearer ${await tokenOf(username)}` };
        if (request !== undefined) headers['content-type'] = 'application/json';
        const response = await fetch(`${baseUrl}${path}`, {
          method: request?.method ?? 'GET',
          headers,
          ...(request === undefined ? {} : { body: JSON.stringify(request.body) }),
        });
        if (!response.ok) throw new Error(`${request?.method ?? 'GET'} ${path} as ${username}: ${response.status} ${await response.text()}`);
        return (await response.json()) as T;
      },
      async signIn(username, on = page) {
        await on.getByTestId('login-username').fill(username);
        await on.getByTestId('login-password').fill(DEMO_PASSWORD);
        await on.getByTestId('login-submit').click();
        await on.getByTestId('current-user').waitFor();
      },
      async screenshot(step, on = page) {
        const path = join(browserArtifactsDir, `${options.name}-${step}.png`);
        // The top bar is sticky: scrolled away from the top, a full-page shot would paint it over the middle.
        await on.evaluate('window.scrollTo(0, 0)');
        await on.screenshot({ path, fullPage: true });
        return path;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
