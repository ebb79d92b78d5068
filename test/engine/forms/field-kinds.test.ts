import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm, type FormDefinition } from '../../../engine/forms/index.js';
import { problemsOf } from './definition-problems.js';

type Json = Record<string, any>;

const CHOICES = ['quality', 'production', 'purchasing', 'engineering'] as const;

function definition(extra: Json = {}): FormDefinition {
  return {
    kind: 'form',
    id: 'kinds',
    version: 1,
    title: { 'zh-CN': '字段类型', en: 'Field kinds' },
    schema: {
      type: 'object',
      properties: {
        departments: { type: 'array', uniqueItems: true, items: { type: 'string', enum: [...CHOICES] } },
        happenedAt: { type: 'string', format: 'date-time' },
        owner: { type: 'string', 'x-ordo-field': 'member' },
        department: { type: 'string', 'x-ordo-field': 'department' },
        photos: { type: 'array', 'x-ordo-field': 'attachments', maxItems: 3 },
        ...extra,
      },
    },
    options: {
      departments: Object.fromEntries(CHOICES.map((value) => [value, { 'zh-CN': `部门${value}`, en: `Dept ${value}` }])),
    },
  } as FormDefinition;
}

const context = { roles: ['admin'], locale: 'en' as const };
const form = compileForm(definition());
const file = { id: '0b7c5a3e-2f5e-4b8e-9a51-3f1d2c4b5a69', name: 'crack.png', size: 1200, type: 'image/png' };

describe('field kinds', () => {
  it('labels multiple choice options and renders pickers and attachments with their own fields', () => {
    const { schema, uiSchema } = form.toRjsf(context) as { schema: Json; uiSchema: Json };
    expect(schema['properties']['departments']['uniqueItems']).toBe(true);
    expect(schema['properties']['departments']['items']['oneOf'][0]).toEqual({ const: 'quality', title: 'Dept quality' });
    expect(uiSchema['owner']['ui:field']).toBe('member');
    expect(uiSchema['department']['ui:field']).toBe('department');
    expect(uiSchema['photos']['ui:field']).toBe('attachments');
    expect(form.fields.find((field) => field.path === 'photos')?.kind).toBe('attachments');
    expect(form.fields.find((field) => field.path === 'happenedAt')?.type).toBe('datetime');
  });

  it('accepts well-formed values and refuses wrong ones with field errors', () => {
    const good = form.check({ data: { departments: ['quality'], happenedAt: '2026-11-24T02:30:00Z', owner: 'li.na', department: 'qa', photos: [file] } }, context);
    expect(good.errors).toEqual([]);
    const bad = form.check({ data: { departments: ['quality', 'quality', 'nope'], happenedAt: '2026-11-24 10:30', photos: [file, { ...file, size: -1 }, file, file] } }, context);
    const codes = bad.errors.map((error) => `${error.pointer} ${error.code}`);
    expect(codes).toEqual(expect.arrayContaining([
      '/data/departments uniqueItems',
      '/data/departments/2 enum',
      '/data/happenedAt format',
      '/data/photos maxItems',
      '/data/photos/1/size minimum',
    ]));
  });

  it('refuses misplaced or malformed kinds at definition time', () => {
    const problems = problemsOf({
      ...definition({
        wrongType: { type: 'number', 'x-ordo-field': 'member' },
        unknownKind: { type: 'string', 'x-ordo-field': 'robot' },
        ownItems: { type: 'array', 'x-ordo-field': 'attachments', items: { type: 'string' } },
        lines: { type: 'array', items: { type: 'object', properties: { files: { type: 'array', 'x-ordo-field': 'attachments' } } } },
      }),
    });
    expect(problems.map((problem) => problem.pointer)).toEqual(expect.arrayContaining([
      '/schema/properties/wrongType/x-ordo-field',
      '/schema/properties/unknownKind/x-ordo-field',
      '/schema/properties/ownItems/x-ordo-field',
      '/schema/properties/lines/items/properties/files/x-ordo-field',
    ]));
  });

  it('requires a label for every value of a multiple choice', () => {
    const broken = definition();
    delete (broken.options as Json)['departments']['purchasing'];
    expect(problemsOf(broken).map((problem) => problem.code)).toContain('missingOption');
  });

  it('a multiple choice is valid exactly when its values are distinct choices', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CHOICES), fc.string({ maxLength: 12 })), { maxLength: 8 }), (values) => {
        const { errors } = form.check({ data: { departments: values } }, context);
        const subset = values.every((value) => (CHOICES as readonly string[]).includes(value));
        const distinct = new Set(values).size === values.length;
        expect(errors.length === 0).toBe(subset && distinct);
      }),
    );
  });
});
