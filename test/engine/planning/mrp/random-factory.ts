import fc from 'fast-check';
import type { LotSizing, MrpBom, MrpChange, MrpDemand, MrpItem, MrpOpenSupply, MrpScenario, MrpStock } from '../../../../engine/planning/index.js';

/** A small deterministic generator (mulberry32): one fast-check integer seeds a whole factory. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const chance = (p: number) => next() < p;
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)]!;
  return { int, chance, pick };
}

export type Random = ReturnType<typeof random>;

const START = Date.UTC(2026, 0, 1);
const day = (offset: number) => new Date(START + offset * 86_400_000).toISOString().slice(0, 10);
const ORDERS = ['SO-1', 'SO-2', 'SO-3', 'SO-4'];

function lotSizing(rng: Random): LotSizing | undefined {
  switch (rng.int(0, 5)) {
    case 0:
      return { method: 'fixed', qty: rng.int(5, 30) };
    case 1:
      return { method: 'period', periods: rng.int(2, 4) };
    case 2:
      return { method: 'min-max', min: rng.int(1, 10), max: rng.int(15, 40) };
    case 3:
      return { method: 'multiple', multiple: rng.pick([2, 5, 10, 0.5]) };
    default:
      return undefined;
  }
}

export function randomItem(rng: Random, id: string): MrpItem {
  const item: MrpItem = { id, makeBuy: rng.chance(0.5) ? 'make' : 'buy', leadTimeDays: rng.int(0, 6) };
  if (rng.chance(0.3)) item.mto = true;
  if (rng.chance(0.2)) item.leadTimePerUnitDays = rng.pick([0.05, 0.2]);
  const sizing = lotSizing(rng);
  if (sizing !== undefined) item.lotSizing = sizing;
  if (rng.chance(0.25)) item.safetyStock = rng.int(1, 10);
  if (rng.chance(0.15)) item.scrapPct = rng.int(1, 20);
  if (rng.chance(0.15)) item.yieldPct = rng.int(70, 99);
  return item;
}

/** BOM lines mostly point to later items (a DAG); with `cycles`, sometimes back, to make cycles. */
export function randomBom(rng: Random, items: readonly MrpItem[], parent: number, version: number, cycles: boolean): MrpBom {
  const lines: MrpBom['lines'] = [];
  let lineNo = 0;
  const count = rng.int(1, 3);
  for (let at = 0; at < count; at++) {
    const target = cycles && rng.chance(0.1) ? rng.int(0, items.length - 1) : rng.int(parent + 1, items.length + 1);
    const component = target < items.length ? items[target]!.id : `GHOST-${target}`;
    lineNo += 1;
    const line: MrpBom['lines'][number] = { lineNo, component, qtyPer: rng.pick([1, 2, 0.5, 3]) };
    if (rng.chance(0.15)) line.scrapPct = rng.int(1, 10);
    if (rng.chance(0.15)) line.phantom = true;
    lines.push(line);
    if (rng.chance(0.25) && target < items.length) {
      const primary = lineNo;
      lineNo += 1;
      const substitute = rng.int(parent + 1, items.length - 1);
      if (substitute > parent && substitute < items.length) lines.push({ lineNo, component: items[substitute]!.id, qtyPer: 1, substituteFor: primary, ratio: rng.pick([1, 2, 0.5]), priority: rng.int(1, 3) });
    }
  }
  const bom: MrpBom = { id: `${items[parent]!.id}-v${version}`, item: items[parent]!.id, version: String(version), lines };
  if (version > 1) bom.effectiveFrom = day(rng.int(10, 40));
  if (version === 1 && rng.chance(0.3)) bom.effectiveTo = day(rng.int(20, 50));
  return bom;
}

export function randomStock(rng: Random, item: string): MrpStock {
  const row: MrpStock = { item, qty: rng.int(0, 30) };
  if (rng.chance(0.3)) row.salesOrder = rng.pick(ORDERS);
  if (rng.chance(0.3)) row.lot = `L${rng.int(1, 3)}`;
  return row;
}

export function randomSupply(rng: Random, id: string, items: readonly MrpItem[]): MrpOpenSupply {
  const item = rng.pick(items);
  const supply: MrpOpenSupply = { id, kind: item.makeBuy === 'make' ? 'production' : 'purchase', item: item.id, qty: rng.int(1, 40), due: day(rng.int(-5, 70)) };
  if (rng.chance(0.25)) supply.salesOrder = rng.pick(ORDERS);
  if (rng.chance(0.2)) supply.firm = true;
  if (rng.chance(0.2)) supply.componentsIssued = true;
  return supply;
}

export function randomDemand(rng: Random, id: string, items: readonly MrpItem[]): MrpDemand {
  const item = rng.pick(items.slice(0, Math.max(1, Math.ceil(items.length / 2))));
  if (rng.chance(0.15)) {
    return { id, kind: 'forecast', item: item.id, qty: rng.int(5, 40), due: day(rng.int(5, 60)) };
  }
  const demand: MrpDemand = { id, kind: 'sales-order', item: item.id, qty: rng.int(1, 25), due: day(rng.int(-3, 75)), salesOrder: rng.pick(ORDERS), priority: rng.int(1, 3) * 50 };
  if (rng.chance(0.1)) demand.status = 'cancelled';
  return demand;
}

export function randomFactory(seed: number, options: { cycles?: boolean } = {}): MrpScenario {
  const rng = random(seed);
  const items = Array.from({ length: rng.int(2, 7) }, (_, at) => randomItem(rng, `I${at}`));
  const boms: MrpBom[] = [];
  items.forEach((item, at) => {
    if (item.makeBuy !== 'make' || rng.chance(0.1)) return;
    boms.push(randomBom(rng, items, at, 1, options.cycles === true));
    if (rng.chance(0.3)) boms.push(randomBom(rng, items, at, 2, options.cycles === true));
  });
  const stock = Array.from({ length: rng.int(0, 6) }, () => randomStock(rng, rng.pick(items).id));
  const supplies = Array.from({ length: rng.int(0, 6) }, (_, at) => randomSupply(rng, `PO-${at}`, items));
  const demands = Array.from({ length: rng.int(1, 8) }, (_, at) => randomDemand(rng, `D-${at}`, items));
  return {
    horizon: { start: day(0), end: day(60), bucketDays: rng.pick([1, 1, 3, 7]) },
    calendar: rng.chance(0.5) ? { workdays: [1, 2, 3, 4, 5, 6, 7] } : {},
    items,
    boms,
    stock,
    supplies,
    demands,
  };
}

/** A batch of one to three edits of a factory: new and changed orders, receipts, stock, items and BOMs, items added and removed. */
export function randomChanges(rng: Random, scenario: MrpScenario, batch: number): MrpChange[] {
  const changes: MrpChange[] = [];
  const items = scenario.items;
  for (let at = rng.int(1, 3); at > 0; at--) {
    switch (rng.int(0, 10)) {
      case 0:
        changes.push({ type: 'upsert-demand', demand: randomDemand(rng, `N-${batch}-${at}`, items) });
        break;
      case 1: {
        const old = scenario.demands.length > 0 ? rng.pick(scenario.demands) : undefined;
        if (old !== undefined) changes.push({ type: 'upsert-demand', demand: { ...old, qty: rng.int(1, 30), status: rng.chance(0.3) ? 'cancelled' : 'open' } });
        break;
      }
      case 2:
        if (scenario.demands.length > 0) changes.push({ type: 'remove-demand', id: rng.pick(scenario.demands).id });
        break;
      case 3:
        changes.push({ type: 'upsert-supply', supply: randomSupply(rng, scenario.supplies.length > 0 && rng.chance(0.5) ? rng.pick(scenario.supplies).id : `NP-${batch}-${at}`, items) });
        break;
      case 4:
        if (scenario.supplies.length > 0) changes.push({ type: 'remove-supply', id: rng.pick(scenario.supplies).id });
        break;
      case 5: {
        const item = rng.pick(items).id;
        changes.push({ type: 'replace-stock', item, rows: Array.from({ length: rng.int(0, 2) }, () => randomStock(rng, item)) });
        break;
      }
      case 6: {
        const old = rng.pick(items);
        changes.push({ type: 'upsert-item', item: { ...randomItem(rng, old.id), makeBuy: old.makeBuy } });
        break;
      }
      case 7: {
        const parent = items.findIndex((item) => item.makeBuy === 'make');
        if (parent >= 0) changes.push({ type: 'upsert-bom', bom: randomBom(rng, items, parent, rng.int(1, 2), rng.chance(0.2)) });
        break;
      }
      case 8:
        if (scenario.boms.length > 0) changes.push({ type: 'remove-bom', id: rng.pick(scenario.boms).id });
        break;
      case 9:
        // Its BOMs, orders and stock stay: the plan reports them as naming an unknown item.
        if (items.length > 3) changes.push({ type: 'remove-item', id: rng.pick(items).id });
        break;
      default:
        changes.push({ type: 'upsert-item', item: randomItem(rng, `NI-${batch}-${at}`) });
    }
  }
  return changes;
}

export const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });
