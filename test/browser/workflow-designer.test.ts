import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';
import { canvasNode as node, drawArrow, nodePosition, overlappingLabels, settledBox, sharedStretches } from '../support/workflow-canvas.js';

/*
 * The quality manager opens the NCR workflow in the workflow designer, adds a quality manager review by
 * mouse (a countersign with a 24-hour due time that escalates), connects it, moves a node, saves,
 * publishes, reloads and finds exactly that in the published definition and the node where she put it;
 * a publish the server refuses marks the node; a step dropped onto a stage becomes one of its steps.
 */

function within(inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

// 马琳, the quality manager: her role may design (canDesign).
const DESIGNER = 'ma.lin';

type States = Record<string, Record<string, unknown>>;

describe.skipIf(skipBrowserTests)('a designer changes and publishes a workflow in Chromium', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'workflow-designer' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  it('creates a workflow, opens the NCR workflow, adds a countersign review with a 24-hour escalation by mouse, connects, publishes and reloads it', async () => {
    const { page } = harness;
    await page.setViewportSize({ width: 1600, height: 960 });
    await page.goto(harness.baseUrl);
    await harness.signIn(DESIGNER);

    await page.getByTestId('nav-workflow-designer').click();
    await page.getByTestId('designer-workflow-ncr').waitFor();
    await harness.screenshot('01-workflows');

    // A new workflow starts as a draft with one state, on the form chosen for it.
    await page.getByTestId('new-workflow').click();
    await page.getByTestId('new-workflow-zh').fill('来料检验审批');
    await page.getByTestId('new-workflow-en').fill('Incoming inspection approval');
    expect(await page.getByTestId('new-workflow-id').inputValue()).toBe('incoming-inspection-approval');
    await page.getByTestId('new-workflow-form').selectOption('ncr');
    await page.getByTestId('new-workflow-create').click();
    await node(page, 'draft').waitFor();
    const created = await harness.api<{ body: string; source: string }>(DESIGNER, '/api/designer/drafts/workflow/incoming-inspection-approval');
    expect(created.source).toBe('draft');
    expect(JSON.parse(created.body)).toMatchObject({ kind: 'workflow', id: 'incoming-inspection-approval', form: 'ncr', initial: 'draft' });
    await page.getByText('‹').first().click();
    await page.getByTestId('designer-workflow-ncr').click();

    // Every state is drawn, the stage "disposition" holding its three steps, plus the start marker and "any state".
    await page.getByTestId('wd-canvas').waitFor();
    const ncr = await harness.api<{ workflows: WorkflowDefinition[] }>(DESIGNER, '/api/definitions').then((all) => all.workflows.find((workflow) => workflow.id === 'ncr')!);
    for (const name of ['open', 'containment', 'root-cause', 'cause-decision', 'disposition', 'disposition-proposal', 'material-review', 'disposition-agreed', 'verification', 'verification-decision', 'closed', 'cancelled']) {
      await node(page, name).waitFor();
    }
    expect(await page.locator('.react-flow__node').count()).toBe(12 + 2);
    expect(await node(page, 'material-review').getAttribute('data-kind')).toBe('task');
    expect(await page.locator('.react-flow__edge').count()).toBeGreaterThanOrEqual(16);
    // Drawn at once from the quick layout, then ELK's: arrows along its routes, no label on another, rejections apart from the main path.
    await page.locator('[data-testid="wd-canvas"][data-layout="elk"]').waitFor();
    expect(await overlappingLabels(page)).toEqual([]);
    expect(await sharedStretches(page, 'wd-edge-rejected')).toEqual([]);
    await harness.screenshot('02-ncr-opened');

    // The JSON view shows the published definition exactly as the server keeps it.
    await page.getByTestId('wd-tab-json').click();
    expect(JSON.parse(await page.getByTestId('designer-json').inputValue())).toEqual(ncr);
    await page.getByTestId('wd-tab-properties').click();

    // A task dragged from the palette onto an empty part of the canvas (its top right: ELK's drawing of the NCR
    // workflow fills the middle, the stage "disposition" the lower part) is selected for editing.
    const canvas = page.getByTestId('wd-canvas');
    const box = (await canvas.boundingBox())!;
    await page.getByTestId('wd-palette-task').dragTo(canvas, { targetPosition: { x: box.width - 90, y: 70 } });
    await node(page, 'task-1').waitFor();
    await page.getByTestId('wd-state-title-zh').fill('质量经理复核');
    await page.getByTestId('wd-state-title-en').fill('Quality manager review');
    await page.getByTestId('wd-state-name').fill('qm-review');
    await page.getByTestId('wd-state-name').press('Enter');
    await node(page, 'qm-review').waitFor();
    await page.getByTestId('wd-task-title-zh').fill('复核处置结果');
    await page.getByTestId('wd-task-title-en').fill('Review the disposition');
    // A new task goes to the app's first business role until the designer says otherwise.
    await expect.poll(() => page.getByTestId('wd-task-roles-sales-clerk').isChecked()).toBe(true);
    await page.getByTestId('wd-task-roles-sales-clerk').uncheck();
    await page.getByTestId('wd-task-roles-quality-engineer').check();
    await page.getByTestId('wd-task-roles-production-manager').check();
    await page.getByTestId('wd-task-mode').selectOption('all');
    await page.getByTestId('wd-due-enabled').check();
    await page.getByTestId('wd-due-amount').fill('24');
    await page.getByTestId('wd-due-unit').selectOption('hours');
    await page.getByTestId('wd-due-action').selectOption('notify');
    await page.getByTestId('wd-due-to-production-manager').check();
    await page.getByTestId('wd-task-editable-dispositionNote').check();
    await harness.screenshot('03-task-properties');

    // Connect, with the whole workflow in view: the review's approval closes the report, and a new event leads to it.
    await page.getByTestId('wd-fit').click();
    await page.waitForTimeout(400);
    await drawArrow(page, 'qm-review', 'closed');
    expect(await page.getByTestId('wd-connect-kind').inputValue()).toBe('approved');
    await page.getByTestId('wd-connect-create').click();
    // A final state has nowhere to go: it has no handle to drag from.
    expect(await node(page, 'closed').locator('.react-flow__handle.source').count()).toBe(0);
    await drawArrow(page, 'open', 'qm-review');
    expect(await page.getByTestId('wd-connect-kind').inputValue()).toBe('on');
    await page.getByTestId('wd-connect-event').fill('fast-track');
    await harness.screenshot('04-connect-dialog');
    await page.getByTestId('wd-connect-create').click();
    await page.getByTestId('wd-edge-props').waitFor();
    await page.getByTestId('wd-edge-title-zh').fill('快速复核');
    await page.getByTestId('wd-edge-title-en').fill('Fast track');
    await page.getByTestId('wd-edge-roles-quality-engineer').check();
    await page.getByTestId('wd-edge-guard-input').fill('severity = "minor"');
    await expect.poll(() => page.getByTestId('wd-edge-guard-status').getAttribute('class')).not.toContain('is-invalid');

    // A stray timer: added by click, deleted by the Delete key, brought back by Ctrl+Z, gone again by Ctrl+Shift+Z.
    await page.getByTestId('wd-palette-timer').click();
    await node(page, 'timer-1').waitFor();
    // A node added by a click lands in view.
    expect(within((await node(page, 'timer-1').boundingBox())!, (await canvas.boundingBox())!)).toBe(true);
    await page.getByTestId('wd-canvas').click({ position: { x: 5, y: 5 } });
    await node(page, 'timer-1').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => node(page, 'timer-1').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await node(page, 'timer-1').waitFor();
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => node(page, 'timer-1').count()).toBe(0);
    await page.getByTestId('wd-layout').click();
    await page.waitForTimeout(400);
    await harness.screenshot('05-connected');

    // A node moved by hand stays where it was put: saved with the draft, beside (not in) the definition.
    await page.locator('[data-testid="wd-canvas"]:not([aria-busy="true"])').waitFor();
    const before = await nodePosition(page, 'containment');
    const grip = await settledBox(page, node(page, 'containment'));
    // Held by its left side: the handles sit in the middle of its top and bottom edges.
    const hold = { x: grip.x + 12, y: grip.y + grip.height / 2 };
    await page.mouse.move(hold.x, hold.y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step += 1) await page.mouse.move(hold.x + step * 12, hold.y + step * 4);
    await page.mouse.up();
    const moved = await nodePosition(page, 'containment');
    expect(moved.x).toBeGreaterThan(before.x + 20);

    await page.getByTestId('designer-save').click();
    await page.getByText('草稿已保存。').or(page.getByText('Draft saved.')).waitFor();
    await page.getByTestId('designer-publish').click();
    await expect.poll(() => page.getByTestId('designer-status').textContent()).toMatch(/v2/);
    await harness.screenshot('06-published');

    const published = await harness.api<{ workflows: WorkflowDefinition[] }>(DESIGNER, '/api/definitions').then((all) => all.workflows.find((workflow) => workflow.id === 'ncr')!);
    const states = published.states as unknown as States;
    expect(published.version).toBe(2);
    expect(states['qm-review']).toEqual({
      title: { 'zh-CN': '质量经理复核', en: 'Quality manager review' },
      task: {
        title: { 'zh-CN': '复核处置结果', en: 'Review the disposition' },
        assignees: [{ role: 'quality-engineer' }, { role: 'production-manager' }],
        onApproved: { target: 'closed' },
        mode: 'all',
        due: { after: 'PT24H', onDue: { action: 'notify', to: [{ role: 'production-manager' }] } },
        editableFields: ['dispositionNote'],
      },
    });
    expect((states.open!.on as Record<string, unknown>)['fast-track']).toEqual({ target: 'qm-review', title: { 'zh-CN': '快速复核', en: 'Fast track' }, roles: ['quality-engineer'], guard: 'severity = "minor"' });
    // Everything else is as it was.
    const { ['qm-review']: _added, ...rest } = states;
    const { ['fast-track']: _event, ...openOn } = states.open!.on as Record<string, unknown>;
    expect({ ...published, version: 1, states: { ...rest, open: { ...states.open, on: openOn } } }).toEqual(ncr);

    const saved = await harness.api<{ layout: { nodes: Record<string, { x: number; y: number }> } }>(DESIGNER, '/api/designer/drafts/workflow/ncr');
    expect(saved.layout.nodes.containment).toMatchObject(moved);

    // After a reload the designer shows the published version, byte for byte, drawn as it was saved.
    await page.reload();
    await node(page, 'qm-review').waitFor();
    expect(await page.getByTestId('wd-canvas').getAttribute('data-layout')).toBe('saved');
    expect(await nodePosition(page, 'containment')).toEqual(moved);
    await page.getByTestId('wd-tab-json').click();
    expect(await page.getByTestId('designer-json').inputValue()).toBe(`${JSON.stringify(published, null, 2)}\n`);

    // A guard that does not compile is refused on publish and marked on its state.
    const broken = JSON.parse(await page.getByTestId('designer-json').inputValue()) as { states: States };
    (broken.states['verification-decision']!.always as { guard?: string }[])[0]!.guard = 'verificationResult = ';
    harness.allow('console', /400/);
    await page.getByTestId('designer-json').fill(`${JSON.stringify(broken, null, 2)}\n`);
    await page.getByTestId('designer-publish').click();
    await page.getByTestId('wd-problem-list').waitFor();
    await node(page, 'verification-decision').getByTestId('wd-node-problem').waitFor();
    await harness.screenshot('07-publish-refused');

    // A state dragged from the palette onto the stage "disposition" becomes one of its steps, inside its frame.
    await page.getByTestId('wd-fit').click();
    const frame = await settledBox(page, node(page, 'disposition'));
    const area = (await canvas.boundingBox())!;
    await page.getByTestId('wd-palette-state').dragTo(canvas, { targetPosition: { x: frame.x - area.x + frame.width / 2, y: frame.y - area.y + frame.height / 2 } });
    await node(page, 'state-1').waitFor();
    expect(within((await settledBox(page, node(page, 'state-1')))!, (await node(page, 'disposition').boundingBox())!)).toBe(true);
    await page.getByTestId('wd-tab-json').click();
    const withStep = JSON.parse(await page.getByTestId('designer-json').inputValue()) as { states: States };
    expect(Object.keys(withStep.states.disposition!.states as States)).toEqual(['disposition-proposal', 'material-review', 'disposition-agreed', 'state-1']);
    expect(withStep.states['state-1']).toBeUndefined();
    await harness.screenshot('08-dropped-into-stage');
  }, 120_000);

  it('assigns a task to a department, its head and a searched user, edits an arrow\'s actions and a function\'s results by mouse, with no JSON', async () => {
    const { page } = harness;
    await page.setViewportSize({ width: 1600, height: 1100 });
    await page.goto(`${harness.baseUrl}/#/designer/workflows`);
    await page.getByTestId('new-workflow').click();
    await page.getByTestId('new-workflow-zh').fill('质量部复核');
    await page.getByTestId('new-workflow-en').fill('Quality department review');
    await page.getByTestId('new-workflow-form').selectOption('ncr');
    await page.getByTestId('new-workflow-create').click();
    await node(page, 'draft').waitFor();

    // The review goes to the quality engineers of 质量部, the head of the NCR's responsible department, and 马琳 found by search.
    const canvas = page.getByTestId('wd-canvas');
    const box = (await canvas.boundingBox())!;
    await page.getByTestId('wd-palette-task').dragTo(canvas, { targetPosition: { x: box.width / 2, y: box.height - 140 } });
    await node(page, 'task-1').waitFor();
    await page.getByTestId('wd-state-name').fill('quality-review');
    await page.getByTestId('wd-state-name').press('Enter');
    await node(page, 'quality-review').waitFor();
    await page.getByTestId('wd-task-roles-sales-clerk').uncheck();
    await page.getByTestId('wd-task-assignees-add-kind').selectOption('department');
    await page.getByTestId('wd-task-assignees-ref').selectOption('quality');
    await page.getByTestId('wd-task-assignees-who').selectOption('quality-engineer');
    await page.getByTestId('wd-task-assignees-add').click();
    await page.getByTestId('wd-task-assignees-add-kind').selectOption('departmentOf');
    await page.getByTestId('wd-task-assignees-ref').selectOption('responsibleDepartment');
    await page.getByTestId('wd-task-assignees-who').selectOption('@manager');
    await page.getByTestId('wd-task-assignees-add').click();
    await page.getByTestId('wd-task-assignees-add-kind').selectOption('user');
    await page.getByTestId('wd-task-assignees-user').fill('马');
    await page.getByTestId('wd-task-assignees-user-option-ma.lin').click();
    await expect.poll(() => page.getByTestId('wd-task-assignees').locator('.wd-assignee-line').allTextContents()).toEqual([
      '质量部 · 质量工程师×',
      '“责任部门”中的部门 · 部门负责人×',
      '马琳 (ma.lin)×',
    ]);
    await page.getByTestId('wd-task-assignees').scrollIntoViewIfNeeded();
    await harness.screenshot('08-department-assignees');
    // Overdue votes go to the head of 质量部.
    await page.getByTestId('wd-due-enabled').check();
    await page.getByTestId('wd-due-action').selectOption('reassign');
    await page.getByTestId('wd-due-assignees-add-kind').selectOption('department');
    await page.getByTestId('wd-due-assignees-ref').selectOption('quality');
    await page.getByTestId('wd-due-assignees-who').selectOption('@manager');
    await page.getByTestId('wd-due-assignees-add').click();
    await expect.poll(() => page.getByTestId('wd-due-assignees').locator('.wd-assignee-line').allTextContents()).toEqual(['质量部 · 部门负责人×']);

    // Submitting sets the status by a formula and tells the whole quality department.
    await drawArrow(page, 'draft', 'quality-review');
    await page.getByTestId('wd-connect-event').fill('submit');
    await page.getByTestId('wd-connect-create').click();
    await page.getByTestId('wd-edge-props').waitFor();
    await page.getByTestId('wd-action-kind').selectOption('setFields');
    await page.getByTestId('wd-action-add').click();
    await page.getByTestId('wd-action-0-fields-0-key').selectOption('status');
    await page.getByTestId('wd-action-0-fields-0-formula-input').fill('"review"');
    await expect.poll(() => page.getByTestId('wd-action-0-fields-0-formula-status').getAttribute('class')).not.toContain('is-invalid');
    await page.getByTestId('wd-action-kind').selectOption('notify');
    await page.getByTestId('wd-action-add').click();
    await page.getByTestId('wd-action-1-to-roles-sales-clerk').uncheck();
    await page.getByTestId('wd-action-1-to-add-kind').selectOption('department');
    await page.getByTestId('wd-action-1-to-ref').selectOption('quality');
    await page.getByTestId('wd-action-1-to-add').click();
    await page.getByTestId('wd-action-1-message-zh').fill('新的不合格品报告待复核');
    await page.getByTestId('wd-action-1-message-en').fill('A new NCR awaits review');
    await harness.screenshot('09-transition-actions');

    // A function's result goes into the record's fields, chosen from the result's properties.
    await page.getByTestId('wd-palette-function').click();
    await node(page, 'function-1').click();
    await page.getByTestId('wd-function-name').selectOption('ctp.promise');
    await page.getByTestId('wd-output-reason').selectOption('dispositionNote');
    expect(await page.getByTestId('wd-output-feasible').locator('option').allTextContents()).toEqual(['不写入']);
    await harness.screenshot('10-function-output');

    await page.getByTestId('designer-save').click();
    await page.getByText('草稿已保存。').or(page.getByText('Draft saved.')).waitFor();
    const draft = await harness.api<{ body: string }>(DESIGNER, '/api/designer/drafts/workflow/quality-department-review');
    const states = (JSON.parse(draft.body) as WorkflowDefinition).states as unknown as States;
    expect(states['quality-review']?.task).toMatchObject({
      assignees: [{ department: 'quality', role: 'quality-engineer' }, { departmentOf: 'responsibleDepartment', manager: true }, { user: 'ma.lin' }],
      due: { after: 'PT24H', onDue: { action: 'reassign', to: [{ department: 'quality', manager: true }] } },
    });
    expect((states.draft?.on as Record<string, unknown>)['submit']).toMatchObject({
      target: 'quality-review',
      actions: [
        { type: 'setFields', fields: { status: '"review"' } },
        { type: 'notify', to: [{ department: 'quality' }], message: { 'zh-CN': '新的不合格品报告待复核', en: 'A new NCR awaits review' } },
      ],
    });
    expect((states['function-1']?.invoke as Record<string, unknown>)['output']).toEqual({ dispositionNote: 'reason' });
  }, 120_000);
});
