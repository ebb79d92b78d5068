import { describe, expect, it } from 'vitest';
import { compileForm, fieldMessage, MESSAGE_CATALOGUE } from '../../../engine/forms/index.js';
import { ITEMS, SALES, salesOrderDefinition, validOrder } from './sales-order-fixture.js';

const form = compileForm(salesOrderDefinition());

function messageAt(data: Record<string, unknown>, pointer: string, locale: 'en' | 'zh-CN'): string | undefined {
  return form.check({ data }, { ...SALES, locale }, ITEMS).errors.find((error) => error.pointer === pointer)?.message;
}

describe('validation messages', () => {
  it('says a required field is missing, starting with its label, in both languages', () => {
    const { customer: _omitted, ...data } = validOrder();
    expect(messageAt(data, '/data/customer', 'en')).toBe('Customer is required');
    expect(messageAt(data, '/data/customer', 'zh-CN')).toBe('客户为必填项');
  });

  it('fills in keyword parameters', () => {
    const data = { ...validOrder(), discount: 120 };
    expect(messageAt(data, '/data/discount', 'en')).toBe('Discount must be at most 100');
    expect(messageAt(data, '/data/discount', 'zh-CN')).toBe('折扣不能大于 100');
  });

  it('names types and formats in the reader language', () => {
    expect(messageAt({ ...validOrder(), discount: 'ten' }, '/data/discount', 'zh-CN')).toBe('折扣应为数字');
    expect(messageAt({ ...validOrder(), orderDate: '24.11.2026' }, '/data/orderDate', 'en')).toBe('Order date must be a date (YYYY-MM-DD)');
    expect(messageAt({ ...validOrder(), status: 'lost' }, '/data/status', 'en')).toBe('status must be one of: draft, confirmed');
  });

  it('uses the definition override for a field and keyword', () => {
    const data = { ...validOrder(), lines: [{ item: 'item-pump', qty: 0 }] };
    expect(messageAt(data, '/data/lines/0/qty', 'en')).toBe('Order at least 1 per line');
    expect(messageAt(data, '/data/lines/0/qty', 'zh-CN')).toBe('每行数量至少为 1');
  });

  it('uses an override on a sub-table keyword', () => {
    const definition = salesOrderDefinition();
    definition.messages = { lines: { minItems: { 'zh-CN': '至少填写一行订单明细', en: 'Add at least one order line' } } };
    const errors = compileForm(definition).check({ data: { ...validOrder(), lines: [] } }, { ...SALES, locale: 'zh-CN' }, ITEMS).errors;
    expect(errors).toEqual([{ pointer: '/data/lines', code: 'minItems', message: '至少填写一行订单明细' }]);
  });

  it('names an unknown property', () => {
    expect(messageAt({ ...validOrder(), colour: 'red' }, '/data/colour', 'en')).toBe('"colour" is not a field of this form');
  });

  it('has both languages for every keyword, and a fallback for unknown ones', () => {
    for (const [keyword, templates] of Object.entries(MESSAGE_CATALOGUE)) {
      expect(templates.en, keyword).toContain('{label}');
      expect(templates['zh-CN'], keyword).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(fieldMessage('somethingNew', {}, 'en', undefined)).toBe('This field is not valid');
    expect(fieldMessage('somethingNew', {}, 'zh-CN', undefined)).toBe('此字段无效');
  });

  it('covers every keyword of JSON Schema validation that can fail', () => {
    const keywords = [
      'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
      'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxProperties',
      'minProperties', 'required', 'dependentRequired', 'format', 'additionalProperties', 'contains',
      'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'if', 'not', 'anyOf', 'oneOf', 'false schema',
    ];
    for (const keyword of keywords) expect(MESSAGE_CATALOGUE, keyword).toHaveProperty([keyword]);
  });
});
