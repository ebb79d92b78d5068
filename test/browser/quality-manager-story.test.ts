import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition, WorkflowDefinition } from '../../engine/definitions/index.js';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { canvasNode as node, drawArrow } from '../support/workflow-canvas.js';
import { addCharacteristicsTable, addField, nameField } from '../support/form-designer-steps.js';

/*
 * Issue 7's story, end to end and only through the UI: the quality manager builds the incoming
 * inspection form (lookups, a sub-table whose lines compute `pass`, an overall result, access) and
 * publishes it; she draws its two-step approval on the workflow canvas (a quality engineer's review,
 * then a countersign with a 24-hour escalation to her), watches the canvas's problems clear, simulates
 * it and publishes; then an inspector fills a record and submits it, and the tasks reach the quality
 * engineer and, for the countersign, the production manager and the quality engineer.
 */

const QUALITY_MANAGER = 'ma.lin';
const INSPECTOR = 'huang.li';
const QUALITY_ENGINEER = 'zhou.hui';
const PRODUCTION_MANAGER = 'zheng.hao';
const FORM = 'incoming-inspection';
const WORKFLOW = 'incoming-inspection-approval';
const SUPPLIER = 'supplier-hengli-seal';
const ITEM = 'item-ms-35';

interface Task {
  id: string;
  node: string;
  recordId: string;
}

/** Draws an arrow from one state to another and says in the dialog what makes it happen. */
async function connect(page: Page, from: string, to: string, kind: string, event?: string): Promise<void> {
  await drawArrow(page, from, to);
  const choice = page.getByTestId('wd-connect-kind');
  if ((await choice.count()) > 0) await choice.selectOption(kind);
  if (event !== undefined) await page.getByTestId('wd-connect-event').fill(event);
  await page.getByTestId('wd-connect-create').click();
  await expect.poll(() => page.getByTestId('wd-connect-dialog').count()).toBe(0);
}

/** The canvas's boxes, to wait until an automatic layout or a fit (both animated or asynchronous) has finished. */
async function nodeBoxes(page: Page): Promise<string> {
  const boxes = await Promise.all((await page.locator('.react-flow__node').all()).map((each) => each.boundingBox()));
  return JSON.stringify(boxes.map((box) => box && [Math.round(box.x), Math.round(box.y), Math.round(box.width)]));
}

/** Lays the canvas out (which also brings it into view, animated over 200 ms), then waits for the nodes to stop moving. */
async function tidyCanvas(page: Page): Promise<void> {
  await page.getByTestId('wd-layout').click();
  await page.waitForTimeout(250);
  let previous = '';
  await expect
    .poll(async () => {
      const now = await nodeBoxes(page);
      const still = now === previous;
      previous = now;
      return still;
    }, { interval: 150 })
    .toBe(true);
}

/** Adds a state from the palette by click, names it in both languages and gives it a key. */
async function addState(page: Page, kind: string, name: string, zh: string, en: string): Promise<void> {
  await page.getByTestId(`wd-palette-${kind}`).click();
  await page.getByTestId('wd-state-props').waitFor();
  await page.getByTestId('wd-state-title-zh').fill(zh);
  await page.getByTestId('wd-state-title-en').fill(en);
  await page.getByTestId('wd-state-name').fill(name);
  await page.getByTestId('wd-state-name').press('Enter');
  await node(page, name).waitFor();
}

/** The task's assignee roles: a new task comes with the app's first business role, replaced here. */
async function assignTo(page: Page, roles: readonly string[]): Promise<void> {
  await page.getByTestId('wd-task-roles-sales-clerk').uncheck();
  for (const role of roles) await page.getByTestId(`wd-task-roles-${role}`).check();
}

describe.skipIf(skipBrowserTests)('the quality manager builds an inspection form and its approval, and an inspection reaches the approvers', () => {
  let harness: BrowserHarness;
  let inspector: Page;
  let approver: Page;
  let recordId = '';

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'quality-manager-story' });
    inspector = await (await harness.newContext()).newPage();
    approver = await (await harness.newContext()).newPage();
    for (const page of [harness.page, inspector, approver]) {
      page.setDefaultTimeout(10_000);
      await page.setViewportSize({ width: 1440, height: 960 });
    }
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  async function signIn(page: Page, username: string) {
    await page.goto(harness.baseUrl);
    await page.locator('[data-testid="login-username"], [data-testid="logout"]').first().waitFor();
    if (await page.getByTestId('logout').isVisible()) await page.getByTestId('logout').click();
    await harness.signIn(username, page);
  }

  async function tasksOf(username: string): Promise<Task[]> {
    return (await harness.api<{ items: Task[] }>(username, '/api/tasks')).items.filter((task) => task.recordId === recordId);
  }

  it('builds the incoming inspection form with lookups, a computed pass per line and an overall result, and publishes it', async () => {
    const { page } = harness;
    await signIn(page, QUALITY_MANAGER);
    await page.getByTestId('nav-form-designer').click();
    await page.getByTestId('new-form').click();
    await page.getByTestId('new-form-zh').fill('来料检验');
    await page.getByTestId('new-form-en').fill('Incoming inspection');
    expect(await page.getByTestId('new-form-id').inputValue()).toBe(FORM);
    await page.getByTestId('new-form-create').click();
    await page.getByTestId('designer-canvas').waitFor();

    await addField(page, 'text', 'lot', '批次号', 'Lot');
    await page.getByTestId('prop-required').check();
    await addField(page, 'lookup', 'supplier', '供应商', 'Supplier');
    await page.getByTestId('prop-lookup-form').selectOption('supplier');
    await expect.poll(() => page.getByTestId('prop-lookup-display').inputValue()).toBe('name');
    await addField(page, 'lookup', 'item', '物料', 'Item');
    await page.getByTestId('prop-lookup-form').selectOption('item');
    await addField(page, 'number', 'quantity', '到货数量', 'Quantity received');
    await addCharacteristicsTable(page);

    // The line's verdict, typed in the formula editor with its suggestions.
    await page.getByTestId('logic-computed').check();
    const line = page.getByTestId('formula-computed-input');
    await line.click();
    await line.pressSequentially('AND(meas');
    await expect.poll(() => line.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    await line.pressSequentially(' >= lower, measured <= upper)');
    await expect.poll(() => line.inputValue()).toBe('AND(measured >= lower, measured <= upper)');
    await expect.poll(() => page.getByTestId('formula-computed-type').textContent()).toMatch(/TRUE\/FALSE/);

    // The overall result: every line passed.
    await page.getByTestId('palette-computed').click();
    await nameField(page, 'allPass', '检验结论：全部合格', 'All characteristics pass');
    await page.getByTestId('logic-result-type').selectOption('yesNo');
    const total = page.getByTestId('formula-computed-input');
    await total.click();
    await total.pressSequentially('AND(合格');
    await page.getByTestId('formula-computed-list').getByText('characteristics.pass', { exact: true }).click();
    await total.pressSequentially(')');
    await expect.poll(() => page.getByTestId('formula-computed-status').textContent()).toMatch(/TRUE\/FALSE/);
    // With no field selected the panel shows the form's own properties: records are named by their lot.
    await page.getByTestId('designer-canvas').click({ position: { x: 8, y: 4 } });
    await page.getByTestId('form-title-field').selectOption('lot');
    await harness.screenshot('01-form-fields');

    // Inspectors create and change their records; quality and the production manager read them, nobody else.
    await page.getByTestId('designer-tab-permissions').click();
    await page.getByTestId('access-inspector-create').check();
    await page.getByTestId('access-inspector-update').check();
    for (const role of ['sales-clerk', 'sales-manager', 'planner', 'buyer', 'operator', 'finance', 'engineer']) await page.getByTestId(`access-${role}-read`).uncheck();
    await harness.screenshot('02-form-access');

    // Publishing asks first, showing what the new version changes.
    await page.getByTestId('designer-publish').click();
    await page.getByTestId('publish-dialog').waitFor();
    await harness.screenshot('03-form-publish-dialog');
    await page.getByTestId('publish-confirm').click();
    await expect.poll(() => page.getByTestId('designer-status').textContent()).toMatch(/v1/);
    const published = await harness.api<{ forms: FormDefinition[] }>(QUALITY_MANAGER, '/api/definitions');
    const form = published.forms.find((candidate) => candidate.id === FORM);
    expect(Object.keys(form?.schema.properties ?? {})).toEqual(['lot', 'supplier', 'item', 'quantity', 'characteristics', 'allPass']);
    expect(form).toMatchObject({
      lookups: { supplier: { form: 'supplier', displayField: 'name' }, item: { form: 'item' } },
      computed: { 'characteristics.pass': 'AND(measured >= lower, measured <= upper)', allPass: 'AND(characteristics.pass)' },
    });
    expect(form?.titleField).toBe('lot');
    expect(form?.access).toEqual({ read: ['inspector', 'quality-engineer', 'quality-manager', 'production-manager'], create: ['inspector'], update: ['inspector'] });
    await harness.screenshot('03-form-published');
  }, 60_000);

  it('draws the two-step approval with a countersign and a 24-hour escalation, simulates it and publishes', async () => {
    const { page } = harness;
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.getByTestId('nav-workflow-designer').click();
    await page.getByTestId('new-workflow').click();
    await page.getByTestId('new-workflow-zh').fill('来料检验审批');
    await page.getByTestId('new-workflow-en').fill('Incoming inspection approval');
    expect(await page.getByTestId('new-workflow-id').inputValue()).toBe(WORKFLOW);
    await page.getByTestId('new-workflow-form').selectOption(FORM);
    await page.getByTestId('new-workflow-create').click();
    await node(page, 'draft').waitFor();

    // Nothing selected: the workflow's own properties, where inspectors are the ones who start it.
    await page.getByTestId('wd-workflow-start-roles-inspector').check();

    await addState(page, 'task', 'engineer-review', '质量工程师审核', 'Quality engineer review');
    await page.getByTestId('wd-task-title-zh').fill('审核检验记录');
    await page.getByTestId('wd-task-title-en').fill('Review the inspection');
    await assignTo(page, ['quality-engineer']);

    await addState(page, 'task', 'countersign', '质量与生产会签', 'Quality and production countersign');
    await page.getByTestId('wd-task-title-zh').fill('会签放行');
    await page.getByTestId('wd-task-title-en').fill('Countersign the release');
    await assignTo(page, ['quality-engineer', 'production-manager']);
    await page.getByTestId('wd-task-mode').selectOption('all');
    await page.getByTestId('wd-due-enabled').check();
    await page.getByTestId('wd-due-amount').fill('24');
    await page.getByTestId('wd-due-unit').selectOption('hours');
    await page.getByTestId('wd-due-action').selectOption('notify');
    await page.getByTestId('wd-due-to-quality-manager').check();
    await harness.screenshot('04-countersign-properties');

    await addState(page, 'final', 'released', '已放行', 'Released');
    // Unconnected, the new states are problems on the canvas.
    await expect.poll(() => page.getByTestId('wd-node-problem').count()).toBeGreaterThan(0);
    await page.getByTestId('wd-tab-problems').click();
    await page.getByTestId('wd-problem-list').waitFor();
    await harness.screenshot('05-problems-before-connecting');

    await tidyCanvas(page);
    await connect(page, 'draft', 'engineer-review', 'on', 'submit');
    await page.getByTestId('wd-tab-properties').click();
    await page.getByTestId('wd-edge-title-zh').fill('提交审核');
    await page.getByTestId('wd-edge-title-en').fill('Submit for review');
    await page.getByTestId('wd-edge-roles-inspector').check();
    await connect(page, 'engineer-review', 'countersign', 'approved');
    await connect(page, 'engineer-review', 'draft', 'rejected');
    await connect(page, 'countersign', 'released', 'approved');
    await connect(page, 'countersign', 'draft', 'rejected');
    await tidyCanvas(page);
    // Connected, every problem clears from the canvas and the list.
    await expect.poll(() => page.getByTestId('wd-node-problem').count()).toBe(0);
    await page.getByTestId('wd-tab-problems').click();
    await expect.poll(() => page.getByTestId('wd-problem-list').count()).toBe(0);
    await harness.screenshot('06-workflow-connected');

    // A dry run: submit, the engineer approves, each countersigner in turn, the clock moved to the escalation.
    await page.getByTestId('wd-tab-simulation').click();
    await page.getByTestId('sim-use-sample').click();
    await page.getByTestId('sim-event-submit').getByRole('button').first().click();
    await page.getByTestId('sim-task-engineer-review').locator('.sim-approve').click();
    const countersign = page.getByTestId('sim-task-countersign');
    await expect.poll(() => countersign.getByTestId('sim-slot').count()).toBe(2);
    await countersign.locator('.sim-approve').first().click();
    await expect.poll(() => countersign.locator('.sim-slot.is-approved').count()).toBe(1);
    await page.getByTestId('sim-advance').click();
    await expect.poll(() => page.getByTestId('sim-trail').textContent()).toContain('质量经理');
    await harness.screenshot('07-simulation-escalated');
    await countersign.locator('.sim-approve').first().click();
    await expect.poll(() => page.getByTestId('sim-state').first().getAttribute('data-path')).toBe('released');
    await harness.screenshot('08-simulation-released');

    await page.getByTestId('designer-publish').click();
    await expect.poll(() => page.getByTestId('designer-status').textContent()).toMatch(/v1/);
    // Publishing refreshes the app's definitions; the run she just walked stays on screen.
    await expect.poll(() => page.getByTestId('nav-incoming-inspection').count()).toBe(1);
    expect(await page.getByTestId('sim-state').first().getAttribute('data-path')).toBe('released');
    const published = await harness.api<{ workflows: WorkflowDefinition[] }>(QUALITY_MANAGER, '/api/definitions');
    const workflow = published.workflows.find((candidate) => candidate.id === WORKFLOW);
    expect(workflow).toMatchObject({ form: FORM, start: { roles: ['inspector'] }, initial: 'draft' });
    const states = workflow?.states as unknown as Record<string, { task?: Record<string, unknown>; on?: Record<string, unknown> }>;
    expect(states.draft?.on).toEqual({ submit: { target: 'engineer-review', title: { 'zh-CN': '提交审核', en: 'Submit for review' }, roles: ['inspector'] } });
    expect(states['engineer-review']?.task).toMatchObject({ assignees: [{ role: 'quality-engineer' }], onApproved: { target: 'countersign' }, onRejected: { target: 'draft' } });
    expect(states.countersign?.task).toMatchObject({
      mode: 'all',
      assignees: [{ role: 'quality-engineer' }, { role: 'production-manager' }],
      due: { after: 'PT24H', onDue: { action: 'notify', to: [{ role: 'quality-manager' }] } },
      onApproved: { target: 'released' },
      onRejected: { target: 'draft' },
    });
    await harness.screenshot('09-workflow-published');
  }, 60_000);

  it('the inspector fills an inspection, sees each line pass or fail, saves and submits it', async () => {
    await signIn(inspector, INSPECTOR);
    await inspector.getByTestId(`nav-${FORM}`).click();
    await inspector.goto(`${harness.baseUrl}/#/forms/${FORM}/new`);
    await inspector.locator('#root_lot').fill('LOT-2026-1124-07');
    await inspector.getByTestId('lookup-root_supplier').fill('恒力');
    await inspector.getByTestId(`lookup-option-${SUPPLIER}`).click();
    await expect.poll(() => inspector.getByTestId('lookup-root_supplier').inputValue()).toBe('宁波恒力密封件有限公司');
    await inspector.getByTestId('lookup-root_item').fill('MS-35');
    await inspector.getByTestId(`lookup-option-${ITEM}`).click();
    await expect.poll(() => inspector.getByTestId('lookup-root_item').inputValue()).toBe('MS-35');
    await inspector.locator('#root_quantity').fill('500');
    const lines: [string, string, string, string][] = [
      ['动环内径 Ø35', '35.00', '35.05', '35.02'],
      ['端面平面度', '0', '0.0009', '0.0012'],
    ];
    for (const [index, [name, lower, upper, measured]] of lines.entries()) {
      await inspector.getByTestId('add-characteristics').click();
      await inspector.locator(`#root_characteristics_${index}_name`).fill(name);
      await inspector.locator(`#root_characteristics_${index}_lower`).fill(lower);
      await inspector.locator(`#root_characteristics_${index}_upper`).fill(upper);
      await inspector.locator(`#root_characteristics_${index}_measured`).fill(measured);
    }
    await expect.poll(() => inspector.locator('#root_characteristics_0_pass').getAttribute('data-value')).toBe('true');
    await expect.poll(() => inspector.locator('#root_characteristics_1_pass').getAttribute('data-value')).toBe('false');
    await expect.poll(() => inspector.locator('#root_allPass').getAttribute('data-value')).toBe('false');
    // Measured again within the limit, the line and the result pass.
    await inspector.locator('#root_characteristics_1_measured').fill('0.0006');
    await expect.poll(() => inspector.locator('#root_characteristics_1_pass').getAttribute('data-value')).toBe('true');
    await expect.poll(() => inspector.locator('#root_allPass').getAttribute('data-value')).toBe('true');
    await harness.screenshot('10-inspector-fills', inspector);

    await inspector.getByTestId('save-record').click();
    await inspector.getByTestId('workflow-panel').waitFor();
    recordId = decodeURIComponent(inspector.url().split('/').pop() ?? '');
    const stored = await harness.api<{ data: Record<string, unknown> }>(INSPECTOR, `/api/forms/${FORM}/records/${recordId}`);
    expect(stored.data).toMatchObject({ lot: 'LOT-2026-1124-07', supplier: SUPPLIER, item: ITEM, quantity: 500, allPass: true });

    await inspector.getByTestId(`start-${WORKFLOW}`).click();
    await expect.poll(() => inspector.getByTestId('workflow-notice').textContent()).toContain('流程已发起');
    await inspector.getByTestId('event-submit').click();
    await inspector.getByTestId('event-comment').fill('首批到货，请审核');
    await inspector.getByTestId('event-confirm').click();
    await expect.poll(() => inspector.getByTestId('workflow-state').textContent()).toContain('质量工程师审核');
    await expect.poll(() => inspector.getByTestId('workflow-open-tasks').textContent()).toContain('周慧');
    await harness.screenshot('11-submitted', inspector);
  }, 60_000);

  it('the quality engineer approves from the inbox, and the countersign reaches the production manager and the quality engineer', async () => {
    expect((await tasksOf(QUALITY_ENGINEER)).map((task) => task.node)).toEqual(['engineer-review']);
    expect(await tasksOf(PRODUCTION_MANAGER)).toEqual([]);

    await signIn(approver, QUALITY_ENGINEER);
    await approver.getByTestId('nav-inbox').click();
    const review = approver.locator(`[data-testid^="task-row-"][data-record="${recordId}"][data-node="engineer-review"]`);
    await review.waitFor();
    await expect.poll(() => review.textContent()).toContain('审核检验记录');
    await harness.screenshot('12-engineer-inbox', approver);
    await review.locator('a.task-link').click();
    await approver.getByTestId('task-actions').waitFor();
    await approver.getByTestId('task-comment').fill('尺寸与平面度均在公差内');
    await approver.getByTestId('task-approve').click();
    await expect.poll(() => approver.getByTestId('flash').textContent()).toContain('已同意');

    for (const [username, name] of [[PRODUCTION_MANAGER, 'production-manager'], [QUALITY_ENGINEER, 'quality-engineer']] as const) {
      await signIn(approver, username);
      await approver.getByTestId('nav-inbox').click();
      const countersign = approver.locator(`[data-testid^="task-row-"][data-record="${recordId}"][data-node="countersign"]`);
      await countersign.waitFor();
      await expect.poll(() => countersign.textContent()).toContain('会签放行');
      await harness.screenshot(`13-countersign-${name}`, approver);
    }
    expect((await tasksOf(PRODUCTION_MANAGER)).map((task) => task.node)).toEqual(['countersign']);
    expect((await tasksOf(QUALITY_ENGINEER)).map((task) => task.node)).toEqual(['countersign']);
    expect(await tasksOf(INSPECTOR)).toEqual([]);
  }, 60_000);
});
