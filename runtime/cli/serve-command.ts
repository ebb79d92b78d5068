import { loadDemo } from '../demo/index.js';
import { buildServer } from '../http/index.js';
import { createPrintTemplateRegistry } from '../printing/index.js';
import { createServices } from '../services/index.js';
import { startTimerWorker } from '../workflows/index.js';
import { EXIT_FAILURE, EXIT_OK, print, printError } from './commands.js';
import { loadDefinitions } from './load-definitions.js';
import { openDatabase } from './open-database.js';
import { parseCommandArgs, parsePort } from './parse-command-args.js';
import { demoDir, shippedDefinitionsDir, webRoot } from './paths.js';
import { UsageError } from './usage-error.js';

export const SERVE_HELP = `Usage: ordo serve [--port N] [--host H] [--data DIR] [--definitions DIR] [--demo]

Serves the API and the web app. Uses PostgreSQL when DATABASE_URL is set, otherwise PGlite in --data
(default .ordo-data). Publishes the definitions in --definitions DIR when they changed; without it, the
shipped definitions/ only into a database that has none yet (so what \`ordo import\` published stays).
  --port N       port to listen on (default 3000)
  --host H       address to listen on (default 127.0.0.1)
  --demo         load the KBZ pump demo factory into an empty database
Every serving process also fires due workflow timers; several may share one PostgreSQL.`;

export async function serveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    definitions: { type: 'string' },
    demo: { type: 'boolean' },
  });
  if (values.help === true) {
    print(SERVE_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError('ordo serve takes no arguments');
  const port = parsePort(values.port, 3000);
  const host = values.host ?? '127.0.0.1';

  const loaded = await loadDefinitions(values.definitions ?? shippedDefinitionsDir);
  const publishAlways = values.definitions !== undefined;
  if (!loaded.ok) {
    for (const problem of loaded.problems) printError(problem);
    return EXIT_FAILURE;
  }
  const database = await openDatabase(values.data);
  let server: Awaited<ReturnType<typeof buildServer>> | undefined;
  let timers: ReturnType<typeof startTimerWorker> | undefined;
  try {
    const services = await createServices(database);
    const { app, forms, workflows, reports, dashboards } = loaded.definitions;
    if (publishAlways || services.definitions.app() === undefined) {
      const published = await services.definitions.publish({ ...(app === undefined ? {} : { app }), forms: [...forms], workflows: [...workflows], reports: [...reports], dashboards: [...dashboards] }, 'system');
      if (published.published.length > 0) print(`published: ${published.published.join(', ')}`);
    }
    if (values.demo === true) {
      const demo = await loadDemo(services, database, demoDir);
      print(demo.loaded ? `demo factory: ${demo.users} users and ${demo.records} records added` : 'demo factory skipped: the database already holds other records');
    }
    // Warnings and errors only: every 5xx is logged with its stack, request lines are not.
    // Print templates are served from the definition folder the server started with (see docs/exports-and-printing.md).
    const printTemplates = createPrintTemplateRegistry(loaded.definitions.printTemplates);
    server = await buildServer({ services, database, webRoot, printTemplates, logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
    await server.listen({ port, host });
    const log = server.log;
    timers = startTimerWorker(services.workflows, { onError: (error) => log.error({ err: error }, 'firing workflow timers failed') });
    const address = server.server.address();
    const shownPort = typeof address === 'object' && address !== null ? address.port : port;
    print(`Ordo is running at http://${host.includes(':') ? `[${host}]` : host}:${shownPort}`);
  } catch (error) {
    await timers?.stop();
    await server?.close();
    await database.close();
    throw error;
  }
  const running = server;
  const runningTimers = timers;
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  print('stopping');
  await runningTimers?.stop();
  await running.close();
  await database.close();
  return EXIT_OK;
}
