import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderSchemaTypes, SCHEMA_TYPES_TARGETS, VALIDATOR_TARGETS } from '../codegen/index.js';
import { EXIT_FAILURE, EXIT_OK, print, printError } from './commands.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

export const GEN_TYPES_HELP = `Usage: ordo gen-types [--check]

Regenerates the TypeScript types generated from JSON Schemas: the definition kinds
(engine/definitions/generated) and the planning functions' inputs and outputs (engine/planning/generated),
and the workflow meta-schema's validator as standalone code for the browser (engine/definitions/generated).
With --check, writes nothing and exits 1 when a committed file is stale.`;

export async function genTypesCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { check: { type: 'boolean' } });
  if (values.help === true) {
    print(GEN_TYPES_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError('ordo gen-types takes no arguments');
  let stale = 0;
  const targets = [
    ...SCHEMA_TYPES_TARGETS.map((target) => ({ file: target.file, render: () => renderSchemaTypes(target) })),
    ...VALIDATOR_TARGETS,
  ];
  for (const target of targets) {
    const rendered = await target.render();
    const current = await readFile(target.file, 'utf8').catch(() => '');
    if (current === rendered) continue;
    if (values.check === true) {
      printError(`${target.file} is stale: run ordo gen-types`);
      stale += 1;
    } else {
      await mkdir(path.dirname(target.file), { recursive: true });
      await writeFile(target.file, rendered, 'utf8');
      print(`wrote ${target.file}`);
    }
  }
  if (stale > 0) return EXIT_FAILURE;
  print('generated types are current');
  return EXIT_OK;
}
