import { describe, expect, it } from 'vitest';
import { problemsOf } from './definition-problems.js';
import { compileForm, type FormDefinition } from '../../../engine/forms/index.js';
import { FINANCE, SALES, salesOrderDefinition } from './sales-order-fixture.js';

const form = compileForm(salesOrderDefinition());

type Json = Record<string, any>;

describe('rjsf schema', () => {
  const { schema, uiSchema } = form.toRjsf({ ...SALES, locale: 'zh-CN' }) as { schema: Json; uiSchema: Json };

  it('titles the form, fields, sub-table and columns in the locale, help as description', () => {
    expect(schema['title']).toBe('销售订单');
    expect(schema['properties']['customer']['title']).toBe('客户');
    expect(schema['properties']['rushReason']['description']).toBe('说明为何加急');
    expect(schema['properties']['lines']['title']).toBe('订单明细');
    expect(schema['properties']['lines']['items']['properties']['qty']['title']).toBe('数量');
    const english = form.toRjsf(SALES).schema as Json;
    expect(english['properties']['lines']['items']['properties']['qty']['title']).toBe('Quantity');
  });

  it('leaves out fields the roles may not read, also from ui:order and required', () => {
    expect(schema['properties']).not.toHaveProperty('cost');
    expect(uiSchema['ui:order']).toEqual(['orderNo', 'customer', '*']);
    const forFinance = form.toRjsf(FINANCE);
    expect((forFinance.schema as Json)['properties']).toHaveProperty('cost');
    expect((forFinance.uiSchema as Json)['ui:order']).toEqual(['orderNo', 'customer', 'cost', '*']);
  });

  it('makes computed and serial fields read-only and not required', () => {
    expect(uiSchema['total']['ui:readonly']).toBe(true);
    expect(uiSchema['orderNo']['ui:readonly']).toBe(true);
    expect(uiSchema['lines']['items']['amount']['ui:readonly']).toBe(true);
    expect(schema['required']).toEqual(['customer', 'orderDate', 'lines']);
    expect(uiSchema['customer']['ui:readonly']).toBeUndefined();
  });

  it('renders lookups with the lookup field and its options', () => {
    expect(uiSchema['lines']['items']['item']).toEqual({
      'ui:field': 'lookup',
      'ui:options': { form: 'item', displayField: 'name', searchFields: ['code', 'name'] },
    });
  });

  it('keeps the definition uiSchema but never its text', () => {
    expect(uiSchema['note']).toEqual({ 'ui:widget': 'textarea' });
  });

  it('keeps date formats and does not change the definition', () => {
    expect(schema['properties']['orderDate']).toMatchObject({ type: 'string', format: 'date' });
    expect(salesOrderDefinition().schema).toEqual(form.definition.schema);
  });

  it('marks fields the roles may read but not write read-only', () => {
    const definition = salesOrderDefinition();
    definition.permissions = { discount: { write: ['finance'] } };
    const ui = compileForm(definition).toRjsf(SALES).uiSchema as Json;
    expect(ui['discount']['ui:readonly']).toBe(true);
  });
});

describe('option labels', () => {
  const definition = {
    kind: 'form',
    id: 'ticket',
    version: 1,
    title: { 'zh-CN': '工单', en: 'Ticket' },
    schema: {
      type: 'object',
      properties: {
        priority: { type: 'string', enum: ['normal', 'rush'] },
        lines: { type: 'array', items: { type: 'object', properties: { unit: { type: 'string', enum: ['pcs', 'kg'] } } } },
      },
    },
    options: {
      priority: { normal: { 'zh-CN': '普通', en: 'Normal' }, rush: { 'zh-CN': '加急', en: 'Rush' } },
      'lines.unit': { pcs: { 'zh-CN': '件', en: 'Pieces' }, kg: { 'zh-CN': '千克', en: 'Kilograms' } },
    },
  } satisfies FormDefinition;

  it('renders an enum with labels as a select titled in the user\'s language, also in sub-tables', () => {
    const { schema } = compileForm(definition).toRjsf({ roles: ['admin'], locale: 'zh-CN' });
    const properties = schema['properties'] as Record<string, Record<string, unknown>>;
    expect(properties['priority']).toMatchObject({ oneOf: [{ const: 'normal', title: '普通' }, { const: 'rush', title: '加急' }] });
    expect(properties['priority']).not.toHaveProperty('enum');
    const line = (properties['lines']?.['items'] as { properties: Record<string, unknown> }).properties;
    expect(line['unit']).toMatchObject({ oneOf: [{ const: 'pcs', title: '件' }, { const: 'kg', title: '千克' }] });
  });

  it('still validates the stored value against the enum', () => {
    const form = compileForm(definition);
    expect(form.check({ data: { priority: 'urgent' } }, { roles: ['admin'], locale: 'en' }).errors.map((e) => e.code)).toEqual(['enum']);
  });

  it('refuses labels for a field without enum, for unknown values, and missing labels', () => {
    const broken = {
      ...definition,
      schema: { ...definition.schema, properties: { ...definition.schema.properties, note: { type: 'string' } } },
      options: { priority: { normal: { 'zh-CN': '普通', en: 'Normal' }, urgent: { 'zh-CN': '紧急', en: 'Urgent' } }, note: {} },
    };
    expect(problemsOf(broken).map((f) => [f.pointer, f.code])).toEqual([
      ['/options/priority/urgent', 'unknownOption'],
      ['/options/priority', 'missingOption'],
      ['/options/note', 'optionsWithoutEnum'],
    ]);
  });
});

describe('text in the uiSchema', () => {
  it('comes only from labels and help: titles, descriptions and help in ui:options are dropped too', () => {
    const definition = salesOrderDefinition();
    definition.uiSchema = {
      ...definition.uiSchema,
      note: { 'ui:title': 'Injected', 'ui:options': { title: 'Injected', description: 'Injected', help: 'Injected', rows: 3 } },
    };
    const { uiSchema } = compileForm(definition).toRjsf(SALES) as { uiSchema: Json };
    expect(JSON.stringify(uiSchema)).not.toContain('Injected');
    expect(uiSchema['note']['ui:options']).toEqual({ rows: 3 });
  });
});
