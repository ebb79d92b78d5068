import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepUnchangedErrors, serverPointerToDataPointer, toErrorList, toErrorSchema, uniqueErrors, valueAtPointer } from '../../designer/src/forms/error-schema.js';

describe('server errors at their fields', () => {
  it('maps request pointers to data pointers', () => {
    expect(serverPointerToDataPointer('/data/lines/0/qty')).toBe('/lines/0/qty');
    expect(serverPointerToDataPointer('/data')).toBe('');
    expect(serverPointerToDataPointer('/revision')).toBeUndefined();
  });

  it('builds rjsf error schemas with errors at the nested field', () => {
    const schema = toErrorSchema([
      { pointer: '/lines/0/qty', message: 'must be > 0' },
      { pointer: '/lines/0/qty', message: 'must be whole' },
      { pointer: '/customer', message: 'required' },
      { pointer: '', message: 'whole record' },
    ]);
    expect(schema).toEqual({
      __errors: ['whole record'],
      customer: { __errors: ['required'] },
      lines: { 0: { qty: { __errors: ['must be > 0', 'must be whole'] } } },
    });
    expect(toErrorList([{ pointer: '/lines/0/qty', message: 'bad' }])).toEqual([{ name: 'ordo', property: '.lines.0.qty', message: 'bad', stack: '.lines.0.qty bad' }]);
  });

  it('keeps a segment named __proto__ as an ordinary key', () => {
    const schema = toErrorSchema([{ pointer: '/__proto__/polluted', message: 'x' }]) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(schema)).toEqual(['__proto__']);
  });

  it('unescapes ~0 and ~1 in pointer segments', () => {
    expect(valueAtPointer({ 'a/b': { 'c~d': 5 } }, '/a~1b/c~0d')).toBe(5);
  });

  it('lists an error the browser and the server both found once', () => {
    const required = { pointer: '/rushReason', message: 'required' };
    const other = { pointer: '/rushReason', message: 'too long' };
    expect(uniqueErrors([required, other, { ...required }, { pointer: '/remarks', message: 'required' }])).toEqual([required, other, { pointer: '/remarks', message: 'required' }]);
  });

  it('drops the errors of fields the person changed and keeps the others', () => {
    const errors = [
      { pointer: '/customer', message: 'gone' },
      { pointer: '/lines/1/qty', message: 'too many' },
    ];
    const before = { customer: 'c1', lines: [{ qty: 1 }, { qty: 900 }] };
    expect(keepUnchangedErrors(errors, before, { ...before, customer: 'c2' })).toEqual([errors[1]]);
    expect(keepUnchangedErrors(errors, before, { ...before, lines: [{ qty: 1 }, { qty: 9 }] })).toEqual([errors[0]]);
  });

  it('puts every error message somewhere in the schema', () => {
    const segment = fc.oneof(fc.constantFrom('lines', 'qty', 'customer'), fc.nat({ max: 3 }).map(String));
    const error = fc.record({ pointer: fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`), message: fc.string({ minLength: 1 }) });
    fc.assert(
      fc.property(fc.array(error, { maxLength: 6 }), (errors) => {
        const schema = toErrorSchema(errors);
        for (const { pointer, message } of errors) {
          const node = valueAtPointer(schema, pointer) as { __errors?: string[] } | undefined;
          expect(node?.__errors).toContain(message);
        }
      }),
    );
  });
});
