import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DispatchList, ScheduleRunSummary, ScheduleRunView } from '../../designer/src/api/scheduling-types.js';
import { toFactoryLocal } from '../../designer/src/scheduling/factory-time.js';
import { factoryDayStart, factoryWeekday } from '../../designer/src/scheduling/time-scale.js';
import type { PlannedOperation } from '../../engine/planning/generated/planning-types.js';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

/*
 * The planner at 排程 on the demo factory: no schedule yet; plans a draft and commits it; sees the
 * late operations marked; drags one operation to a free slot (accepted, committed as a move) and one
 * onto a machine's busy time (refused: it snaps back and the violation is shown); inserts a newly
 * released production order (a draft listing what moved) and commits it; runs a what-if with
 * a machine down for two days and reads the comparison; opens a work center's dispatch list and its
 * print layout; reports a machine breakdown and a started operation finished from the Gantt and sees what
 * each committed reschedule moved.
 */

const PLANNER = 'zhao.min';
const SHANGHAI = 480;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The week zoom's scale (time-scale.ts): the drags below are measured in it. */
const WEEK_PX_PER_MINUTE = 7 / 60;

/** 09:00 Shanghai on the first weekday after `ms`: inside the first shift of every demo calendar. */
function nextWeekdayNine(ms: number): number {
  for (let day = factoryDayStart(ms, SHANGHAI); ; day += 24 * HOUR) {
    const nine = day + 9 * HOUR;
    if (nine > ms && factoryWeekday(nine, SHANGHAI) <= 5) return nine;
  }
}

/** What the drag helper touches of a bar in the page (the test tsconfig has no DOM types). */
interface ScrolledBar {
  readonly offsetLeft: number;
  scrollIntoView(options: { block: 'center' }): void;
  closest(selector: string): { scrollLeft: number } | null;
}

const startOf = (operation: PlannedOperation) => Date.parse(operation.start);
const endOf = (operation: PlannedOperation) => Date.parse(operation.end);

describe.skipIf(skipBrowserTests)('the planner schedules the shop floor in Chromium', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    // 09:30 factory time on a working day: the story reports a started operation finished, and an
    // operation has started only if the plan was made inside a shift.
    harness = await startBrowserHarness({ name: 'scheduling', clockStart: nextWeekdayNine(Date.now()) + 30 * MINUTE });
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  it('plans, commits, moves operations in the Gantt, inserts an order, runs a what-if and prints a dispatch list', async () => {
    const { page } = harness;
    await page.goto(harness.baseUrl);
    await harness.signIn(PLANNER);

    // Nothing is committed on a fresh factory: the committed run answers 404, the page's empty state.
    harness.allow('console', /status of 404/);
    await page.getByTestId('nav-scheduling').click();
    await expect.poll(() => page.getByTestId('no-schedule').textContent()).toContain('尚无已提交的排程');
    await harness.screenshot('01-no-schedule');

    await page.getByTestId('run-schedule').click();
    await page.locator('[data-testid="run-summary"][data-status="draft"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('commit-schedule').isEnabled()).toBe(true);
    await harness.screenshot('02-draft');

    await page.getByTestId('commit-schedule').click();
    await page.getByTestId('committed-notice').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="run-summary"][data-status="committed"]').waitFor();
    const committed = await harness.api<ScheduleRunView>(PLANNER, '/api/schedule-runs/committed');
    expect(committed.kind).toBe('plan');

    // Late operations are marked, as many as the committed schedule has; the KPI strip counts the late orders.
    const late = committed.result.operations.filter((operation) => operation.late && operation.machine !== undefined);
    expect(late.length).toBeGreaterThan(0);
    const lateBars = page.locator('[data-testid="gantt"] [data-testid="gantt-bar"][data-late="true"]');
    expect(await lateBars.count()).toBe(committed.result.operations.filter((operation) => operation.late).length);
    expect(await page.getByTestId('kpi-ordersLate').textContent()).toContain(String(committed.result.kpis.ordersLate.length));
    await lateBars.first().scrollIntoViewIfNeeded();
    await lateBars.first().hover();
    const hoveredId = await lateBars.first().getAttribute('data-operation');
    const hovered = committed.result.operations.find((operation) => operation.operation === hoveredId);
    const tooltip = (await page.getByTestId('gantt-tooltip').textContent()) ?? '';
    expect(tooltip).toContain('延期');
    expect(tooltip).toContain(committed.labels.orders[hovered?.order ?? '']?.moNo ?? '?');
    await harness.screenshot('03-committed-late');
    await page.mouse.move(0, 0);

    // Drag the last operation of an order that is last on its machine to 09:00 of a later weekday: a free slot.
    await page.getByTestId('gantt-zoom-week').click();
    const now = harness.now();
    const movable = committed.result.operations.filter((operation) => !operation.fixed && operation.machine !== undefined && startOf(operation) >= now);
    const lastOnMachine = (operation: PlannedOperation, operations: readonly PlannedOperation[]) =>
      !operations.some((other) => other !== operation && other.machine === operation.machine && startOf(other) >= startOf(operation));
    const lastOfOrder = (operation: PlannedOperation, operations: readonly PlannedOperation[]) =>
      !operations.some((other) => other.order === operation.order && startOf(other) > startOf(operation));
    const free = movable.find((operation) => lastOnMachine(operation, committed.result.operations) && lastOfOrder(operation, committed.result.operations));
    expect(free).toBeDefined();
    const target = nextWeekdayNine(endOf(free!));
    const dragBar = async (operation: PlannedOperation, to: number, machine = operation.machine) => {
      const bar = page.locator(`[data-testid="gantt"] [data-operation="${operation.operation}"]`);
      // Bring the bar's left end into view, a little right of the machine names, so the drag starts on it.
      await bar.evaluate((element: ScrolledBar) => {
        element.scrollIntoView({ block: 'center' });
        const scroll = element.closest('.gantt-scroll');
        if (scroll) scroll.scrollLeft = element.offsetLeft - 188 - 120;
      });
      const box = await bar.boundingBox();
      if (!box) throw new Error(`the bar of ${operation.operation} is not drawn`);
      const row = await page.locator(`[data-testid="gantt"] [data-testid="gantt-row"][data-row="${machine}"]`).boundingBox();
      const x = box.x + Math.min(6, box.width / 2);
      const y = box.y + box.height / 2;
      const dx = ((to - startOf(operation)) / MINUTE) * WEEK_PX_PER_MINUTE;
      const dy = row ? row.y + row.height / 2 - y : 0;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
      await page.mouse.move(x + dx, y + dy, { steps: 4 });
      await page.mouse.up();
      return box;
    };
    await dragBar(free!, target);
    await page.getByTestId('move-accepted').waitFor({ timeout: 20_000 });
    const moved = await harness.api<ScheduleRunView>(PLANNER, '/api/schedule-runs/committed');
    expect([moved.kind, moved.baseRunId]).toEqual(['move', committed.id]);
    expect(moved.result.operations.find((operation) => operation.operation === free!.operation)?.start).toBe(new Date(target).toISOString());
    await harness.screenshot('04-move-accepted');

    // Drag an operation onto a machine of its work center where another order's operation starts
    // there (its own predecessors done by then): the machine is busy, the move is refused and the bar goes back.
    const ops = moved.result.operations;
    const predecessorsEnd = (operation: PlannedOperation) =>
      Math.max(0, ...ops.filter((other) => other.order === operation.order && startOf(other) < startOf(operation)).map(endOf));
    // The drop goes a quarter past the first 15-minute mark after `first` starts, while `first` still runs
    // there, inside every demo calendar's day shift (Monday to Friday, 08:00-15:30 factory time): working
    // time whatever the hour the test runs, so the busy machine is what is refused (the move pushes only
    // what starts after the drop to the right, never `first`).
    const dropAt = (first: PlannedOperation) => Math.ceil(startOf(first) / (15 * MINUTE)) * 15 * MINUTE + 15 * MINUTE;
    const inDayShift = (ms: number) => {
      const local = toFactoryLocal(ms);
      const weekday = new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay();
      return weekday >= 1 && weekday <= 5 && local.slice(11) >= '08:00' && local.slice(11) <= '15:00';
    };
    const busy = ops
      .filter((operation) => !operation.fixed && operation.machine !== undefined && startOf(operation) >= now)
      .flatMap((second) =>
        ops
          .filter((first) => first.workCenter === second.workCenter && first.order !== second.order && endOf(first) > dropAt(first))
          .filter((first) => predecessorsEnd(second) <= dropAt(first) && dropAt(first) >= now && inDayShift(startOf(first)) && inDayShift(dropAt(first)))
          .map((first) => ({ first, second })),
      )[0];
    expect(busy).toBeDefined();
    const { first, second } = busy!;
    harness.allow('console', /status of 409/);
    const before = await dragBar(second, dropAt(first), first.machine);
    const refused = page.getByTestId('move-refused');
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.textContent()).toContain('调整被拒绝');
    expect(await refused.locator('li[data-kind="overlap"]').count()).toBe(1);
    expect(await refused.textContent()).toContain('该时段已被占用');
    expect((await harness.api<ScheduleRunView>(PLANNER, '/api/schedule-runs/committed')).id).toBe(moved.id);
    const back = await page.locator(`[data-testid="gantt"] [data-operation="${second.operation}"]`).boundingBox();
    expect(Math.abs((back?.x ?? 0) - before.x)).toBeLessThan(1);
    await harness.screenshot('05-move-refused');

    // 插单: a production order released after the plan goes into the committed schedule as a draft that lists what moved.
    const today = toFactoryLocal(now).slice(0, 10);
    const dueDay = toFactoryLocal(now + 3 * 24 * HOUR).slice(0, 10);
    const order = await harness.api<{ id: string }>(PLANNER, '/api/forms/production-order/records', {
      method: 'POST',
      body: { data: { item: 'item-pc-100', bomVersion: 'A', qty: 6, startDate: today, dueDate: dueDay, status: 'released' } },
    });
    await page.getByTestId('open-insert').click();
    await page.getByTestId('insert-order').selectOption(order.id);
    await page.getByTestId('insert-submit').click();
    await page.locator('[data-testid="run-summary"][data-status="draft"]').waitFor({ timeout: 60_000 });
    const inserted = (await harness.api<{ items: ScheduleRunSummary[] }>(PLANNER, '/api/schedule-runs?limit=1')).items[0]!;
    const draft = await harness.api<ScheduleRunView>(PLANNER, `/api/schedule-runs/${inserted.id}`);
    expect([draft.kind, draft.baseRunId]).toEqual(['insert', moved.id]);
    expect(await page.getByTestId('draft-changes').textContent()).toContain(`${draft.changes!.moved.length} 道工序变动`);
    expect(await page.locator(`[data-testid="gantt"] [data-testid="gantt-bar"][data-operation^="${order.id}/"]`).count()).toBe(
      draft.result.operations.filter((operation) => operation.order === order.id).length,
    );
    const changedBars = page.locator('[data-testid="gantt"] [data-testid="gantt-bar"][data-changed="true"]');
    expect(await changedBars.count()).toBe(new Set([...draft.changes!.moved.map((move) => move.operation), ...draft.result.operations.filter((operation) => operation.order === order.id).map((operation) => operation.operation)]).size);
    await harness.screenshot('06-insert-draft');
    await page.getByTestId('commit-schedule').click();
    await page.getByTestId('committed-notice').waitFor({ timeout: 20_000 });
    expect((await harness.api<ScheduleRunView>(PLANNER, '/api/schedule-runs/committed')).id).toBe(draft.id);

    // What-if: a work center's only machine down for two days from its next operation: that order finishes later.
    await page.getByTestId('scheduling-tab-whatif').click();
    const live = draft.result.operations;
    const alone = live
      .filter((operation) => !operation.fixed && startOf(operation) >= now && draft.labels.workCenters[operation.workCenter ?? '']?.machines.length === 1)
      .sort((a, b) => startOf(a) - startOf(b))[0];
    expect(alone).toBeDefined();
    await page.getByTestId('whatif-add-machine-down').click();
    await page.getByTestId('whatif-machine').selectOption(alone!.machine!);
    await page.getByTestId('whatif-from').fill(toFactoryLocal(Math.floor(startOf(alone!) / MINUTE) * MINUTE));
    expect(await page.getByTestId('whatif-days').inputValue()).toBe('2');
    await page.getByTestId('run-whatif').click();
    await page.getByTestId('whatif-comparison').waitFor({ timeout: 60_000 });
    const { items } = await harness.api<{ items: ScheduleRunSummary[] }>(PLANNER, '/api/schedule-runs?limit=3');
    expect([items[0]?.kind, items[0]?.status]).toEqual(['whatif', 'draft']);
    const whatif = await harness.api<ScheduleRunView>(PLANNER, `/api/schedule-runs/${items[0]!.id}`);
    expect(await page.getByTestId('order-delta-row').count()).toBe(whatif.whatif!.comparison.orders.length);
    expect(await page.getByTestId('util-row').count()).toBe(whatif.whatif!.comparison.utilisation.length);
    expect(whatif.whatif!.comparison.orders.find((order) => order.order === alone!.order)?.deltaMinutes).toBeGreaterThan(0);
    expect(await page.locator(`[data-testid="order-delta-row"][data-order="${alone!.order}"]`).textContent()).toContain('推迟');
    await page.getByTestId('gantt-base').waitFor();
    await page.getByTestId('gantt-scenario').waitFor();
    // The two Gantts share one time scale and scroll together.
    const scrollOf = (testId: string) => page.locator(`[data-testid="${testId}"] .gantt-scroll`);
    await scrollOf('gantt-base').evaluate((element: { scrollLeft: number }) => {
      element.scrollLeft = 240;
    });
    await expect.poll(() => scrollOf('gantt-scenario').evaluate((element: { scrollLeft: number }) => element.scrollLeft)).toBe(240);
    expect((await harness.api<ScheduleRunView>(PLANNER, '/api/schedule-runs/committed')).id).toBe(draft.id);
    await page.getByTestId('whatif-comparison').scrollIntoViewIfNeeded();
    await harness.screenshot('07-whatif');

    // Dispatch lists follow the committed schedule: the moved operation is on its work center's list at its new start.
    const movedTo = live.find((operation) => operation.operation === free!.operation)!;
    const its = await harness.api<DispatchList>(PLANNER, `/api/dispatch-lists/${movedTo.workCenter}`);
    expect(its.items.find((item) => item.operation === free!.operation)?.start).toBe(movedTo.start);
    const load = new Map<string, number>();
    for (const operation of live) if (operation.workCenter !== undefined) load.set(operation.workCenter, (load.get(operation.workCenter) ?? 0) + 1);
    const workCenter = [...load].sort((a, b) => b[1] - a[1])[0]![0];
    await page.getByTestId('scheduling-tab-dispatch').click();
    await page.getByTestId('dispatch-work-center').selectOption(workCenter);
    await page.waitForURL(new RegExp(`#/scheduling/dispatch/${workCenter}$`));
    const list = await harness.api<DispatchList>(PLANNER, `/api/dispatch-lists/${workCenter}`);
    await expect.poll(() => page.getByTestId('dispatch-row').count()).toBe(list.items.length);
    expect(await page.getByTestId('dispatch-title').textContent()).toContain(draft.labels.workCenters[workCenter]!.code);
    expect(await page.getByTestId('dispatch-row').first().textContent()).toContain(draft.labels.orders[list.items[0]!.order]!.moNo);
    await harness.screenshot('08-dispatch');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.side-nav').isVisible()).toBe(false);
    await harness.screenshot('09-dispatch-print');
    await page.emulateMedia({ media: 'screen' });

    // A machine breaks down: reported from its row header, rescheduled and committed; what moved is outlined and listed.
    await page.getByTestId('scheduling-tab-gantt').click();
    const victim = live
      .filter((operation) => !operation.fixed && operation.machine !== undefined && startOf(operation) >= harness.now() + 9 * HOUR)
      .sort((a, b) => startOf(a) - startOf(b))[0]!;
    expect(victim).toBeDefined();
    const downFrom = Math.floor((startOf(victim) - 30 * MINUTE) / MINUTE) * MINUTE;
    await page.locator(`[data-testid="gantt"] [data-testid="report-breakdown"][data-machine="${victim.machine}"]`).click();
    const dialog = page.getByTestId('shop-event-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`${victim.machine} 停机`);
    await page.getByTestId('breakdown-from').fill(toFactoryLocal(downFrom));
    await page.getByTestId('breakdown-to').fill(toFactoryLocal(downFrom + 24 * HOUR));
    await harness.screenshot('10-breakdown-dialog');
    await page.getByTestId('shop-event-submit').click();
    await page.getByTestId('event-result').waitFor({ timeout: 60_000 });
    const rescheduled = await harness.api<ScheduleRunView>(PLANNER, '/api/schedule-runs/committed');
    expect([rescheduled.kind, rescheduled.status, rescheduled.baseRunId]).toEqual(['event', 'committed', draft.id]);
    for (const operation of rescheduled.result.operations.filter((candidate) => candidate.machine === victim.machine && !candidate.fixed)) {
      expect(startOf(operation) < downFrom || startOf(operation) >= downFrom + 24 * HOUR, operation.operation).toBe(true);
    }
    const movedOps = new Set(rescheduled.changes!.moved.map((move) => move.operation));
    expect(movedOps.has(victim.operation)).toBe(true);
    expect(await page.locator('[data-testid="gantt"] [data-testid="gantt-bar"][data-changed="true"]').count()).toBe(movedOps.size);
    expect(await page.getByTestId('event-result').textContent()).toContain(`已按 ${victim.machine} 停机`);
    expect(await page.getByTestId('event-result').textContent()).toContain(`${movedOps.size} 道工序变动`);
    await page.locator(`[data-testid="gantt"] [data-operation="${victim.operation}"]`).scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await harness.screenshot('11-breakdown-rescheduled');

    // A started operation is reported finished from its bar's menu, at the time the dialog offers (now).
    const running = rescheduled.result.operations.find((operation) => operation.fixed && operation.machine !== undefined && startOf(operation) <= harness.now())!;
    expect(running).toBeDefined();
    const runningBar = page.locator(`[data-testid="gantt"] [data-operation="${running.operation}"]`);
    await runningBar.evaluate((element: ScrolledBar) => {
      element.scrollIntoView({ block: 'center' });
      const scroll = element.closest('.gantt-scroll');
      if (scroll) scroll.scrollLeft = element.offsetLeft - 188 - 120;
    });
    const runningBox = (await runningBar.boundingBox())!;
    await runningBar.click({ position: { x: Math.min(8, runningBox.width / 2), y: runningBox.height / 2 } });
    await page.getByTestId('bar-report-finished').click();
    await page.getByTestId('finished-at').waitFor();
    const reportedAt = Date.parse(`${await page.getByTestId('finished-at').inputValue()}:00+08:00`);
    expect(Math.abs(reportedAt - harness.now())).toBeLessThan(5 * MINUTE);
    await page.getByTestId('shop-event-submit').click();
    await expect.poll(async () => (await harness.api<ScheduleRunView>(PLANNER, '/api/schedule-runs/committed')).baseRunId, { timeout: 60_000 }).toBe(rescheduled.id);
    const finished = await harness.api<ScheduleRunView>(PLANNER, '/api/schedule-runs/committed');
    expect(finished.kind).toBe('event');
    expect(finished.result.operations.find((operation) => operation.operation === running.operation)?.end).toBe(new Date(reportedAt).toISOString());
    await expect.poll(() => page.getByTestId('event-result').textContent()).toContain('完工重新排程并提交');
    await page.mouse.move(0, 0);
    await harness.screenshot('12-finished-rescheduled');

    // The same page in English, by order, with the moved operation's order on top of the tooltip.
    await page.getByTestId('lang-en').click();
    await page.getByTestId('scheduling-tab-gantt').click();
    await page.getByTestId('gantt-mode-orders').click();
    expect(await page.getByTestId('page-title').textContent()).toBe('Scheduling (finite capacity)');
    // The last event's message follows the language too.
    expect(await page.getByTestId('event-result').textContent()).toContain('finished at');
    expect(await page.getByTestId('gantt-row').count()).toBe(draft.result.orders.length);
    const movedBar = page.locator(`[data-testid="gantt"] [data-operation="${free!.operation}"]`);
    await movedBar.scrollIntoViewIfNeeded();
    await movedBar.hover();
    expect(await page.getByTestId('gantt-tooltip').textContent()).toContain(draft.labels.orders[free!.order]!.moNo);
    await harness.screenshot('13-by-order-en');
  });
});
