import { isOrdoError } from '../../engine/errors/index.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, print, printError, type Command } from './commands.js';
import { exportCommand } from './export-command.js';
import { genTypesCommand } from './gen-types-command.js';
import { importCommand } from './import-command.js';
import { serveCommand } from './serve-command.js';
import { UsageError } from './usage-error.js';
import { userCommand } from './user-command.js';
import { validateCommand } from './validate-command.js';

const COMMANDS: Readonly<Record<string, Command>> = {
  serve: serveCommand,
  validate: validateCommand,
  import: importCommand,
  export: exportCommand,
  user: userCommand,
  'gen-types': genTypesCommand,
};

const HELP = `Usage: ordo <command> [options]

Commands:
  serve [--port N] [--host H] [--data DIR] [--demo]   serve the API and the web app
  validate [dir]                                       check definitions (default: definitions)
  import <dir>                                         validate and publish definitions
  export <dir>                                         write the published definitions to files
  user add <name> --role R --password-stdin            create a user
  gen-types [--check]                                  regenerate the definition types

Run ordo <command> --help for a command's options.`;

/** Runs one `ordo` command line and returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    print(HELP);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    printError(`ordo: unknown command ${name} (see ordo --help)`);
    return EXIT_USAGE;
  }
  try {
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
