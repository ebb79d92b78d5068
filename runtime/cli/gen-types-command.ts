import { readFile, writeFile } from 'node:fs/promises';
import { generatedTypesFile, renderDefinitionTypes } from '../codegen/index.js';
import { EXIT_FAILURE, EXIT_OK, print, printError } from './commands.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

export const GEN_TYPES_HELP = `Usage: ordo gen-types [--check]

Regenerates engine/definitions/generated/definition-types.ts from the meta-schemas.
With --check, writes nothing and exits 1 when the committed file is stale.`;

export async function genTypesCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { check: { type: 'boolean' } });
  if (values.help === true) {
    print(GEN_TYPES_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError('ordo gen-types takes no arguments');
  const rendered = await renderDefinitionTypes();
  const current = await readFile(generatedTypesFile, 'utf8').catch(() => '');
  if (values.check === true) {
    if (current === rendered) {
      print('generated types are current');
      return EXIT_OK;
    }
    printError(`${generatedTypesFile} is stale: run ordo gen-types`);
    return EXIT_FAILURE;
  }
  if (current !== rendered) await writeFile(generatedTypesFile, rendered, 'utf8');
  print(current === rendered ? 'generated types are current' : `wrote ${generatedTypesFile}`);
  return EXIT_OK;
}
