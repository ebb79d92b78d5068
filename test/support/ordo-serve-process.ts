import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ORDO = fileURLToPath(new URL('../../runtime/cli/ordo.mjs', import.meta.url));

export interface ServeOptions {
  readonly definitionsDir: string;
  /** The process's DATABASE_URL. */
  readonly databaseUrl: string;
  readonly cwd: string;
  /** Extra node flags, e.g. --cpu-prof. */
  readonly nodeArgs?: readonly string[];
  readonly startTimeoutMs?: number;
}

export interface ServeProcess {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly pid: number;
  /** Everything it printed so far, stdout then stderr. */
  output(): string;
  /** SIGTERM and wait: the graceful stop (timer worker, then server, then pool). */
  stop(): Promise<number | null>;
  /** SIGKILL and wait: a crash, with whatever transactions were open left to PostgreSQL to roll back. */
  kill(): Promise<void>;
}

/** Spawns `ordo serve --port 0` and resolves once it listens, with the port it printed. */
export function startServe(options: ServeOptions): Promise<ServeProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: options.databaseUrl, LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ORDO, 'serve', '--port', '0', '--definitions', options.definitionsDir], {
    cwd: options.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const output = () => `${stdout}${stderr}`;

  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ordo serve did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${output()}`));
    }, options.startTimeoutMs ?? 30_000);
    const onData = () => {
      const match = /Ordo is running at (http:\/\/\S+)/.exec(stdout);
      if (match?.[1] === undefined) return;
      clearTimeout(timeout);
      child.stdout?.off('data', onData);
      resolve(handle(child, match[1], exited, output));
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timeout);
      reject(new Error(`ordo serve exited with ${code} before listening:\n${output()}`));
    });
  });
}

function handle(child: ChildProcess, url: string, exited: Promise<number | null>, output: () => string): ServeProcess {
  return {
    url,
    pid: child.pid ?? -1,
    output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
