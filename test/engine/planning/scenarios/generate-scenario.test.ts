import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario, type MrpScenario, parseDay } from '../../../../engine/planning/index.js';

const schemaDir = new URL('../../../../engine/planning/schemas/', import.meta.url);
const readSchema = (name: string) => JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(readSchema('planning-common.schema.json'));
const validateScenario = ajv.compile(readSchema('mrp-scenario.schema.json'));

/** Levels of the longest BOM chain; throws on a cycle or a component that is no item. */
function bomDepth(scenario: MrpScenario): number {
  const items = new Set(scenario.items.map((item) => item.id));
  const components = new Map<string, string[]>();
  for (const bom of scenario.boms) {
    for (const line of bom.lines) {
      if (!items.has(line.component)) throw new Error(`${bom.id} uses unknown item ${line.component}`);
      components.set(bom.item, [...(components.get(bom.item) ?? []), line.component]);
    }
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new Error(`cycle through ${id}`);
    visiting.add(id);
    const result = 1 + Math.max(0, ...(components.get(id) ?? []).map(depthOf));
    visiting.delete(id);
    depth.set(id, result);
    return result;
  };
  return Math.max(...scenario.items.map((item) => depthOf(item.id)));
}

describe('generateScenario', () => {
  it('gives the same scenario for the same seed and another for another seed', () => {
    const first = JSON.stringify(generateScenario({ items: 300, seed: 7 }));
    expect(JSON.stringify(generateScenario({ items: 300, seed: 7 }))).toBe(first);
    expect(JSON.stringify(generateScenario({ items: 300, seed: 8 }))).not.toBe(first);
    expect(JSON.stringify(generateScenario({ items: 300, seed: 7, start: '2026-03-02' }))).not.toBe(first);
  });

  it('builds a 1000-item factory of the documented shape', () => {
    const scenario = generateScenario({ items: 1000, seed: 42 });
    expect(validateScenario(scenario), JSON.stringify(validateScenario.errors?.slice(0, 3))).toBe(true);
    expect(bomDepth(scenario)).toBe(6);

    const items = new Map(scenario.items.map((item) => [item.id, item]));
    expect(items.size).toBe(1000);
    const lines = scenario.boms.flatMap((bom) => bom.lines);
    expect(lines.length).toBeGreaterThan(8500);
    expect(lines.length).toBeLessThan(11500);
    const finished = scenario.items.filter((item) => item.id.startsWith('FG-'));
    expect(finished.length).toBe(50);
    const make = scenario.items.filter((item) => item.makeBuy === 'make');
    expect(make.length / 1000).toBeGreaterThan(0.45);
    expect(make.length / 1000).toBeLessThan(0.65);
    expect(new Set(scenario.boms.map((bom) => bom.item))).toEqual(new Set(make.map((item) => item.id)));

    // Shared components: the most used one has many parents.
    const parents = new Map<string, Set<string>>();
    for (const bom of scenario.boms) for (const line of bom.lines) parents.set(line.component, (parents.get(line.component) ?? new Set()).add(bom.item));
    expect(Math.max(...[...parents.values()].map((set) => set.size))).toBeGreaterThan(100);
    // Mostly bought lines, one or two made components per BOM: a pump explodes into hundreds of BOM paths, not millions.
    const bomOf = new Map(scenario.boms.filter((bom) => bom.version === 'A').map((bom) => [bom.item, bom]));
    const paths = new Map<string, number>();
    const pathsOf = (id: string): number => {
      if (!paths.has(id)) paths.set(id, 1 + (bomOf.get(id)?.lines ?? []).reduce((sum, line) => sum + pathsOf(line.component), 0));
      return paths.get(id)!;
    };
    expect(Math.max(...finished.map((item) => pathsOf(item.id)))).toBeLessThan(5000);
    // Every item below the finished goods is used somewhere.
    expect(scenario.items.filter((item) => !item.id.startsWith('FG-') && !parents.has(item.id))).toEqual([]);

    expect(scenario.items.some((item) => item.mto === true)).toBe(true);
    expect(new Set(scenario.items.map((item) => item.lotSizing?.method))).toEqual(new Set([undefined, 'lot-for-lot', 'fixed', 'min-max', 'multiple', 'period']));
    for (const field of ['safetyStock', 'scrapPct', 'yieldPct', 'leadTimePerUnitDays'] as const) expect(scenario.items.some((item) => item[field] !== undefined)).toBe(true);
    expect(lines.some((line) => line.phantom === true)).toBe(true);
    expect(lines.some((line) => line.scrapPct !== undefined)).toBe(true);
    for (const bom of scenario.boms) {
      const numbers = new Set(bom.lines.map((line) => line.lineNo));
      expect(numbers.size).toBe(bom.lines.length);
      for (const line of bom.lines) if (line.substituteFor !== undefined) expect(numbers.has(line.substituteFor)).toBe(true);
    }
    expect(lines.some((line) => line.substituteFor !== undefined)).toBe(true);

    const versioned = scenario.boms.filter((bom) => bom.version === 'B');
    expect(versioned.length).toBeGreaterThan(0);
    for (const bomB of versioned) {
      const bomA = scenario.boms.find((bom) => bom.item === bomB.item && bom.version === 'A')!;
      expect(parseDay(bomB.effectiveFrom!)! - parseDay(bomA.effectiveTo!)!).toBe(1);
      expect(bomB.effectiveFrom! > scenario.horizon.start && bomB.effectiveFrom! < scenario.horizon.end).toBe(true);
    }

    const routings = new Map(scenario.routings!.map((routing) => [routing.id, routing]));
    const centers = new Set(scenario.workCenters!.map((center) => center.id));
    expect(centers.size).toBeGreaterThanOrEqual(20);
    expect(centers.size).toBeLessThanOrEqual(50);
    for (const item of make) if (item.routing !== undefined) expect(routings.get(item.routing)?.item).toBe(item.id);
    for (const routing of routings.values()) for (const op of routing.operations) expect(centers.has(op.workCenter)).toBe(true);

    const sales = scenario.demands.filter((demand) => demand.kind === 'sales-order');
    expect(scenario.demands.length).toBe(2000);
    expect(scenario.demands.every((demand) => items.get(demand.item)?.id.startsWith('FG-'))).toBe(true);
    expect(scenario.demands.some((demand) => demand.kind === 'forecast' && demand.periodStart !== undefined)).toBe(true);
    expect(sales.some((demand) => demand.status === 'cancelled')).toBe(true);
    expect(new Set(sales.map((demand) => demand.priority)).size).toBeGreaterThan(1);
    const orders = new Set(sales.map((demand) => demand.salesOrder));
    expect(orders.size).toBeLessThan(sales.length);
    expect(new Set(scenario.demands.map((demand) => demand.id)).size).toBe(scenario.demands.length);

    expect(scenario.stock.every((row) => items.has(row.item))).toBe(true);
    const reserved = scenario.stock.filter((row) => row.salesOrder !== undefined);
    expect(reserved.length).toBeGreaterThan(0);
    for (const row of reserved) expect(orders.has(row.salesOrder)).toBe(true);
    expect(scenario.stock.some((row) => row.lot !== undefined && row.location !== undefined)).toBe(true);
    expect(scenario.supplies.every((supply) => items.has(supply.item))).toBe(true);
    expect(new Set(scenario.supplies.map((supply) => supply.kind))).toEqual(new Set(['purchase', 'production']));
    expect(scenario.supplies.some((supply) => supply.due < scenario.horizon.start)).toBe(true);
    expect(scenario.supplies.some((supply) => supply.firm === true)).toBe(true);
    for (const supply of scenario.supplies.filter((s) => s.kind === 'production')) {
      expect(scenario.boms.some((bom) => bom.item === supply.item && bom.version === supply.bomVersion)).toBe(true);
    }

    expect(scenario.calendar?.workdays).toEqual([1, 2, 3, 4, 5]);
    expect(scenario.calendar?.holidays).toEqual(expect.arrayContaining(['2026-02-17', '2026-05-01', '2026-10-01', '2027-01-01']));
  });

  it('grows linearly with the number of items', () => {
    const small = generateScenario({ items: 500, seed: 3 });
    const large = generateScenario({ items: 2000, seed: 3 });
    const lines = (scenario: MrpScenario) => scenario.boms.reduce((sum, bom) => sum + bom.lines.length, 0);
    expect(lines(large) / lines(small)).toBeGreaterThan(3.5);
    expect(lines(large) / lines(small)).toBeLessThan(4.5);
    expect(large.demands.length).toBe(4 * small.demands.length);
  });

  it('is schema-valid and acyclic with six levels for any seed and size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 80 }), fc.nat({ max: 0xffffffff }), (items, seed) => {
        const scenario = generateScenario({ items, seed });
        expect(validateScenario(scenario), JSON.stringify(validateScenario.errors?.slice(0, 3))).toBe(true);
        expect(scenario.items.length).toBe(items);
        expect(bomDepth(scenario)).toBe(6);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses options out of range', () => {
    expect(() => generateScenario({ items: 5, seed: 1 })).toThrow(RangeError);
    expect(() => generateScenario({ items: 100, seed: -1 })).toThrow(RangeError);
    expect(() => generateScenario({ items: 100, seed: 1.5 })).toThrow(RangeError);
    expect(() => generateScenario({ items: 100, seed: 1, start: '2026-02-30' })).toThrow(RangeError);
  });
});
