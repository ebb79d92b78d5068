import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMrpChanges, createMrpPlanner, generateScenario, itemPlan, type MrpPlan, planHeadline, planMrp, planMrpCompact, toMrpPlan } from '../../../../engine/planning/index.js';
import { random, randomChanges, randomFactory, seeds } from './random-factory.js';
import { withoutReplanned } from './plan-text.js';

/** The parts planHeadline gives, as the full plan has them. */
function headlineOf(plan: MrpPlan): string {
  const { horizon, plannedOrders, rescheduleMessages, exceptions, summary } = plan;
  return JSON.stringify({ horizon, plannedOrders, rescheduleMessages, exceptions, summary });
}

describe('the compact plan and writing it out', () => {
  it("one item's share, worked out again on its own, is that item's part of the whole plan, whose records planMrp made while planning", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const scenario = randomFactory(seed);
        const plan = planMrp(scenario);
        const compact = planMrpCompact(scenario);
        const ids = scenario.items.map((item) => item.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const shares = ids.map((id) => itemPlan(compact, id)!);
        expect(shares.flatMap((share) => share.plannedOrders)).toEqual(plan.plannedOrders);
        expect(shares.flatMap((share) => share.supplies)).toEqual(plan.supplies);
        expect(shares.flatMap((share) => share.demands)).toEqual(plan.demands);
        expect(shares.flatMap((share) => share.pegging)).toEqual(plan.pegging);
        expect(shares.flatMap((share) => share.rescheduleMessages)).toEqual(plan.rescheduleMessages);
        const itemExceptions = shares.flatMap((share) => share.exceptions);
        expect(plan.exceptions.slice(plan.exceptions.length - itemExceptions.length)).toEqual(itemExceptions);
        // Written out after the shares, the whole plan is the same.
        expect(JSON.stringify(toMrpPlan(compact))).toBe(JSON.stringify(plan));
        expect(itemPlan(compact, 'NO-SUCH-ITEM')).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('the headline is the plan\'s planned orders, reschedule messages, exceptions and summary, written out before or after the rest', () => {
    fc.assert(
      fc.property(seeds, fc.boolean(), (seed, first) => {
        const scenario = randomFactory(seed, { cycles: first });
        const plan = planMrp(scenario);
        const compact = planMrpCompact(scenario);
        if (!first) toMrpPlan(compact);
        expect(JSON.stringify(planHeadline(compact))).toBe(headlineOf(plan));
        // After changes, the planner's headline is the changed scenario's, with the count of replanned items.
        const planner = createMrpPlanner(scenario);
        if (first) planner.headline();
        const changes = randomChanges(random(seed ^ 0x5bd1e995), scenario, 0);
        const replanned = planner.update(changes);
        const headline = planner.headline();
        expect(headline.summary.replannedItems).toBe(replanned);
        const { replannedItems: _, ...summary } = headline.summary;
        expect(JSON.stringify({ ...headline, summary })).toBe(headlineOf(planMrp(applyMrpChanges(scenario, changes))));
      }),
      { numRuns: 60 },
    );
  });

  it('updates that are not written out in between still write out as the regenerative plan', () => {
    fc.assert(
      fc.property(seeds, fc.boolean(), (seed, cycles) => {
        let scenario = randomFactory(seed, { cycles });
        const planner = createMrpPlanner(scenario);
        const rng = random(seed ^ 0x2545f491);
        for (let batch = 0; batch < 4; batch++) {
          const changes = randomChanges(rng, scenario, batch);
          scenario = applyMrpChanges(scenario, changes);
          const replanned = planner.update(changes);
          expect(replanned).toBeLessThanOrEqual(scenario.items.length);
          // Written out only after some batches: items changed by an earlier batch must not keep stale records.
          if (batch % 2 === 1 || rng.int(0, 1) === 1) {
            const plan = planner.plan();
            expect(plan.summary.replannedItems).toBe(replanned);
            expect(withoutReplanned(plan)).toBe(JSON.stringify(planMrp(scenario)));
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('an update hands on the exceptions of the shortages it did not change, as the same objects', () => {
    const scenario = generateScenario({ items: 200, seed: 1 });
    const planner = createMrpPlanner(scenario);
    const before = planner.headline().exceptions.filter((exception) => exception.type === 'shortage');
    const first = scenario.demands[0]!;
    planner.update([{ type: 'upsert-demand', demand: { ...first, id: 'SO-NEW/1', salesOrder: 'SO-NEW', qty: 10 } }]);
    const after = planner.headline().exceptions.filter((exception) => exception.type === 'shortage');
    const objects = new Set(before);
    const texts = new Set(before.map((exception) => JSON.stringify(exception)));
    const unchanged = after.filter((exception) => texts.has(JSON.stringify(exception)));
    // The new order reaches the items that share components with it, and they have shortages.
    expect(unchanged.length).toBeGreaterThan(100);
    expect(unchanged.filter((exception) => objects.has(exception))).toEqual(unchanged);
    expect(JSON.stringify(planner.headline().exceptions)).toBe(JSON.stringify(planHeadline(planMrpCompact({ ...scenario, demands: [...scenario.demands, { ...first, id: 'SO-NEW/1', salesOrder: 'SO-NEW', qty: 10 }] })).exceptions));
  });
});
