import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ORDO = fileURLToPath(new URL('../../runtime/cli/ordo.mjs', import.meta.url));

export interface OrdoRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real bin in another cwd, on PGlite whatever the test environment says. */
export function runOrdo(args: string[], options: { cwd: string; stdin?: string }): Promise<OrdoRun> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ORDO, ...args], { cwd: options.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
