import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionKeyProblem, keyFromTitle } from '../../designer/src/definition-drafts/definition-key.js';

describe('definition keys for new drafts', () => {
  it('suggests a key the designers accept for every English title that has a letter', () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        const key = keyFromTitle(title);
        if (/[a-z]/i.test(title)) expect(definitionKeyProblem(key, [])).toBeNull();
        expect(key === '' || /^[a-z]/.test(key)).toBe(true);
      }),
    );
  });

  it('turns words into lower case hyphenated keys', () => {
    expect(keyFromTitle('  Purchase Order 2 ')).toBe('purchase-order-2');
    expect(keyFromTitle('2024 Sales — by Region!')).toBe('sales-by-region');
    expect(keyFromTitle('采购单')).toBe('');
  });

  it('refuses malformed keys and keys in use, and says nothing about an empty key', () => {
    expect(definitionKeyProblem('', ['a'])).toBeNull();
    expect(definitionKeyProblem('Orders', [])).toBe('bad');
    expect(definitionKeyProblem('orders--x', [])).toBe('bad');
    expect(definitionKeyProblem('1orders', [])).toBe('bad');
    expect(definitionKeyProblem('orders', ['orders'])).toBe('taken');
    expect(definitionKeyProblem('orders-2', ['orders'])).toBeNull();
  });
});
