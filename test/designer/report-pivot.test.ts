import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../designer/src/api/report-types.js';
import { buildPivot } from '../../designer/src/reports/pivot.js';
import { onTimeByCustomerMonth } from './report-fixture.js';

describe('pivot', () => {
  it('crosses the row and column dimensions with totals for a measure that adds up', () => {
    const pivot = buildPivot(onTimeByCustomerMonth, { type: 'pivot', x: 'customer', series: 'month', y: ['orders'] });
    expect(pivot?.rowValues).toEqual(['华东泵业', '北方阀门', null]);
    expect(pivot?.columnValues).toEqual(['2026-09-01', '2026-10-01', '2026-11-01']);
    expect(pivot?.cells).toEqual([
      [4, 5, null],
      [null, 2, null],
      [null, null, 1],
    ]);
    expect(pivot?.totals).toEqual({ rows: [9, 2, 1], columns: [4, 7, 1], all: 12 });
  });

  it('gives no totals for percentages and nothing without two dimensions', () => {
    expect(buildPivot(onTimeByCustomerMonth, { type: 'pivot', y: ['onTime'] })?.totals).toBeUndefined();
    const oneDimension: ReportResult = { ...onTimeByCustomerMonth, columns: onTimeByCustomerMonth.columns.filter((column) => column.key !== 'month') };
    expect(buildPivot(oneDimension, { type: 'pivot' })).toBeUndefined();
  });

  it('puts every row in exactly one cell: the grand total is the sum of the measure, for any rows', () => {
    const rows = fc.array(
      fc.record({ customer: fc.constantFrom('A', 'B', 'C', null), month: fc.constantFrom('2026-01', '2026-02', '2026-03'), orders: fc.integer({ min: 0, max: 1000 }) }),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(rows, (generated) => {
        const result: ReportResult = { ...onTimeByCustomerMonth, rows: generated };
        const pivot = buildPivot(result, { type: 'pivot', x: 'customer', series: 'month', y: ['orders'] });
        const sum = generated.reduce((total, row) => total + row.orders, 0);
        expect(pivot?.totals?.all ?? 0).toBe(sum);
        expect(pivot?.totals?.rows.reduce((total, value) => total + value, 0) ?? 0).toBe(sum);
        expect(pivot?.columnValues).toEqual([...new Set(generated.map((row) => row.month))].sort());
      }),
    );
  });
});
