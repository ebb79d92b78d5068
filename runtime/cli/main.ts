import { isOrdoError } from '../../engine/errors/index.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, print, printError, type Command } from './commands.js';
import { UsageError } from './usage-error.js';

// Loaded on demand: `ordo --help` or `ordo gen-types` should not pay for the server and the database.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  serve: async () => (await import('./serve-command.js')).serveCommand,
  validate: async () => (await import('./validate-command.js')).validateCommand,
  import: async () => (await import('./import-command.js')).importCommand,
  export: async () => (await import('./export-command.js')).exportCommand,
  user: async () => (await import('./user-command.js')).userCommand,
  'gen-types': async () => (await import('./gen-types-command.js')).genTypesCommand,
  'migrate-instances': async () => (await import('./migrate-instances-command.js')).migrateInstancesCommand,
  'check-instances': async () => (await import('./check-instances-command.js')).checkInstancesCommand,
  schedule: async () => (await import('./schedule-command.js')).scheduleCommand,
  mrp: async () => (await import('./mrp-command.js')).mrpCommand,
};

const HELP = `Usage: ordo <command> [options]

Commands:
  serve [--port N] [--host H] [--data DIR] [--demo]   serve the API and the web app
  validate [dir]                                       check definitions (default: definitions)
  import <dir>                                         validate and publish definitions
  export <dir>                                         write the published definitions to files
  user add <name> --role R --password-stdin            create a user
  gen-types [--check]                                  regenerate the definition types
  migrate-instances --workflow W --from N --to M       move running instances to another version
        [--map old=new ...] [--dry-run] [--json]
  check-instances [--workflow W] [--json]              check instances against the runtime's invariants
  mrp <scenario.json> [--pretty]                       plan material requirements, print the plan as JSON
  mrp --generate --items N --seed S [--start D]        print a synthetic factory scenario
  schedule <instance> [--format jsplib|fjs]            schedule a job-shop benchmark instance
        [--time-limit S] [--seed N] [--max-iterations N]

Run ordo <command> --help for a command's options.`;

/** Runs one `ordo` command line and returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    printError(HELP);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    print(HELP);
    return EXIT_OK;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) {
    printError(`ordo: unknown command ${name} (see ordo --help)`);
    return EXIT_USAGE;
  }
  try {
    const command = await load();
    return await command(args);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(`ordo ${name}: ${error.message} (see ordo ${name} --help)`);
      return EXIT_USAGE;
    }
    const where = isOrdoError(error) && error.fields.length > 0 ? ` (${error.fields.map((field) => `${field.pointer}: ${field.message}`).join('; ')})` : '';
    const code = isOrdoError(error) ? `${error.code}: ` : '';
    printError(`ordo ${name}: ${code}${error instanceof Error ? error.message : String(error)}${where}`);
    return EXIT_FAILURE;
  }
}
