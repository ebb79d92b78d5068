/**
 * `npm run bench:planning`: how long the runtime takes to read a factory's planning snapshot from
 * its records (loadPlanningScenario: nine set queries and the mapping) and how long mrp.plan then
 * takes on it, for a seeded factory written as records. The same-run baseline is one bare query
 * reading every live record's id and data: the floor for reading those rows at all. Then what the
 * server does after a clerk enters one more sales order: read the snapshot again and plan it by
 * net-change from the previous snapshot's plan (createSnapshotPlanner, as the function runner
 * does), against the first, full plan of the same planner. Prints a markdown table for BENCHMARKS.md.
 *
 * BENCH_ITEMS lists factory sizes (default "1000,5000"). With DATABASE_URL the records go to a
 * fresh database on that PostgreSQL server (created and dropped), otherwise to an in-memory PGlite.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createSnapshotPlanner, formatDay, type MrpScenario, parseDay, planMrp } from '../../engine/planning/index.js';
import { generateScenario } from '../../engine/planning/scenarios/index.js';
import { createDatabase, type OrdoDatabase } from '../../runtime/db/index.js';
import { loadPlanningScenario } from '../../runtime/planning/index.js';
import { createScratchDatabase, postgresServerUrl } from '../support/scratch-postgres.js';

const SIZES = (process.env.BENCH_ITEMS ?? '1000,5000').split(',').map(Number);
const START = '2026-11-24';
const RUNS = 3;

interface Row {
  form: string;
  id: string;
  data: Record<string, unknown>;
}

/** The generated factory as the shipped forms store it (ids kept, so the snapshot reads back the same factory). */
function recordsOf(scenario: MrpScenario): Row[] {
  const rows: Row[] = [];
  const orderRecord = (salesOrder: string) => `so-${salesOrder}`;
  for (const item of scenario.items) {
    const lot = item.lotSizing;
    rows.push({
      form: 'item',
      id: item.id,
      data: {
        code: item.id,
        name: item.name ?? item.id,
        makeBuy: item.makeBuy,
        mto: item.mto ?? false,
        leadTimeDays: item.leadTimeDays,
        leadTimePerUnitDays: item.leadTimePerUnitDays ?? 0,
        lotSizing: lot?.method ?? 'lot-for-lot',
        ...(lot?.qty === undefined ? {} : { lotQty: lot.qty }),
        ...(lot?.min === undefined ? {} : { lotMin: lot.min }),
        ...(lot?.max === undefined ? {} : { lotMax: lot.max }),
        ...(lot?.multiple === undefined ? {} : { lotMultiple: lot.multiple }),
        ...(lot?.periods === undefined ? {} : { lotPeriods: Math.max(1, Math.round(lot.periods / 7)) }),
        ...(item.safetyStock === undefined ? {} : { safetyStock: item.safetyStock }),
        scrapPct: item.scrapPct ?? 0,
        yieldPct: item.yieldPct ?? 100,
      },
    });
  }
  for (const bom of scenario.boms) {
    const lines = bom.lines.map((line) => ({
      lineNo: line.lineNo,
      component: line.component,
      qtyPer: line.qtyPer,
      ...(line.scrapPct === undefined ? {} : { scrapPct: line.scrapPct }),
      ...(line.phantom === undefined ? {} : { phantom: line.phantom }),
      ...(line.substituteFor === undefined
        ? {}
        : { substituteFor: line.substituteFor, substitutePriority: line.priority ?? 1, substituteRatio: line.ratio ?? 1 }),
    }));
    rows.push({
      form: 'bom',
      id: bom.id,
      data: {
        item: bom.item,
        version: bom.version,
        status: 'released',
        effectiveFrom: bom.effectiveFrom ?? START,
        ...(bom.effectiveTo === undefined ? {} : { effectiveTo: bom.effectiveTo }),
        lines,
      },
    });
  }
  for (const routing of scenario.routings ?? [])
    rows.push({ form: 'routing', id: routing.id, data: { item: routing.item, version: 'A', status: 'released', operations: routing.operations } });
  for (const center of scenario.workCenters ?? [])
    rows.push({ form: 'work-center', id: center.id, data: { name: center.name ?? center.id, dailyCapacityHours: center.dailyCapacityHours } });
  scenario.stock.forEach((lot, i) =>
    rows.push({
      form: 'stock-lot',
      id: `lot-${i}`,
      data: { item: lot.item, lot: lot.lot ?? `L${i}`, qty: lot.qty, ...(lot.salesOrder === undefined ? {} : { salesOrder: orderRecord(lot.salesOrder) }) },
    }),
  );
  for (const supply of scenario.supplies) {
    const reserved = supply.salesOrder === undefined ? {} : { salesOrder: orderRecord(supply.salesOrder) };
    if (supply.kind === 'purchase') {
      rows.push({
        form: 'purchase-order',
        id: supply.id,
        data: { poNo: supply.id, status: 'ordered', ...reserved, lines: [{ lineNo: 1, item: supply.item, qty: supply.qty, dueDate: supply.due }] },
      });
    } else {
      rows.push({
        form: 'production-order',
        id: supply.id,
        data: {
          moNo: supply.id,
          item: supply.item,
          qty: supply.qty,
          dueDate: supply.due,
          status: 'released',
          ...(supply.bomVersion === undefined ? {} : { bomVersion: supply.bomVersion }),
          ...reserved,
        },
      });
    }
  }
  const orders = new Map<string, Record<string, unknown>[]>();
  for (const demand of scenario.demands) {
    const key = demand.salesOrder ?? demand.id;
    orders.set(key, [
      ...(orders.get(key) ?? []),
      { lineNo: (orders.get(key)?.length ?? 0) + 1, item: demand.item, qty: demand.qty, requestedDate: demand.due },
    ]);
  }
  for (const [salesOrder, lines] of orders)
    rows.push({ form: 'sales-order', id: orderRecord(salesOrder), data: { orderNo: salesOrder, status: 'confirmed', requestedDate: START, lines } });
  return rows;
}

async function insertRecords(database: OrdoDatabase, rows: readonly Row[]): Promise<void> {
  const at = new Date();
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((row) => ({
      id: row.id,
      form: row.form,
      form_version: 1,
      revision: 1,
      data: JSON.stringify(row.data),
      created_at: at,
      created_by: 'bench',
      updated_at: at,
      updated_by: 'bench',
    }));
    await database.db.insertInto('ordo_records').values(values).execute();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function measure(database: OrdoDatabase, items: number): Promise<string> {
  const generated = generateScenario({ items, seed: 7, start: START });
  const rows = recordsOf(generated);
  await insertRecords(database, rows);
  const raw: number[] = [];
  const load: number[] = [];
  let scenario: MrpScenario | undefined;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await sql`select id, data from ordo_records where deleted_at is null`.execute(database.db);
    raw.push(performance.now() - started);
    const loaded = await loadPlanningScenario(database.db, { today: START });
    load.push(loaded.loadMs);
    scenario = loaded.scenario;
  }
  if (scenario === undefined) throw new Error('nothing loaded');
  const started = performance.now();
  const plan = planMrp(scenario);
  const planMs = performance.now() - started;
  const snapshots = createSnapshotPlanner();
  const firstStarted = performance.now();
  snapshots.plan(scenario);
  const firstMs = performance.now() - firstStarted;
  const item = generated.items[0]!.id;
  const due = formatDay(parseDay(START)! + 60);
  await insertRecords(database, [
    { form: 'sales-order', id: 'so-bench-new', data: { orderNo: 'SO-BENCH-NEW', status: 'confirmed', requestedDate: due, lines: [{ lineNo: 1, item, qty: 10, requestedDate: due }] } },
  ]);
  const reloaded = await loadPlanningScenario(database.db, { today: START });
  const changeStarted = performance.now();
  const changed = snapshots.plan(reloaded.scenario);
  const changeMs = performance.now() - changeStarted;
  const lines = scenario.boms.reduce((sum, bom) => sum + bom.lines.length, 0);
  const cells = [
    String(items),
    String(rows.length),
    String(lines),
    median(raw).toFixed(0),
    median(load).toFixed(0),
    `${(median(load) / median(raw)).toFixed(1)}x`,
    planMs.toFixed(0),
    String(plan.plannedOrders.length),
    firstMs.toFixed(0),
    reloaded.loadMs.toFixed(0),
    changeMs.toFixed(0),
    String(changed.summary.replannedItems ?? 'all'),
    `${(firstMs / changeMs).toFixed(1)}x`,
  ];
  await sql`delete from ordo_records`.execute(database.db);
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const serverUrl = postgresServerUrl();
  const scratch = serverUrl === undefined ? undefined : await createScratchDatabase(serverUrl, 'ordo_bench');
  const database =
    scratch === undefined
      ? await createDatabase({ dataDir: `memory://${randomUUID()}` })
      : await createDatabase({ url: scratch.url, production: false, warn: () => undefined });
  try {
    console.log(`backend: ${scratch === undefined ? 'PGlite (in memory)' : 'PostgreSQL'}; median of ${RUNS} loads; mrp.plan once`);
    console.log(
      '| items | records | BOM lines | bare read of all records ms | loadPlanningScenario ms | load / bare read | mrp.plan ms | planned orders | ' +
        'snapshot planner: first plan ms | one more sales order: load ms | net-change plan ms | items replanned | first / net-change |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const items of SIZES) console.log(await measure(database, items));
  } finally {
    await database.close();
    await scratch?.drop();
  }
}

await main();
