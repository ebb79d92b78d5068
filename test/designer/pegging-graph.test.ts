import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MrpPlan, PlanDemand, PlanSupply } from '../../engine/planning/generated/planning-types.js';
import { buildPeggingGraph, readableLevel, whereUsed, type PeggingGraph } from '../../designer/src/planning/pegging-graph.js';
import { indexPlan, plannedSalesOrders, salesOrderDemands } from '../../designer/src/planning/plan-index.js';
import { PLAN } from './planning-fixture.js';

function edgeList(graph: PeggingGraph): string[] {
  return graph.edges.map((edge) => `${edge.source} -> ${edge.target} ${edge.kind} ${edge.qty}${edge.late ? ' late' : ''}`);
}

describe('pegging graph', () => {
  it('draws one sales order down to the purchases, with the quantities pegged and the shortage as a leaf', () => {
    const graph = buildPeggingGraph(PLAN, salesOrderDemands(PLAN, 'SO-1'));
    expect(graph.truncated).toBe(false);
    expect(graph.nodes.map((node) => node.id).sort()).toEqual(
      [
        'demand:SO-1/1',
        'supply:STOCK/PUMP/1',
        'supply:PL/PUMP/2026-04-17/1',
        'demand:PL/PUMP/2026-04-17/1/1',
        'demand:PL/PUMP/2026-04-17/1/2',
        'supply:PL/CASING/2026-04-10/1',
        'supply:PO-9',
        'short:PL/PUMP/2026-04-17/1/2',
        'demand:PL/CASING/2026-04-10/1/1',
        'supply:PL/CASTING/2026-04-06/1',
      ].sort(),
    );
    expect(edgeList(graph).sort()).toEqual(
      [
        'demand:SO-1/1 -> supply:STOCK/PUMP/1 peg 4',
        'demand:SO-1/1 -> supply:PL/PUMP/2026-04-17/1 peg 6',
        'supply:PL/PUMP/2026-04-17/1 -> demand:PL/PUMP/2026-04-17/1/1 component 11',
        'supply:PL/PUMP/2026-04-17/1 -> demand:PL/PUMP/2026-04-17/1/2 component 11',
        'demand:PL/PUMP/2026-04-17/1/1 -> supply:PL/CASING/2026-04-10/1 peg 11',
        'demand:PL/PUMP/2026-04-17/1/2 -> supply:PO-9 peg 8',
        'demand:PL/PUMP/2026-04-17/1/2 -> short:PL/PUMP/2026-04-17/1/2 short 3',
        'supply:PL/CASING/2026-04-10/1 -> demand:PL/CASING/2026-04-10/1/1 component 22',
        'demand:PL/CASING/2026-04-10/1/1 -> supply:PL/CASTING/2026-04-06/1 peg 22 late',
      ].sort(),
    );
  });

  it('marks late and past-due supplies and gives each node its BOM level', () => {
    const graph = buildPeggingGraph(PLAN, ['SO-1/1']);
    const node = (id: string) => graph.nodes.find((candidate) => candidate.id === id);
    expect(node('supply:PL/CASTING/2026-04-06/1')).toMatchObject({ type: 'supply', late: true, pastDueStart: true, level: 2 });
    expect(node('supply:PO-9')).toMatchObject({ type: 'supply', late: false, pastDueStart: false, level: 1 });
    expect(node('short:PL/PUMP/2026-04-17/1/2')).toMatchObject({ type: 'shortage', qty: 3, level: 1 });
    expect(node('demand:SO-1/1')).toMatchObject({ level: 0 });
  });

  it('draws a supply shared by two orders once, with an edge from each', () => {
    const graph = buildPeggingGraph(PLAN, [...salesOrderDemands(PLAN, 'SO-1'), ...salesOrderDemands(PLAN, 'SO-2')]);
    expect(graph.nodes.filter((node) => node.id === 'supply:PL/PUMP/2026-04-17/1')).toHaveLength(1);
    expect(edgeList(graph).filter((edge) => edge.includes('-> supply:PL/PUMP/2026-04-17/1 '))).toEqual([
      'demand:SO-1/1 -> supply:PL/PUMP/2026-04-17/1 peg 6',
      'demand:SO-2/1 -> supply:PL/PUMP/2026-04-17/1 peg 5',
    ]);
    expect(graph.nodes).toHaveLength(11);
  });

  it('stops at the node limit and says so', () => {
    const graph = buildPeggingGraph(PLAN, ['SO-1/1'], indexPlan(PLAN), { maxNodes: 4 });
    expect(graph.nodes).toHaveLength(4);
    expect(graph.truncated).toBe(true);
    const ids = new Set(graph.nodes.map((node) => node.id));
    expect(graph.edges.every((edge) => ids.has(edge.source) && ids.has(edge.target))).toBe(true);
  });

  it('stops at a BOM level and counts the component needs left undrawn', () => {
    const index = indexPlan(PLAN);
    const top = buildPeggingGraph(PLAN, ['SO-1/1'], index, { maxLevel: 0 });
    expect(top.nodes.map((node) => node.id).sort()).toEqual(['demand:SO-1/1', 'supply:PL/PUMP/2026-04-17/1', 'supply:STOCK/PUMP/1']);
    expect(top.nodes.find((node) => node.id === 'supply:PL/PUMP/2026-04-17/1')).toMatchObject({ hiddenComponents: 2 });
    const two = buildPeggingGraph(PLAN, ['SO-1/1'], index, { maxLevel: 1 });
    expect(two.nodes).toHaveLength(8);
    expect(two.nodes.find((node) => node.id === 'supply:PL/CASING/2026-04-10/1')).toMatchObject({ hiddenComponents: 1 });
    expect(readableLevel(PLAN, ['SO-1/1'], index, 3)).toBe(0);
    expect(readableLevel(PLAN, ['SO-1/1'], index, 8)).toBe(1);
    expect(readableLevel(PLAN, ['SO-1/1'], index, 100)).toBe(2);
  });

  it('lists the plan sales orders and ignores unknown roots', () => {
    expect(plannedSalesOrders(PLAN)).toEqual(['SO-1', 'SO-2']);
    expect(buildPeggingGraph(PLAN, ['nope']).nodes).toEqual([]);
  });

  it('walks up from a supply to every demand it serves and the order lines above them', () => {
    const index = indexPlan(PLAN);
    const pump = whereUsed(index, 'PL/PUMP/2026-04-17/1');
    expect(pump.map((use) => [use.demand.id, use.qty])).toEqual([
      ['SO-1/1', 6],
      ['SO-2/1', 5],
    ]);
    const castings = whereUsed(index, 'PL/CASTING/2026-04-06/1');
    expect(castings.map((use) => [use.demand.id, use.qty, use.tops.map((top) => top.id)])).toEqual([['PL/CASING/2026-04-10/1/1', 22, ['SO-1/1', 'SO-2/1']]]);
    expect(whereUsed(index, 'STOCK/PUMP/1').map((use) => use.tops.map((top) => top.id))).toEqual([['SO-1/1']]);
  });

  it('never loops or dangles, whatever the pegging (cycles, unknown ids, shared supplies)', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const plan = fc
      .record({
        demands: fc.uniqueArray(fc.record({ id: ids, parentSupply: fc.option(ids, { nil: undefined }), shortQty: fc.option(fc.nat(5), { nil: undefined }) }), {
          selector: (value) => value.id,
          maxLength: 5,
        }),
        supplies: fc.uniqueArray(ids, { maxLength: 5 }),
        pegging: fc.array(fc.record({ supply: ids, demand: ids, qty: fc.integer({ min: 1, max: 9 }) }), { maxLength: 12 }),
      })
      .map(({ demands, supplies, pegging }): MrpPlan => ({
        ...PLAN,
        demands: demands.map((value): PlanDemand => ({ item: 'X', kind: 'dependent', qty: 1, due: '2026-04-01', ...value })),
        supplies: supplies.map((id): PlanSupply => ({ id, item: 'X', kind: 'planned-make', qty: 1, date: '2026-04-02' })),
        pegging,
      }));
    fc.assert(
      fc.property(plan, fc.array(ids, { maxLength: 3 }), fc.integer({ min: 1, max: 30 }), (value, roots, limit) => {
        const graph = buildPeggingGraph(value, roots, indexPlan(value), { maxNodes: limit });
        const nodeIds = graph.nodes.map((node) => node.id);
        expect(new Set(nodeIds).size).toBe(nodeIds.length);
        expect(nodeIds.length).toBeLessThanOrEqual(limit);
        expect(graph.edges.every((edge) => nodeIds.includes(edge.source) && nodeIds.includes(edge.target))).toBe(true);
        expect(new Set(graph.edges.map((edge) => edge.id)).size).toBe(graph.edges.length);
        for (const root of new Set(roots)) {
          if (value.demands.some((demand) => demand.id === root) && limit > roots.length) expect(nodeIds).toContain(`demand:${root}`);
        }
      }),
      { numRuns: 100 },
    );
  });
});
