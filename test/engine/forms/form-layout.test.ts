import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../engine/definitions/index.js';
import { compileLiveForm } from '../../../engine/forms/model/index.js';

const inspection = {
  kind: 'form',
  id: 'inspection',
  version: 1,
  title: { 'zh-CN': '检验', en: 'Inspection' },
  schema: {
    type: 'object',
    properties: { lot: { type: 'string' }, cost: { type: 'number' }, result: { type: 'string' }, notes: { type: 'string' } },
  },
  uiSchema: { 'ui:order': ['lot', 'cost', 'result', 'notes'], notes: { 'ui:options': { rows: 4 } } },
  layout: {
    sections: [
      { id: 'basics', title: { 'zh-CN': '基本信息', en: 'Basics' }, before: 'lot' },
      { id: 'money', title: { 'zh-CN': '费用', en: 'Cost' }, before: 'cost' },
      { id: 'rule', before: 'notes' },
    ],
    widths: { lot: 'half', cost: 'third', notes: 'full' },
  },
  permissions: { cost: { read: ['finance'] } },
} as unknown as FormDefinition;

describe('the form layout in the rjsf form', () => {
  it('gives each field its width and the sections their titles in the reader\'s language', () => {
    const { uiSchema } = compileLiveForm(inspection).toRjsf({ roles: ['finance'], locale: 'en' });
    expect(uiSchema['ui:options']).toEqual({
      sections: [
        { id: 'basics', title: 'Basics', before: 'lot' },
        { id: 'money', title: 'Cost', before: 'cost' },
        { id: 'rule', before: 'notes' },
      ],
    });
    expect(uiSchema.lot).toEqual({ 'ui:options': { width: 'half' } });
    expect(uiSchema.notes).toEqual({ 'ui:options': { rows: 4, width: 'full' } });
    expect(uiSchema.result).toEqual({});
  });

  it('starts a section at the next field the reader may see when its first one is hidden by permissions', () => {
    const { uiSchema, schema } = compileLiveForm(inspection).toRjsf({ roles: ['inspector'], locale: 'zh-CN' });
    expect(Object.keys(schema.properties as object)).not.toContain('cost');
    expect((uiSchema['ui:options'] as { sections: unknown }).sections).toEqual([
      { id: 'basics', title: '基本信息', before: 'lot' },
      { id: 'money', title: '费用', before: 'result' },
      { id: 'rule', before: 'notes' },
    ]);
  });

  it('leaves a form without a layout as it was', () => {
    const { layout: _layout, ...plain } = inspection as unknown as Record<string, unknown>;
    const { uiSchema } = compileLiveForm(plain as unknown as FormDefinition).toRjsf({ roles: ['finance'], locale: 'en' });
    expect(uiSchema['ui:options']).toBeUndefined();
    expect(uiSchema.lot).toEqual({});
  });
});
