import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchedule, parseJsplib, type Schedule } from '../../engine/planning/scheduling/index.js';
import { runOrdo } from '../support/run-ordo.js';

const INSTANCE = '3 3\n0 3 1 2 2 2\n0 2 2 1 1 4\n1 4 2 3 0 1\n';

describe('ordo schedule', () => {
  let dir: string;
  const ordo = (args: string[]) => runOrdo(args, { cwd: dir });
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ordo-schedule-'));
    await writeFile(path.join(dir, 'small.txt'), INSTANCE);
    await writeFile(path.join(dir, 'broken.fjs'), '2 2\n1 1 1 4\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a feasible schedule as JSON', async () => {
    const run = await ordo(['schedule', path.join(dir, 'small.txt'), '--format', 'jsplib', '--max-iterations', '200', '--seed', '4']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const schedule = JSON.parse(run.stdout) as Schedule;
    expect(Object.keys(schedule)).toEqual(['makespan', 'operations']);
    expect(checkSchedule(parseJsplib(INSTANCE), schedule)).toEqual([]);
  });

  it('refuses a malformed instance with its problem code and a bad option with a usage error, without a stack trace', async () => {
    const broken = await ordo(['schedule', path.join(dir, 'broken.fjs'), '--time-limit', '1']);
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim()).toBe('ordo schedule: ORDO_ERR_SCHEDULE_INSTANCE_INVALID: fjs: the data ends while reading the operation count of job 1');
    const usage = await ordo(['schedule', path.join(dir, 'small.txt'), '--time-limit', 'soon']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--time-limit must be a number of seconds above 0, not soon');
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });
});
