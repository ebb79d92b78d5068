import type { Locale } from '../../../engine/errors/index.js';
import { MESSAGES_EN, type MessageId } from './messages-en.js';
import { MESSAGES_ZH_CN } from './messages-zh-cn.js';

export type MessageParams = Readonly<Record<string, string | number>>;

const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = {
  en: MESSAGES_EN,
  'zh-CN': MESSAGES_ZH_CN,
};

/** Looks a message up and fills its `{name}` parameters; an unknown parameter stays visible as `{name}`. */
export function translate(locale: Locale, id: MessageId, params: MessageParams = {}): string {
  const template = CATALOGUES[locale][id];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function isMessageId(value: string): value is MessageId {
  return Object.prototype.hasOwnProperty.call(MESSAGES_EN, value);
}
