/**
 * `npm run bench:schedule-factory`: schedule.plan, schedule.insert and schedule.whatif on seeded factories
 * of 50 and 200 orders (three or four operations each, five work centers on two shift calendars with a
 * holiday, family setups, sub-assemblies, an outsourced step). Times are CPU time of this process. The
 * same-run baseline is the dispatch schedule (maxIterations 0) decoded on the calendars, which is also the
 * quality baseline: the search's weighted tardiness against the dispatch's. Every schedule goes through
 * checkFactorySchedule. Prints a markdown table for BENCHMARKS.md.
 */
import type { ProductionOrder, ScheduleRequest } from '../../engine/planning/generated/planning-types.js';
import { checkFactorySchedule, insertOrder, planFactory, SeededRandom, whatIf } from '../../engine/planning/scheduling/index.js';

const ORIGIN = '2026-03-02T06:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(ORIGIN) + hours * 3_600_000).toISOString();
const cpuMs = () => process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;

function factory(orderCount: number, seed: number): ScheduleRequest {
  const random = new SeededRandom(seed);
  const centers = ['saw', 'lathe', 'mill', 'paint', 'assembly'];
  const orders: ProductionOrder[] = [];
  for (let o = 0; o < orderCount; o++) {
    const steps = 3 + random.below(2);
    const operations = Array.from({ length: steps }, (_, k) =>
      k === 1 && random.below(5) === 0
        ? { id: `op${k}`, outsourcedLeadHours: 24 + random.below(48) }
        : { id: `op${k}`, workCenter: centers[k === steps - 1 ? 4 : random.below(4)]!, setupMinutes: 10 + random.below(50), runMinutesPerUnit: 1 + random.below(8) },
    );
    const parent = o > 0 && random.below(6) === 0 ? { parent: `o${random.below(o)}` } : {};
    orders.push({
      id: `o${o}`,
      family: ['steel', 'alu', 'brass'][random.below(3)]!,
      qty: 5 + random.below(40),
      release: at(random.below(72)),
      due: at(48 + random.below(24 * 4 * orderCount / 10)),
      weight: 1 + random.below(3),
      operations: operations as ProductionOrder['operations'],
      ...parent,
    });
  }
  // Parents point to earlier orders only, so the links cannot form a cycle.
  return {
    origin: ORIGIN,
    calendars: [
      { id: 'two-shift', shifts: [{ days: [1, 2, 3, 4, 5], from: '06:00', to: '14:00' }, { days: [1, 2, 3, 4, 5], from: '14:30', to: '22:00' }], holidays: ['2026-03-13'] },
      { id: 'day', shifts: [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '12:00' }, { days: [1, 2, 3, 4, 5], from: '12:45', to: '16:00' }] },
    ],
    workCenters: [
      { id: 'saw', calendar: 'two-shift', count: 2, setups: [{ from: 'steel', to: 'alu', minutes: 60 }, { from: 'alu', to: 'steel', minutes: 20 }] },
      { id: 'lathe', calendar: 'two-shift', machines: [{ id: 'lathe-old' }, { id: 'lathe-cnc', speed: 1.6 }] },
      { id: 'mill', calendar: 'two-shift', machines: [{ id: 'mill-1', maintenance: [{ from: at(50), to: at(58) }] }, { id: 'mill-2', speed: 1.3 }] },
      { id: 'paint', calendar: 'day', count: 1, setups: [{ from: 'brass', to: 'steel', minutes: 45 }] },
      { id: 'assembly', calendar: 'day', count: 3 },
    ],
    orders,
    limits: { seed: 1, maxIterations: 2000 },
  };
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = cpuMs();
  const value = run();
  return { value, ms: cpuMs() - started };
}

const rows: string[] = [];
for (const orderCount of [50, 200]) {
  const request = factory(orderCount, orderCount);
  const operations = request.orders.reduce((sum, order) => sum + order.operations.length, 0);
  const dispatch = timed(() => planFactory({ ...request, limits: { seed: 1, maxIterations: 0 } }));
  const plan = timed(() => planFactory(request));
  for (const result of [dispatch.value, plan.value]) {
    const violations = checkFactorySchedule(request, result.operations);
    if (violations.length > 0) throw new Error(`infeasible schedule: ${violations[0]!.message}`);
  }
  const rush: ProductionOrder = {
    id: 'rush',
    family: 'alu',
    qty: 20,
    weight: 5,
    due: at(30),
    operations: [
      { id: 'cut', workCenter: 'saw', setupMinutes: 15, runMinutesPerUnit: 3 },
      { id: 'mill', workCenter: 'mill', setupMinutes: 20, runMinutesPerUnit: 4 },
      { id: 'assemble', workCenter: 'assembly', runMinutesPerUnit: 2 },
    ],
  };
  const insert = timed(() => insertOrder({ request: { ...request, frozenHours: 8 }, current: plan.value.operations, order: rush }));
  const insertViolations = checkFactorySchedule({ ...request, orders: [...request.orders, rush] }, insert.value.schedule.operations);
  if (insertViolations.length > 0) throw new Error(`infeasible insertion: ${insertViolations[0]!.message}`);
  const whatif = timed(() => whatIf({ request, changes: [{ kind: 'machine-down', machine: 'mill-2', from: at(24), to: at(72) }] }));
  const k = plan.value.kpis;
  rows.push(
    `| ${orderCount} orders, ${operations} operations | ${dispatch.ms.toFixed(0)} ms, WT ${dispatch.value.kpis.weightedTardiness} | ` +
      `${plan.ms.toFixed(0)} ms, WT ${k.weightedTardiness} (${((100 * k.weightedTardiness) / Math.max(1, dispatch.value.kpis.weightedTardiness)).toFixed(0)}% of dispatch), ` +
      `${k.ordersLate.length} late | ${insert.ms.toFixed(0)} ms, ${insert.value.moved.length} moved | ${whatif.ms.toFixed(0)} ms, WT ${whatif.value.comparison.weightedTardiness.base} -> ${whatif.value.comparison.weightedTardiness.scenario} |`,
  );
}
console.log('| factory | dispatch only (baseline) | schedule.plan, 2000 iterations | schedule.insert (rush, 3 operations) | schedule.whatif (mill-2 down 2 days) |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
