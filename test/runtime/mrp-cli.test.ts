import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../engine/planning/index.js';
import { runOrdo } from '../support/run-ordo.js';

describe('ordo mrp', () => {
  let dir: string;
  const ordo = (...args: string[]) => runOrdo(['mrp', ...args], { cwd: dir });
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ordo-mrp-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--generate prints the seeded scenario, byte for byte the same on every run', async () => {
    const [first, second, pretty] = await Promise.all([
      ordo('--generate', '--items', '60', '--seed', '9', '--start', '2026-04-01'),
      ordo('--generate', '--items', '60', '--seed', '9', '--start', '2026-04-01'),
      ordo('--generate', '--items', '60', '--seed', '9', '--start', '2026-04-01', '--pretty'),
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toBe(`${JSON.stringify(generateScenario({ items: 60, seed: 9, start: '2026-04-01' }))}\n`);
    expect(pretty.stdout).toBe(`${JSON.stringify(JSON.parse(first.stdout), null, 2)}\n`);
  });

  it('answers bad command lines with exit code 2 and --help with 0', async () => {
    const runs = await Promise.all([
      ordo(),
      ordo('--generate', '--items', '60'),
      ordo('--generate', '--items', '5', '--seed', '1'),
      ordo('--generate', '--items', '60', '--seed=-1'),
      ordo('--generate', '--items', '60', '--seed', '1', '--start', '2026-13-01'),
      ordo('--generate', '--items', '60', '--seed', '1', 'scenario.json'),
      ordo('scenario.json', '--seed', '1'),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^ordo mrp: .+ \(see ordo mrp --help\)\n$/);
    }
    expect(runs[2]!.stderr).toContain('--items must be a whole number from 10 to 1000000, not 5');
    const help = await runOrdo(['--help'], { cwd: dir });
    expect(help.stdout).toContain('mrp --generate --items N --seed S');
    expect((await ordo('--help')).stdout).toContain('Usage: ordo mrp --generate');
  });
});
