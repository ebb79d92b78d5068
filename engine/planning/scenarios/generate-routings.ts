import type { MrpRouting, MrpWorkCenter } from '../generated/planning-types.js';
import type { FactoryItem } from './generate-items.js';
import type { SeededRandom } from './seeded-random.js';

export interface FactoryRoutings {
  readonly workCenters: MrpWorkCenter[];
  readonly routings: MrpRouting[];
}

const SUBCONTRACTORS = [
  { id: 'SUB-HEAT', name: 'Subcontractor: heat treatment' },
  { id: 'SUB-PLATE', name: 'Subcontractor: plating' },
];

/** 20 work centers for a thousand items, 35 for ten thousand, 50 from a hundred thousand. */
export function workCenterCount(items: number): number {
  return Math.min(50, Math.max(20, Math.round(20 + 15 * Math.log10(Math.max(1, items / 1000)))));
}

/**
 * Work centers (assembly and test for the upper levels, machining for parts, two subcontractors with
 * no internal capacity) and one routing per ordered make item; phantom kits have none.
 */
export function generateRoutings(random: SeededRandom, items: readonly FactoryItem[]): FactoryRoutings {
  const internal = workCenterCount(items.length) - SUBCONTRACTORS.length;
  const assemblyCount = Math.round(internal * 0.4);
  const workCenters: MrpWorkCenter[] = [];
  for (let i = 1; i <= internal; i++) {
    const assembly = i <= assemblyCount;
    const id = `${assembly ? 'ASM' : 'MCH'}-${String(i).padStart(2, '0')}`;
    // Machines times shifts times eight hours, at 85% efficiency.
    const hours = Math.round(random.int(1, 4) * random.int(1, 3) * 8 * 0.85 * 10) / 10;
    workCenters.push({ id, name: `${assembly ? 'Assembly line' : 'Machining cell'} ${id}`, dailyCapacityHours: hours });
  }
  for (const subcontractor of SUBCONTRACTORS) workCenters.push({ ...subcontractor, dailyCapacityHours: 0 });
  const assembly = workCenters.slice(0, assemblyCount).map((center) => center.id);
  const machining = workCenters.slice(assemblyCount, internal).map((center) => center.id);

  const routings: MrpRouting[] = [];
  for (const entry of items) {
    if (entry.item.routing === undefined) continue;
    const centers = entry.level <= 2 ? assembly : machining;
    const count = entry.level === 0 ? random.int(3, 6) : entry.level <= 2 ? random.int(2, 4) : random.int(2, 5);
    const operations: MrpRouting['operations'] = [];
    for (let op = 1; op <= count; op++) {
      const opNo = op * 10;
      if (entry.level >= 3 && op > 1 && random.chance(0.05)) {
        operations.push({ opNo, workCenter: random.pick(SUBCONTRACTORS).id, setupMinutes: 0, runMinutes: 0, outsourced: true, leadDays: random.int(2, 7) });
        continue;
      }
      const runMinutes = Math.round((0.5 + 30 * random.next() ** 2) * 10) / 10;
      operations.push({ opNo, workCenter: random.pick(centers), setupMinutes: random.int(0, 24) * 5, runMinutes });
    }
    routings.push({ id: entry.item.routing, item: entry.item.id, operations });
  }
  return { workCenters, routings };
}
