import { describe, expect, it } from 'vitest';
import { lockStates, lockUiSchema } from '../../designer/src/forms/field-lock.js';

const state = (readOnly = false) => ({ visible: true, required: false, readOnly });

describe('the task form locks the fields the task does not list', () => {
  it('makes every state outside the editable fields read-only, lines of sub-tables too', () => {
    const states = { '/customer': state(), '/remarks': state(), '/lines': state(), '/lines/0/qty': state(), '/total': state(true) };
    const locked = lockStates(states, new Set(['remarks']));
    expect(Object.entries(locked).map(([pointer, value]) => [pointer, value.readOnly])).toEqual([
      ['/customer', true],
      ['/remarks', false],
      ['/lines', true],
      ['/lines/0/qty', true],
      ['/total', true],
    ]);
  });

  it('keeps a listed field read-only when the form itself locks it', () => {
    expect(lockStates({ '/total': state(true) }, new Set(['total']))['/total']?.readOnly).toBe(true);
  });

  it('marks locked fields ui:readonly and keeps their other ui options', () => {
    const ui = { 'ui:order': ['customer', 'remarks'], remarks: { 'ui:widget': 'textarea' }, customer: { 'ui:field': 'lookup' } };
    const locked = lockUiSchema(ui, ['customer', 'remarks', 'lines'], new Set(['remarks']));
    expect(locked).toEqual({
      'ui:order': ['customer', 'remarks'],
      remarks: { 'ui:widget': 'textarea' },
      customer: { 'ui:field': 'lookup', 'ui:readonly': true },
      lines: { 'ui:readonly': true },
    });
    expect(ui.customer).toEqual({ 'ui:field': 'lookup' });
  });

  it('keeps a field named __proto__ an ordinary key', () => {
    const locked = lockUiSchema({}, ['__proto__'], new Set());
    expect(Object.getPrototypeOf(locked)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(locked, '__proto__')).toBe(true);
  });
});
