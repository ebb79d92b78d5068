import { describe, expect, it } from 'vitest';
import type { PlanException } from '../../engine/planning/generated/planning-types.js';
import { exceptionSalesOrders, exceptionText, sortExceptions } from '../../designer/src/planning/exception-text.js';
import { indexPlan, salesOrderResolver } from '../../designer/src/planning/plan-index.js';
import { LABELS, PLAN } from './planning-fixture.js';

const itemName = (id: string) => LABELS.items[id as keyof typeof LABELS.items] ?? id;

describe('plan exceptions', () => {
  it('put shortages first, then late releases, then data problems', () => {
    expect(sortExceptions(PLAN.exceptions).map((exception) => exception.type)).toEqual(['shortage', 'past-due-start', 'missing-routing']);
  });

  it('are worded from their fields in the user language, not from the English message', () => {
    const shortage = PLAN.exceptions.find((exception) => exception.type === 'shortage') as PlanException;
    expect(exceptionText(shortage, 'zh-CN', itemName)).toBe('Motor 7.5 kW 缺料 3，需求日期 2026/04/10 前无法满足');
    expect(exceptionText(shortage, 'en', itemName)).toBe('3 of Motor 7.5 kW not covered on time for the demand due 04/10/2026');
    const cycle: PlanException = { type: 'bom-cycle', items: ['PUMP', 'CASING', 'PUMP'], message: 'cycle' };
    expect(exceptionText(cycle, 'zh-CN', itemName)).toBe('BOM 中出现循环：Pump KBZ → Casing → Pump KBZ');
  });

  it('show a dash for a field the exception lacks, never a placeholder', () => {
    const bare: PlanException = { type: 'past-due-start', message: 'x' };
    const text = exceptionText(bare, 'en', itemName);
    expect(text).toBe('— for — should have been released on —');
    expect(text).not.toMatch(/[{}]/);
  });

  it('name the customer orders they concern, walking up the BOM when the exception names only a demand or a supply', () => {
    const index = indexPlan(PLAN);
    const resolve = salesOrderResolver(index);
    const [pastDue, missingRouting, shortage] = PLAN.exceptions as [PlanException, PlanException, PlanException];
    expect(exceptionSalesOrders(shortage, index, resolve)).toEqual(['SO-1']);
    expect(exceptionSalesOrders({ ...shortage, salesOrder: undefined }, index, resolve)).toEqual(['SO-1', 'SO-2']);
    expect(exceptionSalesOrders(pastDue, index, resolve)).toEqual(['SO-1', 'SO-2']);
    expect(exceptionSalesOrders(missingRouting, index, resolve)).toEqual([]);
  });
});
