import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PgbenchFigure {
  name: string;
  perSecond: number;
  /** pgbench reports the mean, not percentiles. */
  latencyAverageMs: number;
}

/**
 * pgbench's rate of one-row INSERT transactions against the database at `url`, the baseline every
 * bench of this repository sets its figures beside: the same server, the same disk, the same run.
 */
export async function pgbenchSingleInsert(url: string, seconds: number, clients = 8): Promise<PgbenchFigure> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('create table bench_insert (id bigserial primary key, v double precision)');
  await client.end();
  const script = path.join(await mkdtemp(path.join(tmpdir(), 'ordo-bench-')), 'insert.sql');
  await writeFile(script, 'insert into bench_insert (v) values (random());\n');
  const target = new URL(url);
  const { stdout } = await run('pgbench', [
    '-n', '-f', script, '-c', String(clients), '-j', '2', '-T', String(seconds),
    '-h', target.hostname, '-p', target.port || '5432', '-U', decodeURIComponent(target.username || 'postgres'),
    target.pathname.slice(1),
  ]);
  return {
    name: `pgbench, single-row INSERT per transaction (${clients} clients)`,
    perSecond: Number(/tps = ([\d.]+)/.exec(stdout)?.[1]),
    latencyAverageMs: Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]),
  };
}
