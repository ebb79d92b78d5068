import { readFile } from 'node:fs/promises';
import { isOrdoError } from '../../engine/errors/index.js';
import { parseDay } from '../../engine/planning/calendar/index.js';
import { planMrp, validateMrpScenario } from '../../engine/planning/mrp/index.js';
import { generateScenario, MAX_GENERATED_ITEMS, MIN_GENERATED_ITEMS } from '../../engine/planning/scenarios/index.js';
import { EXIT_FAILURE, EXIT_OK, print, printError } from './commands.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

export const MRP_HELP = `Usage: ordo mrp <scenario.json> [--pretty]
       ordo mrp --generate --items N --seed S [--start YYYY-MM-DD] [--pretty]

Plans material requirements for a scenario file (an MrpScenario, see
engine/planning/schemas/mrp-scenario.schema.json) and prints the plan as JSON, with its planned orders
and pegging. An invalid scenario is reported as file: pointer: message lines on stderr, exit code 1.
  --generate   print a synthetic factory scenario: N items (${MIN_GENERATED_ITEMS} to ${MAX_GENERATED_ITEMS}) over six BOM levels,
               two demand lines per item over a year from --start; the same seed prints the same scenario
  --pretty     indent the JSON (compact by default)`;

export async function mrpCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    generate: { type: 'boolean' },
    items: { type: 'string' },
    seed: { type: 'string' },
    start: { type: 'string' },
    pretty: { type: 'boolean' },
  });
  if (values.help === true) {
    print(MRP_HELP);
    return EXIT_OK;
  }
  const printJson = (value: unknown) => print(values.pretty === true ? JSON.stringify(value, null, 2) : JSON.stringify(value));
  if (values.generate === true) {
    if (positionals.length > 0) throw new UsageError('--generate takes no scenario file');
    const items = wholeNumber('--items', values.items, MIN_GENERATED_ITEMS, MAX_GENERATED_ITEMS);
    const seed = wholeNumber('--seed', values.seed, 0, 0xffffffff);
    if (values.start !== undefined && parseDay(values.start) === undefined) throw new UsageError(`--start must be a calendar day as YYYY-MM-DD, not ${values.start}`);
    printJson(generateScenario(values.start === undefined ? { items, seed } : { items, seed, start: values.start }));
    return EXIT_OK;
  }
  for (const option of ['items', 'seed', 'start'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--${option} goes with --generate`);
  }
  if (positionals.length !== 1) throw new UsageError('give one scenario file, or --generate');
  const file = positionals[0]!;
  let text: string;
  let input: unknown;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    printError(`ordo mrp: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILURE;
  }
  try {
    input = JSON.parse(text);
  } catch (error) {
    printError(`ordo mrp: ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILURE;
  }
  try {
    printJson(planMrp(validateMrpScenario(input)));
    return EXIT_OK;
  } catch (error) {
    if (!isOrdoError(error) || error.code !== 'ORDO_ERR_MRP_SCENARIO_INVALID') throw error;
    for (const field of error.fields) printError(`${file}: ${field.pointer === '' ? '/' : field.pointer}: ${field.message}`);
    printError(`${file}: not a valid MRP scenario (${error.fields.length} problem${error.fields.length === 1 ? '' : 's'})`);
    return EXIT_FAILURE;
  }
}

function wholeNumber(option: string, text: string | undefined, min: number, max: number): number {
  if (text === undefined) throw new UsageError(`--generate needs ${option}`);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max}, not ${text}`);
  return value;
}
