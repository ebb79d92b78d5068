/**
 * `npm run bench:schedule`: every job-shop and flexible job-shop instance listed in
 * ../shared/benchmarks/{jobshop,fjsp}/index.json, scheduled in this process on one core with the
 * time limit ORDO_BENCH_SCHEDULE_SECONDS (default 30) and seed ORDO_BENCH_SCHEDULE_SEED (default 1),
 * each schedule verified by the shared checker (../shared/tools/check-schedule.mjs) and our own.
 * ORDO_BENCH_SCHEDULE_ONLY=ft10,mk01 runs a subset and leaves BENCHMARKS.md alone. The plain dispatch
 * schedule the search starts from is the same-run baseline. Writes the "## Scheduling benchmarks"
 * section of BENCHMARKS.md.
 *
 * The limits are in CPU time of this process (ORDO_BENCH_SCHEDULE_CLOCK=wall for wall-clock time):
 * the goals are stated for one core, and the shared machines often run many other processes, which
 * would otherwise shrink the search's share of its 30 seconds several times over.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSchedule, parseInstance, solveSchedule, type InstanceFormat } from '../../engine/planning/scheduling/index.js';
import { SHARED, sharedChecker } from '../support/shared-benchmarks.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seconds = Number(process.env['ORDO_BENCH_SCHEDULE_SECONDS'] ?? 30);
const seed = Number(process.env['ORDO_BENCH_SCHEDULE_SEED'] ?? 1);
const only = process.env['ORDO_BENCH_SCHEDULE_ONLY']?.split(',');
const clock = process.env['ORDO_BENCH_SCHEDULE_CLOCK'] === 'wall' ? 'wall' : 'cpu';
const now =
  clock === 'cpu'
    ? () => {
        const used = process.cpuUsage();
        return (used.user + used.system) / 1000;
      }
    : () => performance.now();

interface IndexEntry {
  name: string;
  file: string;
  jobs: number;
  machines: number;
  upper_bound: number;
  optimum: number | null;
  family: string;
}

interface Row {
  name: string;
  family: string;
  size: string;
  bestKnown: number;
  dispatch: number;
  ours: number;
  gap: number;
  bestAt: number;
  iterations: number;
  wall: number;
  /** Best makespan found within the first 1 and 10 seconds, for the ft06 and ft10 goals. */
  at1s: number;
  at10s: number;
}

const checker = await sharedChecker();

const gapOf = (makespan: number, bestKnown: number) => (100 * (makespan - bestKnown)) / bestKnown;

function run(folder: 'jobshop' | 'fjsp', format: InstanceFormat): Row[] {
  const index = JSON.parse(readFileSync(path.join(SHARED, 'benchmarks', folder, 'index.json'), 'utf8')) as IndexEntry[];
  const rows: Row[] = [];
  for (const entry of index) {
    if (only !== undefined && !only.includes(entry.name)) continue;
    const text = readFileSync(path.join(SHARED, 'benchmarks', folder, entry.file), 'utf8');
    const model = parseInstance(text, format);
    const trace: Array<{ makespan: number; ms: number }> = [];
    const wallStart = performance.now();
    const result = solveSchedule(model, {
      seed,
      now,
      timeLimitMs: seconds * 1000,
      targetMakespan: entry.optimum ?? undefined,
      onImprove: (makespan, _iteration, ms) => trace.push({ makespan, ms }),
    });
    const wall = (performance.now() - wallStart) / 1000;
    const within = (ms: number) => trace.filter((point) => point.ms <= ms).at(-1)?.makespan ?? result.constructiveMakespan;
    const verdict = checker.checkSchedule(checker.parseInstance(text, format), result.schedule);
    const own = checkSchedule(model, result.schedule);
    if (!verdict.ok || own.length > 0) throw new Error(`${entry.name}: infeasible schedule: ${verdict.error ?? own[0]?.message}`);
    const row: Row = {
      name: entry.name,
      family: entry.family,
      size: `${entry.jobs}x${entry.machines}`,
      bestKnown: entry.upper_bound,
      dispatch: result.constructiveMakespan,
      ours: result.schedule.makespan,
      gap: gapOf(result.schedule.makespan, entry.upper_bound),
      bestAt: result.bestAtMs / 1000,
      iterations: result.iterations,
      wall,
      at1s: within(1000),
      at10s: within(10_000),
    };
    const found = `found after ${row.bestAt.toFixed(2)} s ${clock}; ${wall.toFixed(1)} s wall`;
    process.stderr.write(`${row.name}: ${row.ours} (best known ${row.bestKnown}, gap ${row.gap.toFixed(2)}%, ${found})\n`);
    rows.push(row);
  }
  return rows;
}

const loadBefore = os.loadavg()[0]!;
const jobshop = run('jobshop', 'jsplib');
const fjsp = run('fjsp', 'fjs');
const mean = (values: number[]) => (values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length);
const meanGap = (rows: Row[]) => mean(rows.map((row) => row.gap));
const table = (rows: Row[]) =>
  [
    '| instance | size | best known | dispatch (gap %) | ours | gap % | seconds to best | iterations | wall seconds |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const dispatch = `${row.dispatch} (${gapOf(row.dispatch, row.bestKnown).toFixed(1)})`;
      const cells = [row.name, row.size, row.bestKnown, dispatch, row.ours, row.gap.toFixed(2), row.bestAt.toFixed(2), row.iterations, row.wall.toFixed(1)];
      return `| ${cells.join(' | ')} |`;
    }),
  ].join('\n');

const ft06 = jobshop.find((row) => row.name === 'ft06');
const ft10 = jobshop.find((row) => row.name === 'ft10');
const dispatchGap = mean(jobshop.map((row) => gapOf(row.dispatch, row.bestKnown)));
const ft10Gap = ft10 === undefined ? Number.NaN : gapOf(ft10.at10s, 930);
const taillardLawrence = jobshop.filter((row) => /^(Taillard|Lawrence)/.test(row.family));
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const goals = [
  '| goal | measured | |',
  '| --- | --- | --- |',
  ft06 && `| ft06 optimal (55) in under a second | ${ft06.at1s} within 1 s (found after ${ft06.bestAt.toFixed(2)} s) | ${verdict(ft06.at1s <= 55)} |`,
  ft10 && seconds >= 10 && `| ft10 within 1% of 930 in 10 s | ${ft10.at10s} within 10 s (${ft10Gap.toFixed(2)}%) | ${verdict(ft10Gap <= 1)} |`,
  taillardLawrence.length > 0 &&
    `| mean gap at most 3% over Taillard and Lawrence, ${seconds} s each | ` +
      `${meanGap(taillardLawrence).toFixed(2)}% over ${taillardLawrence.length} instances | ${verdict(meanGap(taillardLawrence) <= 3)} |`,
  fjsp.length > 0 && `| Brandimarte mk01-mk05 mean gap at most 2% | ${meanGap(fjsp).toFixed(2)}% | ${verdict(meanGap(fjsp) <= 2)} |`,
  `| (all ${jobshop.length} job-shop instances) | mean gap ${meanGap(jobshop).toFixed(2)}%, dispatch alone ${dispatchGap.toFixed(2)}% | |`,
]
  .filter(Boolean)
  .join('\n');

const clockText =
  clock === 'cpu' ? 'CPU time of the bench process (not wall-clock\ntime: the machine is shared; "wall seconds" shows what each run took)' : 'wall-clock time';
const section = `## Scheduling benchmarks: \`npm run bench:schedule\`

${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${os.cpus().length} shared cores, one core used (single-threaded search);
load average ${loadBefore.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end of the run.

Command: \`ORDO_BENCH_SCHEDULE_SECONDS=${seconds} ORDO_BENCH_SCHEDULE_SEED=${seed} npm run bench:schedule\`. Each instance of
../shared/benchmarks/jobshop and ../shared/benchmarks/fjsp is scheduled for ${seconds} s of ${clockText} and stops earlier at the proven optimum from
index.json or at its own lower bound; seconds below are ${clock === 'cpu' ? 'CPU' : 'wall-clock'} seconds. Every schedule is accepted by
../shared/tools/check-schedule.mjs. "dispatch" is the best Giffler-Thompson schedule the search starts from (same run),
the baseline a one-pass heuristic gives. Gap % = 100 x (ours - best known) / best known; "seconds to best" is when the
schedule reported was found.

Outside the literature there is nothing to compare with: ERPNext places job cards first-fit, Odoo takes the first
free slot per work center and frePPLe plans demand by demand in one pass (../shared/research/manufacturing-anchors.md
sections 2.2 and 4.1), and none publishes a figure on these instances. The reference is therefore the literature's
best known makespans, and the dispatch column stands in for a one-pass heuristic.

${goals}

Job shop (JSPLIB):

${table(jobshop)}

Flexible job shop (Brandimarte 1993):

${table(fjsp)}
`;

process.stdout.write(`${section}\n`);
if (only === undefined) {
  const file = path.join(root, 'BENCHMARKS.md');
  const current = readFileSync(file, 'utf8');
  const start = current.indexOf('## Scheduling benchmarks');
  const end = start < 0 ? -1 : current.indexOf('\n## ', start + 1);
  const next =
    start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${end < 0 ? '' : `\n${current.slice(end + 1)}`}`;
  writeFileSync(file, next);
}
