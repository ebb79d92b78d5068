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

  it('shows multiple choices by their labels, members and departments by name, files by name, date-times on the factory clock', () => {
    const kinds = {
      ...ORDER,
      schema: {
        type: 'object',
        properties: {
          causes: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['man', 'machine'] } },
          owner: { type: 'string', 'x-ordo-field': 'member' },
          unit: { type: 'string', 'x-ordo-field': 'department' },
          photos: { type: 'array', 'x-ordo-field': 'attachments' },
          foundAt: { type: 'string', format: 'date-time' },
        },
      },
      options: { causes: { man: { 'zh-CN': '人', en: 'Man' }, machine: { 'zh-CN': '机', en: 'Machine' } } },
    } as typeof ORDER;
    const display = { '@users': { 'li.na': '李娜' }, '@departments': { quality: '质量部' } };
    expect(valueText(kinds, 'causes', ['machine', 'man'], 'zh-CN').text).toBe('机、人');
    expect(valueText(kinds, 'causes', [], 'en').text).toBe('—');
    expect(valueText(kinds, 'owner', 'li.na', 'zh-CN', display).text).toBe('李娜');
    expect(valueText(kinds, 'owner', 'gone', 'zh-CN', display).text).toBe('gone');
    expect(valueText(kinds, 'unit', 'quality', 'zh-CN', display).text).toBe('质量部');
    expect(valueText(kinds, 'photos', [{ id: 'a', name: 'crack.png', size: 1, type: 'image/png' }], 'en').text).toBe('crack.png');
    // 23:30 UTC is 07:30 the next morning in the factory, whatever the test machine's zone.
    expect(valueText(kinds, 'foundAt', '2026-11-24T23:30:00Z', 'en').text).toBe('11/25/2026, 07:30');
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
