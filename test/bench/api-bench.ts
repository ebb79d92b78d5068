/**
 * `npm run bench:api`: validated record creates per second through HTTP on a real PostgreSQL,
 * next to a bare fastify route and pgbench's single-INSERT transaction rate, all in one run so
 * the ratios mean something on a shared, noisy machine. Prints a markdown table for BENCHMARKS.md.
 *
 * DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); the bench
 * creates and drops its own database there. BENCH_SECONDS sets each phase's duration (default 15).
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { createDatabase } from '../../runtime/db/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { createServices } from '../../runtime/services/index.js';
import { loadDemo } from '../../runtime/demo/index.js';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { demoDir, shippedDefinitionsDir } from '../../runtime/cli/paths.js';
import { pgbenchSingleInsert } from './pgbench-baseline.js';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = 64;
const databaseName = `ordo_bench_${process.pid}`;

interface Figure {
  name: string;
  perSecond: number;
  p50?: number;
  p99?: number;
  errors?: number;
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  const benchUrl = withDatabase(serverUrl, databaseName);
  const figures: Figure[] = [];
  try {
    const pgbench = await pgbenchSingleInsert(benchUrl, seconds);
    figures.push({ name: pgbench.name, perSecond: pgbench.perSecond, p50: pgbench.latencyAverageMs });
    figures.push(await bareFastify());
    figures.push(await recordCreates(benchUrl));
  } finally {
    await admin.query(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
  report(figures);
}

async function bareFastify(): Promise<Figure> {
  const app = Fastify({ logger: false });
  app.post('/echo', async (request) => ({ received: request.body !== undefined }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return toFigure('bare fastify POST route (JSON body, no database)', await cannon(`${url}/echo`, {}, sampleOrder('x')));
  } finally {
    await app.close();
  }
}

async function recordCreates(url: string): Promise<Figure> {
  const database = await createDatabase({ url, warn: () => undefined });
  const services = await createServices(database);
  const loaded = await loadDefinitions(shippedDefinitionsDir);
  if (!loaded.ok) throw new Error(`shipped definitions are invalid: ${loaded.problems.join('; ')}`);
  const { app: appDefinition, forms } = loaded.definitions;
  await services.definitions.publish({ ...(appDefinition === undefined ? {} : { app: appDefinition }), forms: [...forms] }, 'system');
  await loadDemo(services, database, demoDir);
  const server = await buildServer({ services, database, logger: false });
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  try {
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'li.na', password: 'ordo-demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const customer = await firstId(address, token, 'customer');
    const item = await firstId(address, token, 'item');
    const headers = { authorization: `Bearer ${token}` };
    const result = await cannon(`${address}/api/forms/sales-order/records`, headers, sampleOrder(customer, item));
    return toFigure('Ordo: validated sales-order create (2 lines, lookups, formulas, serial, history + audit)', result);
  } finally {
    await server.close();
    await database.close();
  }
}

async function firstId(address: string, token: string, form: string): Promise<string> {
  const response = await fetch(`${address}/api/forms/${form}/records?limit=1`, { headers: { authorization: `Bearer ${token}` } });
  const page = (await response.json()) as { items: { id: string }[] };
  const id = page.items[0]?.id;
  if (id === undefined) throw new Error(`the demo factory has no ${form} records`);
  return id;
}

function sampleOrder(customer: string, item = customer): object {
  return {
    data: {
      customer,
      orderDate: '2026-11-24',
      requestedDate: '2026-12-15',
      priority: 'normal',
      lines: [
        { item, qty: 20, unitPrice: 18500, discountPct: 5 },
        { item, qty: 2, unitPrice: 1200, discountPct: 0 },
      ],
    },
  };
}

function cannon(url: string, headers: Record<string, string>, body: object): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    // The load generator runs in its own thread so it does not share the server's event loop.
    workers: 1,
  });
}

function toFigure(name: string, result: autocannon.Result): Figure {
  return {
    name,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function report(figures: Figure[]): void {
  const pgbench = figures[0]!.perSecond;
  console.log(`\n${seconds} s per phase, ${connections} HTTP connections, node ${process.version}\n`);
  console.log('| what | per second | p50 ms | p99 ms | non-2xx + errors | vs pgbench |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const figure of figures) {
    console.log(
      `| ${figure.name} | ${figure.perSecond.toFixed(0)} | ${figure.p50?.toFixed(1) ?? ''} | ${figure.p99?.toFixed(1) ?? ''} | ${figure.errors ?? ''} | ${(figure.perSecond / pgbench * 100).toFixed(0)}% |`,
    );
  }
}

await main();
