import { createServices } from '../services/index.js';
import { describeState, migrateInstances, type MigrationReport } from '../workflows/index.js';
import { EXIT_FAILURE, EXIT_OK, print } from './commands.js';
import { openDatabase } from './open-database.js';
import { parseCommandArgs } from './parse-command-args.js';
import { printTable } from './print-table.js';
import { UsageError } from './usage-error.js';

export const MIGRATE_INSTANCES_HELP = `Usage: ordo migrate-instances --workflow <id> --from <version> --to <version>
                             [--map old=new ...] [--dry-run] [--json] [--data DIR]

Moves every running instance of a workflow from one published version to another. Publishing a new
version never touches running instances; this command does, one transaction per instance.
  --map old=new   a state renamed in the new version (repeat for each); other states keep their names
  --dry-run       check and report every instance, write nothing
  --json          print the report as JSON instead of a table
An instance whose state (or one of whose tasks) the target version does not have is skipped whole and
listed with the reason; the exit code is then 1. With PGlite, stop the server first.`;

function parseVersion(name: string, text: string | undefined): number {
  if (text === undefined) throw new UsageError(`--${name} is required`);
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new UsageError(`--${name} must be a version number, not ${text}`);
  return Number(text);
}

function parseMap(entries: readonly string[]): Record<string, string> {
  const renames: Record<string, string> = {};
  for (const entry of entries) {
    const match = /^([^=\s]+)=([^=\s]+)$/.exec(entry);
    if (match === null) throw new UsageError(`--map takes old=new, not ${entry}`);
    const [, from, to] = match as unknown as [string, string, string];
    if (Object.hasOwn(renames, from)) throw new UsageError(`--map renames ${from} twice`);
    renames[from] = to;
  }
  return renames;
}

function printReport(report: MigrationReport): void {
  if (report.entries.length === 0) {
    print(`no running instances of ${report.workflow} at version ${report.from}`);
    return;
  }
  printTable(
    ['instance', 'record', 'old state', 'new state', 'result'],
    report.entries.map((entry) => [entry.instanceId, entry.recordId, describeState(entry.oldState), describeState(entry.newState), entry.result]),
  );
  const summary = `${report.refused} refused`;
  print(report.dryRun ? `dry run: ${report.moved} would move to version ${report.to}, ${summary}; nothing was written` : `${report.moved} moved to version ${report.to}, ${summary}`);
}

export async function migrateInstancesCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    workflow: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    map: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    data: { type: 'string' },
  });
  if (values.help === true) {
    print(MIGRATE_INSTANCES_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError('ordo migrate-instances takes no arguments');
  if (values.workflow === undefined) throw new UsageError('--workflow is required');
  const request = {
    workflow: values.workflow,
    from: parseVersion('from', values.from),
    to: parseVersion('to', values.to),
    renames: parseMap(values.map ?? []),
    dryRun: values['dry-run'] === true,
  };
  if (request.from === request.to) throw new UsageError('--from and --to must differ');

  const database = await openDatabase(values.data);
  try {
    const services = await createServices(database);
    const report = await migrateInstances(database, services.definitions, request);
    if (values.json === true) print(JSON.stringify(report, null, 2));
    else printReport(report);
    return report.refused > 0 ? EXIT_FAILURE : EXIT_OK;
  } finally {
    await database.close();
  }
}
