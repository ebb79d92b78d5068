import { parseDay } from '../../engine/planning/calendar/index.js';
import { generateScenario, MAX_GENERATED_ITEMS, MIN_GENERATED_ITEMS } from '../../engine/planning/scenarios/index.js';
import { EXIT_OK, print } from './commands.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

export const MRP_HELP = `Usage: ordo mrp --generate --items N --seed S [--start YYYY-MM-DD] [--pretty]

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
  throw new UsageError('give --generate: planning a scenario file comes with the MRP core (engine/planning/mrp)');
}

function wholeNumber(option: string, text: string | undefined, min: number, max: number): number {
  if (text === undefined) throw new UsageError(`--generate needs ${option}`);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max}, not ${text}`);
  return value;
}
