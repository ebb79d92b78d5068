import type { MrpScenario, MrpStock } from '../generated/planning-types.js';
import type { MrpChange } from './mrp-changes.js';

/**
 * The changes that turn one snapshot of a factory into the next, for net-change planning: records
 * added, changed or removed by id (items, BOMs, open supply, demands) and each item's stock whose
 * rows differ. Undefined when the two differ in what changes cannot say (the horizon, which moves
 * with today, the calendar, or which routings exist): those are planned again in full. A record
 * counts as changed when its JSON differs, so a record whose keys merely come in another order is
 * planned again, never missed.
 */
export function scenarioChanges(before: MrpScenario, after: MrpScenario): MrpChange[] | undefined {
  if (!sameJson(before.horizon, after.horizon) || !sameJson(before.calendar, after.calendar)) return undefined;
  if (!sameJson(routingIds(before), routingIds(after))) return undefined;
  const changes: MrpChange[] = [];
  // Items first: a new demand, supply or BOM may name a new item.
  byId(before.items, after.items, (item) => changes.push({ type: 'upsert-item', item }), (id) => changes.push({ type: 'remove-item', id }));
  byId(before.boms, after.boms, (bom) => changes.push({ type: 'upsert-bom', bom }), (id) => changes.push({ type: 'remove-bom', id }));
  const stockBefore = stockByItem(before.stock);
  const stockAfter = stockByItem(after.stock);
  for (const [item, rows] of stockAfter) if (!sameRows(stockBefore.get(item), rows)) changes.push({ type: 'replace-stock', item, rows });
  for (const item of stockBefore.keys()) if (!stockAfter.has(item)) changes.push({ type: 'replace-stock', item, rows: [] });
  byId(before.supplies, after.supplies, (supply) => changes.push({ type: 'upsert-supply', supply }), (id) => changes.push({ type: 'remove-supply', id }));
  byId(before.demands, after.demands, (demand) => changes.push({ type: 'upsert-demand', demand }), (id) => changes.push({ type: 'remove-demand', id }));
  return changes;
}

function byId<T extends { readonly id: string }>(before: readonly T[], after: readonly T[], upsert: (record: T) => void, remove: (id: string) => void): void {
  const old = new Map(before.map((record) => [record.id, record]));
  const kept = new Set<string>();
  for (const record of after) {
    kept.add(record.id);
    const previous = old.get(record.id);
    if (previous === undefined || !sameJson(previous, record)) upsert(record);
  }
  for (const id of old.keys()) if (!kept.has(id)) remove(id);
}

function stockByItem(stock: readonly MrpStock[]): Map<string, MrpStock[]> {
  const rows = new Map<string, MrpStock[]>();
  for (const row of stock) {
    const list = rows.get(row.item);
    if (list === undefined) rows.set(row.item, [row]);
    else list.push(row);
  }
  return rows;
}

// Stock rows have no id and the planner orders them itself: only which rows there are counts.
function sameRows(a: readonly MrpStock[] | undefined, b: readonly MrpStock[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  const texts = (rows: readonly MrpStock[]) => rows.map((row) => JSON.stringify(row)).sort();
  return sameJson(texts(a), texts(b));
}

function routingIds(scenario: MrpScenario): string[] {
  return (scenario.routings ?? []).map((routing) => routing.id).sort();
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
