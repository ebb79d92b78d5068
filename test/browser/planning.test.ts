import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MrpPlan } from '../../engine/planning/index.js';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

/*
 * The planner at the planning page on the demo factory: no plan yet, runs MRP, reads planned orders
 * and a shortage, draws a sales order's pegging tree down to a purchase, firms a planned buy order
 * and follows the link to the purchase requisition it became; the next run is a net change.
 */

const PLANNER = 'zhao.min';

interface PlanRun {
  id: string;
  plan: MrpPlan;
  firmed: { plannedOrder: string; form: string; recordId: string; title: string }[];
  labels: { items: Record<string, string>; salesOrders: Record<string, { recordId: string; title: string }> };
}

describe.skipIf(skipBrowserTests)('the planner plans material in Chromium', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'planning' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  it('runs MRP, reads shortages, draws a pegging tree down to a purchase and firms a buy order', async () => {
    const { page } = harness;
    await page.goto(harness.baseUrl);
    await harness.signIn(PLANNER);

    // A fresh factory has no plan: the latest run answers 404, which the page shows as its empty state.
    harness.allow('console', /status of 404/);
    await page.getByTestId('nav-planning').click();
    await expect.poll(() => page.getByTestId('no-plan').textContent()).toContain('运行MRP以生成计划');
    await harness.screenshot('01-no-plan');

    await page.getByTestId('run-mrp').click();
    await page.getByTestId('run-header').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('run-mrp').isEnabled()).toBe(true);
    const run = await harness.api<PlanRun>(PLANNER, '/api/plan-runs/latest');
    const { plan } = run;
    expect(plan.plannedOrders.length).toBeGreaterThan(0);
    expect(await page.getByTestId('run-header').textContent()).toContain('赵敏');
    expect(await page.getByTestId('count-planned-orders').textContent()).toContain(String(plan.plannedOrders.length));
    expect(await page.getByTestId('run-mode').textContent()).toBe('全重排：计算了全部物料');
    await expect.poll(() => page.getByTestId('planned-order-row').count()).toBe(Math.min(plan.plannedOrders.length, 300));
    await harness.screenshot('02-planned-orders');

    // Shortages head the exceptions, worded in Chinese from their fields.
    const shortages = plan.exceptions.filter((exception) => exception.type === 'shortage');
    expect(shortages.length).toBeGreaterThan(0);
    await page.getByTestId('planning-tab-exceptions').click();
    const firstException = page.getByTestId('exception-row').first();
    expect(await firstException.getAttribute('data-type')).toBe('shortage');
    const shortageText = (await firstException.textContent()) ?? '';
    expect(shortageText).toContain('缺料');
    expect(shortageText).not.toContain(shortages[0]?.message ?? '');
    await harness.screenshot('03-exceptions');

    // The pegging tree of an order whose chain reaches a purchase (open or planned) below a make order, at the shallowest such BOM level.
    const purchaseLevel = (salesOrder: string): number => {
      const supplies = new Map(plan.supplies.map((supply) => [supply.id, supply]));
      let frontier = plan.demands.filter((demand) => demand.kind === 'sales-order' && demand.salesOrder === salesOrder).map((demand) => demand.id);
      for (let level = 0; frontier.length > 0 && level < 10; level += 1) {
        const pegged = plan.pegging.filter((peg) => frontier.includes(peg.demand)).map((peg) => supplies.get(peg.supply));
        if (level > 0 && pegged.some((supply) => supply?.kind === 'purchase' || supply?.kind === 'planned-buy')) return level;
        const ids = new Set(pegged.map((supply) => supply?.id));
        frontier = plan.demands.filter((demand) => ids.has(demand.parentSupply)).map((demand) => demand.id);
      }
      return Number.POSITIVE_INFINITY;
    };
    const [salesOrder, level] = Object.keys(run.labels.salesOrders)
      .map((id): [string, number] => [id, purchaseLevel(id)])
      .sort((a, b) => a[1] - b[1])[0] ?? ['', Number.POSITIVE_INFINITY];
    expect(level).toBeLessThan(10);
    await page.getByTestId('planning-tab-pegging').click();
    await page.getByTestId('pegging-order').selectOption(salesOrder);
    await page.locator('[data-testid="peg-node"][data-kind="sales-order"]').first().waitFor({ timeout: 30_000 });
    // Options are labelled with the number of levels shown (level + 1): pick by value.
    await page.getByTestId('pegging-levels').selectOption({ value: String(level) });
    const purchases = page.locator('[data-testid="peg-node"][data-kind="purchase"], [data-testid="peg-node"][data-kind="planned-buy"]');
    await expect.poll(() => purchases.count()).toBeGreaterThan(0);
    const makes = page.locator('[data-testid="peg-node"][data-kind="planned-make"], [data-testid="peg-node"][data-kind="production"]');
    expect(await makes.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="peg-node"][data-kind="dependent"]').count()).toBeGreaterThan(0);
    await harness.screenshot('04-pegging-tree');

    // Where used: a purchase serves this order. Fit the tree in view, as a planner would, and click one in sight.
    await page.locator('.react-flow__controls-fitview').click();
    const canvas = await page.getByTestId('pegging-canvas').boundingBox();
    let clicked = false;
    for (const purchase of await purchases.all()) {
      const box = await purchase.boundingBox();
      if (!box || !canvas || box.y < canvas.y || box.y + box.height > canvas.y + canvas.height || box.x + box.width > canvas.x + canvas.width) continue;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      clicked = true;
      break;
    }
    expect(clicked).toBe(true);
    await expect.poll(() => page.getByTestId('where-used').textContent()).toContain(run.labels.salesOrders[salesOrder]?.title ?? '?');
    await harness.screenshot('05-where-used');

    // Firm the first planned buy order: it becomes a purchase requisition, linked from the page.
    await page.getByTestId('planning-tab-orders').click();
    await page.getByTestId('filter-kind').selectOption('buy');
    const buyRow = page.locator('[data-testid="planned-order-row"]').first();
    const plannedOrder = (await buyRow.getAttribute('data-id')) ?? '';
    expect(plan.plannedOrders.find((order) => order.id === plannedOrder)?.kind).toBe('buy');
    await buyRow.locator('input[type="checkbox"]').check();
    await expect.poll(() => page.getByTestId('firm-selected').textContent()).toContain('（1）');
    await page.getByTestId('firm-selected').click();
    const link = page.getByTestId('firm-created-link');
    await link.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('firm-result').textContent()).toContain('请购单');
    const after = await harness.api<PlanRun>(PLANNER, '/api/plan-runs/latest');
    const firmed = after.firmed.find((entry) => entry.plannedOrder === plannedOrder);
    expect(firmed?.form).toBe('purchase-requisition');
    expect(await link.getAttribute('href')).toBe(`#/forms/purchase-requisition/${firmed?.recordId}`);
    await expect.poll(() => page.locator(`[data-id="${plannedOrder}"] [data-testid="firmed-link"]`).textContent()).toContain(firmed?.title ?? '?');
    expect(await page.locator(`[data-id="${plannedOrder}"] input[type="checkbox"]`).isDisabled()).toBe(true);
    await harness.screenshot('06-firmed');

    await link.click();
    await page.waitForURL(/#\/forms\/purchase-requisition\//);
    await expect.poll(() => page.getByTestId('page-title').textContent()).toContain(firmed?.title ?? '?');
    await harness.screenshot('07-purchase-requisition');

    // The requisition is open supply now: the next run replans by net change only what it reaches.
    await page.getByTestId('nav-planning').click();
    await page.getByTestId('run-header').waitFor({ timeout: 30_000 });
    await page.getByTestId('run-mrp').click();
    await expect.poll(() => page.getByTestId('run-mode').textContent(), { timeout: 30_000 }).toContain('净变更');
    const next = await harness.api<PlanRun>(PLANNER, '/api/plan-runs/latest');
    const { replannedItems, items } = next.plan.summary;
    expect(replannedItems).toBeGreaterThan(0);
    expect(replannedItems).toBeLessThan(items);
    expect(await page.getByTestId('run-mode').textContent()).toBe(`净变更：重算 ${replannedItems} / ${items} 个物料`);
    expect(next.plan.plannedOrders.some((order) => order.id === plannedOrder)).toBe(false);
    await harness.screenshot('08-net-change');
  });
});
