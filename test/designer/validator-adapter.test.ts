import { describe, expect, it } from 'vitest';
import { matchesSchema } from '../../designer/src/forms/schema-match.js';
import { createStateValidator } from '../../designer/src/forms/state-validator.js';

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
