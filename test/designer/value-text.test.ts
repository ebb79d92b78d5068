import { describe, expect, it } from 'vitest';
import { valueText } from '../../designer/src/records/cell-text.js';
import { actorName, changeLabel, changeTarget } from '../../designer/src/records/history-change.js';
import { ORDER } from './order-definition.js';

describe('cell and history texts', () => {
  it('shows lookups by title, numbers right-aligned, booleans and sub-tables in words', () => {
    const display = { customer: { c1: '杭州泵业' } };
    expect(valueText(ORDER, 'customer', 'c1', 'zh-CN', display)).toEqual({ text: '杭州泵业', numeric: false });
    expect(valueText(ORDER, 'customer', 'c9', 'zh-CN', display)).toEqual({ text: 'c9', numeric: false });
    expect(valueText(ORDER, 'total', 12345.5, 'en')).toEqual({ text: '12,345.5', numeric: true });
    expect(valueText(ORDER, 'urgent', true, 'zh-CN').text).toBe('是');
    expect(valueText(ORDER, 'lines', [{}, {}], 'en').text).toBe('2 lines');
    expect(valueText(ORDER, 'dueDate', '2026-12-15', 'zh-CN').text).toBe('2026/12/15');
    expect(valueText(ORDER, 'total', null, 'en')).toEqual({ text: '—', numeric: true });
    expect(valueText(ORDER, 'status', 'open', 'zh-CN').text).toBe('进行中');
    expect(valueText(ORDER, 'status', 'other', 'zh-CN').text).toBe('other');
  });

  it('reads change paths in every spelling and labels the line', () => {
    expect(changeTarget('/lines/2/qty')).toEqual({ fieldPath: 'lines.qty', line: 2 });
    expect(changeTarget('lines.2.qty')).toEqual({ fieldPath: 'lines.qty', line: 2 });
    expect(changeTarget('customer')).toEqual({ fieldPath: 'customer' });
    expect(changeLabel(ORDER, '/lines/0/qty', 'zh-CN')).toBe('明细 #1 · 数量');
    expect(changeLabel(ORDER, 'customer', 'en')).toBe('Customer');
    expect(actorName({ id: 'u1', displayName: '李娜' })).toBe('李娜');
    expect(actorName('admin')).toBe('admin');
  });
});
