import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createServices } from '../services/index.js';
import { EXIT_OK, print } from './commands.js';
import { openDatabase } from './open-database.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

export const EXPORT_HELP = `Usage: ordo export <dir> [--data DIR]

Writes the latest published definitions as app.json, forms/<id>.json, workflows/<id>.json, reports/<id>.json
and dashboards/<id>.json under dir.`;

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { data: { type: 'string' } });
  if (values.help === true) {
    print(EXPORT_HELP);
    return EXIT_OK;
  }
  const [dir, ...rest] = positionals;
  if (dir === undefined || rest.length > 0) throw new UsageError('ordo export takes exactly one folder');
  const database = await openDatabase(values.data);
  try {
    const services = await createServices(database);
    const { app, forms, workflows = [], reports = [], dashboards = [] } = await services.definitions.exportAll();
    await mkdir(path.join(dir, 'forms'), { recursive: true });
    if (app !== undefined) await writeJson(path.join(dir, 'app.json'), app);
    for (const form of forms) await writeJson(path.join(dir, 'forms', `${form.id}.json`), form);
    if (workflows.length > 0) await mkdir(path.join(dir, 'workflows'), { recursive: true });
    for (const workflow of workflows) await writeJson(path.join(dir, 'workflows', `${workflow.id}.json`), workflow);
    if (reports.length > 0) await mkdir(path.join(dir, 'reports'), { recursive: true });
    for (const report of reports) await writeJson(path.join(dir, 'reports', `${report.id}.json`), report);
    if (dashboards.length > 0) await mkdir(path.join(dir, 'dashboards'), { recursive: true });
    for (const dashboard of dashboards) await writeJson(path.join(dir, 'dashboards', `${dashboard.id}.json`), dashboard);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    print(
      `exported ${app === undefined ? 'no app' : 'the app'}, ${plural(forms.length, 'form')}, ${plural(workflows.length, 'workflow')}, ${plural(reports.length, 'report')} and ${plural(dashboards.length, 'dashboard')} to ${dir}`,
    );
    return EXIT_OK;
  } finally {
    await database.close();
  }
}

function writeJson(file: string, value: unknown): Promise<void> {
  return writeFile(file, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}
