import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

/*
 * The quality manager simulates the shipped NCR workflow in the workflow designer before changing it:
 * a critical NCR shows the submit guard passing, the clock advanced past the containment task's due
 * time shows the reminder and the escalation, and the material review countersign is walked one
 * assignee at a time until the disposition is agreed. The canvas lights up the simulated state.
 */

const DESIGNER = 'ma.lin';

async function decideAll(page: Page): Promise<void> {
  await page.getByTestId('sim-slot').locator('.sim-approve').first().click();
}

describe.skipIf(skipBrowserTests)('a designer simulates a workflow in Chromium', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'workflow-simulation' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  it('walks the NCR workflow: the critical guard, the escalation on the factory clock, the countersign slot by slot', async () => {
    const { page } = harness;
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.goto(harness.baseUrl);
    await harness.signIn(DESIGNER);
    await page.getByTestId('nav-workflow-designer').click();
    await page.getByTestId('designer-workflow-ncr').click();
    await page.getByTestId('wd-canvas').waitFor();
    await page.getByTestId('wd-tab-simulation').click();

    const simulator = page.getByTestId('workflow-simulator');
    await simulator.getByTestId('sim-sample').waitFor();
    // Tuesday 24 November 2026, 10:00 in the factory: the run does not depend on the hour the test runs.
    await simulator.getByTestId('sim-start-at').fill('2026-11-24T10:00');
    await simulator.locator('#root_severity').selectOption({ label: '严重' });
    await simulator.locator('#root_description').fill('铸件裂纹');
    await harness.screenshot('01-sample-data');
    await simulator.getByTestId('sim-use-sample').click();

    await expect.poll(() => simulator.getByTestId('sim-state').getAttribute('data-path')).toBe('open');
    expect(await page.getByTestId('wd-node-open').getAttribute('class')).toMatch(/is-active|active/);
    const submit = simulator.getByTestId('sim-event-submit');
    const guards = submit.getByTestId('sim-guard');
    expect(await guards.count()).toBe(2);
    expect(await guards.nth(0).getAttribute('data-passes')).toBe('true');
    expect(await guards.nth(0).textContent()).toContain('severity = "critical"');
    expect(await guards.nth(0).textContent()).toContain('= TRUE');
    await harness.screenshot('02-guard-passes');

    await submit.getByRole('button').first().click();
    await expect.poll(() => simulator.getByTestId('sim-state').getAttribute('data-path')).toBe('containment');
    const trail = simulator.getByTestId('sim-trail');
    expect(await trail.textContent()).toContain('发现严重不合格');
    // The containment task is due 24 h later, with a reminder 4 h before.
    expect(await simulator.getByTestId('sim-timers').textContent()).toContain('2026/11/25 10:00');
    expect(await simulator.getByTestId('sim-advance').textContent()).toContain('2026/11/25 06:00');

    await simulator.getByTestId('sim-advance').click();
    await expect.poll(() => simulator.getByTestId('sim-clock').textContent()).toContain('2026/11/25 06:00');
    expect(await trail.locator('.sim-effect').first().textContent()).toMatch(/^提醒 质量工程师/);
    await simulator.getByTestId('sim-advance').click();
    await expect.poll(() => simulator.getByTestId('sim-clock').textContent()).toContain('2026/11/25 10:00');
    expect(await trail.locator('.sim-effect').first().textContent()).toMatch(/^超时上报给 生产经理/);
    expect(await simulator.getByTestId('sim-advance').isDisabled()).toBe(true);
    await harness.screenshot('03-escalated');

    // Containment, root cause and the proposal, each by its one quality engineer.
    await decideAll(page);
    await expect.poll(() => simulator.getByTestId('sim-state').getAttribute('data-path')).toBe('root-cause');
    await decideAll(page);
    await expect.poll(() => simulator.getByTestId('sim-state').getAttribute('data-path')).toBe('disposition.disposition-proposal');
    await decideAll(page);
    await expect.poll(() => simulator.getByTestId('sim-state').getAttribute('data-path')).toBe('disposition.material-review');

    const board = simulator.getByTestId('sim-task-material-review');
    expect(await board.getByTestId('sim-slot').count()).toBe(3);
    expect(await board.textContent()).toContain('已同意 0/3');
    for (const done of [1, 2]) {
      await board.locator('.sim-approve').first().click();
      await expect.poll(() => board.textContent()).toContain(`已同意 ${done}/3`);
    }
    expect(await page.getByTestId('wd-node-material-review').getAttribute('class')).toMatch(/is-active|active/);
    await harness.screenshot('04-countersign');
    await board.locator('.sim-approve').first().click();
    await expect.poll(() => simulator.getByTestId('sim-state').getAttribute('data-path')).toBe('verification');
    await harness.screenshot('05-verification');
  });
});
