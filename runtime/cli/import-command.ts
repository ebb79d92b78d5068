import { createServices } from '../services/index.js';
import { EXIT_FAILURE, EXIT_OK, print, printError } from './commands.js';
import { loadDefinitions } from './load-definitions.js';
import { openDatabase } from './open-database.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

export const IMPORT_HELP = `Usage: ordo import <dir> [--data DIR]

Validates the definitions under dir and publishes the changed ones into the database
(PostgreSQL when DATABASE_URL is set, otherwise PGlite in --data, default .ordo-data).`;

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { data: { type: 'string' } });
  if (values.help === true) {
    print(IMPORT_HELP);
    return EXIT_OK;
  }
  const [dir, ...rest] = positionals;
  if (dir === undefined || rest.length > 0) throw new UsageError('ordo import takes exactly one folder');
  const loaded = await loadDefinitions(dir);
  if (!loaded.ok) {
    for (const problem of loaded.problems) printError(problem);
    return EXIT_FAILURE;
  }
  const database = await openDatabase(values.data);
  try {
    const services = await createServices(database);
    const { app, forms, workflows, reports, dashboards } = loaded.definitions;
    const result = await services.definitions.publish({ ...(app === undefined ? {} : { app }), forms: [...forms], workflows: [...workflows], reports: [...reports], dashboards: [...dashboards] }, 'system');
    print(`published: ${result.published.join(', ') || '-'}`);
    print(`unchanged: ${result.unchanged.join(', ') || '-'}`);
    return EXIT_OK;
  } finally {
    await database.close();
  }
}
