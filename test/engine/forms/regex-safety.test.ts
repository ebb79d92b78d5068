import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRegexSafety } from '../../../engine/forms/index.js';

describe('pattern safety', () => {
  it.each([
    '^(a|a)*$',
    '^(a+)+$',
    '(.*)*',
    '(a*)*b',
    '^(\\w+\\s?)+$',
    '^([a-z]+[a-z.])*$',
    '(\\d|\\w)+x',
    '^(ab|ac)*$',
    '((a+)b?)*c',
    '(?:x+x+)+y',
  ])('refuses %s', (pattern) => {
    expect(checkRegexSafety(pattern).safe).toBe(false);
  });

  it.each([
    '^[A-Z]{2}-\\d{4}$',
    '^[^<>]*$',
    '^[\\w.-]+@([\\w-]+\\.)+[\\w-]{2,4}$',
    '^([a-z]+\\.)*[a-z]+$',
    '^(\\d{1,3}\\.){3}\\d{1,3}$',
    '^(\\+86)?1[3-9]\\d{9}$',
    '^SO-\\d{4}-\\d+$',
    '^(ab*)*$',
    '^\\p{Script=Han}+$',
  ])('accepts %s', (pattern) => {
    expect(checkRegexSafety(pattern)).toEqual({ safe: true });
  });

  it('refuses what is not a regular expression', () => {
    expect(checkRegexSafety('(unclosed')).toEqual({ safe: false, reason: 'not a valid regular expression' });
  });

  it('judges any text without throwing', () => {
    const regexAlphabet = fc.constantFrom(...'ab.()[]^$|*+?{},-\\dws:=!<>1'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: regexAlphabet, maxLength: 30 })), (pattern) => {
        const verdict = checkRegexSafety(pattern);
        expect(typeof verdict.safe).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('the refused patterns really are slow and the accepted ones are not', () => {
    const input = `${'a'.repeat(22)}!`;
    const started = performance.now();
    new RegExp('^(a|a)*$').test(input);
    const slow = performance.now() - started;
    const safeStarted = performance.now();
    new RegExp('^(ab*)*$').test(input);
    const fast = performance.now() - safeStarted;
    expect(slow).toBeGreaterThan(fast * 10);
  });
});
