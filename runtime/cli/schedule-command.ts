import { readFile } from 'node:fs/promises';
import { parseInstance, solveSchedule, type InstanceFormat } from '../../engine/planning/scheduling/index.js';
import { EXIT_OK, print, printError } from './commands.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

export const SCHEDULE_HELP = `Usage: ordo schedule <instance> [--format jsplib|fjs] [--time-limit S] [--seed N] [--max-iterations N] [--stats]

Schedules a job-shop (JSPLIB) or flexible job-shop (Brandimarte .fjs) instance for the shortest
makespan and prints {"makespan": N, "operations": [{"job", "op", "machine", "start", "end"}]} (0-based).
  --format          instance format (default: fjs for *.fjs files, jsplib otherwise)
  --time-limit S    stop after S seconds and print the best schedule found (default 10 unless --max-iterations)
  --seed N          seed of the search's random choices (default 1)
  --max-iterations  stop after N search iterations: the same seed and N give the same schedule
  --stats           print the dispatch makespan, lower bound, iterations and timing to stderr`;

function wholeNumber(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`${option} must be a whole number >= 0, not ${text}`);
  return Number(text);
}

export async function scheduleCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    'time-limit': { type: 'string' },
    seed: { type: 'string' },
    'max-iterations': { type: 'string' },
    stats: { type: 'boolean' },
  });
  if (values.help === true) {
    print(SCHEDULE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('ordo schedule takes exactly one instance file');
  const file = positionals[0]!;
  const format = values.format ?? (/\.fjs$/i.test(file) ? 'fjs' : 'jsplib');
  if (format !== 'jsplib' && format !== 'fjs') throw new UsageError(`--format must be jsplib or fjs, not ${format}`);
  const seconds = values['time-limit'] === undefined ? undefined : Number(values['time-limit']);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0)) {
    throw new UsageError(`--time-limit must be a number of seconds above 0, not ${values['time-limit']}`);
  }
  const seed = wholeNumber(values.seed, '--seed');
  const maxIterations = wholeNumber(values['max-iterations'], '--max-iterations');

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const model = parseInstance(text, format as InstanceFormat);
  const result = solveSchedule(model, {
    seed: seed ?? 1,
    maxIterations,
    timeLimitMs: seconds === undefined ? (maxIterations === undefined ? 10_000 : undefined) : seconds * 1000,
  });
  print(JSON.stringify(result.schedule));
  if (values.stats === true) {
    const { constructiveMakespan, lowerBound, iterations, bestIteration, bestAtMs, elapsedMs, stoppedBy } = result;
    printError(
      `makespan ${result.schedule.makespan} (dispatch ${constructiveMakespan}, lower bound ${lowerBound}); ` +
        `${iterations} iterations, best at iteration ${bestIteration} after ${(bestAtMs / 1000).toFixed(2)} s; ` +
        `stopped by ${stoppedBy} after ${(elapsedMs / 1000).toFixed(2)} s`,
    );
  }
  return EXIT_OK;
}
