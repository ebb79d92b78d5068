import { EXIT_FAILURE, EXIT_OK, print, printError } from './commands.js';
import { loadDefinitions } from './load-definitions.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

export const VALIDATE_HELP = `Usage: ordo validate [dir]

Checks every definition under dir (default: definitions), skipping demo folders.
Prints one line per problem as file: pointer: message and exits 1 when there is any.`;

export async function validateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (values.help === true) {
    print(VALIDATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError('ordo validate takes at most one folder');
  const dir = positionals[0] ?? 'definitions';
  const loaded = await loadDefinitions(dir);
  if (!loaded.ok) {
    for (const problem of loaded.problems) printError(problem);
    printError(`${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} in ${dir}`);
    return EXIT_FAILURE;
  }
  const { app, forms, workflows, reports, dashboards, printTemplates } = loaded.definitions;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  print(`${dir}: valid (${app === undefined ? 'no app' : `app ${app.id}`}, ${count(forms.length, 'form')}, ${count(workflows.length, 'workflow')}, ${count(reports.length, 'report')}, ${count(dashboards.length, 'dashboard')}, ${count(printTemplates.length, 'print template')})`);
  return EXIT_OK;
}
