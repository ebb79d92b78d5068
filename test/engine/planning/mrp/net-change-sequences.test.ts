import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMrpChanges,
  createMrpPlanner,
  formatDay,
  generateScenario,
  type MrpChange,
  type MrpScenario,
  parseDay,
  planMrp,
} from '../../../../engine/planning/index.js';
import { type Random, random } from './random-factory.js';
import { withoutReplanned } from './plan-text.js';

/**
 * Net-change on generated factories (shared components with hundreds of demands, lot sizing of every
 * kind, substitutes, phantoms, order-specific stock): the random factories of mrp-properties.test.ts
 * have a handful of demands per item, too few buckets for net-change to resume an item's netting part
 * way through the horizon and meet the previous run again. Every change a planner sees day to day,
 * in random sequences: each result must be the regenerative plan of the changed scenario, byte for byte.
 */
function day(scenario: MrpScenario, offset: number): string {
  return formatDay(parseDay(scenario.horizon.start)! + offset);
}

/** One everyday change: a new order, a changed or cancelled order, a changed or removed receipt, a stock count. */
function everydayChange(rng: Random, scenario: MrpScenario, serial: number): MrpChange {
  const orders = scenario.demands.filter((demand) => demand.kind === 'sales-order');
  switch (rng.int(0, 5)) {
    case 0: {
      const item = rng.pick(scenario.items.slice(0, Math.max(1, Math.ceil(scenario.items.length / 3))));
      const salesOrder = rng.chance(0.5) ? `SO-NEW-${serial}` : (rng.pick(orders).salesOrder ?? `SO-NEW-${serial}`);
      return { type: 'upsert-demand', demand: { id: `NEW-${serial}`, kind: 'sales-order', item: item.id, qty: rng.int(1, 40), due: day(scenario, rng.int(0, 80)), salesOrder, priority: rng.pick([50, 100, 100, 200]) } };
    }
    case 1: {
      const old = rng.pick(orders);
      return { type: 'upsert-demand', demand: { ...old, qty: rng.int(1, 60), due: rng.chance(0.5) ? old.due : day(scenario, rng.int(0, 80)) } };
    }
    case 2:
      return { type: 'upsert-demand', demand: { ...rng.pick(orders), status: 'cancelled' } };
    case 3: {
      if (scenario.supplies.length === 0) return { type: 'remove-demand', id: rng.pick(scenario.demands).id };
      const old = rng.pick(scenario.supplies);
      return { type: 'upsert-supply', supply: { ...old, qty: rng.int(1, 200), due: rng.chance(0.5) ? old.due : day(scenario, rng.int(-3, 80)) } };
    }
    case 4:
      return scenario.supplies.length === 0 ? { type: 'remove-demand', id: rng.pick(orders).id } : { type: 'remove-supply', id: rng.pick(scenario.supplies).id };
    default: {
      const row = scenario.stock.length > 0 ? rng.pick(scenario.stock) : { item: rng.pick(scenario.items).id, qty: 0 };
      const rows = scenario.stock.filter((other) => other.item === row.item).map((other) => (other === row ? { ...other, qty: rng.int(0, 300) } : other));
      return { type: 'replace-stock', item: row.item, rows: rows.length > 0 ? rows : [{ ...row, qty: rng.int(0, 300) }] };
    }
  }
}

describe('net-change on generated factories', () => {
  it('random sequences of new, changed and cancelled orders, receipts and stock equal the regenerative plan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 10, max: 20 }), (seed, items) => {
        let scenario = generateScenario({ items, seed, horizonDays: 90 });
        const planner = createMrpPlanner(scenario);
        const rng = random(seed);
        for (let batch = 0; batch < 4; batch++) {
          const changes = Array.from({ length: rng.int(1, 2) }, (_, at) => everydayChange(rng, scenario, batch * 10 + at));
          scenario = applyMrpChanges(scenario, changes);
          expect(withoutReplanned(planner.apply(changes))).toBe(JSON.stringify(planMrp(scenario)));
        }
      }),
      { numRuns: 25 },
    );
  });
});
