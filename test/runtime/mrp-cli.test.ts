import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario, planMrp } from '../../engine/planning/index.js';
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
    const [first, second] = await Promise.all([
      ordo('--generate', '--items', '60', '--seed', '9', '--start', '2026-04-01'),
      ordo('--generate', '--items', '60', '--seed', '9', '--start', '2026-04-01'),
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toBe(`${JSON.stringify(generateScenario({ items: 60, seed: 9, start: '2026-04-01' }))}\n`);
  });

  it('plans a generated scenario file: the plan the engine makes, compact or indented', async () => {
    const file = path.join(dir, 'factory.json');
    await writeFile(file, JSON.stringify(generateScenario({ items: 30, seed: 4 })));
    const [first, second] = await Promise.all([ordo(file), ordo(file, '--pretty')]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const plan = JSON.parse(first.stdout) as ReturnType<typeof planMrp>;
    expect(plan.plannedOrders.length).toBeGreaterThan(0);
    expect(plan.pegging.length).toBeGreaterThan(0);
    expect(first.stdout).toBe(`${JSON.stringify(planMrp(generateScenario({ items: 30, seed: 4 })))}\n`);
    expect(second.stdout).toBe(`${JSON.stringify(plan, null, 2)}\n`);
  });

  it('names each problem of an invalid scenario by JSON pointer and exits 1', async () => {
    const scenario = generateScenario({ items: 10, seed: 1 }) as unknown as Record<string, unknown>;
    const broken = { ...scenario, extra: true, horizon: { start: '2026-01-05' }, items: [{ id: 'X', makeBuy: 'maybe', leadTimeDays: -1 }] };
    await writeFile(path.join(dir, 'broken.json'), JSON.stringify(broken));
    await writeFile(path.join(dir, 'truncated.json'), '{"horizon":');
    const [invalid, truncated, missing] = await Promise.all([ordo('broken.json'), ordo('truncated.json'), ordo('missing.json')]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr.split('\n')).toEqual([
      'broken.json: /extra: unknown property "extra"',
      'broken.json: /horizon/end: missing required property "end"',
      'broken.json: /items/0/makeBuy: must be equal to one of the allowed values',
      'broken.json: /items/0/leadTimeDays: must be >= 0',
      'broken.json: not a valid MRP scenario (4 problems)',
      '',
    ]);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/^ordo mrp: truncated.json is not JSON: .+\n$/);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^ordo mrp: cannot read missing.json: ENOENT.+\n$/);
  });

  it('answers bad command lines with exit code 2 and --help with 0', async () => {
    const runs = await Promise.all([
      ordo(),
      ordo('--generate', '--items', '60'),
      ordo('--generate', '--items', '5', '--seed', '1'),
      ordo('--generate', '--items', '60', '--seed', '1', '--start', '2026-13-01'),
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
    expect((await ordo('--help')).stdout).toContain('Usage: ordo mrp <scenario.json>');
  });
});
