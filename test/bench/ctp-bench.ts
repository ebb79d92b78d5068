/**
 * `npm run bench:ctp`: CPU and wall time of one ctp.promise call against a committed plan, after the
 * one-off indexing of that plan (timed apart), next to a same-run baseline: a bare walk over the
 * same BOM tree, the least any explosion of the line costs. Prints markdown tables for BENCHMARKS.md.
 *
 * Factories come from the seeded generator (engine/planning/scenarios):
 * - 10k items with the plan planMrp makes of it (a few seconds to plan before the calls);
 * - 10k items with a stand-in plan, the worst case for a promise: every stock row and open order is
 *   taken as pegged (nothing free: the whole tree is exploded) and each demand line's item as one
 *   planned make order loading its routing;
 * - 1k items with the plan planMrp makes of it.
 */
import { formatDay, generateScenario, parseDay, planMrp, promiseDelivery, type CtpRequest, type MrpPlan, type MrpScenario } from '../../engine/planning/index.js';
import { preparePlan } from '../../engine/planning/ctp/prepared-plan.js';

const SEED = 1;

function standInPlan(scenario: MrpScenario): MrpPlan {
  const stock = scenario.stock.map((row, at) => ({ id: `STOCK/${row.item}/${at}`, item: row.item, kind: 'stock' as const, qty: row.qty, date: scenario.horizon.start, unpeggedQty: 0 }));
  const open = scenario.supplies.map((supply) => ({ id: supply.id, item: supply.item, kind: supply.kind, qty: supply.qty, date: supply.due, unpeggedQty: 0 }));
  const leadDays = new Map(scenario.items.map((item) => [item.id, Math.max(1, Math.ceil(item.leadTimeDays))]));
  const plannedOrders = scenario.demands.map((demand, at) => ({
    id: `PL/${demand.item}/${at}`,
    item: demand.item,
    kind: 'make' as const,
    qty: demand.qty,
    start: formatDay(Math.max(parseDay(scenario.horizon.start)!, parseDay(demand.due)! - leadDays.get(demand.item)!)),
    due: demand.due,
  }));
  return {
    horizon: { start: scenario.horizon.start, end: scenario.horizon.end, bucketDays: 1 },
    plannedOrders,
    supplies: [...stock, ...open],
    demands: [],
    pegging: [],
    rescheduleMessages: [],
    exceptions: [],
    summary: { items: scenario.items.length, levels: 6, plannedOrders: plannedOrders.length, shortages: 0 },
  };
}

/**
 * The same-run baseline: a breadth-first walk over the line's BOM tree that reads each BOM line of
 * each reached item once and sums quantities per item.
 */
function bareWalk(components: ReadonlyMap<string, readonly { component: string; qtyPer: number }[]>, item: string, qty: number): number {
  const needed = new Map<string, number>([[item, qty]]);
  const queue = [item];
  for (let at = 0; at < queue.length; at++) {
    const parent = queue[at]!;
    for (const line of components.get(parent) ?? []) {
      if (!needed.has(line.component)) queue.push(line.component);
      needed.set(line.component, (needed.get(line.component) ?? 0) + needed.get(parent)! * line.qtyPer);
    }
  }
  return needed.size;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: readonly number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const ms = (value: number) => value.toFixed(1);

function measure(label: string, scenario: MrpScenario, plan: MrpPlan): void {
  const random = seeded(SEED);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const finished = scenario.items.filter((item) => !scenario.boms.some((bom) => bom.lines.some((line) => line.component === item.id)) && item.makeBuy === 'make');
  const start = parseDay(scenario.horizon.start)!;
  const request = (lines: number): CtpRequest => ({
    lines: Array.from({ length: lines }, () => ({ item: finished[between(0, finished.length - 1)]!.id, qty: between(1, 20), requestedDate: formatDay(start + between(10, 120)) })) as CtpRequest['lines'],
  });
  const committed = { scenario, plan };
  const now = new Date(start * 86_400_000);
  const bomLines = scenario.boms.reduce((sum, bom) => sum + bom.lines.length, 0);
  console.log(`\n${label}: ${scenario.items.length} items, ${bomLines} BOM lines, ${scenario.demands.length} demand lines, ${plan.plannedOrders.length} planned orders`);

  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  preparePlan(scenario, plan);
  const indexMs = Number(process.hrtime.bigint() - started) / 1e6;
  const indexCpu = cpuMs(cpuBefore);

  // A server answers many promises: the first calls pay for compiling the code, not for the promise.
  for (let call = 0; call < 5; call++) promiseDelivery(request(1), committed, now);

  console.log('\n| call | calls | p50 ms | p95 ms | max ms | p50 CPU ms | p95 CPU ms | CPU p50 / baseline |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(`| indexing the plan, once per plan object | 1 | ${ms(indexMs)} | | | ${ms(indexCpu)} | | |`);
  const components = new Map(scenario.boms.map((bom) => [bom.item, bom.lines]));
  const baseline: number[] = [];
  for (let call = 0; call < 200; call++) {
    const ask = request(1);
    const before = process.cpuUsage();
    for (const line of ask.lines) bareWalk(components, line.item, line.qty);
    baseline.push(cpuMs(before));
  }
  baseline.sort((a, b) => a - b);
  const base = percentile(baseline, 0.5);
  console.log(`| baseline: bare walk over one line's BOM tree | 200 | | | | ${ms(base)} | ${ms(percentile(baseline, 0.95))} | 1 |`);
  for (const [name, lines, calls] of [
    ['ctp.promise, one line', 1, 200],
    ['ctp.promise, five lines', 5, 40],
  ] as const) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let late = 0;
    for (let call = 0; call < calls; call++) {
      const ask = request(lines);
      const before = process.cpuUsage();
      const begun = process.hrtime.bigint();
      const answer = promiseDelivery(ask, committed, now);
      wall.push(Number(process.hrtime.bigint() - begun) / 1e6);
      cpu.push(cpuMs(before));
      if (!answer.feasible) late += 1;
    }
    wall.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const p50 = percentile(cpu, 0.5);
    console.log(
      `| ${name} (${late} of ${calls} late) | ${calls} | ${ms(percentile(wall, 0.5))} | ${ms(percentile(wall, 0.95))} | ${ms(wall[wall.length - 1]!)} | ${ms(p50)} | ${ms(percentile(cpu, 0.95))} | ${(p50 / base).toFixed(1)} |`,
    );
  }
}

function planned(scenario: MrpScenario, label: string): MrpPlan {
  const started = Date.now();
  const plan = planMrp(scenario);
  console.log(`\n(planMrp of the ${label} factory: ${Date.now() - started} ms)`);
  return plan;
}

const large = generateScenario({ items: 10_000, seed: SEED });
measure('10k items, the plan planMrp makes', large, planned(large, '10k'));
measure('10k items, stand-in plan (nothing free)', large, standInPlan(large));
const small = generateScenario({ items: 1_000, seed: SEED });
measure('1k items, the plan planMrp makes', small, planned(small, '1k'));
