import { describe, expect, it } from 'vitest';
import { isOrdoError, type OrdoError } from '../../../../engine/errors/index.js';
import { NATIVE_FUNCTIONS } from '../../../../engine/functions/index.js';
import { planMrp, validateMrpScenario } from '../../../../engine/planning/index.js';
import { exceptionsOf, ordersOf, scenario } from './scenario-builders.js';

function refusal(run: () => unknown): OrdoError {
  try {
    run();
  } catch (error) {
    if (isOrdoError(error)) return error;
    throw error;
  }
  throw new Error('expected an OrdoError');
}

describe('invalid scenarios', () => {
  it('refuses a bad shape with a pointer per field', () => {
    const bad = {
      ...scenario({
        items: [{ id: 'A', makeBuy: 'buy', leadTimeDays: -1 }],
        demands: [{ id: 'D', kind: 'sales-order', item: 'A', qty: 5, due: '2026-02-30' }],
      }),
      stock: [{ item: 'A', qty: -3 }],
      supplies: [{ id: 'PO', kind: 'purchase', item: 'A', qty: 1 }],
    };
    const error = refusal(() => validateMrpScenario(bad));
    expect(error.code).toBe('ORDO_ERR_MRP_SCENARIO_INVALID');
    expect(error.status).toBe(400);
    expect(error.fields.map((field) => field.pointer)).toEqual(expect.arrayContaining(['/items/0/leadTimeDays', '/stock/0/qty', '/supplies/0/due']));
  });

  it('refuses what the schema cannot say: impossible dates, duplicate ids, a substitute of no line', () => {
    const bad = scenario({
      items: [
        { id: 'A', makeBuy: 'make', leadTimeDays: 1 },
        { id: 'A', makeBuy: 'buy', leadTimeDays: 1 },
      ],
      boms: [{ id: 'A-1', item: 'A', version: '1', lines: [{ lineNo: 1, component: 'A', qtyPer: 1, substituteFor: 7 }] }],
      demands: [{ id: 'D', kind: 'sales-order', item: 'A', qty: 5, due: '2026-02-30' }],
    });
    const pointers = refusal(() => validateMrpScenario(bad)).fields.map((field) => field.pointer);
    expect(pointers).toEqual(['/items/1/id', '/boms/0/lines/0/substituteFor', '/demands/0/due']);
    expect(refusal(() => planMrp(bad)).code).toBe('ORDO_ERR_MRP_SCENARIO_INVALID');
  });

  it('accepts a valid scenario unchanged', () => {
    const good = scenario({ items: [{ id: 'A', makeBuy: 'buy', leadTimeDays: 1 }] });
    expect(validateMrpScenario(good)).toBe(good);
  });
});

describe('reference problems become exceptions and the rest is planned', () => {
  const plan = planMrp(
    scenario({
      items: [
        { id: 'A', makeBuy: 'make', leadTimeDays: 1, routing: 'R-NONE' },
        { id: 'B', makeBuy: 'buy', leadTimeDays: 1 },
        { id: 'X', makeBuy: 'make', leadTimeDays: 1 },
        { id: 'Y', makeBuy: 'make', leadTimeDays: 1 },
        { id: 'Z', makeBuy: 'make', leadTimeDays: 1 },
      ],
      boms: [
        { id: 'A-1', item: 'A', version: '1', lines: [{ lineNo: 1, component: 'B', qtyPer: 1 }, { lineNo: 2, component: 'GHOST', qtyPer: 1 }] },
        { id: 'X-1', item: 'X', version: '1', lines: [{ lineNo: 1, component: 'Y', qtyPer: 1 }, { lineNo: 2, component: 'B', qtyPer: 1 }] },
        { id: 'Y-1', item: 'Y', version: '1', lines: [{ lineNo: 1, component: 'Z', qtyPer: 1 }] },
        { id: 'Z-1', item: 'Z', version: '1', lines: [{ lineNo: 1, component: 'X', qtyPer: 1 }] },
        { id: 'N-1', item: 'NOBODY', version: '1', lines: [{ lineNo: 1, component: 'B', qtyPer: 1 }] },
      ],
      stock: [{ item: 'NOBODY', qty: 3 }],
      supplies: [{ id: 'PO-N', kind: 'purchase', item: 'NOBODY', qty: 1, due: '2026-02-01' }],
      demands: [
        { id: 'D-A', kind: 'sales-order', item: 'A', qty: 2, due: '2026-02-10' },
        { id: 'D-X', kind: 'sales-order', item: 'X', qty: 1, due: '2026-02-10' },
        { id: 'D-GHOST', kind: 'sales-order', item: 'GHOST', qty: 1, due: '2026-02-10' },
        { id: 'D-LATE', kind: 'sales-order', item: 'B', qty: 1, due: '2027-01-10' },
        { id: 'D-PAST', kind: 'sales-order', item: 'B', qty: 1, due: '2025-12-20' },
      ],
    }),
  );

  it('names the items of a BOM cycle in order and still plans the rest', () => {
    expect(exceptionsOf(plan, 'bom-cycle')).toEqual([expect.objectContaining({ item: 'X', items: ['X', 'Y', 'Z', 'X'] })]);
    expect(ordersOf(plan, 'X')).toHaveLength(1);
    // X's line to Y is inside the cycle and not exploded; its line to B is.
    expect(plan.demands.filter((demand) => demand.parentSupply === 'PL/X/2026-02-10/1').map((demand) => demand.item)).toEqual(['B']);
  });

  it('reports unknown items, the missing routing and demand outside the horizon', () => {
    const unknown = exceptionsOf(plan, 'unknown-item').map((exception) => [exception.item, exception.demand ?? exception.supply ?? '']);
    expect(unknown).toEqual([
      ['NOBODY', ''],
      ['GHOST', 'D-GHOST'],
      ['NOBODY', ''],
      ['NOBODY', 'PO-N'],
      ['GHOST', ''],
    ]);
    expect(exceptionsOf(plan, 'missing-routing')).toEqual([expect.objectContaining({ item: 'A' })]);
    expect(exceptionsOf(plan, 'out-of-horizon').map((exception) => exception.demand)).toEqual(['D-LATE', 'D-PAST']);
    expect(plan.demands.find((demand) => demand.id === 'D-PAST')?.due).toBe('2025-12-20');
    expect(plan.demands.some((demand) => demand.id === 'D-LATE')).toBe(false);
    expect(ordersOf(plan, 'A')).toHaveLength(1);
  });

  it('plans a make item without a BOM and says its components are missing', () => {
    const lone = planMrp(scenario({ items: [{ id: 'M', makeBuy: 'make', leadTimeDays: 1 }], demands: [{ id: 'D', kind: 'sales-order', item: 'M', qty: 1, due: '2026-02-01' }] }));
    expect(exceptionsOf(lone, 'missing-bom')).toEqual([expect.objectContaining({ item: 'M' })]);
    expect(ordersOf(lone, 'M')).toHaveLength(1);
  });

  it('reports an open production order building a version that does not exist', () => {
    const plan = planMrp(
      scenario({
        items: [
          { id: 'M', makeBuy: 'make', leadTimeDays: 1 },
          { id: 'C', makeBuy: 'buy', leadTimeDays: 1 },
        ],
        boms: [{ id: 'M-1', item: 'M', version: '1', lines: [{ lineNo: 1, component: 'C', qtyPer: 2 }] }],
        supplies: [
          { id: 'MO-1', kind: 'production', item: 'M', qty: 4, due: '2026-02-05', bomVersion: '9' },
          { id: 'MO-2', kind: 'production', item: 'M', qty: 3, due: '2026-02-05' },
          { id: 'MO-3', kind: 'production', item: 'M', qty: 3, due: '2026-02-05', componentsIssued: true },
        ],
      }),
    );
    expect(exceptionsOf(plan, 'missing-bom')).toEqual([expect.objectContaining({ supply: 'MO-1' })]);
    expect(plan.demands.filter((demand) => demand.item === 'C').map((demand) => [demand.id, demand.qty, demand.due])).toEqual([['MO-2/1', 6, '2026-02-04']]);
  });
});

describe('mrp.plan', () => {
  it('is a native function that plans the planning snapshot', () => {
    const fn = NATIVE_FUNCTIONS.get('mrp.plan')!;
    expect(fn.needs).toBe('planning');
    const snapshot = scenario({ items: [{ id: 'B', makeBuy: 'buy', leadTimeDays: 1 }], demands: [{ id: 'D', kind: 'sales-order', item: 'B', qty: 2, due: '2026-02-01' }] });
    expect(fn.run({}, { now: new Date(), planning: { scenario: snapshot } })).toEqual(planMrp(snapshot));
  });
});
