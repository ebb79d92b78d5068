import { describe, expect, it } from 'vitest';
import type { ReportColumn, ReportResult, ReportValue } from '../../designer/src/api/report-types.js';
import { allDrawnHidden, buildChartModel, drawnMeasures, drillRowAt, isEmptyModel } from '../../designer/src/reports/chart-model.js';
import { buildChartOption } from '../../designer/src/reports/chart-option.js';
import { onTimeByCustomerMonth } from './report-fixture.js';

const name = (column: ReportColumn, value?: ReportValue) => (column.role === 'dimension' ? String(value ?? '(none)') : column.label.en);

describe('chart model', () => {
  it('splits a series dimension into one series per value, over the categories in row order', () => {
    const model = buildChartModel(onTimeByCustomerMonth, onTimeByCustomerMonth.chart, name);
    expect(model.categoryColumn?.key).toBe('month');
    expect(model.categories).toEqual(['2026-09-01', '2026-10-01', '2026-11-01']);
    expect(model.series.map((series) => series.name)).toEqual(['华东泵业', '北方阀门', '(none)']);
    expect(model.series.map((series) => series.values)).toEqual([
      [4, 5, null],
      [null, 2, null],
      [null, null, 1],
    ]);
    // A click on 北方阀门's October bar drills into exactly that customer and month.
    expect(drillRowAt(model, 1, 1)).toEqual({ month: '2026-10-01', customer: '北方阀门' });
    expect(drillRowAt(model, 1, 0)).toBeUndefined();
    expect(drillRowAt(model, 2, 2)).toEqual({ month: '2026-11-01', customer: null });
  });

  it('draws one series per measure without a series dimension, and never a hidden measure', () => {
    const result: ReportResult = { ...onTimeByCustomerMonth, hidden: ['value'], rows: onTimeByCustomerMonth.rows.filter((row) => row.customer === '华东泵业') };
    const chart = { type: 'line' as const, x: 'month' };
    expect(drawnMeasures(result, chart).map((column) => column.key)).toEqual(['orders', 'onTime']);
    const model = buildChartModel(result, chart, name);
    expect(model.series.map((series) => [series.name, series.values])).toEqual([
      ['Orders', [4, 5]],
      ['On-time %', [0.75, 0.8]],
    ]);
    expect(drillRowAt(model, 0, 1)).toEqual({ month: '2026-10-01' });
    expect(drawnMeasures(result, { type: 'bar', y: ['value', 'onTime'] }).map((column) => column.key)).toEqual(['onTime']);
  });

  it('reads numeric text (PostgreSQL sends numerics as strings) and calls a result without values empty', () => {
    const result: ReportResult = { ...onTimeByCustomerMonth, rows: [{ customer: 'A', month: '2026-10', orders: '12', onTime: null, value: 'n/a' }] };
    const model = buildChartModel(result, { type: 'bar', x: 'customer' }, name);
    expect(model.series.map((series) => series.values[0])).toEqual([12, null, null]);
    expect(isEmptyModel(model)).toBe(false);
    expect(isEmptyModel(buildChartModel({ ...result, rows: [] }, { type: 'bar' }, name))).toBe(true);
  });
});

describe('chart option', () => {
  it('stacks one measure split by a dimension, formats axes in 万 and escapes names in tooltips', () => {
    const model = buildChartModel(onTimeByCustomerMonth, onTimeByCustomerMonth.chart, name);
    const option = buildChartOption(model, 'bar', { locale: 'zh-CN', empty: '（空）' });
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['2026年9月', '2026年10月', '2026年11月'] });
    const series = option.series as { type: string; stack?: string; data: unknown[] }[];
    expect(series.map((entry) => [entry.type, entry.stack])).toEqual([
      ['bar', 'total'],
      ['bar', 'total'],
      ['bar', 'total'],
    ]);
    const axis = option.yAxis as { axisLabel: { formatter: (value: number) => string } };
    expect(axis.axisLabel.formatter(250_000)).toBe('25万');
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    const html = tooltip.formatter([{ name: '<img src=x onerror=alert(1)>', seriesName: '北方&阀门', seriesIndex: 1, value: 2, marker: '' }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img');
    expect(html).toContain('北方&#38;阀门: <b>2</b>');
  });

  it('draws a pie of the first measure with percentages in the tooltip', () => {
    const result: ReportResult = {
      ...onTimeByCustomerMonth,
      chart: { type: 'pie', x: 'customer', y: ['value'] },
      rows: onTimeByCustomerMonth.rows.filter((row) => row.month === '2026-10-01'),
    };
    const model = buildChartModel(result, result.chart, name);
    const option = buildChartOption(model, 'pie', { locale: 'en', empty: '(none)' });
    const [pie] = option.series as { type: string; data: { name: string; value: number }[] }[];
    expect(pie?.type).toBe('pie');
    expect(pie?.data).toEqual([
      { name: '华东泵业', value: 98_500.5 },
      { name: '北方阀门', value: 45_000 },
    ]);
    const tooltip = option.tooltip as { formatter: (param: unknown) => string };
    expect(tooltip.formatter({ name: '北方阀门', value: 45_000, percent: 31.36 })).toBe('北方阀门<br/>¥45,000.00 (31.4%)');
  });

  it('does not stack shares or durations (averages) and keeps the percent axis at least 0–100%', () => {
    const result: ReportResult = { ...onTimeByCustomerMonth, chart: { type: 'bar', x: 'month', y: ['onTime'], series: 'customer' } };
    const option = buildChartOption(buildChartModel(result, result.chart, name), 'bar', { locale: 'en', empty: '' });
    expect((option.series as { stack?: string }[]).every((entry) => entry.stack === undefined)).toBe(true);
    const durations: ReportResult = { ...result, columns: result.columns.map((column) => (column.key === 'onTime' ? { ...column, type: 'duration' as const } : column)) };
    const durationOption = buildChartOption(buildChartModel(durations, durations.chart, name), 'bar', { locale: 'en', empty: '' });
    expect((durationOption.series as { stack?: string }[]).every((entry) => entry.stack === undefined)).toBe(true);
    const axis = option.yAxis as { max: (extent: { max: number }) => number; axisLabel: { formatter: (value: number) => string } };
    expect(axis.max({ max: 0.8 })).toBe(1);
    expect(axis.axisLabel.formatter(0.5)).toBe('50%');
  });
});

describe('hidden measures', () => {
  it('say when the user may see none of the measures a chart draws', () => {
    expect(allDrawnHidden({ hidden: ['value'], chart: { type: 'pie', y: ['value'] } })).toBe(true);
    expect(allDrawnHidden({ hidden: ['value'], chart: { type: 'pie', y: ['value', 'lots'] } })).toBe(false);
    expect(allDrawnHidden({ hidden: ['value'], chart: { type: 'table' } })).toBe(false);
  });
});
