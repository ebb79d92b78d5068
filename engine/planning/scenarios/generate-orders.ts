import { type DayNumber, formatDay, parseDay } from '../calendar/index.js';
import type { MrpDemand, MrpOpenSupply, MrpStock } from '../generated/planning-types.js';
import type { FactoryItem } from './generate-items.js';
import { usageQty } from './planning-parameters.js';
import type { SeededRandom } from './seeded-random.js';

export interface FactoryOrders {
  readonly stock: MrpStock[];
  readonly supplies: MrpOpenSupply[];
  readonly demands: MrpDemand[];
}

interface Horizon {
  readonly start: DayNumber;
  readonly end: DayNumber;
}

const LOCATIONS = ['WH-01', 'WH-02', 'LINE-SIDE'];

/**
 * Demand on the finished goods: two lines per item in the factory, monthly forecasts for some stocked
 * pumps, sales orders of one to four lines; some of the customer-specific pumps already have stock
 * or a production order reserved to their sales order.
 */
export function generateDemands(random: SeededRandom, items: readonly FactoryItem[], versionSwitch: ReadonlyMap<string, DayNumber>, horizon: Horizon): FactoryOrders {
  const year = formatDay(horizon.start).slice(0, 4);
  const finished = items.filter((entry) => entry.level === 0);
  const demands = forecasts(random, finished, horizon);
  const salesLines = Math.max(1, 2 * items.length - demands.length);
  const customers = Math.max(5, Math.round(items.length / 40));
  const stock: MrpStock[] = [];
  const supplies: MrpOpenSupply[] = [];
  const productionId = () => `MO-${year}-${String(supplies.length + 1).padStart(6, '0')}`;

  for (let order = 1, planned = 0; planned < salesLines; order++) {
    const salesOrder = `SO-${year}-${String(order).padStart(6, '0')}`;
    const due = horizon.start + (random.chance(0.02) ? -random.int(1, 15) : random.int(0, horizon.end - horizon.start));
    const customer = `C-${String(random.int(1, customers)).padStart(4, '0')}`;
    const priority = random.chance(0.05) ? 10 : random.chance(0.15) ? 50 : 100;
    const lineCount = Math.min(salesLines - planned, 1 + Math.floor(random.next() ** 1.5 * 4));
    for (let lineNo = 1; lineNo <= lineCount; lineNo++, planned++) {
      const item = random.pick(finished).item;
      const lineDue = random.chance(0.2) ? Math.min(horizon.end, due + random.int(1, 10)) : due;
      const demand: MrpDemand = { id: `${salesOrder}/${lineNo}`, kind: 'sales-order', item: item.id, qty: 1 + Math.floor(random.next() ** 2 * 50), due: formatDay(lineDue), salesOrder, customer, priority };
      if (random.chance(0.01)) demand.status = 'cancelled';
      demands.push(demand);
      if (item.mto !== true || demand.status === 'cancelled') continue;
      const roll = random.next();
      if (roll < 0.08) {
        stock.push({ item: item.id, qty: random.int(1, demand.qty), location: 'WH-01', salesOrder });
      } else if (roll < 0.2) {
        const supplyDue = formatDay(lineDue - random.int(0, 10));
        supplies.push({ id: productionId(), kind: 'production', item: item.id, qty: demand.qty, due: supplyDue, salesOrder, firm: random.chance(0.5), bomVersion: bomVersion(versionSwitch, item.id, supplyDue) });
      }
    }
  }

  return { stock, supplies, demands };
}

/**
 * On-hand stock by lot and location, open purchase and production orders, some past due, some firm,
 * sized from each item's daily usage; added to the reserved stock and supply of `orders`.
 */
export function generateInventory(
  random: SeededRandom,
  items: readonly FactoryItem[],
  usage: ReadonlyMap<string, number>,
  versionSwitch: ReadonlyMap<string, DayNumber>,
  horizon: Horizon,
  orders: FactoryOrders,
): void {
  const { stock, supplies } = orders;
  const year = formatDay(horizon.start).slice(0, 4);
  let purchaseSeq = 0;
  let lotSeq = 0;
  for (const entry of items) {
    const { item } = entry;
    const daily = usage.get(item.id)!;
    if (item.mto === true) continue;
    if (random.chance(entry.phantom ? 0.2 : [0.3, 0.4, 0.4, 0.6, 0.6, 0.8][entry.level]!)) {
      const rows = random.chance(0.7) ? 1 : random.int(2, 3);
      for (let row = 0; row < rows; row++) {
        const line: MrpStock = { item: item.id, qty: usageQty(random, daily, 1, 20) };
        if (random.chance(0.7)) line.lot = `LOT-${year}-${String(++lotSeq).padStart(6, '0')}`;
        if (random.chance(0.8)) line.location = random.pick(LOCATIONS);
        stock.push(line);
      }
    }
    if (entry.phantom) continue;
    if (item.makeBuy === 'buy') {
      if (!random.chance(0.3)) continue;
      for (let i = random.int(1, 2); i > 0; i--) {
        const qty = item.lotSizing?.method === 'fixed' ? item.lotSizing.qty! : usageQty(random, daily, 5, 20);
        const due = formatDay(horizon.start + (random.chance(0.15) ? -random.int(1, 20) : random.int(0, 60)));
        supplies.push({ id: `PO-${year}-${String(++purchaseSeq).padStart(6, '0')}`, kind: 'purchase', item: item.id, qty, due, firm: random.chance(0.3) });
      }
    } else if (random.chance(0.12)) {
      const due = formatDay(horizon.start + (random.chance(0.1) ? -random.int(1, 10) : random.int(0, 40)));
      const firm = random.chance(0.4);
      const id = `MO-${year}-${String(supplies.length + 1).padStart(6, '0')}`;
      const supply: MrpOpenSupply = { id, kind: 'production', item: item.id, qty: usageQty(random, daily, 5, 20), due, firm, bomVersion: bomVersion(versionSwitch, item.id, due) };
      if (firm && random.chance(0.5)) supply.componentsIssued = true;
      supplies.push(supply);
    }
  }
}

/** Monthly forecasts for a quarter of the stocked finished goods, each consumed by the month's sales orders. */
function forecasts(random: SeededRandom, finished: readonly FactoryItem[], horizon: Horizon): MrpDemand[] {
  const demands: MrpDemand[] = [];
  for (const { item } of finished) {
    if (item.mto === true || !random.chance(0.25)) continue;
    for (let month = monthStart(horizon.start); month <= horizon.end; month = nextMonth(month)) {
      const label = formatDay(month).slice(0, 7);
      const periodStart = Math.max(month, horizon.start);
      const due = Math.min(nextMonth(month) - 1, horizon.end);
      demands.push({ id: `FC-${item.id}-${label}`, kind: 'forecast', item: item.id, qty: random.int(5, 60), due: formatDay(due), periodStart: formatDay(periodStart) });
    }
  }
  return demands;
}

function monthStart(day: DayNumber): DayNumber {
  return parseDay(`${formatDay(day).slice(0, 7)}-01`)!;
}

function nextMonth(first: DayNumber): DayNumber {
  return monthStart(first + 31);
}

function bomVersion(versionSwitch: ReadonlyMap<string, DayNumber>, item: string, due: string): string {
  const switchDay = versionSwitch.get(item);
  return switchDay !== undefined && parseDay(due)! >= switchDay ? 'B' : 'A';
}
