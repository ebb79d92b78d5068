import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../designer/src/i18n/format.js';
import { MESSAGES_EN, type MessageId } from '../../designer/src/i18n/messages-en.js';
import { MESSAGES_ZH_CN } from '../../designer/src/i18n/messages-zh-cn.js';
import { pickLocale } from '../../designer/src/i18n/pick-locale.js';
import { translate } from '../../designer/src/i18n/translate.js';
import { describeError } from '../../designer/src/shell/describe-error.js';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('message catalogues', () => {
  it('have the same messages with the same parameters in both languages', () => {
    expect(Object.keys(MESSAGES_ZH_CN).sort()).toEqual(Object.keys(MESSAGES_EN).sort());
    for (const id of Object.keys(MESSAGES_EN) as MessageId[]) {
      expect(placeholders(MESSAGES_ZH_CN[id]), id).toEqual(placeholders(MESSAGES_EN[id]));
      expect(MESSAGES_ZH_CN[id].trim(), id).not.toBe('');
    }
  });

  it('fill parameters and leave unknown ones visible', () => {
    expect(translate('en', 'list.range', { from: 1, to: 20, total: 53 })).toBe('1–20 of 53');
    expect(translate('zh-CN', 'list.total', { total: 7 })).toBe('共 7 条');
    expect(translate('en', 'list.total')).toBe('{total} records');
  });

  it('insert parameter values as they are, even when they look like placeholders', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(translate('en', 'history.by', { actor: value })).toBe(`by ${value}`);
      }),
    );
  });
});

describe('language choice', () => {
  it('prefers the saved choice, then the browser languages, then Chinese', () => {
    expect(pickLocale('en', ['zh-CN'])).toBe('en');
    expect(pickLocale(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(pickLocale('fr', ['de'])).toBe('zh-CN');
    expect(pickLocale(null, [])).toBe('zh-CN');
  });
});

describe('dates', () => {
  it('shows a calendar date as the same day in every time zone', () => {
    expect(formatDate('2026-11-24', 'en')).toContain('24');
    expect(formatDate('2026-11-24', 'zh-CN')).toBe('2026/11/24');
    expect(formatDate('2026-01-01', 'zh-CN')).toBe('2026/01/01');
  });

  it('shows an instant in the given time zone and leaves non-dates alone', () => {
    expect(formatDateTime('2026-11-24T02:30:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026/11/24 10:30');
    expect(formatDateTime('soon', 'en')).toBe('soon');
  });
});

describe('error lines for people', () => {
  it('use the catalogue title in the chosen language rather than the developer detail', () => {
    expect(describeError({ code: 'ORDO_ERR_LOGIN_FAILED', title: 'Wrong user name or password' }, 'zh-CN')).toBe('用户名或密码错误');
    expect(describeError({ code: 'ORDO_ERR_REVISION_CONFLICT', title: '记录已被他人修改' }, 'en')).toBe('Someone else changed this record first');
  });

  it('fall back to the problem title for unknown codes and explain network failures', () => {
    expect(describeError({ code: 'HTTP_502', title: 'Bad Gateway' }, 'en')).toBe('Bad Gateway');
    expect(describeError({ code: 'NETWORK', title: 'fetch failed' }, 'zh-CN')).toBe('无法连接服务器，请检查网络后重试。');
  });
});
