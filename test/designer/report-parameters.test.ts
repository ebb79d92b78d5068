import { describe, expect, it } from 'vitest';
import { widgetSpans } from '../../designer/src/reports/widget-spans.js';
import { dateGap } from '../../designer/src/reports/date-gap.js';
import { initialParameters } from '../../designer/src/reports/initial-parameters.js';
import { dimensionFormatter, formatDimension, formatMeasure, isMonthly } from '../../designer/src/reports/measure-format.js';
import { parameterFields, parameterTitle, readRange, usedParameters, widgetParameters, writeRange } from '../../designer/src/reports/parameter-fields.js';
import { reportExportPath } from '../../designer/src/reports/report-export-path.js';
import { recordExportPath } from '../../designer/src/exports/record-export-path.js';
import { managementDashboard } from './report-fixture.js';

describe('parameter bar fields', () => {
  it('reads the date range, record pickers, choices and text from the schema, the range first', () => {
    const fields = parameterFields(managementDashboard.parameters);
    expect(fields.map((field) => [field.kind, field.name])).toEqual([
      ['dateRange', 'dateRange'],
      ['lookup', 'customer'],
      ['text', 'workCenter'],
      ['choice', 'status'],
    ]);
    expect(fields[1]).toMatchObject({ form: 'customer', displayField: 'name' });
  });

  it('takes top-level from/to date properties as one range', () => {
    const schema = {
      type: 'object' as const,
      properties: { to: { type: 'string', format: 'date' }, from: { type: 'string', format: 'date' }, workCenter: { type: 'string', 'x-lookup': { form: 'work-center' } } },
    };
    const fields = parameterFields(schema);
    expect(fields.map((field) => [field.kind, field.name])).toEqual([
      ['dateRange', ''],
      ['lookup', 'workCenter'],
    ]);
    const [range] = fields;
    if (range?.kind !== 'dateRange') throw new Error('no range');
    const values = writeRange({ workCenter: 'wc-1' }, range, { from: '2026-11-01', to: '2026-11-30' });
    expect(values).toEqual({ workCenter: 'wc-1', from: '2026-11-01', to: '2026-11-30' });
    expect(readRange(values, range)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('starts at the schema defaults and this year for a range without one', () => {
    expect(initialParameters(managementDashboard.parameters, '2026-11-24')).toEqual({ dateRange: { from: '2026-01-01', to: '2026-12-31' } });
    const withDefault = { type: 'object' as const, properties: { ...managementDashboard.parameters?.properties, customer: { type: 'string', default: 'c-1' } } };
    expect(initialParameters(withDefault, '2026-11-24', 'lastMonth')).toEqual({ customer: 'c-1', dateRange: { from: '2026-10-01', to: '2026-10-31' } });
  });

  it('maps shared values to each widget, leaving out empty ones so report defaults apply', () => {
    const shared = { dateRange: { from: '2026-11-01', to: '2026-11-30' }, customer: '', workCenter: 'wc-2' };
    expect(widgetParameters(shared, { period: 'dateRange', customer: 'customer' }, undefined)).toEqual({ period: { from: '2026-11-01', to: '2026-11-30' } });
    expect(widgetParameters(shared, undefined, { properties: { workCenter: { type: 'string' }, dateRange: { type: 'object' } } })).toEqual({
      workCenter: 'wc-2',
      dateRange: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(widgetParameters(shared, undefined, undefined)).toEqual({});
  });
});

describe('measure and dimension text', () => {
  it('uses 万 and 亿 for large Chinese figures on cards, every digit in tables', () => {
    expect(formatMeasure(1_234_567, 'number', 'zh-CN', 'compact')).toBe('123.46万');
    expect(formatMeasure(312_000_000, 'money', 'zh-CN', 'compact')).toBe('¥3.12亿');
    expect(formatMeasure(1_234_567, 'money', 'zh-CN')).toBe('¥1,234,567.00');
    expect(formatMeasure(9_999, 'number', 'zh-CN', 'compact')).toBe('9,999');
    expect(formatMeasure(1_234_567, 'number', 'en', 'compact')).toBe('1.23M');
    expect(formatMeasure(0.925, 'percent', 'zh-CN')).toBe('92.5%');
    expect(formatMeasure(3 * 86_400, 'duration', 'zh-CN')).toBe('3 天');
    expect(formatMeasure(5_400, 'duration', 'en')).toBe('1.5 h');
    expect(formatMeasure(null, 'number', 'en')).toBe('—');
    expect(formatMeasure('12', 'number', 'en')).toBe('12');
  });

  it('shows month buckets and days in the locale, and empty values as the placeholder', () => {
    expect(formatDimension('2026-11', 'date', 'zh-CN', '')).toBe('2026年11月');
    expect(formatDimension('2026-11', 'date', 'en', '')).toBe('Nov 2026');
    expect(formatDimension('2026-11-03', 'date', 'zh-CN', '')).toBe('2026/11/03');
    expect(formatDimension(null, 'string', 'zh-CN', '（空）')).toBe('（空）');
    expect(formatDimension(true, 'string', 'zh-CN', '')).toBe('是');
  });
});

describe('export addresses', () => {
  it('send a report run parameters as JSON and a record list its filters, without paging', () => {
    expect(reportExportPath('on-time/delivery', { from: '2026-11-01' }, 'xlsx')).toBe(
      '/api/reports/on-time%2Fdelivery/export?format=xlsx&parameters=%7B%22from%22%3A%222026-11-01%22%7D',
    );
    expect(recordExportPath('sales-order', { q: '泵', filters: [{ field: 'status', op: 'eq', value: 'open' }], sort: '-dueDate', limit: 20, offset: 40 }, 'csv')).toBe(
      '/api/records/sales-order/export?format=csv&q=%E6%B3%B5&filter=status%3Aeq%3Aopen&sort=-dueDate',
    );
    expect(recordExportPath('item', {}, 'xlsx')).toBe('/api/records/item/export?format=xlsx');
  });
});

describe('month buckets', () => {
  it('read a date column of first days as months, and any other as days', () => {
    expect(isMonthly(['2026-10-01', '2026-11-01', null])).toBe(true);
    expect(isMonthly(['2026-10-01', '2026-10-08'])).toBe(false);
    expect(isMonthly([null])).toBe(false);
    const column = { key: 'month', label: { 'zh-CN': '月份', en: 'Month' }, role: 'dimension' as const, type: 'date' as const };
    const text = dimensionFormatter([{ month: '2026-10-01' }, { month: '2026-11-01' }], 'zh-CN', '');
    expect(text(column, '2026-11-01')).toBe('2026年11月');
    expect(dimensionFormatter([{ month: '2026-11-02' }], 'en', '')(column, '2026-11-02')).toBe('11/02/2026');
  });
});

describe('parameter captions and pickers', () => {
  it('split a plain "中文 / English" title by language and keep other titles whole', () => {
    expect(parameterTitle('客户 / Customer', 'zh-CN', 'customer')).toBe('客户');
    expect(parameterTitle('客户 / Customer', 'en', 'customer')).toBe('Customer');
    expect(parameterTitle('Work center', 'zh-CN', 'workCenter')).toBe('Work center');
    expect(parameterTitle({ 'zh-CN': '日期', en: 'Dates' }, 'en', 'x')).toBe('Dates');
    expect(parameterTitle(undefined, 'en', 'status')).toBe('status');
  });

  it('pick records of the form a text parameter is named after', () => {
    const schema = { type: 'object' as const, properties: { customer: { type: 'string' }, workCenter: { type: 'string' }, lotNo: { type: 'string' } } };
    const fields = parameterFields(schema, [
      { id: 'customer', titleField: 'name' },
      { id: 'work-center', titleField: 'name' },
    ]);
    expect(fields).toEqual([
      { kind: 'lookup', name: 'customer', title: undefined, form: 'customer', displayField: 'name' },
      { kind: 'lookup', name: 'workCenter', title: undefined, form: 'work-center', displayField: 'name' },
      { kind: 'text', name: 'lotNo', title: undefined },
    ]);
  });
});

describe('dashboard parameters in use', () => {
  it('keep only what the widgets the user may run are fed', () => {
    const widgets = [{ report: 'on-time-delivery', parameterMap: { dateRange: 'dateRange', customer: 'customer' } }, { report: 'inventory-value' }];
    const used = usedParameters(managementDashboard.parameters, widgets, (report) => (report === 'inventory-value' ? { properties: { status: { type: 'string' } } } : undefined));
    expect(Object.keys(used?.properties ?? {})).toEqual(['dateRange', 'customer', 'status']);
    expect(used?.uiSchema).toEqual(managementDashboard.parameters?.uiSchema);
    expect(usedParameters(undefined, widgets, () => undefined)).toBeUndefined();
  });
});

describe('timeline gaps', () => {
  it('count calendar days from the first date to the second', () => {
    expect(dateGap('2026-12-28', '2026-12-24')).toBe(-4);
    expect(dateGap('2026-12-31', '2027-01-05T08:00:00Z')).toBe(5);
    expect(dateGap('2028-02-28', '2028-03-01')).toBe(2);
    expect(dateGap(null, '2026-12-24')).toBeUndefined();
    expect(dateGap('soon', '2026-12-24')).toBeUndefined();
  });
});

describe('widget spans', () => {
  it('widen a strip of KPI cards to fill its row and leave other widgets as defined', () => {
    const kpiAt = (indexes: number[]) => (index: number) => indexes.includes(index);
    expect(widgetSpans([{ span: 3 }, { span: 3 }, { span: 3 }, { span: 8 }, { span: 4 }], kpiAt([0, 1, 2]))).toEqual([4, 4, 4, 8, 4]);
    expect(widgetSpans([{ span: 3 }, { span: 3 }, { span: 3 }, { span: 3 }], kpiAt([0, 1, 2, 3]))).toEqual([3, 3, 3, 3]);
    expect(widgetSpans([{ span: 3 }, { span: 6 }, { span: 3 }, { span: 3 }], kpiAt([0, 2, 3]))).toEqual([3, 6, 6, 6]);
    expect(widgetSpans([{ span: 2 }, { span: 2 }, { span: 2 }, { span: 2 }, { span: 2 }], kpiAt([0, 1, 2, 3, 4]))).toEqual([2, 2, 2, 2, 4]);
    expect(widgetSpans([{ span: 20 }, { span: 0 }], () => false)).toEqual([12, 1]);
  });
});
