import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../runtime/db/index.js';
import { createServices } from '../../runtime/services/index.js';
import { runOrdo as ordo } from '../support/run-ordo.js';
import { CUSTOMER_FORM, ORDER_FORM, RUNTIME_APP, setUpRuntime } from '../support/runtime-fixture.js';
import { ORDER_FLOW_V1, ORDER_FLOW_V2, startInstances } from '../support/workflow-versions-fixture.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('the ordo command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ordo-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('validate prints file and pointer of each problem and fails', async () => {
    const defs = path.join(dir, 'broken');
    await mkdir(path.join(defs, 'forms'), { recursive: true });
    await mkdir(path.join(defs, 'demo'), { recursive: true });
    await writeFile(path.join(defs, 'app.json'), json(RUNTIME_APP));
    await writeFile(path.join(defs, 'forms', 'customer.json'), json({ ...CUSTOMER_FORM, version: 'one' }));
    await writeFile(path.join(defs, 'demo', 'users.json'), '[]');
    const run = await ordo(['validate', defs], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(defs, 'forms', 'customer.json')}: /version: `);
    expect(run.stderr).not.toContain('users.json');
  });

  it('validate passes a valid folder', async () => {
    const defs = path.join(dir, 'valid');
    await mkdir(path.join(defs, 'forms'), { recursive: true });
    await writeFile(path.join(defs, 'app.json'), json(RUNTIME_APP));
    await writeFile(path.join(defs, 'forms', 'customer.json'), json(CUSTOMER_FORM));
    await writeFile(path.join(defs, 'forms', 'order.json'), json(ORDER_FORM));
    const run = await ordo(['validate', defs], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('answers usage errors with exit code 2 and --help with 0', async () => {
    expect((await ordo(['frobnicate'], { cwd: dir })).code).toBe(2);
    expect((await ordo(['serve', '--bogus'], { cwd: dir })).code).toBe(2);
    expect((await ordo(['serve', '--port', 'abc'], { cwd: dir })).code).toBe(2);
    expect((await ordo(['user', 'add', 'x', '--role', 'admin'], { cwd: dir })).code).toBe(2);
    const help = await ordo(['user', '--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--password-stdin');
  });

  it('user add creates a user who can then sign in', async () => {
    const data = path.join(dir, 'data-users');
    const run = await ordo(['user', 'add', 'boss', '--role', 'admin', '--display-name', '老板', '--password-stdin', '--data', data], {
      cwd: dir,
      stdin: 'a long secret\n',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const again = await ordo(['user', 'add', 'boss', '--role', 'admin', '--password-stdin', '--data', data], { cwd: dir, stdin: 'a long secret\n' });
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('ORDO_ERR_DUPLICATE');
    const database = await createDatabase({ dataDir: data });
    try {
      const services = await createServices(database);
      const { user } = await services.auth.login('boss', 'a long secret');
      expect(user).toMatchObject({ username: 'boss', displayName: '老板', roles: ['admin'] });
    } finally {
      await database.close();
    }
  });

  it('migrate-instances moves running instances to another version, dry run first; check-instances checks them', async () => {
    const data = path.join(dir, 'data-migrate');
    const database = await createDatabase({ dataDir: data });
    let held: string;
    try {
      const fixture = await setUpRuntime(database);
      await fixture.services.definitions.publish({ forms: [], workflows: [ORDER_FLOW_V1] }, 'system');
      const started = await startInstances(fixture, ['draft', 'hold', 'check']);
      held = started.find((item) => item.stage === 'hold')?.instanceId ?? '';
      await fixture.services.definitions.publish({ forms: [], workflows: [ORDER_FLOW_V2] }, 'system');
    } finally {
      await database.close();
    }
    const migrate = ['migrate-instances', '--workflow', 'order-flow', '--from', '1', '--to', '2', '--map', 'check=planner-check', '--data', data];

    const dry = await ordo([...migrate, '--dry-run'], { cwd: dir });
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(1);
    const lines = dry.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^instance +record +old state +new state +result$/);
    expect(lines.find((line) => line.startsWith(held))).toMatch(/ hold +hold +state "hold" does not exist in version 2$/);
    expect(lines).toContainEqual(expect.stringMatching(/ check\.deciding +planner-check\.deciding +ok$/));
    expect(lines.at(-1)).toBe('dry run: 2 would move to version 2, 1 refused; nothing was written');

    const real = await ordo([...migrate, '--json'], { cwd: dir });
    expect(real.code).toBe(1);
    const report = JSON.parse(real.stdout) as { dryRun: boolean; moved: number; refused: number; entries: { instanceId: string; result: string }[] };
    expect(report).toMatchObject({ dryRun: false, moved: 2, refused: 1 });
    expect(report.entries.filter((entry) => entry.result !== 'ok').map((entry) => entry.instanceId)).toEqual([held]);

    const clean = await ordo(['check-instances', '--data', data], { cwd: dir });
    expect(clean.stderr).toBe('');
    expect(clean.stdout.trim()).toBe('checked 3 instances: no violations');
    expect(clean.code).toBe(0);

    const reopened = await createDatabase({ dataDir: data });
    try {
      await reopened.db.deleteFrom('ordo_tasks').where('node', '=', 'planner-check').execute();
    } finally {
      await reopened.close();
    }
    const broken = await ordo(['check-instances', '--workflow', 'order-flow', '--data', data], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/: task-missing: slot planner-check\.1\.1 is open for pat but has no open or waiting task row\n/);
    expect(broken.stdout.trim().split('\n').at(-1)).toBe('checked 3 instances: 1 violation');
  });

  it('migrate-instances and check-instances answer usage errors with exit code 2', async () => {
    expect((await ordo(['migrate-instances', '--workflow', 'order-flow', '--from', '1'], { cwd: dir })).code).toBe(2);
    expect((await ordo(['migrate-instances', '--workflow', 'order-flow', '--from', '1', '--to', 'two'], { cwd: dir })).code).toBe(2);
    expect((await ordo(['migrate-instances', '--workflow', 'order-flow', '--from', '1', '--to', '1'], { cwd: dir })).code).toBe(2);
    expect((await ordo(['migrate-instances', '--workflow', 'order-flow', '--from', '1', '--to', '2', '--map', 'check'], { cwd: dir })).code).toBe(2);
    expect((await ordo(['check-instances', 'extra'], { cwd: dir })).code).toBe(2);
    const help = await ordo(['migrate-instances', '--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--dry-run');
  });

  it('import publishes changed definitions and export writes them back', async () => {
    const defs = path.join(dir, 'valid');
    const data = path.join(dir, 'data-defs');
    const first = await ordo(['import', defs, '--data', data], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('published: runtime-test, customer, order');
    const second = await ordo(['import', defs, '--data', data], { cwd: dir });
    expect(second.stdout).toContain('published: -');
    const out = path.join(dir, 'exported');
    const exported = await ordo(['export', out, '--data', data], { cwd: dir });
    expect(exported.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(out, 'forms', 'order.json'), 'utf8'))).toEqual(ORDER_FORM);
    expect(JSON.parse(await readFile(path.join(out, 'app.json'), 'utf8'))).toEqual(RUNTIME_APP);
  });
});
