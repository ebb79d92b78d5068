/**
 * `npm run bench:ctp`: time of one ctp.promise call against the committed plan of a 10k-item
 * factory (about 100k BOM lines over six levels, 20k demand lines), after the one-off indexing of
 * that plan, which is timed apart. Prints a markdown table for BENCHMARKS.md.
 *
 * The factory and its plan are synthesised here (seeded): the plan has the shape a plan has (free
 * and pegged stock, planned make orders loading every work center, open purchases) without being
 * MRP's answer, which is all a promise reads.
 */
import { preparePlan } from '../../engine/planning/ctp/prepared-plan.js';
import { formatDay, parseDay, promiseDelivery, type CtpRequest, type MrpPlan, type MrpScenario } from '../../engine/planning/index.js';

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

const random = seeded(20261124);
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const LEVELS = [500, 1000, 1500, 2000, 2000, 3000];
const START = parseDay('2026-11-02')!;
const END = parseDay('2027-10-31')!;
const WORK_CENTERS = 60;

function factory(): { scenario: MrpScenario; plan: MrpPlan } {
  const ids = LEVELS.map((count, level) => Array.from({ length: count }, (_, i) => `L${level}-${i}`));
  const scenario: MrpScenario = {
    horizon: { start: formatDay(START), end: formatDay(END) },
    items: [],
    boms: [],
    routings: [],
    workCenters: Array.from({ length: WORK_CENTERS }, (_, i) => ({ id: `WC${i}`, dailyCapacityHours: 16 })),
    stock: [],
    supplies: [],
    demands: [],
  };
  const plan: MrpPlan = {
    horizon: { start: formatDay(START), end: formatDay(END), bucketDays: 1 },
    plannedOrders: [],
    supplies: [],
    demands: [],
    pegging: [],
    rescheduleMessages: [],
    exceptions: [],
    summary: { items: 10_000, levels: 6, plannedOrders: 0, shortages: 0 },
  };
  const day = () => formatDay(START + between(0, END - START));
  ids.forEach((level, depth) => {
    for (const id of level) {
      const make = depth < LEVELS.length - 1;
      scenario.items.push({ id, makeBuy: make ? 'make' : 'buy', leadTimeDays: make ? between(1, 5) : between(2, 30), routing: make ? `R-${id}` : undefined });
      if (random() < 0.6) {
        const qty = between(1, 500);
        plan.supplies.push({ id: `STOCK/${id}/1`, item: id, kind: 'stock', qty, date: formatDay(START), unpeggedQty: random() < 0.3 ? between(0, qty) : 0 });
      }
      if (!make) {
        for (let n = 1; n <= 3; n++) plan.supplies.push({ id: `PO/${id}/${n}`, item: id, kind: 'purchase', qty: 100, date: day(), unpeggedQty: random() < 0.2 ? 20 : 0 });
        continue;
      }
      const components = new Set<string>();
      while (components.size < 14) {
        const below = random() < 0.7 ? depth + 1 : between(depth + 1, LEVELS.length - 1);
        components.add(ids[below]![between(0, LEVELS[below]! - 1)]!);
      }
      scenario.boms.push({ id: `B-${id}`, item: id, version: '1', lines: [...components].map((component, i) => ({ lineNo: i + 1, component, qtyPer: random() < 0.7 ? 1 : between(2, 4) })) });
      scenario.routings!.push({
        id: `R-${id}`,
        item: id,
        operations: Array.from({ length: between(1, 3) }, (_, i) => ({ opNo: (i + 1) * 10, workCenter: `WC${between(0, WORK_CENTERS - 1)}`, setupMinutes: between(0, 60), runMinutes: between(1, 10) })),
      });
      for (let n = 1; n <= 4; n++) {
        const start = START + between(0, END - START - 10);
        const order = { id: `PL/${id}/${n}`, item: id, kind: 'make' as const, qty: between(5, 60), start: formatDay(start), due: formatDay(start + between(1, 7)) };
        plan.plannedOrders.push(order);
        plan.supplies.push({ id: order.id, item: id, kind: 'planned-make', qty: order.qty, date: order.due, unpeggedQty: random() < 0.1 ? 5 : 0 });
      }
    }
  });
  for (let n = 0; n < 20_000; n++) {
    const item = ids[0]![n % LEVELS[0]!]!;
    plan.demands.push({ id: `SO-${n}/1`, item, kind: 'sales-order', qty: between(1, 50), due: day(), salesOrder: `SO-${n}` });
  }
  scenario.demands = plan.demands.map((demand) => ({ id: demand.id, kind: 'sales-order', item: demand.item, qty: demand.qty, due: demand.due, salesOrder: demand.salesOrder! }));
  return { scenario, plan };
}

function request(lines: number): CtpRequest {
  const line = () => ({ item: `L0-${between(0, LEVELS[0]! - 1)}`, qty: between(1, 100), requestedDate: formatDay(START + between(10, 120)) });
  return { lines: Array.from({ length: lines }, line) as CtpRequest['lines'] };
}

/**
 * The same-run baseline: the least any explosion of the line does, a breadth-first walk over the
 * same BOM tree that reads each BOM line of each reached make item once and sums quantities per item.
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

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

const built = Date.now();
const committed = factory();
const bomLines = committed.scenario.boms.reduce((sum, bom) => sum + bom.lines.length, 0);
console.log(`factory: ${committed.scenario.items.length} items, ${bomLines} BOM lines, ${committed.plan.demands.length} demands, ${committed.plan.plannedOrders.length} planned orders (built in ${Date.now() - built} ms)`);
const now = new Date(START * 86_400_000);

let started = process.hrtime.bigint();
preparePlan(committed.scenario, committed.plan);
const indexMs = Number(process.hrtime.bigint() - started) / 1e6;

const components = new Map(committed.scenario.boms.map((bom) => [bom.item, bom.lines]));
// A server answers many promises: the first few calls pay for compiling the code, not for the promise.
for (let call = 0; call < 5; call++) promiseDelivery(request(1), committed, now);

// The machine is shared: CPU time of this process says what a call costs when other work competes for the cores.
console.log('| call | calls | p50 ms | p95 ms | max ms | p50 CPU ms | p95 CPU ms |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(`| indexing the plan, once per plan (first call only) | 1 | ${indexMs.toFixed(1)} | | | | |`);
{
  const cpu: number[] = [];
  for (let call = 0; call < 300; call++) {
    const ask = request(1);
    const before = process.cpuUsage();
    for (const line of ask.lines) bareWalk(components, line.item, line.qty);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  console.log(`| baseline: bare walk over one line's BOM tree | 300 | | | | ${percentile(cpu, 0.5).toFixed(1)} | ${percentile(cpu, 0.95).toFixed(1)} |`);
}
for (const [label, lines, calls] of [
  ['one line', 1, 300],
  ['five lines', 5, 100],
] as const) {
  const times: number[] = [];
  const cpu: number[] = [];
  let late = 0;
  for (let call = 0; call < calls; call++) {
    const ask = request(lines);
    const cpuBefore = process.cpuUsage();
    started = process.hrtime.bigint();
    const answer = promiseDelivery(ask, committed, now);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const cpuUsed = process.cpuUsage(cpuBefore);
    cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    if (!answer.feasible) late += 1;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const ms = (value: number) => value.toFixed(1);
  console.log(
    `| ${label} (${late} of ${calls} late) | ${calls} | ${ms(percentile(times, 0.5))} | ${ms(percentile(times, 0.95))} | ${ms(times[times.length - 1]!)} | ${ms(percentile(cpu, 0.5))} | ${ms(percentile(cpu, 0.95))} |`,
  );
}
