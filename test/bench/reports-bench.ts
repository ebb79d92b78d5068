/**
 * `npm run bench:reports`: the shipped on-time-delivery and WIP-by-work-center reports on PostgreSQL
 * over 1 million sales order lines (250,000 orders of 4 lines), 200,000 production orders and
 * 5 million workflow events, each run through runReport (the compiled query, with the expression
 * indexes the engine creates for the published reports) next to the same aggregation written by
 * hand in SQL, in the same run, interleaved. Prints a markdown table for BENCHMARKS.md: the median
 * wall time and the CPU time the database backends spent per run (read from /proc, so PostgreSQL must
 * run on this machine; parallel query is off in the bench database so that no worker's CPU is missed).
 * On a shared machine the CPU time is the steadier figure.
 *
 * DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); the bench
 * creates and drops its own database there. BENCH_REPEATS sets the timed runs per query (default 7).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import { planReport } from '../../engine/reports/index.js';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { shippedDefinitionsDir } from '../../runtime/cli/paths.js';
import { createDatabase, type OrdoDatabase } from '../../runtime/db/index.js';
import { reportQuery } from '../../runtime/reports/index.js';
import { createServices, type Actor, type Services } from '../../runtime/services/index.js';
import { createScratchDatabase } from '../support/scratch-postgres.js';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const repeats = Number(process.env.BENCH_REPEATS ?? 7);
const ORDERS = 250_000;
const LINES_PER_ORDER = 4;
const PRODUCTION_ORDERS = 200_000;
const ITEMS = 50;
const WORK_CENTERS = 12;
const EVENTS = 5_000_000;
const EVENTS_PER_INSTANCE = 10;
const YEAR = { from: '2025-12-01', to: '2026-11-30' };

async function timed(label: string, work: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await work();
  console.error(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

async function generate(database: OrdoDatabase): Promise<void> {
  const { db } = database;
  await timed('sales orders', () =>
    sql`insert into ordo_records (id, form, form_version, revision, data, created_at, created_by, updated_at, updated_by)
      select 'so-' || g, 'sales-order', 1, 1, jsonb_strip_nulls(jsonb_build_object(
        'orderNo', 'SO-' || lpad(g::text, 7, '0'),
        'customer', 'customer-' || (g % 200),
        'customerName', '客户 ' || (g % 200),
        'status', (array['draft','confirmed','released','in-production','shipped','closed','closed','closed','shipped','cancelled'])[1 + g % 10],
        'orderDate', to_char(d, 'YYYY-MM-DD'),
        'requestedDate', to_char(d + 30, 'YYYY-MM-DD'),
        'promisedDate', to_char(d + 28 + g % 5, 'YYYY-MM-DD'),
        'shippedDate', case when g % 10 in (4, 5, 6, 7, 8) then to_char(d + 25 + g % 9, 'YYYY-MM-DD') end,
        'lines', (select jsonb_agg(jsonb_build_object('lineNo', l, 'item', 'item-' || ((g + l) % ${ITEMS}), 'qty', 1 + (g * l) % 20, 'amount', ((g * l) % 2000) * 10)) from generate_series(1, ${LINES_PER_ORDER}) l)
      )), now(), 'bench', now(), 'bench'
      from (select g, date '2025-01-01' + (g % 690) as d from generate_series(1, ${ORDERS}) g) s`.execute(db),
  );
  await timed('routings', () =>
    sql`insert into ordo_records (id, form, form_version, revision, data, created_at, created_by, updated_at, updated_by)
      select 'routing-' || i, 'routing', 1, 1, jsonb_build_object('item', 'item-' || i, 'status', 'released', 'operations',
        (select jsonb_agg(jsonb_build_object('opNo', op * 10, 'workCenter', 'wc-' || ((i + op) % ${WORK_CENTERS}), 'workCenterName', '工作中心 ' || ((i + op) % ${WORK_CENTERS}), 'runMinutes', 5 + (i * op) % 40)) from generate_series(1, 5) op)),
        now(), 'bench', now(), 'bench'
      from generate_series(0, ${ITEMS - 1}) i`.execute(db),
  );
  await timed('production orders', () =>
    sql`insert into ordo_records (id, form, form_version, revision, data, created_at, created_by, updated_at, updated_by)
      select 'mo-' || g, 'production-order', 1, 1, jsonb_build_object('moNo', 'MO-' || g, 'item', 'item-' || (g % ${ITEMS}), 'qty', 1 + g % 30,
        'status', case when g % 20 = 0 then 'released' when g % 20 = 1 then 'in-progress' when g % 20 = 2 then 'cancelled' else 'completed' end,
        'dueDate', to_char(date '2025-01-01' + g % 690, 'YYYY-MM-DD')),
        now(), 'bench', now(), 'bench'
      from generate_series(1, ${PRODUCTION_ORDERS}) g`.execute(db),
  );
  await timed('workflow instances', () =>
    sql`insert into ordo_workflow_instances (id, workflow, workflow_version, form, record_id, status, state_value, context, revision, last_seq, initiator, started_at, updated_at)
      select 'wi-' || i, 'sales-order-lifecycle', 1, 'sales-order', 'so-' || (1 + i % ${ORDERS}), 'done', '"closed"', '{}', ${EVENTS_PER_INSTANCE}, ${EVENTS_PER_INSTANCE}, 'bench', now(), now()
      from generate_series(0, ${EVENTS / EVENTS_PER_INSTANCE - 1}) i`.execute(db),
  );
  await timed('workflow events', () =>
    sql`insert into ordo_workflow_events (instance_id, seq, type, payload, actor_username, actor_display_name, at, state_after)
      select 'wi-' || (g / ${EVENTS_PER_INSTANCE}), 1 + g % ${EVENTS_PER_INSTANCE}, 'submit', '{}', 'bench', 'Bench', timestamptz '2025-01-01' + g * interval '10 seconds', '"review"'
      from generate_series(0, ${EVENTS - 1}) g`.execute(db),
  );
  await timed('vacuum analyze', () => sql`vacuum analyze`.execute(db));
}

const HAND_ON_TIME = (range: typeof YEAR | undefined): RawBuilder<unknown> => sql`
  select left(data->>'shippedDate', 7) || '-01' as month, data->>'customerName' as customer, count(*) as shipped,
    count(*) filter (where data->>'shippedDate' <= data->>'promisedDate') as on_time,
    count(*) filter (where data->>'shippedDate' <= data->>'promisedDate')::numeric / count(*) as rate
  from ordo_records
  where form = 'sales-order' and deleted_at is null and data->>'status' in ('shipped', 'closed') and data->>'shippedDate' is not null
    ${range === undefined ? sql`` : sql`and data->>'shippedDate' >= ${range.from} and data->>'shippedDate' <= ${range.to}`}
  group by 1, 2 order by 1, 2`;

const HAND_WIP = sql`
  select op->>'workCenterName' as work_center, count(distinct mo.id) as orders,
    count(distinct mo.id) filter (where mo.data->>'status' = 'in-progress') as in_progress, count(*) as operations,
    sum((op->>'runMinutes')::numeric * (mo.data->>'qty')::numeric) as run_minutes
  from ordo_records r cross join lateral jsonb_array_elements(r.data->'operations') op
  join ordo_records mo on mo.form = 'production-order' and mo.deleted_at is null and mo.data->>'item' = r.data->>'item'
  where r.form = 'routing' and r.deleted_at is null and r.data->>'status' = 'released' and mo.data->>'status' in ('released', 'in-progress')
  group by 1 order by 5 desc`;

const TICK_MS = 10;

/** CPU ms of this database's backends so far (utime + stime from /proc). */
async function backendCpuMs(database: OrdoDatabase): Promise<number> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(database.db);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A backend that ended between the listing and the read.
    }
  }
  return ticks * TICK_MS;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function compare(
  database: OrdoDatabase,
  label: string,
  engine: () => Promise<{ rows: unknown[] }>,
  hand: () => Promise<{ rows: unknown[] }>,
): Promise<{ label: string; engine: number; hand: number; engineCpu: number; handCpu: number; rows: number }> {
  const engineTimes: number[] = [];
  const handTimes: number[] = [];
  let engineCpu = 0;
  let handCpu = 0;
  let rows = 0;
  await engine();
  await hand();
  for (let run = 0; run < repeats; run += 1) {
    let cpu = await backendCpuMs(database);
    let start = performance.now();
    rows = (await engine()).rows.length;
    engineTimes.push(performance.now() - start);
    engineCpu += (await backendCpuMs(database)) - cpu;
    cpu = await backendCpuMs(database);
    start = performance.now();
    const handRows = (await hand()).rows.length;
    handTimes.push(performance.now() - start);
    handCpu += (await backendCpuMs(database)) - cpu;
    if (handRows !== rows) throw new Error(`${label}: the report has ${rows} rows, the hand-written SQL ${handRows}`);
  }
  return { label, engine: median(engineTimes) / 1000, hand: median(handTimes) / 1000, engineCpu: engineCpu / repeats / 1000, handCpu: handCpu / repeats / 1000, rows };
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase(serverUrl, 'ordo_bench_reports');
  const setup = await createDatabase({ url: scratch.url });
  // Before the bench's own connections open, so that all of them run each query in one backend.
  await sql`alter database ${sql.id(new URL(scratch.url).pathname.slice(1))} set max_parallel_workers_per_gather = 0`.execute(setup.db);
  await setup.close();
  const database = await createDatabase({ url: scratch.url });
  try {
    const loaded = await loadDefinitions(shippedDefinitionsDir);
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const services: Services = await createServices(database);
    const { app, forms, workflows, reports, dashboards } = loaded.definitions;
    // Publishing the reports creates their expression indexes (runtime/reports/report-indexes.ts).
    await services.definitions.publish({ ...(app === undefined ? {} : { app }), forms: [...forms], workflows: [...workflows], reports: [...reports], dashboards: [...dashboards] }, 'system');
    await services.auth.addUser({ username: 'bench', roles: ['admin'], password: 'bench-reports' });
    const admin: Actor = await services.auth.authenticate((await services.auth.login('bench', 'bench-reports')).token);
    await generate(database);
    const indexes = await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes where indexname like 'ordo_rx_%' order by indexname`.execute(database.db);
    for (const index of indexes.rows) console.error(index.indexdef);

    const results = [
      await compare(
        database,
        'on-time-delivery, last 12 months',
        () => services.reports.run(admin, 'on-time-delivery', { dateRange: YEAR }),
        () => HAND_ON_TIME(YEAR).execute(database.db),
      ),
      await compare(database, 'on-time-delivery, all time', () => services.reports.run(admin, 'on-time-delivery', {}), () => HAND_ON_TIME(undefined).execute(database.db)),
      await compare(database, 'wip-by-work-center', () => services.reports.run(admin, 'wip-by-work-center', {}), () => HAND_WIP.execute(database.db)),
    ];
    // The plans, to see which indexes the compiled queries use.
    const formsById = new Map(forms.map((form) => [form.id, form]));
    for (const [id, parameters] of [['on-time-delivery', { dateRange: YEAR }], ['wip-by-work-center', {}]] as const) {
      const compiled = reportQuery(planReport(reports.find((report) => report.id === id)!, formsById), { parameters, today: '2026-11-24', readableForms: undefined }).compile(database.db);
      const plan = await database.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
      console.error(`${id}:\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
    }
    console.log(`| report | rows | runReport wall s (median of ${repeats}) | hand SQL wall s | ratio | runReport DB CPU s / run | hand SQL DB CPU s / run | CPU ratio |`);
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      const cells = [r.engine.toFixed(3), r.hand.toFixed(3), (r.engine / r.hand).toFixed(2), r.engineCpu.toFixed(3), r.handCpu.toFixed(3), (r.engineCpu / r.handCpu).toFixed(2)];
      console.log(`| ${r.label} | ${r.rows} | ${cells.join(' | ')} |`);
    }
  } finally {
    await database.close();
    await scratch.drop();
  }
}

await main();
