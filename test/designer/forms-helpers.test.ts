import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppDefinition, FormDefinition } from '../../engine/definitions/generated/definition-types.js';
import { mayAccess } from '../../designer/src/forms/access.js';
import { fieldKind, fieldLabel, fieldOrder, fieldSchema, listColumns } from '../../designer/src/forms/field-schema.js';
import { changedTopLevel } from '../../designer/src/forms/record-diff.js';
import { matchesSchema } from '../../designer/src/forms/schema-match.js';
import { createStateValidator } from '../../designer/src/forms/state-validator.js';
import { valueText } from '../../designer/src/records/cell-text.js';
import { actorName, changeLabel, changeTarget, lookupIdsInChanges, sortChanges } from '../../designer/src/records/history-change.js';
import { buildNavigation } from '../../designer/src/shell/navigation.js';

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

const ORDER: FormDefinition = {
  kind: 'form',
  id: 'sales-order',
  version: 1,
  title: text('Sales order', '销售订单'),
  titleField: 'orderNo',
  schema: {
    type: 'object',
    properties: {
      orderNo: { type: 'string' },
      customer: { type: 'string' },
      dueDate: { type: 'string', format: 'date' },
      urgent: { type: 'boolean' },
      total: { type: 'number' },
      notes: { type: 'string', title: 'Notes' },
      status: { type: 'string', oneOf: [{ const: 'open', title: '进行中' }, { const: 'done', title: '已完成' }] },
      lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'integer' }, price: { type: 'number' } } } },
    },
  },
  labels: { orderNo: text('Order no.', '订单号'), customer: text('Customer', '客户'), 'lines.qty': text('Qty', '数量'), lines: text('Lines', '明细') },
  lookups: { customer: { form: 'customer', displayField: 'name' } },
  access: { read: ['sales'], create: ['sales'], update: ['sales', 'planner'] },
};

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

describe('form access', () => {
  it('follows the definition, lets admin do anything, and without access lets everyone read but nobody write', () => {
    expect(mayAccess(ORDER, ['sales'], 'create')).toBe(true);
    expect(mayAccess(ORDER, ['planner'], 'create')).toBe(false);
    expect(mayAccess(ORDER, ['planner'], 'update')).toBe(true);
    expect(mayAccess(ORDER, ['sales'], 'delete')).toBe(false);
    expect(mayAccess(ORDER, ['admin'], 'delete')).toBe(true);
    const open = { ...ORDER, access: undefined };
    expect(mayAccess(open, ['anyone'], 'read')).toBe(true);
    expect(mayAccess(open, ['anyone'], 'update')).toBe(false);
  });
});

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

describe('navigation', () => {
  const form = (id: string): FormDefinition => ({ ...ORDER, id, title: text(id, id) });
  const app: AppDefinition = {
    kind: 'app',
    id: 'mto',
    version: 1,
    title: text('MTO', '按单生产'),
    roles: [{ id: 'sales', title: text('Sales', '销售') }],
    navigation: [
      { title: text('Sales', '销售'), forms: ['customer', 'sales-order', 'quote'] },
      { title: text('Engineering', '工程'), forms: ['bom'] },
    ],
  };

  it('keeps the app groups in order with only the readable forms, then the forms no group names', () => {
    const sections = buildNavigation(app, [form('sales-order'), form('customer'), form('item')]);
    expect(sections.map((section) => [section.title?.en, section.forms.map((entry) => entry.id)])).toEqual([
      ['Sales', ['customer', 'sales-order']],
      [undefined, ['item']],
    ]);
  });

  it('places every readable form exactly once', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 });
    fc.assert(
      fc.property(ids, fc.array(ids, { maxLength: 3 }), (readable, groups) => {
        const withGroups = { ...app, navigation: groups.map((forms) => ({ title: text('g', 'g'), forms })) };
        const placed = buildNavigation(withGroups, readable.map(form)).flatMap((section) => section.forms.map((entry) => entry.id));
        expect([...placed].sort()).toEqual([...readable].sort());
      }),
    );
  });
});

describe('record diff for PATCH', () => {
  it('sends changed and emptied top-level fields only', () => {
    expect(changedTopLevel({ a: 1, b: [{ x: 1, y: 2 }], c: 'k' }, { a: 1, b: [{ y: 2, x: 1 }], d: true })).toEqual({ c: null, d: true });
  });

  it('is empty exactly when nothing changed', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })), (data) => {
        const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
        expect(changedTopLevel(data, copy)).toEqual({});
      }),
    );
  });
});

describe('validator adapter', () => {
  it('reports the errors the model computes at their fields, without compiling the schema', () => {
    const validator = createStateValidator((data) => (data.qty === undefined ? [{ pointer: '/qty', message: '数量为必填项' }] : []));
    const failing = validator.validateFormData({}, { type: 'object' });
    expect(failing.errors.map((error) => error.property)).toEqual(['.qty']);
    expect(failing.errorSchema).toEqual({ qty: { __errors: ['数量为必填项'] } });
    expect(validator.validateFormData({ qty: 1 }, { type: 'object' }).errors).toEqual([]);
  });

  it('matches oneOf branches by type, const, enum and required', () => {
    expect(matchesSchema({ type: 'object', properties: { kind: { const: 'a' } }, required: ['kind'] }, { kind: 'a' })).toBe(true);
    expect(matchesSchema({ type: 'object', properties: { kind: { const: 'a' } }, required: ['kind'] }, { kind: 'b' })).toBe(false);
    expect(matchesSchema({ type: 'object', required: ['kind'] }, {})).toBe(false);
    expect(matchesSchema({ enum: [1, 2] }, 3)).toBe(false);
    expect(matchesSchema({ type: 'integer' }, 2.5)).toBe(false);
    expect(matchesSchema({ type: ['string', 'null'] }, null)).toBe(true);
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

describe('record diff leaves out what the person may not write', () => {
  it('skips fields the predicate refuses even when rjsf filled in a default', () => {
    const before = { qty: 1 };
    const after = { qty: 2, status: 'draft' };
    expect(changedTopLevel(before, after, (field) => field !== 'status')).toEqual({ qty: 2 });
    expect(changedTopLevel(before, after)).toEqual({ qty: 2, status: 'draft' });
  });
});
