import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * CPU time from /proc (Linux), in ms: the serving processes, the load generator, every PostgreSQL process, and the
 * machine's busy and stolen time. On a shared machine the rates swing with the neighbours; the
 * CPU each transition costs swings far less, so the bench reports it next to the rates.
 */
export interface CpuSample {
  readonly servers: number;
  /** This process: the load generator. */
  readonly generator: number;
  /** Every postgres process on the machine: on a shared server that includes other databases' work. */
  readonly postgres: number;
  /** The backends serving the bench's own database (the servers' pools). */
  readonly backends: number;
  readonly machineBusy: number;
  readonly machineSteal: number;
  readonly machineTotal: number;
}

const TICK_MS = 10;

function processTicks(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) start with the state; utime and stime are the 12th and 13th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function postgresTicks(): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') ticks += processTicks(entry);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks;
}

/** undefined where /proc is not there to read. */
export function sampleCpu(serverPids: readonly number[], backendPids: readonly number[] = []): CpuSample | undefined {
  try {
    const [, ...counters] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = counters.map(Number) as number[];
    const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0);
    return {
      servers: serverPids.reduce((sum, pid) => sum + processTicks(pid), 0) * TICK_MS,
      generator: processTicks(process.pid) * TICK_MS,
      postgres: postgresTicks() * TICK_MS,
      backends: backendPids.reduce((sum, pid) => sum + processTicks(pid), 0) * TICK_MS,
      machineBusy: busy * TICK_MS,
      machineSteal: (steal ?? 0) * TICK_MS,
      machineTotal: (busy + (idle ?? 0) + (iowait ?? 0) + (steal ?? 0)) * TICK_MS,
    };
  } catch {
    return undefined;
  }
}

/**
 * What one phase cost: CPU ms per transition in the servers, in PostgreSQL and in the load
 * generator, the rate the cores allow at that cost, and the machine's busy and stolen share.
 * PostgreSQL's figure is its backends serving the bench's database when their pids were sampled
 * (other databases on a shared server stay out of it), every postgres process otherwise.
 */
export function describeCpu(before: CpuSample | undefined, after: CpuSample | undefined, transitions: number): string {
  if (before === undefined || after === undefined || transitions === 0) return 'CPU: /proc not readable';
  const total = after.machineTotal - before.machineTotal;
  const share = (ms: number) => `${((ms / total) * 100).toFixed(0)}%`;
  const per = (ms: number) => ms / transitions;
  const postgres = after.backends > 0 ? after.backends - before.backends : after.postgres - before.postgres;
  const all = per(after.servers - before.servers) + per(postgres) + per(after.generator - before.generator);
  const cores = availableParallelism();
  return [
    `CPU per transition: ${per(after.servers - before.servers).toFixed(2)} ms in ordo serve, ${per(postgres).toFixed(2)} ms in PostgreSQL`,
    after.backends > 0 ? `(its backends for this database; all postgres processes: ${per(after.postgres - before.postgres).toFixed(2)} ms),` : '(all postgres processes),',
    `${per(after.generator - before.generator).toFixed(2)} ms in the load generator: ${all.toFixed(2)} ms in all, so ${cores} cores with nothing else to run`,
    `allow at most ${((cores * 1000) / all).toFixed(0)} transitions/s;`,
    `of the machine's CPU time: ordo serve ${share(after.servers - before.servers)}, PostgreSQL ${share(postgres)}, load generator ${share(after.generator - before.generator)},`,
    `all busy ${share(after.machineBusy - before.machineBusy)}, stolen by the host ${share(after.machineSteal - before.machineSteal)}`,
  ].join(' ');
}
