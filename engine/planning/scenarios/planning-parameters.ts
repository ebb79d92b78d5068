import type { LotSizing, MrpBom, MrpDemand } from '../generated/planning-types.js';
import type { FactoryItem } from './generate-items.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * Expected use of every item per working day: the open demand on the finished goods exploded through
 * the first BOM version of each item (substitutes left out). Planners size lots, safety stock and
 * stock from usage; sizes drawn without it gave a fastener lot of 25 against a need of 100,000.
 */
export function dailyUsage(items: readonly FactoryItem[], boms: readonly MrpBom[], demands: readonly MrpDemand[], workdays: number): Map<string, number> {
  const usage = new Map<string, number>(items.map((entry) => [entry.item.id, 0]));
  for (const demand of demands) {
    if (demand.kind === 'sales-order' && demand.status !== 'cancelled') usage.set(demand.item, usage.get(demand.item)! + demand.qty);
  }
  // BOMs come in item order, levels top down, so a parent's usage is complete before it is exploded.
  for (const bom of boms) {
    if (bom.version !== 'A') continue;
    const parent = usage.get(bom.item)!;
    for (const line of bom.lines) {
      if (line.substituteFor === undefined) usage.set(line.component, usage.get(line.component)! + parent * line.qtyPer);
    }
  }
  for (const [id, total] of usage) usage.set(id, total / workdays);
  return usage;
}

/** Two significant digits, rounded up, at least 1: the lot sizes and stock levels people type. */
export function roundQty(value: number): number {
  if (value <= 10) return Math.max(1, Math.ceil(value));
  const step = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.ceil(value / step) * step;
}

/**
 * Lot sizing and safety stock from daily usage: packs for fasteners, min-max for bar stock, period
 * order quantities on most parts (daily lot-for-lot on thousands of cheap parts is not how anyone
 * plans), lot-for-lot on more of the upper levels; none for order-specific items and phantoms.
 */
export function setPlanningParameters(random: SeededRandom, entry: FactoryItem, usage: number): void {
  const { item } = entry;
  if (item.mto === true || entry.phantom) return;
  const days = (min: number, max: number) => roundQty(Math.max(usage, 0.1) * random.int(min, max));
  const lotSizing = lotSizingFor(random, entry, days);
  if (lotSizing !== undefined) item.lotSizing = lotSizing;
  const make = item.makeBuy === 'make';
  if (random.chance(make ? (entry.level >= 3 ? 0.1 : 0.03) : 0.3)) item.safetyStock = days(2, 10);
}

function lotSizingFor(random: SeededRandom, entry: FactoryItem, days: (min: number, max: number) => number): LotSizing | undefined {
  if (entry.category === 'fastener') return { method: 'multiple', multiple: days(5, 20) };
  if (entry.category === 'seal') return { method: 'lot-for-lot', min: days(5, 10) };
  if (entry.category === 'bar-stock') return { method: 'min-max', min: days(5, 10), max: days(30, 60) };
  const roll = random.next();
  if (entry.item.makeBuy === 'buy') {
    if (roll < 0.3) return { method: 'fixed', qty: days(10, 30) };
    if (roll < 0.6) return { method: 'period', periods: random.pick([5, 10, 20]) };
    if (roll < 0.8) return { method: 'multiple', multiple: days(2, 5) };
    return { method: 'min-max', min: days(5, 10), max: days(20, 40) };
  }
  if (entry.level <= 1) {
    if (roll < 0.1) return undefined;
    if (roll < 0.6) return { method: 'lot-for-lot' };
    if (roll < 0.8) return { method: 'period', periods: 5 };
    return { method: 'lot-for-lot', max: days(10, 20) };
  }
  if (roll < 0.1) return { method: 'lot-for-lot' };
  if (roll < 0.6) return { method: 'period', periods: random.pick([5, 10]) };
  if (roll < 0.9) return { method: 'fixed', qty: days(10, 20) };
  return { method: 'lot-for-lot', max: days(20, 40) };
}

/** Stock and open order quantities: a few days' to a few weeks' usage. */
export function usageQty(random: SeededRandom, usage: number, minDays: number, maxDays: number): number {
  return roundQty(Math.max(usage, 0.1) * random.int(minDays, maxDays));
}
