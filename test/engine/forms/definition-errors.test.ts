import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../../engine/errors/index.js';
import { compileForm, type FormDefinition } from '../../../engine/forms/index.js';
import { problemsOf } from './definition-problems.js';
import { salesOrderDefinition } from './sales-order-fixture.js';

function only(definition: FormDefinition): FieldError {
  const problems = problemsOf(definition);
  expect(problems, JSON.stringify(problems)).toHaveLength(1);
  return problems[0] as FieldError;
}

function nested(depth: number): Record<string, unknown> {
  return depth === 0 ? { type: 'string' } : { type: 'object', properties: { inner: nested(depth - 1) } };
}

describe('definition problems', () => {
  it('accepts the fixture', () => {
    expect(problemsOf(salesOrderDefinition())).toEqual([]);
  });

  it('points at field paths that are not in the schema', () => {
    const definition = salesOrderDefinition();
    definition.labels = { ...definition.labels, custmer: { 'zh-CN': '客户', en: 'Customer' } };
    definition.rules = [{ field: 'rushReasn', visible: 'TRUE' }];
    definition.computed = { ...definition.computed, 'lines.tax': 'amount * 0.13' };
    const pointers = problemsOf(definition).map((problem) => problem.pointer);
    expect(pointers.sort()).toEqual(['/computed/lines.tax', '/labels/custmer', '/rules/0/field']);
  });

  it('reports a formula that does not parse, with line and column', () => {
    const definition = salesOrderDefinition();
    definition.computed = { ...definition.computed, total: 'SUM(lines.amount' };
    const problem = only(definition);
    expect(problem.pointer).toBe('/computed/total');
    expect(problem.message).toMatch(/line 1/);
    expect(problem.message).toMatch(/column \d+/);
  });

  it('reports a formula naming an unknown field', () => {
    const definition = salesOrderDefinition();
    definition.computed = { ...definition.computed, 'lines.amount': 'qty * prize' };
    expect(only(definition).pointer).toBe('/computed/lines.amount');
  });

  it('reports a rule whose formula is not boolean', () => {
    const definition = salesOrderDefinition();
    definition.rules = [{ field: 'rushReason', visible: 'discount + 1' }];
    expect(only(definition).pointer).toBe('/rules/0/visible');
  });

  it('reports a computed field whose type does not match the schema', () => {
    const definition = salesOrderDefinition();
    definition.computed = { ...definition.computed, total: '"many"' };
    expect(only(definition).pointer).toBe('/computed/total');
  });

  it('reports a cycle of computed fields', () => {
    const definition = salesOrderDefinition();
    definition.computed = { ...definition.computed, discount: 'total / 100', total: 'SUM(lines.amount) - discount' };
    const problem = only(definition);
    expect(problem.pointer).toMatch(/^\/computed\/(discount|total)$/);
    expect(problem.message).toMatch(/(discount -> total -> discount|total -> discount -> total)/);
  });

  it('reports a fill target that is not a sibling of the lookup', () => {
    const definition = salesOrderDefinition();
    definition.lookups = { 'lines.item': { form: 'item', displayField: 'name', fill: { customer: 'name', 'lines.unit': 'unit' } } };
    expect(only(definition).pointer).toBe('/lookups/lines.item/fill/customer');
  });

  it('refuses a pattern that backtracks catastrophically', () => {
    const definition = salesOrderDefinition();
    definition.schema.properties['note'] = { type: 'string', pattern: '^(a|a)*$' };
    const problem = only(definition);
    expect(problem.pointer).toBe('/schema/properties/note/pattern');
    expect(problem.message).toContain('^(a|a)*$');
  });

  it('refuses $data anywhere in the schema', () => {
    const definition = salesOrderDefinition();
    definition.schema.properties['discount'] = { type: 'number', maximum: { $data: '1/cost' } };
    expect(only(definition).pointer).toBe('/schema/properties/discount/maximum/$data');
  });

  it('refuses schema identifiers, which could shadow other forms in the shared validator', () => {
    const definition = salesOrderDefinition();
    definition.schema.properties['note'] = { $id: 'https://json-schema.org/draft/2020-12/schema', type: 'string' };
    expect(only(definition).pointer).toBe('/schema/properties/note/$id');
    expect(() => compileForm(salesOrderDefinition())).not.toThrow();
  });

  it('refuses a schema deeper than 10 levels', () => {
    const definition = salesOrderDefinition();
    definition.schema.properties['deep'] = nested(10);
    const problem = only(definition);
    expect(problem.pointer.startsWith('/schema/properties/deep/')).toBe(true);
    expect(problem.message).toMatch(/deeper than 10/);
    const fine = salesOrderDefinition();
    fine.schema.properties['deep'] = nested(8);
    expect(problemsOf(fine)).toEqual([]);
  });

  it('refuses a sub-table inside a sub-table', () => {
    const definition = salesOrderDefinition();
    const lines = definition.schema.properties['lines'] as { items: { properties: Record<string, unknown> } };
    lines.items.properties['parts'] = { type: 'array', items: { type: 'object', properties: { no: { type: 'string' } } } };
    expect(only(definition).pointer).toBe('/schema/properties/lines/items/properties/parts');
  });

  it('reports a schema ajv refuses in strict mode', () => {
    const definition = salesOrderDefinition();
    definition.schema.properties['note'] = { type: 'string', maxLenght: 3 };
    expect(only(definition).pointer).toBe('/schema');
  });

  it('lists every problem in one error', () => {
    const definition = salesOrderDefinition();
    definition.labels = { nope: { 'zh-CN': '无', en: 'None' } };
    definition.rules = [{ field: 'rushReason', visible: 'discount' }];
    definition.schema.properties['note'] = { type: 'string', pattern: '(x+)+y' };
    expect(problemsOf(definition).map((problem) => problem.pointer).sort()).toEqual([
      '/labels/nope',
      '/rules/0/visible',
      '/schema/properties/note/pattern',
    ]);
  });
});
