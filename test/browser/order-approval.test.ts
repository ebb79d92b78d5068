import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

/*
 * The staff side of the sales order lifecycle, in Chromium: the clerk, the manager and the other
 * approvers each in a browser context of their own (as at their own desks; the others' page signs
 * in as each approver in turn): the clerk starts and submits a
 * special-configuration order, the manager approves the review in his inbox (after the server
 * refuses a rush priority without a reason, at the field), the timer worker runs the feasibility
 * check, the clerk confirms the date, the manager approves, engineering and production countersign
 * (one engineer by batch approval), finance rejects, the manager returns the order to the clerk,
 * and the timeline tells the whole story with names and comments.
 */

const ORDER = 'so-huainan-mining-sic';

interface StoredRecord {
  id: string;
  data: Record<string, unknown>;
}

interface Instance {
  id: string;
  state: unknown;
  status: string;
}

describe.skipIf(skipBrowserTests)('a special-configuration sales order goes through approval in Chromium', () => {
  let harness: BrowserHarness;
  let clerk: Page;
  let manager: Page;
  let others: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'order-approval' });
    clerk = harness.page;
    // Each person at their own browser: separate contexts share no storage and no session.
    manager = await (await harness.newContext()).newPage();
    others = await (await harness.newContext()).newPage();
    for (const page of [manager, others]) page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  async function signIn(page: Page, username: string, displayName: string) {
    await page.goto(harness.baseUrl);
    // A page that was signed in shows the app once its session is checked: sign that user out first.
    await page.locator('[data-testid="login-username"], [data-testid="logout"]').first().waitFor();
    if (await page.getByTestId('logout').isVisible()) await page.getByTestId('logout').click();
    await harness.signIn(username, page);
    await expect.poll(() => page.getByTestId('current-user').textContent()).toBe(displayName);
  }

  /** Goes to a page of the app and loads it afresh, so it shows what others did meanwhile. */
  async function open(page: Page, hash: string) {
    await page.goto(`${harness.baseUrl}/${hash}`);
    await page.reload();
  }

  /** Opens the user's task at `node` on the order from the inbox. */
  async function openTask(page: Page, node: string) {
    await open(page, '#/inbox');
    const row = page.locator(`[data-testid^="task-row-"][data-record="${ORDER}"][data-node="${node}"]`);
    await row.waitFor();
    await row.locator('a.task-link').click();
    await page.getByTestId('task-actions').waitFor();
  }

  async function approveTask(page: Page, node: string, comment: string) {
    await openTask(page, node);
    await page.getByTestId('task-comment').fill(comment);
    await page.getByTestId('task-approve').click();
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('已同意');
  }

  /** The shown label of a select (rjsf's options carry indexes, not the stored codes). */
  async function chosen(page: Page, selector: string): Promise<string> {
    return (await page.locator(`${selector} option:checked`).textContent()) ?? '';
  }

  async function workflowState(page: Page): Promise<string> {
    return (await page.getByTestId('workflow-state').textContent()) ?? '';
  }

  async function instanceOf(): Promise<Instance> {
    const { items } = await harness.api<{ items: Instance[] }>('li.na', `/api/forms/sales-order/records/${ORDER}/workflows`);
    const running = items.find((item) => item.status === 'running');
    if (running === undefined) throw new Error('the order has no running workflow');
    return running;
  }

  it('the clerk starts the workflow on a special-configuration order and submits it', async () => {
    const order = await harness.api<StoredRecord>('li.na', `/api/forms/sales-order/records/${ORDER}`);
    expect(order.data.specialConfig).toBe(true);
    expect(order.data.salesRep).toBe('li.na');

    await signIn(clerk, 'li.na', '李娜');
    await open(clerk, `#/forms/sales-order/${ORDER}`);
    const panel = clerk.getByTestId('workflow-panel');
    await expect.poll(() => panel.textContent()).toContain('此记录尚未发起流程');
    await harness.screenshot('01-record-before-start');

    await clerk.getByTestId('start-sales-order-lifecycle').click();
    await expect.poll(() => clerk.getByTestId('workflow-notice').textContent()).toContain('流程已发起');
    await expect.poll(() => workflowState(clerk)).toContain('草稿');
    expect(await clerk.getByTestId('start-sales-order-lifecycle').count()).toBe(0);

    await clerk.getByTestId('event-submit').click();
    await clerk.getByTestId('event-comment').fill('客户急需，请尽快审核');
    await harness.screenshot('02-submit-with-comment');
    await clerk.getByTestId('event-confirm').click();
    await expect.poll(() => workflowState(clerk)).toContain('订单审核');
    await expect.poll(() => clerk.getByTestId('workflow-open-tasks').textContent()).toContain('王强');
    await expect.poll(() => chosen(clerk, '#root_status')).toBe('已提交');
    await harness.screenshot('03-submitted');
  });

  it('the manager finds the review in his inbox, is refused a rush without a reason at the field, then approves', async () => {
    await signIn(manager, 'wang.qiang', '王强');
    await expect.poll(() => manager.getByTestId('inbox-count').textContent()).toMatch(/^[1-9]/);
    await open(manager, '#/inbox');
    const row = manager.locator(`[data-testid^="task-row-"][data-record="${ORDER}"][data-node="review"]`);
    await row.waitFor();
    // The record's title arrives after the row: the inbox asks for the titles of the rows it shows.
    await expect.poll(() => row.textContent()).toContain('SO-2026-0008');
    const rowText = await row.textContent();
    expect(rowText).toContain('审核订单完整性与客户信用');
    expect(rowText).toContain('销售订单流程');
    await harness.screenshot('04-manager-inbox', manager);

    await openTask(manager, 'review');
    expect(await manager.getByTestId('task-editable').textContent()).toContain('备注');
    // Only the task's editable fields take input: the customer stays locked.
    expect(await manager.locator('#root_remarks').isEditable()).toBe(true);
    expect(await manager.locator('#root_customerPoNo').isEditable()).toBe(false);

    await manager.locator('#root_priority').selectOption({ label: '加急' });
    await manager.locator('#root_remarks').fill('付款条件已核对');
    await manager.getByTestId('task-approve').click();
    await manager.getByTestId('error-rushReason').waitFor();
    expect(await manager.getByTestId('error-summary').textContent()).toContain('加急原因');
    expect(
      harness
        .takeProblems()
        .map((problem) => problem.text)
        .join('\n'),
    ).toMatch(/status of 422/);
    await harness.screenshot('05-rush-refused-at-field', manager);

    await manager.locator('#root_priority').selectOption({ label: '优先' });
    await manager.getByTestId('task-comment').fill('客户信用正常，同意');
    await manager.getByTestId('task-approve').click();
    await expect.poll(() => manager.getByTestId('flash').textContent()).toContain('已同意');
    await harness.screenshot('06-manager-approved', manager);
    const order = await harness.api<StoredRecord>('wang.qiang', `/api/forms/sales-order/records/${ORDER}`);
    expect(order.data.remarks).toBe('付款条件已核对');
    expect(order.data.priority).toBe('high');
  });

  it('the feasibility check passes by itself, the clerk confirms the date, the manager approves', async () => {
    // The clerk's record page asks again while the timer worker runs the check.
    await open(clerk, `#/forms/sales-order/${ORDER}`);
    await expect.poll(() => workflowState(clerk), { timeout: 15_000 }).toContain('销售代表确认交期');
    await expect.poll(() => clerk.locator('#root_promisedDate').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => clerk.getByTestId('inbox-count').textContent()).toBe('1');
    await harness.screenshot('07-feasibility-passed');

    await approveTask(clerk, 'rep-confirmation', '已与客户确认交期');
    await harness.screenshot('08-clerk-confirmed');
    await approveTask(manager, 'manager-approval', '同意，特殊配置请工程和生产会签');
    await open(clerk, `#/forms/sales-order/${ORDER}`);
    await expect.poll(() => workflowState(clerk)).toContain('工程与生产会签');
    const waiting = await clerk.getByTestId('workflow-open-tasks').textContent();
    for (const name of ['吴刚', '徐磊', '郑浩']) expect(waiting).toContain(name);
  });

  it('engineering and production countersign, one engineer by batch approval', async () => {
    await signIn(others, 'wu.gang', '吴刚');
    await openTask(others, 'configuration-countersign');
    await harness.screenshot('09-engineer-task', others);
    await others.getByTestId('task-comment').fill('SiC 双端面密封可制造');
    await others.getByTestId('task-approve').click();
    await expect.poll(() => others.getByTestId('flash').textContent()).toContain('已同意');

    await signIn(others, 'xu.lei', '徐磊');
    await open(others, '#/inbox');
    const row = others.locator(`[data-testid^="task-row-"][data-record="${ORDER}"][data-node="configuration-countersign"]`);
    await row.waitFor();
    await row.locator('input[type="checkbox"]').check();
    await others.getByTestId('batch-comment').fill('电机温度保护方案可行');
    await harness.screenshot('10-batch-selected', others);
    await others.getByTestId('batch-approve').click();
    await expect.poll(() => others.getByTestId('batch-outcome').textContent()).toContain('已同意 1 项');
    await expect.poll(() => others.getByTestId('inbox-empty').count()).toBe(1);

    await signIn(others, 'zheng.hao', '郑浩');
    await approveTask(others, 'configuration-countersign', '产能可以安排');
    await open(clerk, `#/forms/sales-order/${ORDER}`);
    await expect.poll(() => workflowState(clerk)).toContain('财务审批');
  });

  it('finance rejects (a comment is required), the manager returns the order to the clerk', async () => {
    await signIn(others, 'sun.wei', '孙伟');
    await openTask(others, 'finance-approval');
    await others.getByTestId('task-reject').click();
    expect(await others.getByTestId('task-comment-error').textContent()).toContain('需要填写意见');
    await harness.screenshot('11-reject-needs-comment', others);
    await others.getByTestId('task-comment').fill('金额超过 50 万且账期 90 天，请重新评估付款条件');
    await others.getByTestId('task-reject').click();
    await expect.poll(() => others.getByTestId('flash').textContent()).toContain('已拒绝');
    expect((await instanceOf()).state).toEqual({ review: 'deciding' });

    await openTask(manager, 'review');
    await manager.getByTestId('task-return').click();
    const target = manager.getByTestId('return-target');
    expect(await target.locator('option').allTextContents()).toEqual(['发起人']);
    await manager.getByTestId('task-comment').fill('请与客户重新商定付款条件后再提交');
    await harness.screenshot('12-return-to-initiator', manager);
    await manager.getByTestId('task-panel-confirm').click();
    await expect.poll(() => manager.getByTestId('flash').textContent()).toContain('已退回');
    expect((await instanceOf()).state).toBe('draft');
  });

  it('the clerk sees her step again and the timeline tells every step with names and comments', async () => {
    await open(clerk, `#/forms/sales-order/${ORDER}`);
    await expect.poll(() => workflowState(clerk)).toContain('草稿');
    expect(await clerk.getByTestId('event-submit').textContent()).toBe('提交审核');
    await expect.poll(() => chosen(clerk, '#root_status')).toBe('草稿');

    const steps = clerk.locator('[data-testid^="timeline-"] > li');
    const lines = (await steps.allTextContents()).map((line) =>
      line
        .replace(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    const expected: [string, string][] = [
      ['发起', '李娜'],
      ['提交审核', '客户急需，请尽快审核'],
      ['同意', '客户信用正常，同意'],
      ['自动完成', '交期评估'],
      ['同意', '已与客户确认交期'],
      ['同意', '同意，特殊配置请工程和生产会签'],
      ['同意', 'SiC 双端面密封可制造'],
      ['同意', '电机温度保护方案可行'],
      ['同意', '产能可以安排'],
      ['拒绝', '请重新评估付款条件'],
      ['退回', '请与客户重新商定付款条件后再提交'],
    ];
    expect(lines).toHaveLength(expected.length);
    for (const [index, [what, detail]] of expected.entries()) {
      expect(lines[index]).toContain(what);
      expect(lines[index]).toContain(detail);
    }
    const who = ['李娜', '李娜', '王强', 'Ordo', '李娜', '王强', '吴刚', '徐磊', '郑浩', '孙伟', '王强'];
    for (const [index, name] of who.entries()) expect(lines[index]).toContain(name);
    expect(lines[2]).toContain('订单审核');
    expect(lines[9]).toContain('财务审批');
    expect(lines[10]).toContain('→ 草稿');
    await harness.screenshot('13-timeline-back-to-clerk');

    await open(clerk, '#/inbox/initiated');
    const initiated = clerk.locator(`[data-testid^="instance-row-"][data-record="${ORDER}"]`);
    await initiated.waitFor();
    expect(await initiated.textContent()).toContain('草稿');
    await harness.screenshot('14-initiated');
    await open(clerk, '#/inbox/cc');
    await expect.poll(() => clerk.locator('[data-testid^="notice-row-"]').count()).toBeGreaterThan(0);
    await harness.screenshot('15-cc');

    await clerk.getByTestId('lang-en').click();
    await open(clerk, `#/forms/sales-order/${ORDER}`);
    await expect.poll(() => workflowState(clerk)).toContain('Draft');
    expect(await clerk.getByTestId('event-submit').textContent()).toBe('Submit for review');
    await harness.screenshot('16-timeline-english');
  });
});
