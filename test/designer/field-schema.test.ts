import { describe, expect, it } from 'vitest';
import { fieldKind, fieldLabel, fieldOrder, fieldSchema, listColumns } from '../../designer/src/forms/field-schema.js';
import { lookupIdsInChanges, sortChanges } from '../../designer/src/records/history-change.js';
import { ORDER } from './order-definition.js';
import type { FormDefinition } from '../../engine/definitions/generated/definition-types.js';

describe('field facts from the definition', () => {
  it('finds top-level fields and sub-table columns', () => {
    expect(fieldKind(fieldSchema(ORDER, 'dueDate'))).toBe('date');
    expect(fieldKind(fieldSchema(ORDER, 'lines'))).toBe('table');
    expect(fieldKind(fieldSchema(ORDER, 'lines.qty'))).toBe('number');
    expect(fieldSchema(ORDER, 'lines.nothing')).toBeUndefined();
    expect(fieldSchema(ORDER, 'toString')).toBeUndefined();
  });

  it('labels a field from labels, then schema title, then its path', () => {
    expect(fieldLabel(ORDER, 'lines.qty', 'zh-CN')).toBe('数量');
    expect(fieldLabel(ORDER, 'notes', 'zh-CN')).toBe('Notes');
    expect(fieldLabel(ORDER, 'total', 'en')).toBe('total');
  });

  it('lists the title field first and no sub-tables when the definition names no columns', () => {
    expect(listColumns(ORDER)).toEqual(['orderNo', 'customer', 'dueDate', 'urgent', 'total', 'notes']);
    expect(listColumns(ORDER)).not.toContain('lines');
    expect(listColumns({ ...ORDER, list: { columns: ['total', 'orderNo'] } })).toEqual(['total', 'orderNo']);
  });
});

describe('history order and lookups', () => {
  const withOrder: FormDefinition = { ...ORDER, uiSchema: { 'ui:order': ['customer', 'orderNo'], lines: { items: { 'ui:order': ['price', 'qty'] } } } };

  it('lists fields as the form shows them, columns after their table', () => {
    expect(fieldOrder(withOrder)).toEqual(['customer', 'orderNo', 'dueDate', 'urgent', 'total', 'notes', 'status', 'lines', 'lines.price', 'lines.qty']);
  });

  it('sorts changes by field, then line, then column', () => {
    const changes = [
      { path: '/lines/1/qty', before: 1, after: 2 },
      { path: '/orderNo', before: null, after: 'SO-1' },
      { path: '/lines/0/qty', before: 1, after: 3 },
      { path: '/lines/1/price', before: 1, after: 2 },
      { path: '/customer', before: null, after: 'c1' },
      { path: '/gone', before: 1, after: null },
    ];
    expect(sortChanges(withOrder, changes).map((change) => change.path)).toEqual(['/customer', '/orderNo', '/lines/0/qty', '/lines/1/price', '/lines/1/qty', '/gone']);
  });

  it('collects the lookup ids a history mentions, per form', () => {
    const ids = lookupIdsInChanges(ORDER, [
      { path: '/customer', before: 'c1', after: 'c2' },
      { path: '/customer', before: 'c2', after: '' },
      { path: '/orderNo', before: 'x', after: 'y' },
    ]);
    expect([...ids].map(([form, set]) => [form, [...set]])).toEqual([['customer', ['c1', 'c2']]]);
  });
});
