import { createServices } from '../services/index.js';
import { scanInstances } from '../workflows/index.js';
import { EXIT_FAILURE, EXIT_OK, print } from './commands.js';
import { openDatabase } from './open-database.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

export const CHECK_INSTANCES_HELP = `Usage: ordo check-instances [--workflow <id>] [--json] [--data DIR]

Checks every workflow instance (of one workflow) against the runtime's invariants: its event log is
numbered 1..last_seq without gaps and ends in the stored state; replaying the log through the engine
gives the stored state and context; the open and waiting tasks are exactly the pending approval slots.
Prints each violation and exits with 1 when there is one. Writes nothing.
  --json   print {checked, violations} as JSON`;

export async function checkInstancesCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    workflow: { type: 'string' },
    json: { type: 'boolean' },
    data: { type: 'string' },
  });
  if (values.help === true) {
    print(CHECK_INSTANCES_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError('ordo check-instances takes no arguments');
  const database = await openDatabase(values.data);
  try {
    const services = await createServices(database);
    const result = await scanInstances(database.db, services.definitions, values.workflow === undefined ? {} : { workflow: values.workflow });
    if (values.json === true) {
      print(JSON.stringify(result, null, 2));
    } else {
      for (const violation of result.violations) print(`${violation.instanceId}: ${violation.kind}: ${violation.message}`);
      const count = result.violations.length;
      print(`checked ${result.checked} instance${result.checked === 1 ? '' : 's'}: ${count === 0 ? 'no violations' : `${count} violation${count === 1 ? '' : 's'}`}`);
    }
    return result.violations.length > 0 ? EXIT_FAILURE : EXIT_OK;
  } finally {
    await database.close();
  }
}
