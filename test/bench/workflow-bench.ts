/**
 * `npm run bench:workflow`: persisted workflow transitions per second through the HTTP API of a
 * real `ordo serve` process on PostgreSQL, next to pgbench's single-INSERT transaction rate in the
 * same run. Each client owns its own instances of a two-state workflow and sends `ping` and `pong`
 * in turn, so every request is one committed transition (instance update, event, audit) and no two
 * clients contend on an instance. Prints a markdown table for BENCHMARKS.md, and the CPU each
 * transition cost in the servers and in PostgreSQL (the steadier figure on a shared machine).
 *
 * DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); the bench
 * creates and drops its own database there. BENCH_SECONDS sets each measured phase (default 15),
 * BENCH_PROCESSES the number of `ordo serve` processes sharing the load (default 1), and
 * BENCH_CPU_PROF a folder for the servers' CPU profiles (node --cpu-prof).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import type { AppDefinition, FormDefinition, WorkflowDefinition } from '../../engine/definitions/index.js';
import { createDatabase } from '../../runtime/db/index.js';
import { createServices, type Actor } from '../../runtime/services/index.js';
import { createHttpClient, type HttpClient } from '../support/http-client.js';
import { startServe, type ServeProcess } from '../support/ordo-serve-process.js';
import { createScratchDatabase } from '../support/scratch-postgres.js';
import { workflowInvariantViolations } from '../support/workflow-invariants.js';
import { describeCpu, sampleCpu, type CpuSample } from './cpu-usage.js';
import { pgbenchSingleInsert } from './pgbench-baseline.js';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const processCount = Number(process.env.BENCH_PROCESSES ?? 1);
const cpuProfDir = process.env.BENCH_CPU_PROF;
const CLIENTS = 64;
const INSTANCES_PER_CLIENT = 4;
const WARM_UP_SECONDS = 3;
const PASSWORD = 'correct horse battery';
const text = (en: string) => ({ en, 'zh-CN': en });

const APP: AppDefinition = {
  kind: 'app',
  id: 'bench',
  version: 1,
  title: text('Bench'),
  roles: [
    { id: 'admin', title: text('Administrator'), canDesign: true },
    { id: 'operator', title: text('Operator') },
  ],
  navigation: [{ title: text('Lamps'), forms: ['lamp'] }],
};

const LAMP_FORM: FormDefinition = {
  kind: 'form',
  id: 'lamp',
  version: 1,
  title: text('Lamp'),
  schema: { type: 'object', properties: { name: { type: 'string', maxLength: 100 } } },
  access: { read: ['operator'], create: ['operator'], update: ['operator'] },
  titleField: 'name',
};

const TOGGLE: WorkflowDefinition = {
  kind: 'workflow',
  id: 'toggle',
  version: 1,
  title: text('Toggle'),
  form: 'lamp',
  initial: 'off',
  states: {
    off: { on: { ping: { target: 'on' }, retire: { target: 'retired' } } },
    on: { on: { pong: { target: 'off' } } },
    retired: { type: 'final' },
  },
};

interface Figure {
  name: string;
  perSecond: number;
  p50?: number;
  p99?: number;
  errors?: number;
}

interface Lamp {
  instanceId: string;
  next: 'ping' | 'pong';
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase(serverUrl, 'ordo_bench');
  const dir = await mkdtemp(path.join(tmpdir(), 'ordo-workflow-bench-'));
  const servers: ServeProcess[] = [];
  const clients: HttpClient[] = [];
  try {
    const pgbench = await pgbenchSingleInsert(scratch.url, seconds);
    const lamps = await prepare(scratch.url, dir);
    const definitions = path.join(dir, 'definitions');
    for (let i = 0; i < processCount; i += 1) {
      const nodeArgs = cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfDir)}`];
      servers.push(await startServe({ definitionsDir: definitions, databaseUrl: scratch.url, cwd: dir, nodeArgs }));
    }
    for (const server of servers) clients.push(createHttpClient(server.url, { maxSockets: CLIENTS }));
    const token = await login(clients[0] as HttpClient);
    const headers = { authorization: `Bearer ${token}` };

    const pids = servers.map((server) => server.pid);
    const backends = () => backendPids(scratch.url);
    const one = await drive(clients, headers, lamps.slice(0, 1), 1, Math.min(5, seconds), pids, backends);
    const many = await drive(clients, headers, lamps, CLIENTS, seconds, pids, backends);
    const figures: Figure[] = [
      { name: pgbench.name, perSecond: pgbench.perSecond, p50: pgbench.latencyAverageMs },
      { ...many, name: `Ordo: workflow transition over HTTP (${CLIENTS} clients)` },
      { ...one, name: 'Ordo: workflow transition over HTTP (1 client)' },
    ];
    for (const server of servers) await server.stop();
    const check = await verify(scratch.url, lamps.length, one.done + many.done + one.warmUp + many.warmUp);
    report(figures, check, describeCpu(many.cpuFrom, many.cpuTo, many.done));
  } finally {
    for (const client of clients) client.close();
    await Promise.all(servers.map((server) => server.kill()));
    await scratch.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Publishes the definitions, adds the operator and one instance per lamp, through the services. */
async function prepare(url: string, dir: string): Promise<Lamp[]> {
  await mkdir(path.join(dir, 'definitions', 'forms'), { recursive: true });
  await mkdir(path.join(dir, 'definitions', 'workflows'), { recursive: true });
  await writeFile(path.join(dir, 'definitions', 'app.json'), JSON.stringify(APP));
  await writeFile(path.join(dir, 'definitions', 'forms', 'lamp.json'), JSON.stringify(LAMP_FORM));
  await writeFile(path.join(dir, 'definitions', 'workflows', 'toggle.json'), JSON.stringify(TOGGLE));
  const database = await createDatabase({ url, production: false, warn: () => undefined });
  try {
    const services = await createServices(database);
    await services.definitions.publish({ app: APP, forms: [LAMP_FORM], workflows: [TOGGLE] }, 'system');
    const user = await services.auth.addUser({ username: 'olga', roles: ['operator'], password: PASSWORD });
    const operator: Actor = { userId: user.id, username: user.username, displayName: user.displayName, roles: user.roles, locale: user.locale };
    const lamps: Lamp[] = [];
    for (let i = 0; i < CLIENTS * INSTANCES_PER_CLIENT; i += 1) {
      const { record } = await services.records.create(operator, 'lamp', { name: `lamp ${i}` });
      const { instance } = await services.workflows.start(operator, 'toggle', record.id);
      lamps.push({ instanceId: instance.id, next: 'ping' });
    }
    return lamps;
  } finally {
    await database.close();
  }
}

async function login(client: HttpClient): Promise<string> {
  const answer = await client.request('POST', '/api/auth/login', { json: { username: 'olga', password: PASSWORD } });
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body as { token: string }).token;
}

/**
 * `clients` loops, each over its own share of the lamps, one request at a time: a warm-up, then
 * `duration` seconds whose latencies count. Client i talks to server i mod the number of servers.
 * The CPU the servers and PostgreSQL used is sampled at both ends of the measured part.
 */
async function drive(
  servers: HttpClient[],
  headers: Record<string, string>,
  lamps: Lamp[],
  clients: number,
  duration: number,
  pids: readonly number[],
  backends: () => Promise<number[]>,
) {
  const latencies: number[] = [];
  let errors = 0;
  let warmUp = 0;
  const started = performance.now();
  const measureFrom = started + WARM_UP_SECONDS * 1000;
  const end = measureFrom + duration * 1000;
  let cpuFrom: CpuSample | undefined;
  let backendsNow: number[] = [];
  // The pools have opened their connections by the end of the warm-up; they keep them to the end.
  const sampling = setTimeout(() => {
    void backends().then((found) => {
      backendsNow = found;
      cpuFrom = sampleCpu(pids, backendsNow);
    });
  }, WARM_UP_SECONDS * 1000);
  const loop = async (client: number) => {
    const server = servers[client % servers.length] as HttpClient;
    const mine = lamps.filter((_, i) => i % clients === client);
    for (let turn = 0; performance.now() < end; turn += 1) {
      const lamp = mine[turn % mine.length] as Lamp;
      const sentAt = performance.now();
      const answer = await server.request('POST', `/api/workflows/${lamp.instanceId}/events`, { json: { type: lamp.next }, headers });
      const took = performance.now() - sentAt;
      if (answer.status !== 200) {
        errors += 1;
        continue;
      }
      lamp.next = lamp.next === 'ping' ? 'pong' : 'ping';
      if (sentAt < measureFrom) warmUp += 1;
      else latencies.push(took);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));
  const cpuTo = sampleCpu(pids, backendsNow);
  clearTimeout(sampling);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { perSecond: latencies.length / duration, p50: at(0.5), p99: at(0.99), errors, done: latencies.length, warmUp, cpuFrom, cpuTo };
}

/** The pids of the PostgreSQL backends connected to the database at `url`, other than the one asking. */
async function backendPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    return result.rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

/** Every acknowledged transition is in the log once, and the store is consistent. */
async function verify(url: string, instances: number, transitions: number): Promise<string> {
  const database = await createDatabase({ url, production: false, warn: () => undefined });
  try {
    const events = await sql<{ n: number }>`select count(*)::int as n from ordo_workflow_events where type in ('ping', 'pong')`.execute(database.db);
    const logged = events.rows[0]?.n ?? 0;
    const violations = await workflowInvariantViolations(database.db);
    if (logged !== transitions || violations.length > 0) {
      throw new Error(`${transitions} transitions acknowledged, ${logged} in the log; ${violations.length} invariant violations: ${violations.slice(0, 5).join('; ')}`);
    }
    return `${transitions} acknowledged transitions, ${logged} ping/pong events in the log of ${instances} instances, invariants hold`;
  } finally {
    await database.close();
  }
}

function report(figures: Figure[], check: string, cpu: string): void {
  const pgbench = (figures[0] as Figure).perSecond;
  console.log(`\n${seconds} s measured per phase after ${WARM_UP_SECONDS} s of warm-up, ${processCount} ordo serve process(es), node ${process.version}`);
  console.log(check);
  console.log(`${CLIENTS} clients: ${cpu}\n`);
  console.log('| what | per second | p50 ms | p99 ms | non-2xx | vs pgbench |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const figure of figures) {
    console.log(
      `| ${figure.name} | ${figure.perSecond.toFixed(0)} | ${figure.p50?.toFixed(1) ?? ''} | ${figure.p99?.toFixed(1) ?? ''} | ${figure.errors ?? ''} | ${((figure.perSecond / pgbench) * 100).toFixed(0)}% |`,
    );
  }
}

await main();
