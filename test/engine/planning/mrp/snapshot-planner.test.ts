import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMrpChanges,
  createSnapshotPlanner,
  generateScenario,
  type MrpScenario,
  planMrp,
  scenarioChanges,
} from '../../../../engine/planning/index.js';
import { random, randomChanges, randomFactory, type Random, seeds } from './random-factory.js';
import { withoutReplanned } from './plan-text.js';

/*
 * Successive snapshots of one factory, as the server reads them from its records for each request:
 * every plan must be the regenerative plan of its snapshot, whether it was made in full or by
 * net-change from the snapshot before.
 */

/** The same records in another order, as another query plan may return them. */
function shuffled(rng: Random, scenario: MrpScenario): MrpScenario {
  const mix = <T>(values: readonly T[]): T[] => values.map((value) => ({ value, key: rng.int(0, 1000) })).sort((a, b) => a.key - b.key).map(({ value }) => value);
  return { ...scenario, items: mix(scenario.items), boms: mix(scenario.boms), stock: mix(scenario.stock), supplies: mix(scenario.supplies), demands: mix(scenario.demands) };
}

describe('planning successive snapshots', () => {
  it('gives the regenerative plan of every snapshot: new, changed and removed orders, receipts, stock, items and BOMs', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const rng = random(seed);
        let scenario = randomFactory(seed);
        const planner = createSnapshotPlanner();
        expect(planner.plan(scenario).summary.replannedItems).toBeUndefined();
        for (let batch = 0; batch < 4; batch++) {
          const before = scenario;
          scenario = shuffled(rng, applyMrpChanges(scenario, randomChanges(rng, scenario, batch)));
          const plan = planner.plan(scenario);
          expect(withoutReplanned(plan)).toBe(JSON.stringify(planMrp(scenario)));
          if (scenarioChanges(before, scenario)!.length > 0) expect(plan.summary.replannedItems).toBeLessThanOrEqual(scenario.items.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('replans only what one new order reaches, and plans in full when the horizon moves', () => {
    const scenario = generateScenario({ items: 60, seed: 7, horizonDays: 90 });
    const planner = createSnapshotPlanner();
    const first = planner.plan(scenario);
    expect(first.summary.replannedItems).toBeUndefined();
    expect(planner.plan(shuffled(random(1), scenario))).toBe(first);

    const order = { ...scenario.demands.find((demand) => demand.kind === 'sales-order')!, id: 'SO-NEW/1', salesOrder: 'SO-NEW', qty: 3 };
    const ordered = { ...scenario, demands: [...scenario.demands, order] };
    expect(scenarioChanges(scenario, ordered)).toEqual([{ type: 'upsert-demand', demand: order }]);
    const changed = planner.plan(ordered);
    expect(withoutReplanned(changed)).toBe(JSON.stringify(planMrp(ordered)));
    expect(changed.summary.replannedItems).toBeGreaterThan(0);
    expect(changed.summary.replannedItems).toBeLessThan(scenario.items.length);
    expect(changed.plannedOrders.some((planned) => planned.salesOrder === 'SO-NEW')).toBe(true);

    const tomorrow = { ...ordered, horizon: { ...ordered.horizon, start: '2026-01-06' } };
    expect(scenarioChanges(ordered, tomorrow)).toBeUndefined();
    const moved = planner.plan(tomorrow);
    expect(moved.summary.replannedItems).toBeUndefined();
    expect(JSON.stringify(moved)).toBe(JSON.stringify(planMrp(tomorrow)));
  });

  it('refuses a broken snapshot as planMrp does, and plans the ones after it', () => {
    const scenario = randomFactory(11);
    const planner = createSnapshotPlanner();
    planner.plan(scenario);
    const broken = { ...scenario, demands: [...scenario.demands, { ...scenario.demands[0]!, qty: -1 }] };
    expect(() => planner.plan(broken)).toThrow(expect.objectContaining({ code: 'ORDO_ERR_MRP_SCENARIO_INVALID' }));
    expect(JSON.stringify(planner.plan(scenario))).toBe(JSON.stringify(planMrp(scenario)));
  });
});
