import type { MrpItem } from '../generated/planning-types.js';
import type { SeededRandom } from './seeded-random.js';

/** What an item is in the synthetic factory; it decides quantities, lot sizing and lead times. */
export type ItemCategory =
  | 'finished-good'
  | 'assembly'
  | 'sub-assembly'
  | 'part'
  | 'purchased-part'
  | 'component'
  | 'purchased-component'
  | 'fastener'
  | 'seal'
  | 'bar-stock'
  | 'material';

export interface FactoryItem {
  readonly item: MrpItem;
  /** 0 for finished goods ... 5 for raw materials; a component is always at a deeper level than its parent. */
  readonly level: number;
  readonly category: ItemCategory;
  /** A phantom kit: never ordered, exploded into its parents' requirements. */
  readonly phantom: boolean;
  /** Fasteners, seals and bar stock that many parents use. */
  readonly common: boolean;
}

export const LEVEL_COUNT = 6;
/** Finished goods, assemblies, sub-assemblies, parts, components, raw materials. */
const LEVEL_SHARES = [0.05, 0.1, 0.15, 0.25, 0.25, 0.2];
/** Share of make items at each level; the rest is bought. */
const MAKE_SHARES = [1, 1, 1, 0.7, 0.3, 0];
const PREFIXES: Readonly<Record<ItemCategory, string>> = {
  'finished-good': 'FG',
  assembly: 'AS',
  'sub-assembly': 'SA',
  part: 'PT',
  'purchased-part': 'PP',
  component: 'CM',
  'purchased-component': 'PC',
  fastener: 'FS',
  seal: 'SL',
  'bar-stock': 'BS',
  material: 'RM',
};
const COMMON_CATEGORIES: readonly ItemCategory[] = ['fastener', 'seal', 'bar-stock'];

/** Items per level: the shares of `total`, at least one on each level, the rounding difference on level 3. */
export function levelCounts(total: number): number[] {
  const counts = LEVEL_SHARES.map((share) => Math.max(1, Math.round(share * total)));
  counts[3] = counts[3]! + total - counts.reduce((sum, count) => sum + count, 0);
  return counts;
}

export function commonItemCount(total: number, materials: number): number {
  return Math.min(materials, Math.max(3, Math.round(total * 0.004)));
}

/**
 * The item master, level by level. The first item of every level above the raw materials is made,
 * so the deepest BOM chain always spans all six levels.
 */
export function generateItems(random: SeededRandom, total: number): FactoryItem[] {
  const counts = levelCounts(total);
  const commons = commonItemCount(total, counts[5]!);
  const width = Math.max(5, String(total).length);
  const items: FactoryItem[] = [];
  counts.forEach((count, level) => {
    for (let i = 0; i < count; i++) {
      const make = level < 5 && (i === 0 || random.chance(MAKE_SHARES[level]!));
      const common = level === 5 && i < commons;
      const category = categoryOf(level, make, common ? COMMON_CATEGORIES[i % COMMON_CATEGORIES.length]! : 'material');
      const phantom = level === 2 && i > 0 && random.chance(0.05);
      const id = `${PREFIXES[category]}-${String(items.length + 1).padStart(width, '0')}`;
      items.push({ item: itemMaster(random, id, level, category, phantom), level, category, phantom, common });
    }
  });
  return items;
}

function categoryOf(level: number, make: boolean, material: ItemCategory): ItemCategory {
  if (level === 0) return 'finished-good';
  if (level === 1) return 'assembly';
  if (level === 2) return 'sub-assembly';
  if (level === 3) return make ? 'part' : 'purchased-part';
  if (level === 4) return make ? 'component' : 'purchased-component';
  return material;
}

const NAMES: Readonly<Record<ItemCategory, string>> = {
  'finished-good': 'Submersible pump',
  assembly: 'Assembly',
  'sub-assembly': 'Sub-assembly',
  part: 'Machined part',
  'purchased-part': 'Purchased part',
  component: 'Turned component',
  'purchased-component': 'Bought-in component',
  fastener: 'Fastener',
  seal: 'Seal',
  'bar-stock': 'Bar stock',
  material: 'Raw material',
};

function itemMaster(random: SeededRandom, id: string, level: number, category: ItemCategory, phantom: boolean): MrpItem {
  const make = level <= 2 || category === 'part' || category === 'component';
  // Customer-specific pumps and assemblies, and special seals bought for one order.
  const mto = !phantom && random.chance(level === 0 ? 0.2 : level === 1 ? 0.1 : category === 'purchased-component' ? 0.03 : 0);
  const item: MrpItem = { id, name: `${NAMES[category]} ${id}`, makeBuy: make ? 'make' : 'buy', leadTimeDays: leadTime(random, level, make, mto, phantom) };
  if (mto) item.mto = true;
  if (make && !phantom && random.chance(0.05)) item.leadTimePerUnitDays = random.int(1, 5) / 100;
  if (make && !phantom && random.chance(0.05)) item.scrapPct = random.int(10, 80) / 10;
  if (make && !phantom && random.chance(0.03)) item.yieldPct = random.int(90, 98);
  if (make && !phantom) item.routing = `RT-${id}`;
  return item;
}

function leadTime(random: SeededRandom, level: number, make: boolean, mto: boolean, phantom: boolean): number {
  if (phantom) return 0;
  if (!make) return mto ? random.int(20, 40) : level === 5 ? random.int(5, 20) : random.int(10, 30);
  return level === 0 ? random.int(3, 10) : level <= 2 ? random.int(2, 8) : random.int(1, 6);
}

