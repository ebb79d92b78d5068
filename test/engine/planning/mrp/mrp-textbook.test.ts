import { describe, expect, it } from 'vitest';
import { planMrp } from '../../../../engine/planning/index.js';
import { exceptionsOf, ordersOf, pegsOf, scenario } from './scenario-builders.js';

describe('MRP record of a two-level BOM', () => {
  /*
   * The MRP record of Orlicky / APICS CPIM (gross requirements, scheduled receipts, projected
   * available, net requirements, planned order receipts and releases), worked by hand in day buckets:
   *   A (make, lead time 1, on hand 10) needs 2 B; B (buy, lead time 3, on hand 15, receipt 20 on 01-05).
   *   A: gross 30 on 01-10 -> net 20 -> receipt 20 on 01-10, release 01-09; gross 20 on 01-15 -> 20, release 01-14.
   *   B: gross 40 on 01-09 and 40 on 01-14 (2 per A at A's release).
   *      01-09: 15 + 20 available -> net 5 -> receipt 5 on 01-09, release 01-06; 01-14: net 40, release 01-11.
   *   The receipt of 01-05 is first needed on 01-09: reschedule out (defer) to 01-09.
   */
  const record = scenario({
    items: [
      { id: 'A', makeBuy: 'make', leadTimeDays: 1 },
      { id: 'B', makeBuy: 'buy', leadTimeDays: 3 },
    ],
    boms: [{ id: 'A-1', item: 'A', version: '1', lines: [{ lineNo: 1, component: 'B', qtyPer: 2 }] }],
    stock: [
      { item: 'A', qty: 10 },
      { item: 'B', qty: 15 },
    ],
    supplies: [{ id: 'PO-1', kind: 'purchase', item: 'B', qty: 20, due: '2026-01-05' }],
    demands: [
      { id: 'SO-1/1', kind: 'sales-order', item: 'A', qty: 30, due: '2026-01-10', salesOrder: 'SO-1' },
      { id: 'SO-2/1', kind: 'sales-order', item: 'A', qty: 20, due: '2026-01-15', salesOrder: 'SO-2' },
    ],
  });
  const plan = planMrp(record);

  it('plans the receipts and releases of the worked record', () => {
    expect(ordersOf(plan, 'A')).toEqual([
      { qty: 20, start: '2026-01-09', due: '2026-01-10' },
      { qty: 20, start: '2026-01-14', due: '2026-01-15' },
    ]);
    expect(ordersOf(plan, 'B')).toEqual([
      { qty: 5, start: '2026-01-06', due: '2026-01-09' },
      { qty: 40, start: '2026-01-11', due: '2026-01-14' },
    ]);
    expect(plan.plannedOrders.find((order) => order.id === 'PL/A/2026-01-10/1')?.bomVersion).toBe('1');
  });

  it('pegs every allocation, so a customer order walks down to the purchases it depends on', () => {
    expect(pegsOf(plan, 'SO-1/1')).toEqual([
      { supply: 'STOCK/A/1', qty: 10 },
      { supply: 'PL/A/2026-01-10/1', qty: 20 },
    ]);
    expect(pegsOf(plan, 'PL/A/2026-01-10/1/1')).toEqual([
      { supply: 'STOCK/B/1', qty: 15 },
      { supply: 'PO-1', qty: 20 },
      { supply: 'PL/B/2026-01-09/1', qty: 5 },
    ]);
    expect(plan.demands.find((demand) => demand.id === 'PL/A/2026-01-10/1/1')).toMatchObject({ item: 'B', kind: 'dependent', qty: 40, due: '2026-01-09', parentSupply: 'PL/A/2026-01-10/1', bomLine: 1 });
  });

  it('names planned orders by bucket, so a new order renames none of the others', () => {
    // 5 more A on 01-12: A orders 5 on 01-12 (release 01-11), so B needs 10 more on 01-11, past its stock and receipt.
    const changed = planMrp({ ...record, demands: [...record.demands!, { id: 'SO-3/1', kind: 'sales-order', item: 'A', qty: 5, due: '2026-01-12', salesOrder: 'SO-3' }] });
    expect(changed.plannedOrders).toEqual(expect.arrayContaining(plan.plannedOrders));
    const added = changed.plannedOrders.filter((order) => !plan.plannedOrders.some((old) => old.id === order.id));
    expect(added.map(({ id, qty, start, due }) => ({ id, qty, start, due }))).toEqual([
      { id: 'PL/A/2026-01-12/1', qty: 5, start: '2026-01-11', due: '2026-01-12' },
      { id: 'PL/B/2026-01-11/1', qty: 10, start: '2026-01-08', due: '2026-01-11' },
    ]);
  });

  it('defers the early receipt to its first need', () => {
    expect(plan.rescheduleMessages).toEqual([expect.objectContaining({ supply: 'PO-1', action: 'defer', date: '2026-01-05', to: '2026-01-09' })]);
    expect(plan.summary).toEqual({ items: 2, levels: 2, plannedOrders: 4, shortages: 0 });
  });
});

describe('lot sizing', () => {
  // Net requirements 30, 0, 40, 10, 50 on five consecutive days (the classic lot-sizing comparison table).
  const demands = [30, 0, 40, 10, 50].flatMap((qty, day) =>
    qty === 0 ? [] : [{ id: `D${day + 1}`, kind: 'sales-order' as const, item: 'X', qty, due: `2026-02-0${day + 1}` }],
  );
  const plan = (lotSizing: object) => planMrp(scenario({ items: [{ id: 'X', makeBuy: 'buy', leadTimeDays: 0, lotSizing: lotSizing as never }], demands }));

  it('fixed order quantity 50: orders on days 1, 3 and 5, the excess carried forward', () => {
    // Day 1: 30 -> 50 (20 left); day 3: 40 - 20 = 20 -> 50 (30 left); day 4: 10 from the 30; day 5: 50 - 20 = 30 -> 50.
    expect(ordersOf(plan({ method: 'fixed', qty: 50 }), 'X').map((order) => [order.due, order.qty])).toEqual([
      ['2026-02-01', 50],
      ['2026-02-03', 50],
      ['2026-02-05', 50],
    ]);
  });

  it('fixed order quantity 50 over a week needing 130: one order of the smallest multiple, 150, that max 100 still splits', () => {
    // APICS FOQ orders in multiples of the lot: one order per bucket, not one per lot.
    const weekly = (lotSizing: object) =>
      planMrp(scenario({ horizon: { start: '2026-02-01', end: '2026-03-31', bucketDays: 7 }, items: [{ id: 'X', makeBuy: 'buy', leadTimeDays: 0, lotSizing: lotSizing as never }], demands }));
    expect(ordersOf(weekly({ method: 'fixed', qty: 50 }), 'X').map((order) => [order.due, order.qty])).toEqual([['2026-02-01', 150]]);
    expect(ordersOf(weekly({ method: 'fixed', qty: 50, max: 100 }), 'X').map((order) => [order.due, order.qty])).toEqual([
      ['2026-02-01', 100],
      ['2026-02-01', 50],
    ]);
  });

  it('period order quantity over 2 periods: 30 (days 1-2), 50 (days 3-4), 50 (day 5)', () => {
    expect(ordersOf(plan({ method: 'period', periods: 2 }), 'X').map((order) => [order.due, order.qty])).toEqual([
      ['2026-02-01', 30],
      ['2026-02-03', 50],
      ['2026-02-05', 50],
    ]);
  });

  it('min 35, multiple 10 and max 40: raised, rounded and split', () => {
    // 30 -> min 35 -> multiple 40 (10 left); 40 - 10 = 30 -> 40 (10 left); day 4 from the 10; 50 -> 50 above max 40 -> 40 + 10 -> min 35 -> 40.
    expect(ordersOf(plan({ method: 'min-max', min: 35, max: 40, multiple: 10 }), 'X').map((order) => [order.due, order.qty])).toEqual([
      ['2026-02-01', 40],
      ['2026-02-03', 40],
      ['2026-02-05', 40],
      ['2026-02-05', 40],
    ]);
  });

  it('weekly buckets sum the requirements before sizing: one lot-for-lot order for the week', () => {
    const weekly = planMrp(scenario({ horizon: { start: '2026-02-01', end: '2026-03-31', bucketDays: 7 }, items: [{ id: 'X', makeBuy: 'buy', leadTimeDays: 0 }], demands }));
    expect(ordersOf(weekly, 'X')).toEqual([{ qty: 130, start: '2026-02-01', due: '2026-02-01' }]);
  });
});

describe('safety stock, scrap and yield', () => {
  it('holds safety stock as a floor pegged to SAFETY/<item>', () => {
    // On hand 25, safety 10: demand 10 on 02-05 takes 10, demand 10 on 02-08 finds 5 free -> order 5.
    const plan = planMrp(
      scenario({
        items: [{ id: 'S', makeBuy: 'buy', leadTimeDays: 2, safetyStock: 10 }],
        stock: [{ item: 'S', qty: 25 }],
        demands: [
          { id: 'D1', kind: 'sales-order', item: 'S', qty: 10, due: '2026-02-05' },
          { id: 'D2', kind: 'sales-order', item: 'S', qty: 10, due: '2026-02-08' },
        ],
      }),
    );
    expect(pegsOf(plan, 'SAFETY/S')).toEqual([{ supply: 'STOCK/S/1', qty: 10 }]);
    expect(ordersOf(plan, 'S')).toEqual([{ qty: 5, start: '2026-02-06', due: '2026-02-08' }]);
  });

  it('raises the order for yield and the component need for line scrap', () => {
    // Need 40 good at 80% yield -> order 50; the line (qty 1, scrap 10%) needs 50 * 1.1 = 55.
    const plan = planMrp(
      scenario({
        items: [
          { id: 'P', makeBuy: 'make', leadTimeDays: 1, yieldPct: 80 },
          { id: 'R', makeBuy: 'buy', leadTimeDays: 1 },
        ],
        boms: [{ id: 'P-1', item: 'P', version: '1', lines: [{ lineNo: 1, component: 'R', qtyPer: 1, scrapPct: 10 }] }],
        demands: [{ id: 'D', kind: 'sales-order', item: 'P', qty: 40, due: '2026-02-10' }],
      }),
    );
    expect(ordersOf(plan, 'P')).toEqual([{ qty: 50, start: '2026-02-09', due: '2026-02-10' }]);
    expect(plan.supplies.find((supply) => supply.id === 'PL/P/2026-02-10/1')?.qty).toBe(40);
    expect(ordersOf(plan, 'R')).toEqual([{ qty: 55, start: '2026-02-08', due: '2026-02-09' }]);
  });
});

describe('BOM versions, phantoms and substitutes', () => {
  it('explodes the version effective on the start of each order', () => {
    const plan = planMrp(
      scenario({
        items: [
          { id: 'E', makeBuy: 'make', leadTimeDays: 2 },
          { id: 'OLD', makeBuy: 'buy', leadTimeDays: 0 },
          { id: 'NEW', makeBuy: 'buy', leadTimeDays: 0 },
        ],
        boms: [
          { id: 'E-1', item: 'E', version: '1', effectiveTo: '2026-01-31', lines: [{ lineNo: 1, component: 'OLD', qtyPer: 1 }] },
          { id: 'E-2', item: 'E', version: '2', effectiveFrom: '2026-02-01', lines: [{ lineNo: 1, component: 'NEW', qtyPer: 3 }] },
        ],
        demands: [
          { id: 'JAN', kind: 'sales-order', item: 'E', qty: 1, due: '2026-01-20' },
          { id: 'FEB', kind: 'sales-order', item: 'E', qty: 1, due: '2026-02-02' },
        ],
      }),
    );
    // The February order starts on 01-31, still under version 1.
    expect(plan.plannedOrders.filter((order) => order.item === 'E').map((order) => [order.start, order.bomVersion])).toEqual([
      ['2026-01-18', '1'],
      ['2026-01-31', '1'],
    ]);
    expect(ordersOf(plan, 'NEW')).toEqual([]);
    const later = planMrp(
      scenario({
        items: [
          { id: 'E', makeBuy: 'make', leadTimeDays: 2 },
          { id: 'NEW', makeBuy: 'buy', leadTimeDays: 0 },
        ],
        boms: [{ id: 'E-2', item: 'E', version: '2', effectiveFrom: '2026-02-01', lines: [{ lineNo: 1, component: 'NEW', qtyPer: 3 }] }],
        demands: [{ id: 'MAR', kind: 'sales-order', item: 'E', qty: 2, due: '2026-03-10' }],
      }),
    );
    expect(ordersOf(later, 'NEW')).toEqual([{ qty: 6, start: '2026-03-08', due: '2026-03-08' }]);
  });

  it('blows a phantom through after using its stock, without ordering it', () => {
    // A needs 1 phantom P per unit; P has 3 on hand and needs 2 C: 10 A -> 3 P from stock, 7 blown through -> 14 C.
    const plan = planMrp(
      scenario({
        items: [
          { id: 'A', makeBuy: 'make', leadTimeDays: 1 },
          { id: 'P', makeBuy: 'make', leadTimeDays: 5 },
          { id: 'C', makeBuy: 'buy', leadTimeDays: 1 },
        ],
        boms: [
          { id: 'A-1', item: 'A', version: '1', lines: [{ lineNo: 1, component: 'P', qtyPer: 1, phantom: true }] },
          { id: 'P-1', item: 'P', version: '1', lines: [{ lineNo: 1, component: 'C', qtyPer: 2 }] },
        ],
        stock: [{ item: 'P', qty: 3 }],
        demands: [{ id: 'D', kind: 'sales-order', item: 'A', qty: 10, due: '2026-02-10' }],
      }),
    );
    expect(ordersOf(plan, 'P')).toEqual([]);
    expect(pegsOf(plan, 'PL/A/2026-02-10/1/1')).toEqual([
      { supply: 'STOCK/P/1', qty: 3 },
      { supply: 'PHANTOM/P/1', qty: 7 },
    ]);
    expect(plan.demands.find((demand) => demand.item === 'C')).toMatchObject({ id: 'PHANTOM/P/1/1', qty: 14, due: '2026-02-09' });
    expect(ordersOf(plan, 'C')).toEqual([{ qty: 14, start: '2026-02-08', due: '2026-02-09' }]);
  });

  const withSubstitute = (primaryStock: number) =>
    planMrp(
      scenario({
        items: [
          { id: 'A', makeBuy: 'make', leadTimeDays: 1 },
          { id: 'B', makeBuy: 'buy', leadTimeDays: 3 },
          { id: 'S', makeBuy: 'buy', leadTimeDays: 3 },
        ],
        boms: [
          {
            id: 'A-1',
            item: 'A',
            version: '1',
            lines: [
              { lineNo: 1, component: 'B', qtyPer: 1 },
              { lineNo: 2, component: 'S', qtyPer: 1, substituteFor: 1, ratio: 2 },
            ],
          },
        ],
        stock: [
          { item: 'B', qty: primaryStock },
          { item: 'S', qty: 10 },
        ],
        demands: [{ id: 'D', kind: 'sales-order', item: 'A', qty: 10, due: '2026-02-10' }],
      }),
    );

  it('uses a substitute only for what the primary lacks, at its ratio, before ordering the primary', () => {
    // B needs 10, has 4: short 6 -> S at 2 per B covers 5 with its 10 -> 1 B left to order.
    const plan = withSubstitute(4);
    expect(plan.demands.find((demand) => demand.id === 'PL/A/2026-02-10/1/2')).toMatchObject({ item: 'S', qty: 10, substituteFor: 'B', parentSupply: 'PL/A/2026-02-10/1', bomLine: 2 });
    expect(plan.demands.find((demand) => demand.id === 'PL/A/2026-02-10/1/1')).toMatchObject({ item: 'B', qty: 5 });
    expect(ordersOf(plan, 'B')).toEqual([{ qty: 1, start: '2026-02-06', due: '2026-02-09' }]);
    expect(plan.supplies.find((supply) => supply.id === 'STOCK/S/1')?.unpeggedQty).toBe(0);
  });

  it('leaves the substitute alone when the primary covers the need', () => {
    const plan = withSubstitute(12);
    expect(plan.demands.filter((demand) => demand.item === 'S')).toEqual([]);
    expect(plan.supplies.find((supply) => supply.id === 'STOCK/S/1')?.unpeggedQty).toBe(10);
  });
});

describe('make-to-order', () => {
  const items = [
    { id: 'F', makeBuy: 'make' as const, mto: true, leadTimeDays: 2 },
    { id: 'M', makeBuy: 'buy' as const, mto: true, leadTimeDays: 5 },
  ];
  const boms = [{ id: 'F-1', item: 'F', version: '1', lines: [{ lineNo: 1, component: 'M', qtyPer: 1 }] }];

  it('keeps stock reserved to one order away from another, and orders per sales order', () => {
    const plan = planMrp(
      scenario({
        items,
        boms,
        stock: [{ item: 'F', qty: 5, salesOrder: 'SO-1' }],
        demands: [
          { id: 'SO-2/1', kind: 'sales-order', item: 'F', qty: 5, due: '2026-02-01', salesOrder: 'SO-2' },
          { id: 'SO-1/1', kind: 'sales-order', item: 'F', qty: 5, due: '2026-02-05', salesOrder: 'SO-1' },
        ],
      }),
    );
    expect(pegsOf(plan, 'SO-1/1')).toEqual([{ supply: 'STOCK/F/1', qty: 5 }]);
    expect(pegsOf(plan, 'SO-2/1')).toEqual([{ supply: 'PL/F/2026-02-01/1', qty: 5 }]);
    expect(ordersOf(plan, 'F')).toEqual([{ qty: 5, start: '2026-01-30', due: '2026-02-01', salesOrder: 'SO-2' }]);
    expect(ordersOf(plan, 'M')).toEqual([{ qty: 5, start: '2026-01-25', due: '2026-01-30', salesOrder: 'SO-2' }]);
    expect(plan.demands.find((demand) => demand.item === 'M')?.salesOrder).toBe('SO-2');
  });

  it('frees the material of a cancelled order, says so, and cancels the purchase nobody needs', () => {
    // SO-3 was cancelled: its special material (8 on hand, 6 on order) is stranded. SO-4 needs 5 F -> 5 M.
    const plan = planMrp(
      scenario({
        items,
        boms,
        stock: [{ item: 'M', qty: 8, salesOrder: 'SO-3', lot: 'L-77' }],
        supplies: [{ id: 'PO-9', kind: 'purchase', item: 'M', qty: 6, due: '2026-02-20', salesOrder: 'SO-3' }],
        demands: [
          { id: 'SO-3/1', kind: 'sales-order', item: 'F', qty: 14, due: '2026-03-01', salesOrder: 'SO-3', status: 'cancelled' },
          { id: 'SO-4/1', kind: 'sales-order', item: 'F', qty: 5, due: '2026-02-10', salesOrder: 'SO-4' },
        ],
      }),
    );
    expect(exceptionsOf(plan, 'released-by-cancellation').map(({ supply, qty, salesOrder }) => ({ supply, qty, salesOrder }))).toEqual([
      { supply: 'STOCK/M/1', qty: 8, salesOrder: 'SO-3' },
      { supply: 'PO-9', qty: 6, salesOrder: 'SO-3' },
    ]);
    expect(pegsOf(plan, 'PL/F/2026-02-10/1/1')).toEqual([{ supply: 'STOCK/M/1', qty: 5 }]);
    expect(plan.rescheduleMessages).toEqual([expect.objectContaining({ supply: 'PO-9', action: 'cancel' })]);
    expect(plan.demands.some((demand) => demand.id === 'SO-3/1')).toBe(false);
  });
});

describe('reschedule messages', () => {
  it('expedites a late receipt instead of ordering, defers an early one, reduces and cancels what is not needed, leaves firm supply alone', () => {
    const plan = planMrp(
      scenario({
        items: [
          { id: 'X', makeBuy: 'buy', leadTimeDays: 2 },
          { id: 'Y', makeBuy: 'buy', leadTimeDays: 2 },
        ],
        supplies: [
          { id: 'PO-LATE', kind: 'purchase', item: 'X', qty: 10, due: '2026-02-20' },
          { id: 'PO-EARLY', kind: 'purchase', item: 'X', qty: 10, due: '2026-02-01' },
          { id: 'PO-TOO-MUCH', kind: 'purchase', item: 'X', qty: 10, due: '2026-03-01' },
          { id: 'PO-UNUSED', kind: 'purchase', item: 'Y', qty: 5, due: '2026-02-01' },
          { id: 'PO-FIRM', kind: 'purchase', item: 'Y', qty: 5, due: '2026-02-02', firm: true },
        ],
        demands: [
          { id: 'D1', kind: 'sales-order', item: 'X', qty: 10, due: '2026-02-10' },
          { id: 'D2', kind: 'sales-order', item: 'X', qty: 14, due: '2026-02-15' },
        ],
      }),
    );
    // D1 takes PO-EARLY (due 02-01, first needed 02-10: defer). D2 pulls PO-LATE in to 02-15, then 4 of PO-TOO-MUCH.
    expect(plan.plannedOrders).toEqual([]);
    expect(plan.rescheduleMessages.map(({ supply, action, to, qty }) => ({ supply, action, to, qty }))).toEqual([
      { supply: 'PO-EARLY', action: 'defer', to: '2026-02-10', qty: undefined },
      { supply: 'PO-LATE', action: 'expedite', to: '2026-02-15', qty: undefined },
      { supply: 'PO-TOO-MUCH', action: 'expedite', to: '2026-02-15', qty: undefined },
      { supply: 'PO-TOO-MUCH', action: 'reduce', to: undefined, qty: 4 },
      { supply: 'PO-UNUSED', action: 'cancel', to: undefined, qty: undefined },
    ]);
    expect(plan.demands.every((demand) => demand.shortQty === undefined)).toBe(true);
  });
});

describe('shortage and past-due start', () => {
  it('proposes the late order from the horizon start and marks the demand short with the date supply can come', () => {
    // Buy lead time 10 from 01-01 arrives 01-11 at the earliest; the demand is due 01-04.
    const plan = planMrp(
      scenario({ items: [{ id: 'L', makeBuy: 'buy', leadTimeDays: 10 }], demands: [{ id: 'D', kind: 'sales-order', item: 'L', qty: 3, due: '2026-01-04', salesOrder: 'SO-8' }] }),
    );
    expect(ordersOf(plan, 'L')).toEqual([{ qty: 3, start: '2026-01-01', due: '2026-01-11' }]);
    expect(plan.demands[0]).toMatchObject({ id: 'D', shortQty: 3 });
    expect(pegsOf(plan, 'D')).toEqual([{ supply: 'PL/L/2026-01-04/1', qty: 3 }]);
    expect(exceptionsOf(plan, 'shortage')).toEqual([expect.objectContaining({ item: 'L', demand: 'D', supply: 'PL/L/2026-01-04/1', salesOrder: 'SO-8', date: '2026-01-11', qty: 3 })]);
    expect(exceptionsOf(plan, 'past-due-start')).toEqual([expect.objectContaining({ item: 'L', supply: 'PL/L/2026-01-04/1', date: '2026-01-11' })]);
    expect(plan.summary.shortages).toBe(1);
  });

  it('counts working days only (Monday to Friday by default)', () => {
    // Due Monday 2026-02-09 with 3 working days: Wednesday, Thursday, Friday before -> start Wednesday 02-04.
    const plan = planMrp({ ...scenario({ items: [{ id: 'W', makeBuy: 'buy', leadTimeDays: 3 }], demands: [{ id: 'D', kind: 'sales-order', item: 'W', qty: 1, due: '2026-02-09' }] }), calendar: {} });
    expect(ordersOf(plan, 'W')).toEqual([{ qty: 1, start: '2026-02-04', due: '2026-02-09' }]);
  });
});

describe('forecast consumption', () => {
  it('lets sales orders in the forecast period consume it and plans what is left', () => {
    const plan = planMrp(
      scenario({
        items: [{ id: 'G', makeBuy: 'buy', leadTimeDays: 0 }],
        demands: [
          { id: 'FC-FEB', kind: 'forecast', item: 'G', qty: 100, due: '2026-02-28', periodStart: '2026-02-01' },
          { id: 'SO-1/1', kind: 'sales-order', item: 'G', qty: 30, due: '2026-02-10' },
          { id: 'SO-2/1', kind: 'sales-order', item: 'G', qty: 20, due: '2026-03-02' },
        ],
      }),
    );
    expect(plan.demands.find((demand) => demand.id === 'FC-FEB')?.qty).toBe(70);
    expect(ordersOf(plan, 'G').map((order) => order.qty)).toEqual([30, 70, 20]);
  });
});

describe('the left-over of a lot dated before supply already used up', () => {
  /*
   * Worked by hand, fixed order quantity 10, lead time 0, every day a working day:
   *   PO-1 brings 3 on 01-20 and may be pulled in. D1 (3 on 01-05) expedites it, and it is used up.
   *   D2 (4 on 01-10): nothing on hand -> a lot of 10 on 01-10, 6 left over.
   *   D3 (5 on 01-12): the 6 left over from 01-10 cover it; no second lot.
   * The lot of 01-10 goes into the supply list before the used-up PO-1 (01-20): the list's head must
   * move back to it, or D3 would not see the left-over and a second lot would be ordered.
   */
  const plan = planMrp(
    scenario({
      items: [{ id: 'A', makeBuy: 'buy', leadTimeDays: 0, lotSizing: { method: 'fixed', qty: 10 } }],
      supplies: [{ id: 'PO-1', kind: 'purchase', item: 'A', qty: 3, due: '2026-01-20' }],
      demands: [
        { id: 'D1', kind: 'sales-order', item: 'A', qty: 3, due: '2026-01-05' },
        { id: 'D2', kind: 'sales-order', item: 'A', qty: 4, due: '2026-01-10' },
        { id: 'D3', kind: 'sales-order', item: 'A', qty: 5, due: '2026-01-12' },
      ],
    }),
  );

  it('serves the later demand from the left-over instead of ordering another lot', () => {
    expect(ordersOf(plan, 'A')).toEqual([{ qty: 10, start: '2026-01-10', due: '2026-01-10' }]);
    expect(pegsOf(plan, 'D1')).toEqual([{ supply: 'PO-1', qty: 3 }]);
    expect(pegsOf(plan, 'D3')).toEqual([{ supply: 'PL/A/2026-01-10/1', qty: 5 }]);
    expect(plan.supplies.find((supply) => supply.id === 'PL/A/2026-01-10/1')?.unpeggedQty).toBe(1);
  });
});
