/**
 * `npm run bench:mrp`: time and peak memory of MRP on generated factories of 1k and 10k items (100k
 * with MRP_BENCH_100K=1): a full regenerative run and net-change after one new sales order, each in
 * three phases: the planner's core (planMrpCompact; MrpPlanner.update), which plans in columns; the
 * headline (planHeadline; MrpPlanner.headline), which writes out the planned orders, reschedule
 * messages, exceptions and summary; and the whole plan: for a regenerative run planMrp in a run of
 * its own (what mrp.plan and `ordo mrp` do: it makes each item's records while planning it), after
 * net-change the rest of the plan (MrpPlanner.plan) after the headline; then a second new order
 * (update + headline), which finds the planner as a server keeps it: tables patched once, code
 * compiled for net-change (a fresh planner's first update also pays for compiling the update path,
 * which creation never ran). Core + headline is the figure against the goals. Each
 * measurement runs in a fresh child process (node --expose-gc) that generates its factory first,
 * outside the timing. Peak memory is the process's peak resident set during the measured calls:
 * Linux's high-water mark, reset after the factory is built (/proc/self/clear_refs), minus the
 * resident set before the calls. Prints markdown tables for BENCHMARKS.md. MRP_BENCH_SEED picks the
 * factory (default 1), MRP_BENCH_SIZES the item counts (default 1000,10000). A cell whose first run
 * takes over 5 s gets one more run instead of five. The machine may be shared: each run also records
 * the process's CPU time, and each cell measures a same-process baseline, a bare loop building as
 * many small records as the output has (the headline's planned orders, reschedule messages and
 * exceptions; the whole plan's planned orders, supplies, demands, pegs and exceptions): the floor any
 * planner producing that output pays.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import {
  createMrpPlanner,
  formatDay,
  generateScenario,
  type MrpDemand,
  type MrpPlan,
  type MrpScenario,
  type MrpPlanHeadline,
  parseDay,
  planHeadline,
  planMrp,
  planMrpCompact,
} from '../../engine/planning/index.js';

// ctp.promise has its own bench (bench:ctp).
type Operation = 'regenerative' | 'net-change';
const OPERATIONS: readonly Operation[] = ['regenerative', 'net-change'];
const GOALS_MS: Readonly<Record<Operation, number>> = { regenerative: 1000, 'net-change': 20 };
const seed = Number(process.env.MRP_BENCH_SEED ?? 1);

/** Per phase of one operation: the runs after the first. */
interface Phase {
  runsMs: number[];
  runsCpuMs: number[];
  firstMs: number;
}

interface Measurement {
  operation: Operation;
  items: number;
  bomLines: number;
  demands: number;
  core: Phase;
  headline: Phase;
  /** Regenerative: planMrp in a run of its own; net-change: the rest of the plan, written out after the headline. */
  rest: Phase;
  /** Net-change: a second new order, update + headline. */
  next: Phase;
  /** Net-change: createMrpPlanner, the regenerative run that keeps each item's demand table. */
  create: Phase;
  /** CPU time of the bare loop building as many records as the headline has, and as the whole plan has. */
  bareHeadlineCpuMs: number;
  bareCpuMs: number;
  headlineRecords: number;
  records: number;
  peakMb: number;
  baseMb: number;
  /** Net-change: whether the changed plan equals the regenerative plan of the changed scenario. */
  sameAsRegenerative?: boolean;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Resident set fields of /proc/self/status in MB (VmRSS now, VmHWM the peak since the last reset). */
function residentMb(field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  return Number(match![1]) / 1024;
}

function resetPeak(): void {
  gc?.();
  writeFileSync('/proc/self/clear_refs', '5');
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function timed<T>(run: () => T): { ms: number; cpu: number; value: T } {
  const started = performance.now();
  const cpuStarted = cpuMs();
  const value = run();
  return { ms: performance.now() - started, cpu: cpuMs() - cpuStarted, value };
}

function recordCount(plan: MrpPlan): number {
  return plan.plannedOrders.length + plan.supplies.length + plan.demands.length + plan.pegging.length + plan.rescheduleMessages.length + plan.exceptions.length;
}

function headlineCount(headline: MrpPlanHeadline): number {
  return headline.plannedOrders.length + headline.rescheduleMessages.length + headline.exceptions.length;
}

/** CPU ms to build `count` records of five fields with a fresh id string each into one array: the output's own cost. */
function bareOutputCpuMs(count: number): number {
  gc?.();
  return timed(() => {
    const rows: { id: string; item: string; kind: string; qty: number; due: string }[] = [];
    for (let at = 0; at < count; at++) rows.push({ id: `PL/ITEM-${at % 10_000}/${at}`, item: 'ITEM', kind: 'dependent', qty: at * 0.5, due: '2026-01-01' });
    return rows.length;
  }).cpu;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A new order of the first finished good, due two months into the horizon: what a sales clerk adds. */
function newOrder(scenario: MrpScenario, serial = 1): MrpDemand {
  const due = formatDay(parseDay(scenario.horizon.start)! + 60);
  return { id: `SO-BENCH/${serial}`, kind: 'sales-order', item: scenario.items[0]!.id, qty: 10, due, salesOrder: `SO-BENCH${serial === 1 ? '' : serial}`, customer: 'C-BENCH', priority: 100 };
}

function measure(operation: Operation, items: number): Measurement {
  const scenario = generateScenario({ items, seed });
  const core: Phase = { runsMs: [], runsCpuMs: [], firstMs: 0 };
  const headline: Phase = { runsMs: [], runsCpuMs: [], firstMs: 0 };
  const rest: Phase = { runsMs: [], runsCpuMs: [], firstMs: 0 };
  const next: Phase = { runsMs: [], runsCpuMs: [], firstMs: 0 };
  const create: Phase = { runsMs: [], runsCpuMs: [], firstMs: 0 };
  let records = 0;
  let headlineRecords = 0;
  let baseMb = 0;
  let peakMb = 0;
  let sameAsRegenerative: boolean | undefined;
  const runsAfter = (ms: number) => (ms > 5000 ? 1 : 5);
  const start = () => {
    resetPeak();
    baseMb = residentMb('VmRSS');
  };
  const peak = () => {
    peakMb = Math.max(peakMb, residentMb('VmHWM') - baseMb);
  };
  const record = (phase: Phase, run: number, timing: { ms: number; cpu: number }) => {
    if (run === 0) phase.firstMs = timing.ms;
    else {
      phase.runsMs.push(timing.ms);
      phase.runsCpuMs.push(timing.cpu);
    }
  };

  if (operation === 'regenerative') {
    start();
    for (let run = 0, runs = 1; run <= runs; run++) {
      // The previous run's plan (gigabytes at 10k) is collected outside the timing, as net-change's runs are.
      gc?.();
      const planned = timed(() => planMrpCompact(scenario));
      const headed = timed(() => planHeadline(planned.value));
      record(core, run, planned);
      record(headline, run, headed);
      if (run === 0) headlineRecords = headlineCount(headed.value);
      gc?.();
      const written = timed(() => planMrp(scenario));
      record(rest, run, written);
      if (run === 0) {
        runs = runsAfter(planned.ms + headed.ms + written.ms);
        records = recordCount(written.value);
      }
    }
    peak();
  } else {
    const demand = newOrder(scenario);
    const second = newOrder(scenario, 2);
    let changed: MrpPlan | undefined;
    for (let run = 0, runs = 1; run <= runs; run++) {
      const created = timed(() => createMrpPlanner(scenario));
      const planner = created.value;
      planner.plan();
      start();
      const updated = timed(() => planner.update([{ type: 'upsert-demand', demand }]));
      const headed = timed(() => planner.headline());
      const written = timed(() => planner.plan());
      peak();
      record(core, run, updated);
      record(headline, run, headed);
      record(rest, run, written);
      record(create, run, created);
      record(
        next,
        run,
        timed(() => {
          planner.update([{ type: 'upsert-demand', demand: second }]);
          return planner.headline();
        }),
      );
      headlineRecords = headlineCount(headed.value);
      if (run === 0) runs = runsAfter(created.ms);
      changed = written.value;
    }
    // update() says how many items it replanned; everything else must be the regenerative plan's.
    const regenerative = planMrp({ ...scenario, demands: [...scenario.demands, demand] });
    records = recordCount(regenerative);
    sameAsRegenerative = isDeepStrictEqual({ ...changed!, summary: { ...changed!.summary, replannedItems: undefined } }, { ...regenerative, summary: { ...regenerative.summary, replannedItems: undefined } });
  }
  const bomLines = scenario.boms.reduce((sum, bom) => sum + bom.lines.length, 0);
  const measurement: Measurement = {
    operation,
    items,
    bomLines,
    demands: scenario.demands.length,
    core,
    headline,
    rest,
    next,
    create,
    bareHeadlineCpuMs: bareOutputCpuMs(headlineRecords),
    bareCpuMs: bareOutputCpuMs(records),
    headlineRecords,
    records,
    peakMb,
    baseMb,
  };
  if (sameAsRegenerative !== undefined) measurement.sameAsRegenerative = sameAsRegenerative;
  return measurement;
}

function inChild(operation: Operation, items: number): Measurement {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', fileURLToPath(import.meta.url), 'child', operation, String(items)],
    { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`${operation} on ${items} items failed with exit code ${child.status}`);
  return JSON.parse(child.stdout) as Measurement;
}

const sum = (...phases: Phase[]): Phase => ({
  firstMs: phases.reduce((total, phase) => total + phase.firstMs, 0),
  runsMs: phases[0]!.runsMs.map((_, at) => phases.reduce((total, phase) => total + phase.runsMs[at]!, 0)),
  runsCpuMs: phases[0]!.runsCpuMs.map((_, at) => phases.reduce((total, phase) => total + phase.runsCpuMs[at]!, 0)),
});

function main(): void {
  const sizes = (process.env.MRP_BENCH_SIZES ?? (process.env.MRP_BENCH_100K === '1' ? '1000,10000,100000' : '1000,10000')).split(',').map(Number);
  console.log(`seed ${seed}, node ${process.version}, one child process per cell, times in ms (median of the runs after the first)\n`);
  const results = new Map<string, Measurement>();
  const columns = ['items', 'BOM lines', 'demand lines', 'records out', 'operation', 'phase', 'first ms', 'median ms', 'median CPU ms', 'goal ms'];
  columns.push('bare output CPU ms', 'CPU / bare', 'peak MB over base', 'base RSS MB', 'check');
  console.log(`| ${columns.join(' | ')} |`);
  console.log('| ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const items of sizes) {
    for (const operation of OPERATIONS) {
      const m = inChild(operation, items);
      results.set(`${operation}/${items}`, m);
      const goal = items === 10_000 ? String(GOALS_MS[operation]) : '';
      const check = m.sameAsRegenerative === undefined ? '' : m.sameAsRegenerative ? 'equals regenerative' : '**differs from regenerative**';
      const regenerative = operation === 'regenerative';
      // name, phase, records it writes out, bare floor for them, goal, whether the row carries memory and check
      type Row = [string, Phase, number | undefined, number | undefined, string, boolean];
      const phases: Row[] = [
        ...(regenerative ? [] : [['create: createMrpPlanner (keeps every demand table)', m.create, undefined, undefined, '', false] as Row]),
        [regenerative ? 'core: planMrpCompact' : 'core: update', m.core, undefined, undefined, '', false],
        [regenerative ? 'headline: planHeadline' : 'headline: headline()', m.headline, undefined, undefined, '', false],
        [`**${regenerative ? 'regenerative' : 'net-change'}: core + headline**`, sum(m.core, m.headline), m.headlineRecords, m.bareHeadlineCpuMs, goal, false],
        ...(regenerative
          ? [['full plan: planMrp, a run of its own', m.rest, m.records, m.bareCpuMs, '', true] as Row]
          : [
              ['rest: plan() after the headline', m.rest, undefined, undefined, '', false] as Row,
              ['full plan: core + headline + rest', sum(m.core, m.headline, m.rest), m.records, m.bareCpuMs, '', true] as Row,
              ['next: a second new order, update + headline', m.next, undefined, undefined, goal, false] as Row,
            ]),
      ];
      for (const [name, phase, records, bare, phaseGoal, last] of phases) {
        const cpu = median(phase.runsCpuMs);
        console.log(
          `| ${items} | ${m.bomLines} | ${m.demands} | ${records ?? ''} | ${operation} | ${name} | ${phase.firstMs.toFixed(1)} | ${median(phase.runsMs).toFixed(1)} | ` +
            `${cpu.toFixed(1)} | ${phaseGoal} | ${bare === undefined ? '' : bare.toFixed(1)} | ${bare === undefined ? '' : `${(cpu / bare).toFixed(1)}x`} | ` +
            `${last ? m.peakMb.toFixed(0) : ''} | ${last ? m.baseMb.toFixed(0) : ''} | ${last ? check : ''} |`,
        );
      }
    }
  }
  console.log('\n| operation | 10k / 1k (core + headline CPU) | 100k / 10k |');
  console.log('| --- | ---: | ---: |');
  for (const operation of OPERATIONS) {
    const headlineCpu = (m: Measurement) => median(sum(m.core, m.headline).runsCpuMs);
    const ratio = (large: number, small: number) => {
      const a = results.get(`${operation}/${large}`);
      const b = results.get(`${operation}/${small}`);
      return a === undefined || b === undefined ? '' : `${(headlineCpu(a) / headlineCpu(b)).toFixed(1)}x`;
    };
    console.log(`| ${operation} | ${ratio(10_000, 1000)} | ${ratio(100_000, 10_000)} |`);
  }
}

if (process.argv[2] === 'child') {
  process.stdout.write(JSON.stringify(measure(process.argv[3] as Operation, Number(process.argv[4]))));
} else {
  main();
}
