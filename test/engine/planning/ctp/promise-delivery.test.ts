import { describe, expect, it } from 'vitest';
import { promiseDelivery, type CtpRequest, type MrpPlan, type MrpScenario } from '../../../../engine/planning/index.js';
import { componentsInStock, emptyPlan, freeStock, pumpScenario, TODAY } from './small-factory.js';

function promise(request: CtpRequest, plan: MrpPlan, scenario: MrpScenario = pumpScenario()) {
  return promiseDelivery(request, { scenario, plan }, TODAY);
}

describe('ctp.promise on a hand-built committed plan', () => {
  it('promises from free stock on the requested date, or today when no date is asked', () => {
    const plan = emptyPlan([freeStock('PUMP', 10)]);
    const dated = promise({ lines: [{ item: 'PUMP', qty: 5, requestedDate: '2026-11-10' }] }, plan);
    expect(dated.promisedDate).toBe('2026-11-10');
    expect(dated.feasible).toBe(true);
    expect(dated.lines[0]!.limitedBy).toMatchObject({ kind: 'stock', item: 'PUMP' });
    expect(dated.lines[0]!.needed).toEqual([]);
    expect(promise({ lines: [{ item: 'PUMP', qty: 10 }] }, plan).promisedDate).toBe('2026-11-02');
  });

  it("is limited by a bought component's lead time and says how many are short by when", () => {
    // PUMP due Fri 11-06 must start Wed 11-04 (2 working days); MOTOR is bought in 10 working days
    // from Mon 11-02, so it arrives Mon 11-16, and PUMP is made 2 working days later: Wed 11-18.
    const result = promise({ lines: [{ item: 'PUMP', qty: 4, requestedDate: '2026-11-06' }] }, emptyPlan([freeStock('HOUSING', 10), freeStock('SEAL', 20)]));
    expect(result).toMatchObject({ promisedDate: '2026-11-18', feasible: false });
    expect(result.lines[0]!.limitedBy).toMatchObject({ kind: 'material', item: 'MOTOR', date: '2026-11-16' });
    expect(result.lines[0]!.needed).toEqual([{ kind: 'material', item: 'MOTOR', qty: 4, by: '2026-11-04' }]);
    expect(result.reason).toBe('Line 1 (4 × PUMP) cannot ship by the requested 2026-11-06; the earliest is 2026-11-18: MOTOR is bought in 10 working days, so it is ready on 2026-11-16.');
  });

  it('waits for free supply arriving later when no new order could come sooner', () => {
    // A free purchase of 4 MOTORs arrives Mon 11-09, before a new one could (11-16): PUMP is ready 2 working days later, Wed 11-11.
    const purchase = { id: 'PO-1', item: 'MOTOR', kind: 'purchase' as const, qty: 4, date: '2026-11-09', unpeggedQty: 4 };
    const result = promise({ lines: [{ item: 'PUMP', qty: 4, requestedDate: '2026-11-06' }] }, emptyPlan([freeStock('HOUSING', 10), freeStock('SEAL', 20), purchase]));
    expect(result.promisedDate).toBe('2026-11-11');
    expect(result.lines[0]!.limitedBy).toMatchObject({ kind: 'material', item: 'MOTOR', date: '2026-11-09' });
    expect(result.lines[0]!.needed).toEqual([{ kind: 'material', item: 'MOTOR', qty: 4, by: '2026-11-04' }]);
  });

  it('is limited by a work center the committed plan already loads, and says how many hours are missing', () => {
    // PL/PUMP/2026-11-09/1 (96 pumps, 11-02..11-09) needs (60 + 96 * 30) / 60 = 49 h of ASSY over 5 working days:
    // 9.8 h a day, more than the 8 h there are, so ASSY has nothing free until Mon 11-09. The new 10
    // pumps need (60 + 10 * 30) / 60 = 6 h: done on 11-09, shipped the working day after, Tue 11-10.
    // To ship Thu 11-05 they would start Tue 11-03 and need 6 h of ASSY on 11-03 and 11-04: 0 are free.
    const planned = { id: 'PL/PUMP/2026-11-09/1', item: 'PUMP', kind: 'make' as const, qty: 96, start: '2026-11-02', due: '2026-11-09' };
    const supply = { id: 'PL/PUMP/2026-11-09/1', item: 'PUMP', kind: 'planned-make' as const, qty: 96, date: '2026-11-09', unpeggedQty: 0 };
    const plan = emptyPlan([...componentsInStock(10), supply], [planned]);
    const result = promise({ lines: [{ item: 'PUMP', qty: 10, requestedDate: '2026-11-05' }] }, plan);
    expect(result.lines[0]).toMatchObject({
      promisedDate: '2026-11-10',
      feasible: false,
      limitedBy: { kind: 'capacity', workCenter: 'ASSY', item: 'PUMP', date: '2026-11-09' },
      needed: [{ kind: 'capacity', workCenter: 'ASSY', hours: 6, by: '2026-11-05' }],
    });

    // With 20 h a day, 10.2 h are free next to the plan's 9.8: the 6 h fit on Mon 11-02 and PUMP's own
    // 2 working days set the date, Wed 11-04, before the requested Thursday.
    const roomy = pumpScenario();
    roomy.workCenters = [{ id: 'ASSY', dailyCapacityHours: 20 }, { id: 'MACH', dailyCapacityHours: 8 }];
    const relieved = promise({ lines: [{ item: 'PUMP', qty: 10, requestedDate: '2026-11-05' }] }, plan, roomy);
    expect(relieved.lines[0]).toMatchObject({ promisedDate: '2026-11-05', feasible: true, limitedBy: { kind: 'lead-time', item: 'PUMP', date: '2026-11-04' } });
  });

  it("does not use another sales order's order-specific stock", () => {
    const plan = emptyPlan([freeStock('PUMP', 10, { salesOrder: 'SO-1' }), ...componentsInStock(10)]);
    const other = promise({ salesOrder: 'SO-2', lines: [{ item: 'PUMP', qty: 5 }] }, plan);
    // Made instead: components on hand, 2 working days of lead time from Mon 11-02.
    expect(other.lines[0]).toMatchObject({ promisedDate: '2026-11-04', limitedBy: { kind: 'lead-time', item: 'PUMP' } });
    expect(promise({ lines: [{ item: 'PUMP', qty: 5 }] }, plan).promisedDate).toBe('2026-11-04');
    const own = promise({ salesOrder: 'SO-1', lines: [{ item: 'PUMP', qty: 5 }] }, plan);
    expect(own.lines[0]).toMatchObject({ promisedDate: '2026-11-02', limitedBy: { kind: 'stock', item: 'PUMP' } });
  });

  it('gives a re-checked order back what its own demands hold in the plan', () => {
    const held = { id: 'STOCK/PUMP/held', item: 'PUMP', kind: 'stock' as const, qty: 10, date: '2026-11-02', unpeggedQty: 0 };
    const plan = emptyPlan([held, ...componentsInStock(10)]);
    plan.demands = [{ id: 'SO-1/1', item: 'PUMP', kind: 'sales-order', qty: 10, due: '2026-11-20', salesOrder: 'SO-1' }];
    plan.pegging = [{ supply: held.id, demand: 'SO-1/1', qty: 10 }];
    expect(promise({ salesOrder: 'SO-1', lines: [{ item: 'PUMP', qty: 10 }] }, plan).promisedDate).toBe('2026-11-02');
    expect(promise({ salesOrder: 'SO-2', lines: [{ item: 'PUMP', qty: 10 }] }, plan).promisedDate).toBe('2026-11-04');
  });

  it('lets the lines of one request share free stock instead of each counting all of it', () => {
    const plan = emptyPlan([freeStock('PUMP', 10), ...componentsInStock(10)]);
    const before = structuredClone(plan);
    const result = promise({ lines: [{ item: 'PUMP', qty: 6 }, { item: 'PUMP', qty: 6 }] }, plan);
    // Line 1 takes 6 of the 10; line 2 gets the other 4 and has 2 made (2 working days): Wed 11-04.
    expect(result.lines.map((line) => line.promisedDate)).toEqual(['2026-11-02', '2026-11-04']);
    expect(result.lines[1]!.limitedBy).toMatchObject({ kind: 'lead-time', item: 'PUMP' });
    expect(result.promisedDate).toBe('2026-11-04');
    expect(result.reason).toBe('Line 2 (6 × PUMP) sets the earliest date, 2026-11-04: PUMP is made in 2 working days, so it is ready on 2026-11-04.');
    // An inquiry reserves nothing: the plan is unchanged and the next request sees all 10 again.
    expect(plan).toEqual(before);
    expect(promise({ lines: [{ item: 'PUMP', qty: 10 }] }, plan).promisedDate).toBe('2026-11-02');
  });

  it('answers an unknown item or component with unknown-item instead of failing', () => {
    const result = promise({ requestedDate: '2026-11-20', lines: [{ item: 'PUMP', qty: 1 }, { item: 'NO-SUCH', qty: 2 }] }, emptyPlan([freeStock('PUMP', 5)]));
    expect(result.feasible).toBe(false);
    expect(result.lines[0]!.feasible).toBe(true);
    expect(result.lines[1]).toMatchObject({ feasible: false, promisedDate: '2026-11-20', limitedBy: { kind: 'unknown-item', item: 'NO-SUCH' }, needed: [] });
    expect(result.reason).toBe('Line 2 (2 × NO-SUCH) cannot be promised: item NO-SUCH is not in the planning data.');

    const scenario = pumpScenario();
    scenario.boms[1]!.lines.push({ lineNo: 2, component: 'GHOST', qtyPer: 1 });
    const deep = promise({ lines: [{ item: 'PUMP', qty: 1 }] }, emptyPlan([freeStock('MOTOR', 1), freeStock('SEAL', 2)]), scenario);
    expect(deep.lines[0]!.limitedBy).toMatchObject({ kind: 'unknown-item', item: 'GHOST' });
  });

  it('never promises before today, even for a requested date in the past', () => {
    const result = promise({ lines: [{ item: 'PUMP', qty: 5, requestedDate: '2026-10-20' }] }, emptyPlan([freeStock('PUMP', 10)]));
    expect(result.lines[0]).toMatchObject({ promisedDate: '2026-11-02', feasible: false, needed: [] });
    expect(result.reason).toContain('before today, 2026-11-02');
    // A plan committed last week: today is the later of the clock and the plan's horizon start.
    const later = promiseDelivery({ lines: [{ item: 'PUMP', qty: 5 }] }, { scenario: pumpScenario(), plan: emptyPlan([freeStock('PUMP', 10)]) }, new Date('2026-11-12T10:00:00Z'));
    expect(later.promisedDate).toBe('2026-11-12');
  });

  it('blows phantoms through, uses substitutes when the primary is short, and raises orders for yield', () => {
    // HOUSING as a phantom with none in stock: its 4 BOLTs per unit become PUMP's own requirement at
    // PUMP's start; BOLT is bought in 2 working days (Wed 11-04), PUMP made 2 later: Fri 11-06.
    const phantom = pumpScenario();
    phantom.boms[0]!.lines[0]!.phantom = true;
    const blown = promise({ lines: [{ item: 'PUMP', qty: 1 }] }, emptyPlan([freeStock('MOTOR', 1), freeStock('SEAL', 2)]), phantom);
    expect(blown.lines[0]).toMatchObject({ promisedDate: '2026-11-06', limitedBy: { kind: 'material', item: 'BOLT', date: '2026-11-04' } });

    // SEAL-B stands in for SEAL one for one: with 8 of them on hand, 4 pumps need no SEAL.
    const substitute = pumpScenario();
    substitute.items.push({ id: 'SEAL-B', makeBuy: 'buy', leadTimeDays: 30 });
    substitute.boms[0]!.lines.push({ lineNo: 4, component: 'SEAL-B', qtyPer: 2, substituteFor: 3 });
    const subbed = promise({ lines: [{ item: 'PUMP', qty: 4 }] }, emptyPlan([freeStock('HOUSING', 4), freeStock('MOTOR', 4), freeStock('SEAL-B', 8)]), substitute);
    expect(subbed.lines[0]).toMatchObject({ promisedDate: '2026-11-04', limitedBy: { kind: 'lead-time', item: 'PUMP' } });

    // At 50% yield, 4 good pumps need an order of 8: 8 MOTORs short by PUMP's start, Wed 11-04.
    const lossy = pumpScenario();
    lossy.items[0]!.yieldPct = 50;
    const raised = promise({ lines: [{ item: 'PUMP', qty: 4, requestedDate: '2026-11-06' }] }, emptyPlan([freeStock('HOUSING', 8), freeStock('SEAL', 16)]), lossy);
    expect(raised.lines[0]!.needed).toEqual([{ kind: 'material', item: 'MOTOR', qty: 8, by: '2026-11-04' }]);
  });

  it("names the line's own lead time as needed when even an immediate start is too late", () => {
    // Requested Tue 11-03 with nothing on hand: PUMP would have to start Fri 10-30, before today. What
    // is needed is 3 PUMPs by 11-03; its components' shortfalls would be dated in the past and are left out.
    const result = promise({ lines: [{ item: 'PUMP', qty: 3, requestedDate: '2026-11-03' }] }, emptyPlan([freeStock('HOUSING', 3), freeStock('SEAL', 6)]));
    expect(result.lines[0]!.needed).toEqual([{ kind: 'material', item: 'PUMP', qty: 3, by: '2026-11-03' }]);
    expect(result.lines[0]!.limitedBy).toMatchObject({ kind: 'material', item: 'MOTOR' });
  });
});
