import { type DayNumber, formatDay } from '../calendar/index.js';
import type { MrpBom, MrpBomLine } from '../generated/planning-types.js';
import { type FactoryItem, LEVEL_COUNT } from './generate-items.js';
import type { SeededRandom } from './seeded-random.js';

/** Mean BOM lines of a make item by level: about ten BOM lines per item over the whole factory. */
const LINE_TARGETS = [50, 30, 20, 5, 2];

export interface FactoryBoms {
  readonly boms: MrpBom[];
  /** Items with two BOM versions: the first day of version B. */
  readonly versionSwitch: ReadonlyMap<string, DayNumber>;
}

/**
 * Multi-level BOMs. Every item below the finished goods gets a parent first, then each make item gets
 * up to two more made components from the next level and is filled up to its line count with bought
 * items from deeper levels and the common fasteners, seals and bar stock. Components are always at a
 * deeper level than their parent, so there are no cycles.
 */
export function generateBoms(random: SeededRandom, items: readonly FactoryItem[], start: DayNumber, horizonDays: number): FactoryBoms {
  const byLevel: number[][] = Array.from({ length: LEVEL_COUNT }, () => []);
  items.forEach((entry, index) => byLevel[entry.level]!.push(index));
  const isMake = (index: number) => items[index]!.item.makeBuy === 'make';
  const commons = byLevel[5]!.filter((index) => items[index]!.common);
  const components: number[][] = items.map(() => []);

  const makeBelow = byLevel.map((_, level) => byLevel[level + 1]?.filter(isMake) ?? []);
  const makeAbove: number[] = [];
  for (let level = 1; level < LEVEL_COUNT; level++) {
    makeAbove.push(...byLevel[level - 1]!.filter(isMake));
    const makeJustAbove = byLevel[level - 1]!.filter(isMake);
    byLevel[level]!.forEach((child, i) => {
      const parent = i === 0 ? byLevel[level - 1]![0]! : makeJustAbove.length > 0 && random.chance(0.5) ? random.pick(makeJustAbove) : random.pick(makeAbove);
      components[parent]!.push(child);
    });
  }

  // Most lines are bought parts and materials; only one or two lead to another made item, as in real
  // BOMs, so that a pump explodes into hundreds of requirements rather than millions of BOM paths.
  const buyBelow = (level: number) => byLevel.slice(level + 1).flatMap((indices) => indices.filter((index) => !isMake(index)));
  const buyDeeper = byLevel.map((_, level) => buyBelow(level));
  items.forEach((entry, parent) => {
    if (!isMake(parent)) return;
    const lines = components[parent]!;
    const makeNext = makeBelow[entry.level]!;
    const extraMake = makeNext.length === 0 ? 0 : random.int(0, entry.level === 0 ? 2 : 1);
    for (let i = 0; i < extraMake; i++) {
      const candidate = random.pick(makeNext);
      if (!lines.includes(candidate)) lines.push(candidate);
    }
    const buys = buyDeeper[entry.level]!;
    const target = Math.max(1, Math.round(LINE_TARGETS[entry.level]! * (0.5 + random.next())));
    const wanted = Math.min(lines.length + buys.length, Math.max(lines.length, target));
    for (let attempt = 0; lines.length < wanted && attempt < wanted * 4; attempt++) {
      const candidate = random.chance(0.2) ? random.pick(commons) : random.pick(buys);
      if (!lines.includes(candidate)) lines.push(candidate);
    }
  });

  const boms: MrpBom[] = [];
  const versionSwitch = new Map<string, DayNumber>();
  items.forEach((entry, parent) => {
    if (!isMake(parent)) return;
    const id = entry.item.id;
    const lines = components[parent]!.map((component, i) => bomLine(random, items[component]!, i + 1));
    if (lines.length >= 2 && random.chance(0.03)) addSubstitutes(random, items, byLevel, components[parent]!, lines);
    if (entry.level <= 2 && !entry.phantom && lines.length >= 2 && random.chance(0.02)) {
      const switchDay = start + random.int(30, Math.max(30, horizonDays - 30));
      versionSwitch.set(id, switchDay);
      boms.push({ id: `BOM-${id}-A`, item: id, version: 'A', effectiveTo: formatDay(switchDay - 1), lines });
      boms.push({ id: `BOM-${id}-B`, item: id, version: 'B', effectiveFrom: formatDay(switchDay), lines: revise(random, items, byLevel, components[parent]!, lines) });
    } else {
      boms.push({ id: `BOM-${id}`, item: id, version: 'A', lines });
    }
  });
  return { boms, versionSwitch };
}

function bomLine(random: SeededRandom, component: FactoryItem, lineNo: number): MrpBomLine {
  const line: MrpBomLine = { lineNo, component: component.item.id, qtyPer: qtyPer(random, component) };
  if (component.phantom) line.phantom = true;
  if (random.chance(0.03)) line.scrapPct = random.int(1, 5);
  return line;
}

function qtyPer(random: SeededRandom, component: FactoryItem): number {
  switch (component.category) {
    case 'fastener':
      return random.int(2, 24);
    case 'seal':
      return random.int(1, 4);
    case 'bar-stock':
      return random.decimal(0.2, 3.5);
    case 'material':
      return random.decimal(0.1, 5);
    default:
      // Mostly one per parent: six levels of 2-4 per unit would ask for thousands of a part per pump.
      return random.chance(0.85) ? 1 : random.int(2, 4);
  }
}

/** One or two bought alternatives, from the same level, for a bought component of the BOM. */
function addSubstitutes(random: SeededRandom, items: readonly FactoryItem[], byLevel: number[][], used: number[], lines: MrpBomLine[]): void {
  const primaryAt = used.findIndex((index) => items[index]!.item.makeBuy === 'buy' && !items[index]!.common);
  if (primaryAt < 0) return;
  const primary = lines[primaryAt]!;
  const count = random.int(1, 2);
  for (let priority = 1, attempt = 0; priority <= count && attempt < 10; attempt++) {
    const candidate = random.pick(byLevel[items[used[primaryAt]!]!.level]!);
    if (items[candidate]!.item.makeBuy !== 'buy' || used.includes(candidate)) continue;
    used.push(candidate);
    const ratio = random.chance(0.7) ? 1 : 1.25;
    lines.push({ lineNo: lines.length + 1, component: items[candidate]!.item.id, qtyPer: primary.qtyPer, substituteFor: primary.lineNo, priority, ratio });
    priority++;
  }
}

/** Version B of a BOM: one component replaced by another of its level, one quantity changed. */
function revise(random: SeededRandom, items: readonly FactoryItem[], byLevel: number[][], used: number[], lines: MrpBomLine[]): MrpBomLine[] {
  const revised = lines.map((line) => ({ ...line }));
  const replaceable = revised.filter((line) => line.substituteFor === undefined && line.phantom !== true);
  const replaced = random.pick(replaceable.length > 0 ? replaceable : revised);
  const level = items[used[replaced.lineNo - 1]!]!.level;
  for (let attempt = 0; replaceable.length > 0 && attempt < 10; attempt++) {
    const candidate = random.pick(byLevel[level]!);
    if (used.includes(candidate) || items[candidate]!.phantom) continue;
    replaced.component = items[candidate]!.item.id;
    break;
  }
  const changed = random.pick(revised);
  changed.qtyPer = Math.round(changed.qtyPer * 150) / 100;
  return revised;
}
