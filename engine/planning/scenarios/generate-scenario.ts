import { formatDay, parseDay } from '../calendar/index.js';
import type { MrpScenario } from '../generated/planning-types.js';
import { chineseHolidays } from './chinese-holidays.js';
import { generateBoms } from './generate-boms.js';
import { generateItems } from './generate-items.js';
import { generateDemands, generateInventory } from './generate-orders.js';
import { generateRoutings } from './generate-routings.js';
import { dailyUsage, setPlanningParameters } from './planning-parameters.js';
import { createSeededRandom } from './seeded-random.js';

export interface GenerateScenarioOptions {
  /** Items in the factory, 10 to 1,000,000. */
  readonly items: number;
  /** Any integer from 0 to 2^32 - 1; the same seed gives the same scenario. */
  readonly seed: number;
  /** First day of the horizon (YYYY-MM-DD); a fixed default so a seed alone reproduces the scenario. */
  readonly start?: string;
  readonly horizonDays?: number;
}

export const MIN_GENERATED_ITEMS = 10;
export const MAX_GENERATED_ITEMS = 1_000_000;
const DEFAULT_START = '2026-01-05';

/**
 * A synthetic make-to-order factory for tests and benchmarks: six BOM levels with about ten BOM lines
 * per item, shared fasteners, seals and bar stock, make and buy parts, order-specific and stocked items,
 * a mix of lot sizing, two BOM versions and substitutes on a few items, routings over 20 to 50 work
 * centers, stock, open orders and two demand lines per item over a year of Monday-to-Friday days less
 * the Chinese statutory holidays. Everything grows linearly with `items`. Deterministic for a seed.
 */
export function generateScenario(options: GenerateScenarioOptions): MrpScenario {
  const { items: total, seed, start = DEFAULT_START, horizonDays = 365 } = options;
  if (!Number.isInteger(total) || total < MIN_GENERATED_ITEMS || total > MAX_GENERATED_ITEMS) {
    throw new RangeError(`items must be an integer from ${MIN_GENERATED_ITEMS} to ${MAX_GENERATED_ITEMS}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError('seed must be an integer from 0 to 4294967295');
  if (!Number.isInteger(horizonDays) || horizonDays < 60 || horizonDays > 3660) throw new RangeError('horizonDays must be an integer from 60 to 3660');
  const startDay = parseDay(start);
  if (startDay === undefined) throw new RangeError('start must be a calendar day as YYYY-MM-DD');
  const endDay = startDay + horizonDays - 1;

  const random = createSeededRandom(seed);
  const factoryItems = generateItems(random, total);
  const { boms, versionSwitch } = generateBoms(random, factoryItems, startDay, horizonDays);
  const { workCenters, routings } = generateRoutings(random, factoryItems);
  const horizon = { start: startDay, end: endDay };
  const orders = generateDemands(random, factoryItems, versionSwitch, horizon);
  const usage = dailyUsage(factoryItems, boms, orders.demands, (horizonDays * 5) / 7);
  for (const entry of factoryItems) setPlanningParameters(random, entry, usage.get(entry.item.id)!);
  generateInventory(random, factoryItems, usage, versionSwitch, horizon, orders);
  const { stock, supplies, demands } = orders;

  const holidays: string[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(formatDay(endDay).slice(0, 4)); year++) {
    holidays.push(...chineseHolidays(year).filter((day) => day >= start && day <= formatDay(endDay)));
  }
  return {
    horizon: { start, end: formatDay(endDay), bucketDays: 1 },
    calendar: { workdays: [1, 2, 3, 4, 5], holidays },
    items: factoryItems.map((entry) => entry.item),
    boms,
    routings,
    workCenters,
    stock,
    supplies,
    demands,
  };
}
