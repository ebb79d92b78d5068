import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMrpChanges, createMrpPlanner, type MrpScenario, parseDay, planMrp } from '../../../../engine/planning/index.js';
import { random, randomChanges, randomFactory, seeds } from './random-factory.js';
import { withoutReplanned } from './plan-text.js';

const RUNS = { numRuns: 150 };
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

function sumBy<T>(rows: readonly T[], key: (row: T) => string, qty: (row: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + qty(row));
  return sums;
}

function shuffled<T>(values: readonly T[], seed: number): T[] {
  const rng = random(seed);
  const out = [...values];
  for (let at = out.length - 1; at > 0; at--) {
    const other = rng.int(0, at);
    [out[at], out[other]] = [out[other]!, out[at]!];
  }
  return out;
}

describe('MRP properties on generated factories', () => {
  it('pegging adds up on both sides: pegs + unpegged = supply, pegs = demand, short <= demand', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const plan = planMrp(randomFactory(seed));
        const bySupply = sumBy(plan.pegging, (peg) => peg.supply, (peg) => peg.qty);
        const byDemand = sumBy(plan.pegging, (peg) => peg.demand, (peg) => peg.qty);
        for (const supply of plan.supplies) expect(close((bySupply.get(supply.id) ?? 0) + supply.unpeggedQty!, supply.qty), supply.id).toBe(true);
        for (const demand of plan.demands) {
          expect(close(byDemand.get(demand.id) ?? 0, demand.qty), demand.id).toBe(true);
          expect((demand.shortQty ?? 0) <= demand.qty + 1e-9).toBe(true);
        }
        expect(new Set(plan.pegging.map((peg) => peg.supply)).size).toBeLessThanOrEqual(plan.supplies.length);
      }),
      RUNS,
    );
  });

  it('projected available never falls below safety stock unless a shortage is reported for the item', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const scenario = randomFactory(seed);
        const plan = planMrp(scenario);
        const start = parseDay(plan.horizon.start)!;
        const expedited = new Map(plan.rescheduleMessages.filter((message) => message.action === 'expedite').map((message) => [message.supply, message.to!]));
        const short = new Set(plan.exceptions.filter((exception) => exception.type === 'shortage').map((exception) => exception.item));
        for (const item of scenario.items) {
          if (short.has(item.id)) continue;
          const events: [number, number][] = [];
          for (const supply of plan.supplies) if (supply.item === item.id) events.push([parseDay(expedited.get(supply.id) ?? supply.date)!, supply.qty]);
          for (const demand of plan.demands) if (demand.item === item.id && demand.kind !== 'safety-stock') events.push([Math.max(start, parseDay(demand.due)!), -demand.qty]);
          events.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
          let available = 0;
          for (const [day, qty] of events) {
            available += qty;
            if (qty < 0) expect(available, `${item.id} on day ${day}`).toBeGreaterThanOrEqual((item.safetyStock ?? 0) - 1e-6);
          }
        }
      }),
      RUNS,
    );
  });

  it('order-specific supply serves only demand of its own sales order', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const plan = planMrp(randomFactory(seed));
        const supplyOrder = new Map(plan.supplies.map((supply) => [supply.id, supply.salesOrder]));
        const demandOrder = new Map(plan.demands.map((demand) => [demand.id, demand.salesOrder]));
        for (const peg of plan.pegging) {
          const reserved = supplyOrder.get(peg.supply);
          if (reserved !== undefined) expect(demandOrder.get(peg.demand), `${peg.supply} -> ${peg.demand}`).toBe(reserved);
        }
      }),
      RUNS,
    );
  });

  it('uses a substitute only when the primary has no free supply on time', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const plan = planMrp(randomFactory(seed));
        for (const demand of plan.demands) {
          if (demand.substituteFor === undefined) continue;
          const due = Math.max(parseDay(plan.horizon.start)!, parseDay(demand.due)!);
          const free = plan.supplies.filter(
            (supply) =>
              supply.item === demand.substituteFor &&
              ['stock', 'purchase', 'production'].includes(supply.kind) &&
              parseDay(supply.date)! <= due &&
              (supply.salesOrder === undefined || supply.salesOrder === demand.salesOrder) &&
              supply.unpeggedQty! > 1e-6,
          );
          expect(free, `${demand.id} substitutes ${demand.substituteFor}`).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic: shuffled input arrays give the same plan, byte for byte', () => {
    fc.assert(
      fc.property(seeds, seeds, (seed, order) => {
        const scenario = randomFactory(seed, { cycles: true });
        const reordered: MrpScenario = {
          ...scenario,
          items: shuffled(scenario.items, order),
          boms: shuffled(scenario.boms, order + 1),
          stock: shuffled(scenario.stock, order + 2),
          supplies: shuffled(scenario.supplies, order + 3),
          demands: shuffled(scenario.demands, order + 4),
        };
        expect(JSON.stringify(planMrp(reordered))).toBe(JSON.stringify(planMrp(scenario)));
      }),
      RUNS,
    );
  });

  it('rejects BOM cycles naming their items in order, and plans everything else', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const scenario = randomFactory(seed, { cycles: true });
        const plan = planMrp(scenario);
        const edges = new Set(scenario.boms.flatMap((bom) => bom.lines.map((line) => `${bom.item}>${line.component}`)));
        for (const exception of plan.exceptions.filter((entry) => entry.type === 'bom-cycle')) {
          const items = exception.items!;
          expect(items[0]).toBe(items[items.length - 1]);
          for (let at = 0; at + 1 < items.length; at++) expect(edges.has(`${items[at]}>${items[at + 1]}`)).toBe(true);
        }
        expect(plan.summary.items).toBe(scenario.items.length);
      }),
      RUNS,
    );
  });

  it('net-change equals regenerative after every batch of changes', () => {
    fc.assert(
      fc.property(seeds, fc.boolean(), (seed, cycles) => {
        let scenario = randomFactory(seed, { cycles });
        const planner = createMrpPlanner(scenario);
        const rng = random(seed ^ 0x5bd1e995);
        for (let batch = 0; batch < 4; batch++) {
          const changes = randomChanges(rng, scenario, batch);
          scenario = applyMrpChanges(scenario, changes);
          const incremental = planner.apply(changes);
          expect(withoutReplanned(incremental)).toBe(JSON.stringify(planMrp(scenario)));
          expect(incremental.summary.replannedItems).toBeLessThanOrEqual(scenario.items.length);
        }
      }),
      { numRuns: 120 },
    );
  });
});
